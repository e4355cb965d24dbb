/**
 * The one owner of the stored quiz: the questionnaire actor's persisted snapshot
 * (`actor.getPersistedSnapshot()`), kept in `localStorage` (or any Storage-like object) under
 * one key, inside an envelope that names the instrument it belongs to. Its zod schema, parse,
 * serialise and migrate live here and nowhere else; everyone else calls `saveQuiz`,
 * `loadQuiz`, `clearQuiz`, `parseQuiz` and `watchQuiz`.
 *
 * Anything that cannot be trusted (broken or truncated JSON, megabytes of junk, an unexpected
 * state, counts out of range, answers that do not fit the current questions, another version
 * of the instrument) is discarded with a reason for the page to tell, never restored half-way, and
 * never slowly: the text is size-checked before it is parsed. What is restored is rebuilt from
 * the checked fields only, with the current questions, so nothing unchecked reaches
 * `createActor(machine, { snapshot })`.
 *
 * The zod schemas are in `snapshot-schema.ts`, a part of this module that only this module
 * imports, and only when there is something to check, so a first visit does not download zod.
 * Nothing here throws: storage can be missing, full or forbidden (private browsing), and the
 * quiz must still work, just without resume.
 */
import { matchEdition } from '../content/edition.ts';
import type { StoredContext } from './snapshot-schema.ts';
import type { PersistedQuestionnaire, QuestionnaireContext, QuestionRef } from './types.ts';

/** The storage key; one unfinished quiz per browser profile. */
export const QUIZ_STORAGE_KEY = 'rolefit.quiz';

/**
 * The longest stored text that is even looked at, in UTF-16 code units. A full quiz of 36
 * questions takes about 4,000; anything past this is not ours and is dropped unparsed.
 */
export const MAX_STORED_LENGTH = 64 * 1024;

/** The envelope format written today; `migrateQuiz` reads every earlier one. */
export const QUIZ_FORMAT = 1;

/** The part of `Storage` used here, so tests and other backends can stand in. */
export type QuizStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** What a saved quiz must agree on with the running quiz to be restored. */
export interface QuizInstrument {
	version: string;
	fingerprint: string;
}

/**
 * The questions the running quiz asks, in order: their references (checked in full, and used
 * for the restored quiz), or only their ids when that is all the caller has.
 */
export type ExpectedQuestions = readonly QuestionRef[] | readonly string[];

/** What is stored under the key: the snapshot, stamped with its instrument. */
export interface SavedQuizEnvelope {
	format: typeof QUIZ_FORMAT;
	version: string;
	fingerprint: string;
	savedAt: number;
	snapshot: unknown;
}

/**
 * Why a stored quiz was not restored: it could not be read or does not fit (`unreadable`), or
 * it belongs to an earlier or a later version of the instrument. The page words it (the
 * `notices` of quiz-page.yaml).
 */
export type DiscardReason = 'unreadable' | 'earlier-version' | 'later-version';

export type ParseQuizResult =
	| {
			status: 'restored';
			snapshot: PersistedQuestionnaire;
			savedAt: number;
			/** Saved under an earlier version with the same questions: scored under today's rules. */
			rescoredFrom: string | null;
	  }
	| { status: 'discarded'; reason: DiscardReason };

export type LoadQuizResult = { status: 'none' } | ParseQuizResult;

/**
 * The stored text for a persisted snapshot, or null when the snapshot is not one to keep
 * (a stopped actor, or one in the middle of submitting).
 */
export function serialiseQuiz(
	instrument: QuizInstrument,
	persisted: unknown,
	savedAt: number = Date.now()
): string | null {
	const snapshot = persisted as Partial<PersistedQuestionnaire> | null;
	if (snapshot?.status !== 'active' || snapshot.value === ('submitting' as string)) return null;
	const envelope: SavedQuizEnvelope = {
		format: QUIZ_FORMAT,
		version: instrument.version,
		fingerprint: instrument.fingerprint,
		savedAt,
		snapshot
	};
	try {
		return JSON.stringify(envelope);
	} catch {
		return null;
	}
}

