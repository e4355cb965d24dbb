/**
 * The questionnaire flow: which question is shown, what was answered, how long each question
 * took, and when the person reviews and submits.
 *
 * Pure XState logic with no Svelte and no content: questions arrive through `input` as minimal
 * references, and time arrives on the events (`at`), so every transition is deterministic and
 * testable in Node. `actor.svelte.ts` is the one place that adds a clock.
 *
 * Effects are named here and supplied by the page with `questionnaireMachine.provide()`:
 *
 * - `persist` (action): after every change worth keeping; the /quiz page saves the persisted
 *   snapshot to localStorage (`snapshot.ts`), a page that keeps nothing leaves it out.
 * - `submitAnswers` (actor): sends the answers somewhere and resolves when they have arrived.
 *   The default resolves at once: the /quiz page scores in the browser and sends nothing.
 *   If it rejects, the person is back on the review screen with `submitError` set.
 * - `showResult` (action): once submitted; the /quiz page navigates to the result.
 */
import {
	and,
	assertEvent,
	assign,
	cancel,
	fromPromise,
	not,
	or,
	raise,
	setup,
	type SnapshotFrom
} from 'xstate';
import {
	addVisit,
	currentAnswer,
	initialContext,
	isComplete,
	isValidAnswerValue,
	timestamp,
	unansweredIndexes
} from './selectors.ts';
import type {
	QuestionnaireContext,
	QuestionnaireEvent,
	QuestionnaireInput,
	QuestionnaireTag,
	SubmittedAnswers
} from './types.ts';

export type * from './types.ts';

/** The longest pause before moving on by itself that an event may ask for, in ms. */
export const MAX_ADVANCE_AFTER = 2000;

/** The id of the scheduled "move on" event, so that anything else can cancel it. */
const ADVANCE = 'advance';

/** The pause an `answer.select` asks for, if it asks for a usable one. */
function advanceAfterOf(event: QuestionnaireEvent): number | null {
	if (event.type !== 'answer.select') return null;
	const after = event.advanceAfter;
	return typeof after === 'number' && Number.isFinite(after) && after >= 0
		? Math.min(after, MAX_ADVANCE_AFTER)
		: null;
}

/** A rejected submission's reason, as a sentence for the review screen. */
function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * The questionnaire as a state machine.
 *
 * - `answering` (tag `question`): `answer.select` answers the current question (invalid values
 *   are ignored) and, with `advanceAfter`, moves on by itself after that pause; any other event
 *   in the meantime (another choice, Back, Next) cancels the pending move. `nav.next` needs an
 *   answer and moves on, to review after the last question (or back to review when the
 *   question was opened from there); `nav.back`, `nav.jump` and `review.open` move freely.
 * - `reviewing` (tag `review`): `nav.jump` opens a question and sets `returnToReview`;
 *   `nav.back` returns to the question the person came from; `quiz.submit` submits, even with
 *   unanswered questions (scoring reports those; see `isComplete`).
 * - `submitting` (tags `review`, `busy`): runs `submitAnswers`; done leads to `submitted`, a
 *   failure back to `reviewing` with `submitError`. Never persisted.
 * - `submitted` (tag `done`): not final, because `quiz.restart` works from every state.
 */
