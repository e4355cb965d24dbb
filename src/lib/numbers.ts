/** Number formatting shared by the content rules and the scoring engine. */

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

/**
 * Rounds a level (0–100) to a whole number, halves away from the middle (50),
 * so that a mirror-image answer set (every level x becoming 100 − x) shows
 * mirror-image numbers: 41.5 → 41 and 58.5 → 59, never 42 beside 59.
 */
export function roundLevel(value: number): number {
	return 50 + roundHalfAway(value - 50);
}
