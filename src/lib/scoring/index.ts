/** The scoring engine's public surface: pure TypeScript, no Svelte, `$app` or `$env`. */
export {
	createScorer,
	directionDistance,
	firmnessFor,
	isValidAnswer,
	keyedValue,
	profileFor,
	scoreAnswers,
	scoreWithPlan,
	scaleIds,
	verdictFor
} from './score.ts';
export { scenarioReach } from '../content/reach.ts';
export { compileScoringPlan, type ScoringPlan } from './plan.ts';
export { checkAnswers, questionsById, type AnswerProblem } from './answers.ts';
export { roundHalfAway } from './statistics.ts';
export type * from './types.ts';
