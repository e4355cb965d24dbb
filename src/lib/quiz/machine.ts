/**
 * The questionnaire flow: which question is shown, what was answered, how long each question
 * took, and when the person reviews and submits.
 *
 * Pure XState logic with no Svelte and no content data (only the question types): questions
 * arrive through `input` as minimal references, and time arrives on the events (`at`), so every transition is
 * deterministic and testable in Node. `actor.svelte.ts` is the one place that adds a clock.
 */
import { and, assertEvent, assign, not, or, setup, type Snapshot, type SnapshotFrom } from 'xstate';
import { optionCountOf } from '../content/questionnaire.ts';
import type { Question } from '../content/types.ts';

/** What the machine needs to know about a question: no text, no keying, no weights. */
export interface QuestionRef {
	id: string;
	kind: 'likert' | 'scenario';
	/** How many answers there are to choose from: 5 for likert items, the option count for scenarios. */
	optionCount: number;
}

/**
 * The machine's context. Plain JSON, because it is persisted to localStorage as part of the
 * actor's persisted snapshot.
 */
export interface QuestionnaireContext {
	questions: QuestionRef[];
	/** The question being shown (0-based); while reviewing, the one the person came from. */
	index: number;
	/** Raw answers by question id: likert 1–5, scenario the 1-based option number. */
	answers: Record<string, number>;
	/** Seconds spent on each question by id, summed over visits (for the rushing check). */
	seconds: Record<string, number>;
	/** When the current question was shown (ms timestamp); null when unknown or not showing one. */
	enteredAt: number | null;
	/** Set when a question was opened from the review screen: `nav.next` then returns there. */
	returnToReview: boolean;
}

/** Data in: the question list, and optionally when the first question was shown (ms). */
export interface QuestionnaireInput {
	questions: QuestionRef[];
	at?: number;
}

/**
 * Every event may carry `at`, the ms timestamp at which it happened. The adapter stamps it with
 * `Date.now()`; tests pass fixed numbers or leave it out (then no time is recorded).
 */
export type QuestionnaireEvent =
	| { type: 'answer.select'; value: number; at?: number }
	| { type: 'nav.next'; at?: number }
	| { type: 'nav.back'; at?: number }
	| { type: 'nav.jump'; index: number; at?: number }
	| { type: 'review.open'; at?: number }
	| { type: 'quiz.submit'; at?: number }
	| { type: 'quiz.restart'; at?: number };

// Distributes over the union, so each event keeps its own payload.
type WithoutAt<E> = E extends unknown ? Omit<E, 'at'> : never;

/** An event as a component sends it; the adapter adds `at`. */
export type QuestionnaireCommand = WithoutAt<QuestionnaireEvent>;

/** The machine's top-level states. */
export type QuestionnaireStateValue = 'answering' | 'reviewing' | 'submitted';

/** Tags components read with `snapshot.hasTag()`. */
export type QuestionnaireTag = 'question' | 'review' | 'done';

/**
 * The longest single visit to a question that is counted, in seconds.
 *
 * Time is measured from `enteredAt` to the next event's `at`. After a reload the restored
 * `enteredAt` is stale (it still points to before the tab was closed), and a tab left in the
 * background keeps "spending" time too. Nobody needs five minutes to read one statement, so
 * anything longer is time away, not time answering. Capping loses nothing the rushing check
 * needs: it only looks for answers that were too fast.
 */
export const MAX_VISIT_SECONDS = 300;

/** Maps content questions to the minimal references the machine works with. */
export function questionRefsOf(questions: readonly Question[]): QuestionRef[] {
	return questions.map((question) => ({
		id: question.id,
		kind: question.kind,
		optionCount: optionCountOf(question)
	}));
}

/** Whether `value` is an allowed answer to `question`: an integer from 1 to its option count. */
export function isValidAnswerValue(question: QuestionRef | undefined, value: unknown): boolean {
	return (
		question !== undefined &&
		typeof value === 'number' &&
		Number.isInteger(value) &&
		value >= 1 &&
		value <= question.optionCount
	);
}

// Own keys only: an id such as "constructor" must not find Object.prototype members.
function own(record: Record<string, number>, id: string): number | undefined {
	return Object.hasOwn(record, id) ? record[id] : undefined;
}

/** The answer to the question with this id, if any. */
export function answerOf(context: Pick<QuestionnaireContext, 'answers'>, id: string) {
	return own(context.answers, id);
}

