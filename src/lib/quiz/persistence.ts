/**
 * Resume after reload: the questionnaire actor's persisted snapshot, kept in
 * `localStorage` (or any Storage-like object) under one key, and validated
 * (in `saved-quiz.ts`) before it is handed back to `createActor(machine, { snapshot })`.
 * The validator, and zod with it, is loaded only when there is a saved quiz to
 * check, so a first visit does not download it.
 *
 * Anything that cannot be trusted (broken JSON, an unexpected shape, answers
 * that do not fit the current questions, another version of the instrument)
 * is thrown away with a notice for the person, never restored half-way.
 * Nothing here throws: storage can be missing, full or forbidden (private
 * browsing), and the quiz must still work, just without resume.
 */
import type { SavedQuizSnapshot } from './saved-quiz.ts';

export type { SavedQuizSnapshot };

/** The storage key; one unfinished quiz per browser profile. */
export const QUIZ_STORAGE_KEY = 'rolefit.quiz';

/** The part of `Storage` used here, so tests and other backends can stand in. */
export type QuizStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** What a saved quiz must agree on with the running quiz to be restored. */
export interface QuizInstrument {
	version: string;
	fingerprint: string;
}

/** What is stored under the key: the snapshot, stamped with its instrument. */
export interface SavedQuizEnvelope {
	format: 1;
	version: string;
	fingerprint: string;
	savedAt: number;
	snapshot: unknown;
}

export type LoadQuizResult =
	| { status: 'none' }
	| { status: 'restored'; snapshot: SavedQuizSnapshot; savedAt: number }
	| { status: 'discarded'; reason: 'unreadable' | 'other-version'; notice: string };

/**
 * Stores the actor's persisted snapshot (`actor.getPersistedSnapshot()`),
 * stamped with the instrument it belongs to.
 *
 * @returns false when it could not be stored (quota, private mode, a snapshot
 *   that is not JSON); the quiz goes on, it just won't survive a reload.
 */
export function saveQuiz(
	storage: QuizStorage,
	instrument: QuizInstrument,
	persistedSnapshot: unknown,
	now: number = Date.now()
): boolean {
	try {
		const envelope: SavedQuizEnvelope = {
			format: 1,
			version: instrument.version,
			fingerprint: instrument.fingerprint,
			savedAt: now,
			snapshot: persistedSnapshot
		};
		storage.setItem(QUIZ_STORAGE_KEY, JSON.stringify(envelope));
		return true;
	} catch {
		return false;
	}
}

/**
 * The saved quiz, if there is one that fits the current questions exactly
 * (`questionIds` in presentation order). A saved quiz that does not fit is
 * removed, and the result carries a notice to show.
 */
export async function loadQuiz(
	storage: QuizStorage,
	instrument: QuizInstrument,
	questionIds: readonly string[]
): Promise<LoadQuizResult> {
	let raw: string | null;
	try {
		raw = storage.getItem(QUIZ_STORAGE_KEY);
	} catch {
		return { status: 'none' };
	}
	if (raw === null) return { status: 'none' };
	const { readSavedQuiz } = await import('./saved-quiz.ts');
	return readSavedQuiz(raw, storage, instrument, questionIds);
}

/** Forgets the saved quiz (after submitting, or on "start again"). */
export function clearQuiz(storage: QuizStorage): void {
	try {
		storage.removeItem(QUIZ_STORAGE_KEY);
	} catch {
		// Nothing to do: if storage cannot be written, nothing can be restored from it either.
	}
}
