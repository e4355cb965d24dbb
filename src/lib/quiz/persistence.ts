/**
 * @deprecated The stored quiz is owned by `snapshot.ts`; import from there. This module only
 * forwards the names the results page still uses, and goes once nothing imports it.
 */
export {
	QUIZ_STORAGE_KEY,
	clearQuiz,
	loadQuiz,
	saveQuiz,
	type LoadQuizResult,
	type QuizInstrument,
	type QuizStorage
} from './snapshot.ts';