/** The answer to the question at `context.index`, if any. */
export function currentAnswer(context: QuestionnaireContext): number | undefined {
	const question = context.questions[context.index];
	return question === undefined ? undefined : answerOf(context, question.id);
}

/** Indexes (0-based) of the questions without an answer, in order. */
export function unansweredIndexes(context: Pick<QuestionnaireContext, 'questions' | 'answers'>) {
	const missing: number[] = [];
	context.questions.forEach((question, index) => {
		if (answerOf(context, question.id) === undefined) missing.push(index);
	});
	return missing;
}

/** Whether every question has an answer; the UI warns before submitting when it does not. */
export function isComplete(context: Pick<QuestionnaireContext, 'questions' | 'answers'>) {
	return unansweredIndexes(context).length === 0;
}

/** Where the person is: 1-based position, question count and how many are answered. */
export function progress(context: QuestionnaireContext): {
	position: number;
	total: number;
	answered: number;
} {
	const total = context.questions.length;
	return {
		position: Math.min(context.index + 1, total),
		total,
		answered: total - unansweredIndexes(context).length
	};
}

/** Whether `nav.next` leads to the review screen rather than another question. */
export function nextGoesToReview(context: QuestionnaireContext): boolean {
	return (
		context.returnToReview ||
		(context.index === context.questions.length - 1 && isComplete(context))
	);
}

/** A usable timestamp, or null: `at` is optional and must not poison the arithmetic. */
function timestamp(at: number | undefined): number | null {
	return typeof at === 'number' && Number.isFinite(at) ? at : null;
}

/** Adds one visit to a question's total, capped and never negative (clocks can go back). */
function addVisit(seconds: Record<string, number>, id: string, from: number, to: number) {
	const visit = Math.min(Math.max(0, to - from) / 1000, MAX_VISIT_SECONDS);
	// Rounded to milliseconds so repeated float sums stay readable in storage.
	const total = Math.round(((own(seconds, id) ?? 0) + visit) * 1000) / 1000;
	return { ...seconds, [id]: total };
}

/**
 * The questionnaire as a state machine.
 *
 * - `answering` (tag `question`): `answer.select` answers the current question (invalid values
 *   are ignored); `nav.next` needs an answer and moves on, to review after the last question
 *   (or back to review when the question was opened from there); `nav.back`, `nav.jump` and
 *   `review.open` move freely.
 * - `reviewing` (tag `review`): `nav.jump` opens a question and sets `returnToReview`;
 *   `nav.back` returns to the question the person came from; `quiz.submit` submits, even with
 *   unanswered questions (scoring reports those; see `isComplete`).
 * - `submitted` (tag `done`): not final, because `quiz.restart` works from every state.
 */
