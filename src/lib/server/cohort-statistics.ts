/**
 * Group statistics for a cohort dashboard: pure functions over numbers, no database.
 */
import type { ScaleHealth } from '$lib/cohorts/view';

export type { ScaleHealth };

export function mean(values: readonly number[]): number {
	let sum = 0;
	for (const value of values) sum += value;
	return sum / values.length;
}

/** Sample standard deviation (n − 1); 0 for fewer than two values. */
export function standardDeviation(values: readonly number[]): number {
	if (values.length < 2) return 0;
	const m = mean(values);
	let squares = 0;
	for (const value of values) squares += (value - m) ** 2;
	return Math.sqrt(squares / (values.length - 1));
}

function variance(values: readonly number[]): number {
	return standardDeviation(values) ** 2;
}

/** Pearson correlation; null when either side does not vary. */
export function correlation(x: readonly number[], y: readonly number[]): number | null {
	const mx = mean(x);
	const my = mean(y);
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < x.length; i += 1) {
		sxy += (x[i]! - mx) * (y[i]! - my);
		sxx += (x[i]! - mx) ** 2;
		syy += (y[i]! - my) ** 2;
	}
	if (sxx === 0 || syy === 0) return null;
	return sxy / Math.sqrt(sxx * syy);
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, nine coefficients: about 15 significant digits). */
export function logGamma(x: number): number {
	const g = 7;
	const c = [
		0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
		-176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
		1.5056327351493116e-7
	];
	if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
	const z = x - 1;
	let sum = c[0]!;
	for (let i = 1; i < g + 2; i += 1) sum += c[i]! / (z + i);
	const t = z + g + 0.5;
	return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * The continued fraction of the incomplete beta function, evaluated by the modified Lentz method
 * (Numerical Recipes' `betacf`); converges fast for x < (a + 1) / (a + b + 2).
 */
function betaFraction(a: number, b: number, x: number): number {
	const tiny = 1e-300;
	const qab = a + b;
	const qap = a + 1;
	const qam = a - 1;
	let c = 1;
	let d = 1 - (qab * x) / qap;
	if (Math.abs(d) < tiny) d = tiny;
	d = 1 / d;
	let h = d;
	// Enough terms for degrees of freedom in the hundreds of thousands (it needs about √max(a, b)).
	for (let m = 1; m <= 100_000; m += 1) {
		const m2 = 2 * m;
		let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
		d = 1 + aa * d;
		if (Math.abs(d) < tiny) d = tiny;
		c = 1 + aa / c;
		if (Math.abs(c) < tiny) c = tiny;
		d = 1 / d;
		h *= d * c;
		aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
		d = 1 + aa * d;
		if (Math.abs(d) < tiny) d = tiny;
		c = 1 + aa / c;
		if (Math.abs(c) < tiny) c = tiny;
		d = 1 / d;
		const step = d * c;
		h *= step;
		if (Math.abs(step - 1) < 1e-15) break;
	}
	return h;
}

/** The regularized incomplete beta function I_x(a, b), for a, b > 0 and 0 ≤ x ≤ 1. */
export function regularizedBeta(x: number, a: number, b: number): number {
	if (x <= 0) return 0;
	if (x >= 1) return 1;
	const front = Math.exp(
		logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x)
	);
	// The fraction converges on the side of the mean; the other side by symmetry.
	if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(a, b, x)) / a;
	return 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** P(F ≤ f) for the F distribution with d1 and d2 degrees of freedom. */
export function fDistribution(f: number, d1: number, d2: number): number {
	if (f <= 0) return 0;
	return regularizedBeta((d1 * f) / (d1 * f + d2), d1 / 2, d2 / 2);
}

/**
 * The p-quantile of the F distribution with d1 and d2 degrees of freedom: the f with
 * P(F ≤ f) = p. Found by bisection on x = d1·f / (d1·f + d2), where P(F ≤ f) = I_x(d1/2, d2/2)
 * rises from 0 to 1, until the bracket stops shrinking in double precision.
 */
export function fQuantile(p: number, d1: number, d2: number): number {
	if (!(p > 0 && p < 1)) throw new RangeError(`p must be between 0 and 1, not ${p}`);
	let low = 0;
	let high = 1;
	for (let i = 0; i < 200; i += 1) {
		const middle = (low + high) / 2;
		if (middle === low || middle === high) break;
		if (regularizedBeta(middle, d1 / 2, d2 / 2) < p) low = middle;
		else high = middle;
	}
	const x = (low + high) / 2;
	return (d2 * x) / (d1 * (1 - x));
}

/**
 * Feldt's confidence interval for Cronbach's α from n respondents and k items (Feldt 1965;
 * Feldt, Woodruff & Salih 1987, formulas 6 and 7): with F_q the q-quantile of the F distribution
 * with n − 1 and (n − 1)(k − 1) degrees of freedom and γ = 1 − confidence,
 * lower = 1 − (1 − α)·F_{1−γ/2}, upper = 1 − (1 − α)·F_{γ/2}. Null below 2 respondents or items.
 */
export function feldtInterval(
	alpha: number,
	n: number,
	k: number,
	confidence = 0.95
): { lower: number; upper: number } | null {
	if (n < 2 || k < 2) return null;
	const d1 = n - 1;
	const d2 = (n - 1) * (k - 1);
	const tail = (1 - confidence) / 2;
	return {
		lower: 1 - (1 - alpha) * fQuantile(1 - tail, d1, d2),
		upper: 1 - (1 - alpha) * fQuantile(tail, d1, d2)
	};
}

/**
 * Cronbach's α with its 95% interval (Feldt) and corrected item-total correlations for one
 * scale, from keyed item values (reverse-keyed items already reversed). `rows[r][i]` is
 * respondent r's keyed answer to item i; only complete rows are used.
 *
 * α = k / (k − 1) · (1 − Σ var(item) / var(total)).
 */
export function scaleHealth(itemIds: readonly string[], rows: readonly number[][]): ScaleHealth {
	const k = itemIds.length;
	const complete = rows.filter((row) => row.length === k && row.every(Number.isFinite));
	const columns = itemIds.map((_, i) => complete.map((row) => row[i]!));
	const totals = complete.map((row) => row.reduce((sum, value) => sum + value, 0));
	let alpha: number | null = null;
	const totalVariance = variance(totals);
	if (k > 1 && complete.length > 1 && totalVariance > 0) {
		const itemVariance = columns.reduce((sum, column) => sum + variance(column), 0);
		alpha = (k / (k - 1)) * (1 - itemVariance / totalVariance);
	}
	return {
		alpha,
		interval: alpha === null ? null : feldtInterval(alpha, complete.length, k),
		respondents: complete.length,
		items: itemIds.map((id, i) => ({
			id,
			itemTotal:
				complete.length > 2
					? correlation(
							columns[i]!,
							totals.map((total, r) => total - columns[i]![r]!)
						)
					: null
		}))
	};
}
