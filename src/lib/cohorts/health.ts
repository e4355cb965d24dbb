/**
 * How the dashboard reads a scale's instrument health: the thresholds and the verdict on them,
 * decided on the rounded figures the page shows (STYLE 18). Used by the server, which sends the
 * reading, and by the dashboard, which words it.
 */

/** Cronbach's α from which a short scale's statements are taken to hang together. */
export const ALPHA_ADEQUATE = 0.7;
/** An item-total correlation below this marks a statement that barely goes with its scale. */
export const ITEM_TOTAL_WEAK = 0.2;

/**
 * - `adequate`: the whole 95% interval is at or above the threshold;
 * - `unsure`: α is at or above it, but the interval reaches below;
 * - `probably-low`: α is below it, but the interval reaches it;
 * - `low`: the whole interval is below it;
 * - `unknown`: α could not be computed (no variance).
 */
export type HealthReading = 'adequate' | 'unsure' | 'probably-low' | 'low' | 'unknown';

export function healthReading(
	alpha: number | null,
	interval: { lower: number; upper: number } | null
): HealthReading {
	if (alpha === null || interval === null) return 'unknown';
	if (alpha >= ALPHA_ADEQUATE) return interval.lower >= ALPHA_ADEQUATE ? 'adequate' : 'unsure';
	return interval.upper >= ALPHA_ADEQUATE ? 'probably-low' : 'low';
}
