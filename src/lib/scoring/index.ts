/** The scoring engine's public surface: pure TypeScript, no Svelte, `$app` or `$env`. */
export {
	createScorer,
	firmnessFor,
	isValidAnswer,
	keyedValue,
	leanFor,
	profileFor,
	scoreAnswers,
	scoreWithPlan,
	scaleIds,
	verdictFor
} from './score.ts';
export { scenarioReach, largestScenarioReach } from '../content/reach.ts';
export { compileScoringPlan, type ScoringPlan } from './plan.ts';
export { checkAnswers, questionsById, type AnswerProblem } from './answers.ts';
export { roundHalfAway, roundLevel } from './statistics.ts';
export type * from './types.ts';
