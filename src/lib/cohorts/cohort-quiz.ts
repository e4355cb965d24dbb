/**
 * Where the join page keeps a half-way quiz: the quiz's own store (`$lib/quiz/snapshot`, which
 * owns the format), under a key of this cohort's own, so a cohort's quiz and the /quiz page's
 * never overwrite each other, and two cohorts' neither.
 */
import { QUIZ_STORAGE_KEY, type QuizStorage } from '$lib/quiz/snapshot';

/** The storage key of the half-way quiz for the cohort with this join code. */
export const cohortQuizKey = (joinCode: string) => `rolefit.cohort-quiz.${joinCode}`;

/** `storage` with the quiz's key moved to this cohort's. */
export function cohortQuizStorage(storage: QuizStorage, joinCode: string): QuizStorage {
	const key = (name: string) => (name === QUIZ_STORAGE_KEY ? cohortQuizKey(joinCode) : name);
	return {
		getItem: (name) => storage.getItem(key(name)),
		setItem: (name, value) => storage.setItem(key(name), value),
		removeItem: (name) => storage.removeItem(key(name))
	};
}