/**
 * Brings a parsed envelope written by an earlier release up to today's shape (it is then
 * validated like any other). Format 1 is the only format so far; its snapshots were first
 * written before the machine had `submitError`, which such a snapshot gets as null.
 */
export function migrateQuiz(json: unknown): unknown {
	if (!isRecord(json) || !isRecord(json.snapshot) || !isRecord(json.snapshot.context)) return json;
	const { context } = json.snapshot;
	if (Object.hasOwn(context, 'submitError')) return json;
	return { ...json, snapshot: { ...json.snapshot, context: { ...context, submitError: null } } };
}

/**
 * Checks a stored text against the running quiz. Pure: it reads and removes nothing (see
 * `loadQuiz`), so it also serves the text another tab has just written.
 */
export async function parseQuiz(
	raw: string,
	instrument: QuizInstrument,
	questions: ExpectedQuestions
): Promise<ParseQuizResult> {
	if (raw.length > MAX_STORED_LENGTH) return discarded('unreadable');
	let json: unknown;
	try {
		json = migrateQuiz(JSON.parse(raw));
	} catch {
		return discarded('unreadable');
	}
	const { envelopeSchema, snapshotSchema } = await loadSchemas();
	const envelope = envelopeSchema.safeParse(json);
	if (!envelope.success || envelope.data.format !== QUIZ_FORMAT) return discarded('unreadable');

	// The version is checked before the snapshot: an older machine's snapshot may well have
	// another shape, and "another version" is the truer reason then.
	const { version, fingerprint, savedAt } = envelope.data;
	const edition = matchEdition({ version, fingerprint }, instrument);
	if (edition === 'other') {
		return discarded(isNewer(version, instrument.version) ? 'later-version' : 'earlier-version');
	}

	const parsed = snapshotSchema.safeParse(envelope.data.snapshot);
	if (!parsed.success) return discarded('unreadable');
	const context = fittedContext(parsed.data.context, questions);
	if (context === null) return discarded('unreadable');
	return {
		status: 'restored',
		rescoredFrom: edition === 'rescored' ? version : null,
		// Rebuilt from checked fields only: nothing else a stored text carries is passed on.
		snapshot: {
			status: 'active',
			value: parsed.data.value,
			context,
			historyValue: {},
			children: {},
			output: undefined,
			error: undefined
		} as PersistedQuestionnaire,
		savedAt
	};
}

/**
 * Stores the actor's persisted snapshot (`actor.getPersistedSnapshot()`), stamped with the
 * instrument it belongs to.
 *
 * @returns false when it could not be stored (quota, private mode, a snapshot that is not
 *   one to keep); the quiz goes on, it just won't survive a reload.
 */
export function saveQuiz(
	storage: QuizStorage,
	instrument: QuizInstrument,
	persisted: unknown,
	now: number = Date.now()
): boolean {
	const text = serialiseQuiz(instrument, persisted, now);
	if (text === null) return false;
	try {
		storage.setItem(QUIZ_STORAGE_KEY, text);
		return true;
	} catch {
		return false;
	}
}

/**
 * The machine's `persist` action for `questionnaireMachine.provide()`: saves the snapshot each
 * change leads to, and reports whether storage took it (`onsaved(false)`: a reload would lose
 * the answers).
 */
export function persistAction(
	storage: QuizStorage,
	instrument: QuizInstrument,
	onsaved?: (saved: boolean) => void
) {
	return ({ self }: { self: { getPersistedSnapshot(): unknown } }) => {
		// Actions run while the actor transitions, before its snapshot is replaced: read it after.
		queueMicrotask(() => {
			const text = serialiseQuiz(instrument, self.getPersistedSnapshot());
			if (text === null) return;
			try {
				storage.setItem(QUIZ_STORAGE_KEY, text);
				onsaved?.(true);
			} catch {
				onsaved?.(false);
			}
		});
	};
}

/**
 * The browser's `localStorage`, or a stand-in that keeps nothing where reading the property
 * itself throws (storage disabled) or there is none (the server).
 */
