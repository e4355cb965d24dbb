/**
 * The validation half of `persistence.ts`: the zod schemas of a saved quiz and
 * the checks against the current questions. Loaded on demand by `loadQuiz`.
 */
import { z } from 'zod/mini';
import {
	clearQuiz,
	type LoadQuizResult,
	type QuizInstrument,
	type QuizStorage,
	type SavedQuizEnvelope
} from './persistence.ts';

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

const envelopeSchema: z.ZodMiniType<SavedQuizEnvelope> = z.object({
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

const NOTICES = {
	unreadable: 'Your saved answers could not be read, so we started a fresh quiz.',
	earlier:
		'This quiz has changed since you last answered it, so your earlier answers cannot be used: we started a fresh one for you to take again.',
	other:
		'We found an unfinished quiz from a different version of the questions, so we started a fresh one.'
};

/** Checks the stored text; anything that does not fit is removed, with a notice. */
export function readSavedQuiz(
	raw: string,
	storage: QuizStorage,
	instrument: QuizInstrument,
	questionIds: readonly string[]
): LoadQuizResult {
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
	const maxOf = new Map(questions.map((question) => [question.id, question.optionCount]));
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
