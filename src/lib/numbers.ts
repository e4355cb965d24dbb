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