export const questionnaireMachine = setup({
	types: {
		context: {} as QuestionnaireContext,
		events: {} as QuestionnaireEvent,
		input: {} as QuestionnaireInput,
		tags: {} as QuestionnaireTag
	},
	guards: {
		isFirstQuestion: ({ context }) => context.index === 0,
		isLastQuestion: ({ context }) => context.index === context.questions.length - 1,
		hasAnswer: ({ context }) => currentAnswer(context) !== undefined,
		allAnswered: ({ context }) => isComplete(context),
		isReturningToReview: ({ context }) => context.returnToReview,
		isValidAnswer: ({ context, event }) =>
			event.type === 'answer.select' &&
			isValidAnswerValue(context.questions[context.index], event.value),
		isValidIndex: ({ context, event }) =>
			event.type === 'nav.jump' &&
			Number.isInteger(event.index) &&
			event.index >= 0 &&
			event.index < context.questions.length
	},
	actions: {
		/** Adds the time since `enteredAt` to the current question and restarts its clock. */
		recordTime: assign(({ context, event }) => {
			const at = timestamp(event.at);
			if (at === null) return {};
			const question = context.questions[context.index];
			if (question === undefined || context.enteredAt === null) return { enteredAt: at };
			return {
				seconds: addVisit(context.seconds, question.id, context.enteredAt, at),
				enteredAt: at
			};
		}),
		/** A question is now on screen: its clock starts at the event's time (or is unknown). */
		startClock: assign({ enteredAt: ({ event }) => timestamp(event.at) }),
		/** No question is on screen (review, submitted), so no time accrues. */
		stopClock: assign({ enteredAt: null }),
		setAnswer: assign({
			answers: ({ context, event }) => {
				assertEvent(event, 'answer.select');
				const question = context.questions[context.index]!;
				return { ...context.answers, [question.id]: event.value };
			}
		}),
		goNext: assign({ index: ({ context }) => context.index + 1 }),
		goBack: assign({ index: ({ context }) => context.index - 1 }),
		goToIndex: assign({
			index: ({ event }) => {
				assertEvent(event, 'nav.jump');
				return event.index;
			}
		}),
		// Only reached on the last question with gaps left (after jumps): finishing means filling them.
		goToFirstUnanswered: assign({
			index: ({ context }) => unansweredIndexes(context)[0] ?? context.index
		}),
		markReturnToReview: assign({ returnToReview: true }),
		clearReturnToReview: assign({ returnToReview: false }),
		reset: assign(({ event }) => ({
			index: 0,
			answers: {},
			seconds: {},
			enteredAt: timestamp(event.at),
			returnToReview: false
		}))
	}
}).createMachine({
	id: 'questionnaire',
	context: ({ input }) => ({
		questions: input.questions.map((question) => ({ ...question })),
		index: 0,
		answers: {},
		seconds: {},
		enteredAt: timestamp(input.at),
		returnToReview: false
	}),
	initial: 'answering',
	on: {
		'quiz.restart': { target: '.answering', actions: 'reset' }
	},
	states: {
		answering: {
			tags: 'question',
			on: {
				'answer.select': { guard: 'isValidAnswer', actions: ['recordTime', 'setAnswer'] },
				'nav.next': [
					{
						guard: and([
							'hasAnswer',
							or(['isReturningToReview', and(['isLastQuestion', 'allAnswered'])])
						]),
						target: 'reviewing',
						actions: ['recordTime', 'stopClock', 'clearReturnToReview']
					},
					{
						guard: and(['hasAnswer', not('isLastQuestion')]),
						actions: ['recordTime', 'goNext', 'startClock']
					},
					{
						// Last question answered but earlier ones skipped by jumping ahead.
						guard: 'hasAnswer',
						actions: ['recordTime', 'goToFirstUnanswered', 'startClock']
					}
				],
				'nav.back': {
					guard: not('isFirstQuestion'),
					actions: ['recordTime', 'goBack', 'startClock']
				},
				'nav.jump': {
					guard: 'isValidIndex',
					actions: ['recordTime', 'goToIndex', 'startClock']
				},
				'review.open': {
					target: 'reviewing',
					actions: ['recordTime', 'stopClock', 'clearReturnToReview']
				}
			}
		},
		reviewing: {
			tags: 'review',
			on: {
				'nav.jump': {
					guard: 'isValidIndex',
					target: 'answering',
					actions: ['goToIndex', 'startClock', 'markReturnToReview']
				},
				'nav.back': { target: 'answering', actions: 'startClock' },
				'quiz.submit': { target: 'submitted' }
			}
		},
		submitted: {
			tags: 'done'
		}
	}
});

/** A snapshot of the questionnaire machine, as components read it. */
export type QuestionnaireSnapshot = SnapshotFrom<typeof questionnaireMachine>;

/** What `actor.getPersistedSnapshot()` returns for this machine: safe to `JSON.stringify`. */
export type PersistedQuestionnaire = Snapshot<unknown> & {
	status: 'active';
	value: QuestionnaireStateValue;
	context: QuestionnaireContext;
};

/** The question on screen, or undefined while reviewing or after submitting. */
export function currentQuestion(snapshot: QuestionnaireSnapshot): QuestionRef | undefined {
	return snapshot.hasTag('question')
		? snapshot.context.questions[snapshot.context.index]
		: undefined;
}

/** Whether `nav.next` would do anything now (the current question is answered). */
export function canGoNext(snapshot: QuestionnaireSnapshot): boolean {
	return snapshot.can({ type: 'nav.next' });
}

/** Whether `nav.back` would do anything now. */
export function canGoBack(snapshot: QuestionnaireSnapshot): boolean {
	return snapshot.can({ type: 'nav.back' });
}

/** Whether `quiz.submit` is possible now (only on the review screen). */
export function canSubmit(snapshot: QuestionnaireSnapshot): boolean {
	return snapshot.can({ type: 'quiz.submit' });
}

/**
 * Restarts the visit clock of a restored snapshot at `at` (ms), so the time the tab was closed
 * is not counted at all; `MAX_VISIT_SECONDS` is the safety net when this is not called.
 */
export function resumeAt(persisted: PersistedQuestionnaire, at: number): PersistedQuestionnaire {
	if (persisted.context.enteredAt === null) return persisted;
	return { ...persisted, context: { ...persisted.context, enteredAt: at } };
}