export function browserStorage(): QuizStorage {
	try {
		if (globalThis.localStorage) return globalThis.localStorage;
	} catch {
		// Disabled by the person or the browser: fall through to the stand-in.
	}
	return {
		getItem: () => null,
		setItem: () => {
			throw new DOMException('No storage', 'SecurityError');
		},
		removeItem: () => {}
	};
}

/**
 * The saved quiz, if there is one that fits the current questions exactly. A saved quiz that
 * does not fit is removed, and the result says why.
 */
export async function loadQuiz(
	storage: QuizStorage,
	instrument: QuizInstrument,
	questions: ExpectedQuestions
): Promise<LoadQuizResult> {
	let raw: string | null;
	try {
		raw = storage.getItem(QUIZ_STORAGE_KEY);
	} catch {
		return { status: 'none' };
	}
	if (raw === null) return { status: 'none' };
	const result = await parseQuiz(raw, instrument, questions);
	if (result.status === 'discarded') clearQuiz(storage);
	return result;
}

/** Forgets the saved quiz (on "start over", or when it cannot be used). */
export function clearQuiz(storage: QuizStorage): void {
	try {
		storage.removeItem(QUIZ_STORAGE_KEY);
	} catch {
		// Nothing to do: if storage cannot be written, nothing can be restored from it either.
	}
}

/**
 * Calls `onchange` with the new stored text whenever another tab of this browser saves,
 * clears or replaces the quiz (the `storage` event, which never fires in the tab that wrote).
 *
 * @returns a function that stops watching.
 */
export function watchQuiz(
	target: Pick<Window, 'addEventListener' | 'removeEventListener'>,
	onchange: (raw: string | null) => void
): () => void {
	const listener = (event: StorageEvent) => {
		// A null key means the whole storage was cleared.
		if (event.key === QUIZ_STORAGE_KEY || event.key === null) onchange(event.newValue);
	};
	target.addEventListener('storage', listener);
	return () => target.removeEventListener('storage', listener);
}

// ------------------------------------------------------------------------------ checking

function discarded(reason: DiscardReason) {
	return { status: 'discarded', reason } as const;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The zod schemas, loaded on first use (zod loads with them). */
let schemas: Promise<typeof import('./snapshot-schema.ts')> | undefined;

function loadSchemas() {
	schemas ??= import('./snapshot-schema.ts');
	return schemas;
}

/**
 * The stored context, if it fits the current questions: the same questions in the same order
 * (all of each reference when the caller has them), an index on one of them, answers within
 * each question's options and time only for known questions. The checks a schema cannot make
 * alone, because they depend on the running quiz.
 */
function fittedContext(
	stored: StoredContext,
	expected: ExpectedQuestions
): QuestionnaireContext | null {
	const refs = expected.every((question) => typeof question !== 'string')
		? (expected as readonly QuestionRef[])
		: null;
	const ids = expected.map((question) => (typeof question === 'string' ? question : question.id));
	const { questions, index, answers, seconds } = stored;
	if (
		questions.length !== ids.length ||
		questions.some(
			(question, i) =>
				question.id !== ids[i] ||
				(refs !== null &&
					(question.kind !== refs[i]!.kind || question.optionCount !== refs[i]!.optionCount))
		) ||
		index >= questions.length
	) {
		return null;
	}
	const maxOf = new Map(questions.map((question) => [question.id, question.optionCount]));
	const answersFit = Object.entries(answers).every(([id, value]) => {
		const max = maxOf.get(id);
		return max !== undefined && value >= 1 && value <= max;
	});
	if (!answersFit || !Object.keys(seconds).every((id) => maxOf.has(id))) return null;
	return {
		...stored,
		questions: (refs ?? questions).map((question) => ({ ...question })),
		// An error from an earlier visit is no longer news.
		submitError: null
	};
}

/** Whether version `a` (major.minor.patch) is later than `b`. */
function isNewer(a: string, b: string): boolean {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	for (let i = 0; i < 3; i++) {
		const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
		if (diff !== 0) return diff > 0;
	}
	return false;
}
