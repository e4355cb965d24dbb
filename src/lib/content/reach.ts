/**
 * The instrument's rule that a direction must never rest on the scenarios
 * alone. It lives with the content because both the content check and the
 * scorer apply it, and it is a property of the questions, not of a person.
 */
import { roundHalfAway } from '../numbers.ts';

/**
 * The largest position (in whole points, as shown) that the scenarios alone can
 * produce for someone who answered `statements` statements per scale, every
 * one at the midpoint, and picked one side in all `picks` scenarios. A
 * direction must go beyond it, so that it always needs the statements to agree:
 * skipped statements cannot let the scenarios decide on their own.
 */
export function scenarioReach(statements: [number, number], picks: number): number {
	const level = (sum: number, answered: number) =>
		answered > 0 ? roundHalfAway((100 * sum) / answered) : 0;
	const [strategic, tactical] = statements;
	const towardProduct =
		level(strategic / 2 + picks, strategic + picks) - level(tactical / 2, tactical + picks);
	const towardProject =
		level(tactical / 2 + picks, tactical + picks) - level(strategic / 2, strategic + picks);
	return Math.max(towardProduct, towardProject);
}