export const questionnaireMachine = setup({
	types: {
		context: {} as QuestionnaireContext,
		events: {} as QuestionnaireEvent,
		input: {} as QuestionnaireInput,
		tags: {} as QuestionnaireTag
	},
	actors: {
		submitAnswers: fromPromise<unknown, SubmittedAnswers>(async () => undefined)
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
		asksToAdvance: ({ event }) => advanceAfterOf(event) !== null,
		isValidIndex: ({ context, event }) =>
			event.type === 'nav.jump' &&
			Number.isInteger(event.index) &&
			event.index >= 0 &&
			event.index < context.questions.length
	},
	actions: {
		/** Save what there is now. Supplied by the page; does nothing by default. */
		persist: () => {},
		/** The answers have been submitted: show what comes next. Supplied by the page. */
		showResult: () => {},
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
		/**
		 * Moves on by itself after the pause the choice asked for. The move is an ordinary
		 * `nav.next`, stamped with the time it happens, so time keeping stays exact.
		 */
		scheduleAdvance: raise(
			({ event }) => {
				const at = timestamp(event.at);
				return {
					type: 'nav.next' as const,
					at: at === null ? undefined : at + advanceAfterOf(event)!
				};
			},
			{ id: ADVANCE, delay: ({ event }) => advanceAfterOf(event) ?? 0 }
		),
		cancelAdvance: cancel(ADVANCE),
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
		clearSubmitError: assign({ submitError: null }),
		setSubmitError: assign({
			submitError: ({ event }) => messageOf((event as { error?: unknown }).error)
		}),
		reset: assign(({ context, event }) => ({
			...initialContext({ questions: context.questions, at: event.at }),
			questions: context.questions
		}))
	}
}).createMachine({
	id: 'questionnaire',
	context: ({ input }) => initialContext(input),
	initial: 'answering',
	on: {
		'quiz.restart': {
			target: '.answering',
			actions: ['cancelAdvance', 'reset', 'persist']
		}
	},
	states: {
		answering: {
			tags: 'question',
			exit: 'cancelAdvance',
			on: {
				'answer.select': [
					{
						guard: and(['isValidAnswer', 'asksToAdvance']),
						actions: ['cancelAdvance', 'recordTime', 'setAnswer', 'scheduleAdvance', 'persist']
					},
					{
						guard: 'isValidAnswer',
						actions: ['cancelAdvance', 'recordTime', 'setAnswer', 'persist']
					}
				],
				'nav.next': [
					{
						guard: and([
							'hasAnswer',
							or(['isReturningToReview', and(['isLastQuestion', 'allAnswered'])])
						]),
						target: 'reviewing',
						actions: ['recordTime', 'stopClock', 'clearReturnToReview', 'persist']
					},
					{
						guard: and(['hasAnswer', not('isLastQuestion')]),
						actions: ['cancelAdvance', 'recordTime', 'goNext', 'startClock', 'persist']
					},
					{
						// Last question answered but earlier ones skipped by jumping ahead.
						guard: 'hasAnswer',
						actions: ['cancelAdvance', 'recordTime', 'goToFirstUnanswered', 'startClock', 'persist']
					}
				],
				'nav.back': {
					guard: not('isFirstQuestion'),
					actions: ['cancelAdvance', 'recordTime', 'goBack', 'startClock', 'persist']
				},
				'nav.jump': {
					guard: 'isValidIndex',
					actions: ['cancelAdvance', 'recordTime', 'goToIndex', 'startClock', 'persist']
				},
				'review.open': {
					target: 'reviewing',
					actions: ['recordTime', 'stopClock', 'clearReturnToReview', 'persist']
				}
			}
		},
		reviewing: {
			tags: 'review',
			on: {
				'nav.jump': {
					guard: 'isValidIndex',
					target: 'answering',
					actions: ['goToIndex', 'startClock', 'markReturnToReview', 'persist']
				},
				'nav.back': { target: 'answering', actions: ['startClock', 'persist'] },
				'quiz.submit': { target: 'submitting', actions: 'clearSubmitError' }
			}
		},
		submitting: {
			tags: ['review', 'busy'],
			invoke: {
				id: 'submitAnswers',
				src: 'submitAnswers',
				input: ({ context }) => ({ answers: context.answers, seconds: context.seconds }),
				onDone: { target: 'submitted', actions: ['persist', 'showResult'] },
				onError: { target: 'reviewing', actions: 'setSubmitError' }
			}
		},
		submitted: {
			tags: 'done'
		}
	}
});

/** The machine, with or without the page's effects supplied. */
export type QuestionnaireMachine = typeof questionnaireMachine;

/** A snapshot of the questionnaire machine, as components read it. */
export type QuestionnaireSnapshot = SnapshotFrom<typeof questionnaireMachine>;
