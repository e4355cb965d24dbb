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

/**
 * Cronbach's α and corrected item-total correlations for one scale, from keyed item values
 * (reverse-keyed items already reversed). `rows[r][i]` is respondent r's keyed answer to item i;
 * only complete rows are used.
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
