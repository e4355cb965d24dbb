/** Small, dependency-free statistics for the scoring engine. */
export { roundHalfAway, roundLevel } from '../numbers.ts';

export function mean(values: readonly number[]): number {
	let sum = 0;
	for (const value of values) sum += value;
	return sum / values.length;
}

/** Sample variance (n − 1) from a count, a sum and a sum of squares; 0 below two values. */
export function sampleVariance(count: number, sum: number, sumOfSquares: number): number {
	if (count < 2) return 0;
	return Math.max(0, (sumOfSquares - (sum * sum) / count) / (count - 1));
}

/** Population variance of a list (n): the spread of values taken as equally likely. */
export function populationVariance(values: readonly number[]): number {
	const average = mean(values);
	let squares = 0;
	for (const value of values) squares += (value - average) ** 2;
	return squares / values.length;
}

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const clamp = (value: number, low: number, high: number) =>
	Math.min(high, Math.max(low, value));
