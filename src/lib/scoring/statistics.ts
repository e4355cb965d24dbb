/** Small, dependency-free statistics for the scoring engine. */

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

/**
 * Rounds to a whole number, halves away from zero, so that −x always rounds to
 * −round(x) (Math.round sends −2.5 to −2 but 2.5 to 3). Every number a person
 * sees is rounded by this, and every decision reads the rounded number.
 */
export function roundHalfAway(value: number): number {
	const rounded = Math.round(Math.abs(value));
	// 0 − x, not −x: a rounded −0.4 is 0, never −0.
	return value < 0 ? 0 - rounded : rounded;
}

export const clamp = (value: number, low: number, high: number) =>
	Math.min(high, Math.max(low, value));
