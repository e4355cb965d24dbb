/** Small, dependency-free statistics for the scoring engine. */

export function mean(values: readonly number[]): number {
	let sum = 0;
	for (const value of values) sum += value;
	return sum / values.length;
}

/** Sample standard deviation (n − 1); 0 for fewer than two values. */
export function standardDeviation(values: readonly number[]): number {
	if (values.length < 2) return 0;
	const average = mean(values);
	let squares = 0;
	for (const value of values) squares += (value - average) ** 2;
	return Math.sqrt(squares / (values.length - 1));
}

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The standard normal distribution function Φ (Abramowitz–Stegun 26.2.17, error < 7.5e-8). */
export function normalCdf(z: number): number {
	const t = 1 / (1 + 0.2316419 * Math.abs(z));
	const density = Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
	const tail =
		density *
		t *
		(0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
	return z >= 0 ? 1 - tail : tail;
}

/** z for a two-sided 90% interval. */
export const z90 = 1.6448536269514722;

export const clamp = (value: number, low: number, high: number) =>
	Math.min(high, Math.max(low, value));
