/**
 * The instrument's rule that a direction must never rest on the scenarios
 * alone. It lives with the content because the content check applies it to the
 * questions, and the scorer relies on it: it is a property of the questions and
 * of the fewest statements a result allows, not of a person, so a verdict can
 * be read from the numbers a person sees alone.
 */
import { roundLevel } from '../numbers.ts';

/**
 * The largest position (in whole points, as shown) that the scenarios alone can
 * produce for someone who answered `statements` statements per scale, every
 * one at the midpoint, and picked one side in all `picks` scenarios, each pick
 * counting `scenarioWeight` of a statement in a level.
 */
export function scenarioReach(
	statements: [number, number],
	picks: number,
	scenarioWeight: number
): number {
	const weight = picks * scenarioWeight;
	const level = (sum: number, answered: number) =>
		answered > 0 ? roundLevel((100 * sum) / answered) : 0;
	const [strategic, tactical] = statements;
	const towardProduct =
		level(strategic / 2 + weight, strategic + weight) - level(tactical / 2, tactical + weight);
	const towardProject =
		level(tactical / 2 + weight, tactical + weight) - level(strategic / 2, strategic + weight);
	return Math.max(towardProduct, towardProject);
}

/** The fewest statements of a scale with `total` that still give a result. */
export function fewestStatements(total: number, minAnsweredShare: number): number {
	return Math.ceil(total * minAnsweredShare - 1e-9);
}

/**
 * The largest scenario-only position over every count of answered statements a
 * result allows (fewer answered statements let the scenarios weigh more).
 */
export function largestScenarioReach(
	statementTotals: [number, number],
	picks: number,
	scenarioWeight: number,
	minAnsweredShare: number
): number {
	let largest = 0;
	const [fewestStrategic, fewestTactical] = statementTotals.map((total) =>
		fewestStatements(total, minAnsweredShare)
	) as [number, number];
	for (let strategic = fewestStrategic; strategic <= statementTotals[0]; strategic += 1) {
		for (let tactical = fewestTactical; tactical <= statementTotals[1]; tactical += 1) {
			largest = Math.max(largest, scenarioReach([strategic, tactical], picks, scenarioWeight));
		}
	}
	return largest;
}
