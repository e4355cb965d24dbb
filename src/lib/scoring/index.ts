/** The scoring engine's public surface: pure TypeScript, no Svelte, `$app` or `$env`. */
export {
	createScorer,
	isValidAnswer,
	keyedValue,
	scoreAnswers,
	scaleIds,
	verdictFor
} from './score.ts';
export { checkAnswers, questionsById, type AnswerProblem } from './answers.ts';
export type * from './types.ts';
