/**
 * Resume after reload: the questionnaire actor's persisted snapshot, kept in
 * `localStorage` (or any Storage-like object) under one key, and validated
 * before it is handed back to `createActor(machine, { snapshot })`.
 *
 * Anything that cannot be trusted (broken JSON, an unexpected shape, answers
 * that do not fit the current questions, another version of the instrument)
 * is thrown away with a notice for the person, never restored half-way.
 * Nothing here throws: storage can be missing, full or forbidden (private
 * browsing), and the quiz must still work, just without resume.
 */
import { z } from 'zod/mini';

/** The storage key; one unfinished quiz per browser profile. */
export const QUIZ_STORAGE_KEY = 'rolefit.quiz';

/** The part of `Storage` used here, so tests and other backends can stand in. */
export type QuizStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** What a saved quiz must agree on with the running quiz to be restored. */
export interface QuizInstrument {
	version: string;
	fingerprint: string;
}

const questionSchema = z.looseObject({
	id: z.string(),
	kind: z.enum(['likert', 'scenario']),
	optionCount: z.int().check(z.minimum(1))
});

// Loose objects: fields the machine adds later pass through untouched; only the
// fields this module and a restored actor rely on are checked.
const contextSchema = z.looseObject({
	questions: z.array(questionSchema),
	index: z.int().check(z.minimum(0)),
	answers: z.record(z.string(), z.int()),
	seconds: z.record(z.string(), z.number().check(z.minimum(0))),
	enteredAt: z.nullable(z.number()),
	returnToReview: z.boolean()
});

const snapshotSchema = z.looseObject({
	status: z.literal('active'),
	value: z.enum(['answering', 'reviewing', 'submitted']),
	context: contextSchema,
	historyValue: z.optional(z.record(z.string(), z.unknown())),
	children: z.optional(z.record(z.string(), z.unknown()))
});

const envelopeSchema = z.object({
	format: z.literal(1),
	version: z.string(),
	fingerprint: z.string(),
	savedAt: z.number(),
	snapshot: z.unknown()
});

/**
 * A validated persisted snapshot, ready for `createActor(machine, { snapshot })`.
 * `output` and `error` are put back because JSON drops `undefined`.
 */
export type SavedQuizSnapshot = z.infer<typeof snapshotSchema> & {
	output: undefined;
	error: undefined;
};

export type LoadQuizResult =
	| { status: 'none' }
	| { status: 'restored'; snapshot: SavedQuizSnapshot; savedAt: number }
	| { status: 'discarded'; reason: 'unreadable' | 'other-version'; notice: string };

const NOTICES = {
	unreadable: 'Your saved answers could not be read, so we started a fresh quiz.',
	earlier:
		'We found an unfinished quiz from an earlier version of the questions, so we started a fresh one.',
	other:
		'We found an unfinished quiz from a different version of the questions, so we started a fresh one.'
};

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
		const envelope: z.infer<typeof envelopeSchema> = {
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
export function loadQuiz(
	storage: QuizStorage,
	instrument: QuizInstrument,
	questionIds: readonly string[]
): LoadQuizResult {
	let raw: string | null;
	try {
		raw = storage.getItem(QUIZ_STORAGE_KEY);
	} catch {
		return { status: 'none' };
	}
	if (raw === null) return { status: 'none' };

	let json: unknown;
	try {
		json = JSON.parse(raw);
	} catch {
		return discard(storage, 'unreadable', NOTICES.unreadable);
	}
	const envelope = envelopeSchema.safeParse(json);
	if (!envelope.success) return discard(storage, 'unreadable', NOTICES.unreadable);

	// The version is checked before the snapshot: an older machine's snapshot may
	// well have another shape, and "earlier version" is the truer notice then.
	const { version, fingerprint, savedAt } = envelope.data;
	if (version !== instrument.version || fingerprint !== instrument.fingerprint) {
		const notice = isNewer(version, instrument.version) ? NOTICES.other : NOTICES.earlier;
		return discard(storage, 'other-version', notice);
	}

	const snapshot = snapshotSchema.safeParse(envelope.data.snapshot);
	if (!snapshot.success || !fitsQuestions(snapshot.data.context, questionIds)) {
		return discard(storage, 'unreadable', NOTICES.unreadable);
	}
	return {
		status: 'restored',
		snapshot: { ...snapshot.data, output: undefined, error: undefined },
		savedAt
	};
}

/** Forgets the saved quiz (after submitting, or on "start again"). */
export function clearQuiz(storage: QuizStorage): void {
	try {
		storage.removeItem(QUIZ_STORAGE_KEY);
	} catch {
		// Nothing to do: if storage cannot be written, nothing can be restored from it either.
	}
}

function discard(
	storage: QuizStorage,
	reason: 'unreadable' | 'other-version',
	notice: string
): LoadQuizResult {
	clearQuiz(storage);
	return { status: 'discarded', reason, notice };
}

/** The checks the schema cannot make alone: they depend on the current questions. */
function fitsQuestions(
	context: z.infer<typeof contextSchema>,
	questionIds: readonly string[]
): boolean {
	const { questions, index, answers, seconds } = context;
	if (
		questions.length !== questionIds.length ||
		questions.some((question, i) => question.id !== questionIds[i]) ||
		index >= questions.length
	) {
		return false;
	}
	const maxOf = new Map(
		questions.map((question) => [
			question.id,
			question.kind === 'likert' ? 5 : question.optionCount
		])
	);
	const answersFit = Object.entries(answers).every(([id, value]) => {
		const max = maxOf.get(id);
		return max !== undefined && value >= 1 && value <= max;
	});
	return answersFit && Object.keys(seconds).every((id) => maxOf.has(id));
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
