import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { getAdjacencyMap, getShortestPaths, getSimplePaths, type StatePath } from 'xstate/graph';
import { questionnaireOf } from '../../src/lib/content/questionnaire.ts';
import type { LikertItem, Scenario } from '../../src/lib/content/types.ts';
import {
	questionnaireMachine,
	type PersistedQuestionnaire,
	type QuestionRef,
	type QuestionnaireEvent,
	type QuestionnaireSnapshot
} from '../../src/lib/quiz/machine.ts';
import { questionRefsOf } from '../../src/lib/quiz/questions.ts';
import {
	MAX_VISIT_SECONDS,
	canGoBack,
	canGoNext,
	canSubmit,
	currentAnswer,
	currentQuestion,
	isComplete,
	isValidAnswerValue,
	nextGoesToReview,
	progress,
	resumeAt,
	unansweredIndexes
} from '../../src/lib/quiz/selectors.ts';
import { content } from '../helpers/content.ts';

/** Two agreement items and a three-option scenario: small enough to explore exhaustively. */
const questions: QuestionRef[] = [
	{ id: 'L1', kind: 'likert', optionCount: 5 },
	{ id: 'L2', kind: 'likert', optionCount: 5 },
	{ id: 'S1', kind: 'scenario', optionCount: 3 }
];

function start(
	options: { questions?: QuestionRef[]; at?: number; snapshot?: PersistedQuestionnaire } = {}
) {
	return createActor(questionnaireMachine, {
		input: { questions: options.questions ?? questions, at: options.at },
		snapshot: options.snapshot
	}).start();
}

/** Starts a fresh actor, sends `events` in order and returns the resulting snapshot. */
function run(...events: QuestionnaireEvent[]): QuestionnaireSnapshot {
	const actor = start();
	for (const event of events) actor.send(event);
	return actor.getSnapshot();
}

const select = (value: number, at?: number): QuestionnaireEvent => ({
	type: 'answer.select',
	value,
	at
});
const next = (at?: number): QuestionnaireEvent => ({ type: 'nav.next', at });
const back = (at?: number): QuestionnaireEvent => ({ type: 'nav.back', at });
const jump = (index: number, at?: number): QuestionnaireEvent => ({ type: 'nav.jump', index, at });
const openReview = (at?: number): QuestionnaireEvent => ({ type: 'review.open', at });
const submit: QuestionnaireEvent = { type: 'quiz.submit' };
/** What the machine receives when `submitAnswers` resolves or rejects (the invoke's id). */
const submitted = {
	type: 'xstate.done.actor.submitAnswers',
	output: undefined
} as unknown as QuestionnaireEvent;
const submitFailed = {
	type: 'xstate.error.actor.submitAnswers',
	error: new Error('The server is busy.')
} as unknown as QuestionnaireEvent;

/** Waits for the default `submitAnswers` (which sends nothing) to settle. */
const whenDone = (actor: ReturnType<typeof start>) =>
	waitFor(actor, (snapshot) => snapshot.hasTag('done'), { timeout: 1000 });
const restart = (at?: number): QuestionnaireEvent => ({ type: 'quiz.restart', at });

/** Answers every question with 1 and presses next after each: ends on the review screen. */
const answerAll = [select(1), next(), select(1), next(), select(1), next()];

describe('questionRefsOf', () => {
	it('keeps id and kind, with 5 options for likert items and the option count for scenarios', () => {
		// Arrange
		const item: LikertItem = {
			kind: 'likert',
			id: 'I1',
			facet: 'f',
			scale: 'strategic',
			keyed: 'plus',
			text: 't',
			sources: []
		};
		const weights = { strategic: 1, tactical: 0 };
		const scenario: Scenario = {
			kind: 'scenario',
			id: 'C1',
			text: 't',
			sources: [],
			options: [
				{ text: 'a', weights },
				{ text: 'b', weights },
				{ text: 'c', weights },
				{ text: 'd', weights }
			]
		};

		// Act
		const refs = questionRefsOf([item, scenario]);

		// Assert
		expect(refs).toEqual([
			{ id: 'I1', kind: 'likert', optionCount: 5 },
			{ id: 'C1', kind: 'scenario', optionCount: 4 }
		]);
	});

	it('drives the real instrument from the first question to submitted', async () => {
		// Arrange
		const refs = questionRefsOf(questionnaireOf(content).questions);
		const actor = start({ questions: refs });

		// Act
		for (const question of refs) {
			actor.send(select(question.optionCount));
			actor.send(next());
		}
		const reviewing = actor.getSnapshot();
		actor.send(submit);
		const done = await whenDone(actor);

		// Assert
		expect(refs.length).toBe(content.sequence.length);
		expect(reviewing.value).toBe('reviewing');
		expect(Object.keys(reviewing.context.answers)).toEqual(content.sequence);
		expect(done.value).toBe('submitted');
	});
});

describe('answering', () => {
	it('starts on the first question with nothing answered', () => {
		// Act
		const snapshot = run();

		// Assert
		expect(snapshot.value).toBe('answering');
		expect(snapshot.hasTag('question')).toBe(true);
		expect(currentQuestion(snapshot)).toEqual(questions[0]);
		expect(snapshot.context.answers).toEqual({});
		expect(progress(snapshot.context)).toEqual({ position: 1, total: 3, answered: 0 });
	});

	it('records a selection for the current question and stays on it', () => {
		// Act
		const snapshot = run(select(4));

		// Assert
		expect(snapshot.context.answers).toEqual({ L1: 4 });
		expect(snapshot.context.index).toBe(0);
		expect(currentAnswer(snapshot.context)).toBe(4);
	});

	it('replaces an earlier selection', () => {
		// Act
		const snapshot = run(select(4), select(2));

		// Assert
		expect(snapshot.context.answers).toEqual({ L1: 2 });
	});

	it.each([0, 6, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY])(
		'ignores the invalid likert value %s',
		(value) => {
			// Arrange
			const actor = start();

			// Act
			const allowed = actor.getSnapshot().can(select(value));
			actor.send(select(value));

			// Assert
			expect(allowed).toBe(false);
			expect(actor.getSnapshot().context.answers).toEqual({});
		}
	);

	it('checks the value against the current question: 4 is too high for a 3-option scenario', () => {
		// Act
		const snapshot = run(select(1), next(), select(1), next(), select(4), select(3));

		// Assert
		expect(snapshot.context.index).toBe(2);
		expect(snapshot.context.answers).toEqual({ L1: 1, L2: 1, S1: 3 });
	});

	it('blocks nav.next until the current question is answered', () => {
		// Arrange
		const actor = start();

		// Act
		const before = canGoNext(actor.getSnapshot());
		actor.send(next());
		const blocked = actor.getSnapshot();
		actor.send(select(3));
		const after = canGoNext(actor.getSnapshot());
		actor.send(next());

		// Assert
		expect(before).toBe(false);
		expect(blocked.context.index).toBe(0);
		expect(after).toBe(true);
		expect(actor.getSnapshot().context.index).toBe(1);
	});

	it('goes to review after answering the last question', () => {
		// Act
		const beforeLastNext = run(...answerAll.slice(0, 5));
		const snapshot = run(...answerAll);

		// Assert
		expect(nextGoesToReview(beforeLastNext.context)).toBe(true);
		expect(snapshot.value).toBe('reviewing');
		expect(snapshot.hasTag('review')).toBe(true);
		expect(snapshot.context.index).toBe(2);
		expect(currentQuestion(snapshot)).toBeUndefined();
		expect(isComplete(snapshot.context)).toBe(true);
	});

	it('does nothing on nav.back at the first question', () => {
		// Arrange
		const actor = start();
		const before = actor.getSnapshot();

		// Act
		actor.send(back());

		// Assert
		expect(canGoBack(before)).toBe(false);
		expect(actor.getSnapshot()).toBe(before);
	});

	it('goes back one question and keeps the answers', () => {
		// Act
		const snapshot = run(select(5), next(), select(2), back());

		// Assert
		expect(snapshot.context.index).toBe(0);
		expect(snapshot.context.answers).toEqual({ L1: 5, L2: 2 });
		expect(currentAnswer(snapshot.context)).toBe(5);
	});

	it('jumps to any valid index', () => {
		// Act
		const snapshot = run(jump(2));

		// Assert
		expect(snapshot.value).toBe('answering');
		expect(snapshot.context.index).toBe(2);
		expect(snapshot.context.returnToReview).toBe(false);
	});

	it.each([-1, 3, 1.5, Number.NaN])('ignores a jump to the invalid index %s', (index) => {
		// Arrange
		const actor = start();
		actor.send(select(1));
		actor.send(next());
		const before = actor.getSnapshot();

		// Act
		actor.send(jump(index));

		// Assert
		expect(actor.getSnapshot()).toBe(before);
		expect(actor.getSnapshot().context.index).toBe(1);
	});

	it('sends nav.next on the last question to the first gap when questions were skipped', () => {
		// Act
		const snapshot = run(select(1), next(), jump(2), select(2), next());

		// Assert
		expect(snapshot.value).toBe('answering');
		expect(snapshot.context.index).toBe(1);
		expect(unansweredIndexes(snapshot.context)).toEqual([1]);
	});

	it('opens the review screen at any time, keeping the position', () => {
		// Act
		const snapshot = run(select(1), next(), openReview());

		// Assert
		expect(snapshot.value).toBe('reviewing');
		expect(snapshot.context.index).toBe(1);
		expect(unansweredIndexes(snapshot.context)).toEqual([1, 2]);
	});
});

describe('reviewing', () => {
	it('jumps to a question and returns to review on nav.next', () => {
		// Arrange
		const actor = start();
		for (const event of answerAll) actor.send(event);

		// Act
		actor.send(jump(0));
		const jumped = actor.getSnapshot();
		actor.send(select(5));
		actor.send(next());

		// Assert
		expect(jumped.value).toBe('answering');
		expect(jumped.context.index).toBe(0);
		expect(jumped.context.returnToReview).toBe(true);
		expect(nextGoesToReview(jumped.context)).toBe(true);
		expect(actor.getSnapshot().value).toBe('reviewing');
		expect(actor.getSnapshot().context.answers).toEqual({ L1: 5, L2: 1, S1: 1 });
		expect(actor.getSnapshot().context.returnToReview).toBe(false);
	});

	it('still needs an answer before returning when the jumped-to question is unanswered', () => {
		// Act
		const blocked = run(openReview(), jump(1), next());
		const answered = run(openReview(), jump(1), select(3), next());

		// Assert
		expect(blocked.value).toBe('answering');
		expect(blocked.context.index).toBe(1);
		expect(answered.value).toBe('reviewing');
		expect(answered.context.answers).toEqual({ L2: 3 });
	});

	it('ignores a jump to an invalid index', () => {
		// Arrange
		const actor = start();
		actor.send(openReview());
		const before = actor.getSnapshot();

		// Act
		actor.send(jump(7));

		// Assert
		expect(actor.getSnapshot()).toBe(before);
		expect(actor.getSnapshot().value).toBe('reviewing');
	});

	it('returns to the question it was opened from on nav.back', () => {
		// Act
		const snapshot = run(select(1), next(), openReview(), back());

		// Assert
		expect(snapshot.value).toBe('answering');
		expect(snapshot.context.index).toBe(1);
		expect(snapshot.context.returnToReview).toBe(false);
	});
});

describe('submitting', () => {
	it('is only possible from the review screen', async () => {
		// Arrange
		const actor = start();
		for (const event of answerAll.slice(0, 5)) actor.send(event);

		// Act
		const allowedWhileAnswering = canSubmit(actor.getSnapshot());
		actor.send(submit);
		const stillAnswering = actor.getSnapshot();
		actor.send(next());
		actor.send(submit);
		const sending = actor.getSnapshot();
		const done = await whenDone(actor);

		// Assert
		expect(allowedWhileAnswering).toBe(false);
		expect(stillAnswering.value).toBe('answering');
		// While the answers are on their way the review screen stays, marked busy.
		expect(sending.value).toBe('submitting');
		expect(sending.hasTag('review')).toBe(true);
		expect(sending.hasTag('busy')).toBe(true);
		expect(canSubmit(sending)).toBe(false);
		expect(done.value).toBe('submitted');
		// Not a final state: restart must still work.
		expect(done.status).toBe('active');
	});

	it('is allowed with unanswered questions, which the selectors report', async () => {
		// Arrange
		const actor = start();
		for (const event of [select(2), openReview()]) actor.send(event);
		const reviewing = actor.getSnapshot();

		// Act
		actor.send(submit);
		const done = await whenDone(actor);

		// Assert
		expect(canSubmit(reviewing)).toBe(true);
		expect(isComplete(reviewing.context)).toBe(false);
		expect(unansweredIndexes(reviewing.context)).toEqual([1, 2]);
		expect(done.value).toBe('submitted');
		expect(done.context.answers).toEqual({ L1: 2 });
	});

	it('ignores answers and navigation once submitted', async () => {
		// Arrange
		const actor = start();
		for (const event of [...answerAll, submit]) actor.send(event);
		const done = await whenDone(actor);

		// Act
		for (const event of [select(3), next(), back(), jump(0), openReview(), submit]) {
			actor.send(event);
		}

		// Assert
		expect(actor.getSnapshot()).toBe(done);
	});
});

describe('effects supplied with machine.provide()', () => {
	/** The machine with spies for its effects and a `submitAnswers` that does what `send` says. */
	function provided(send: (input: unknown) => Promise<unknown> = async () => 'stored') {
		const persist = vi.fn();
		const showResult = vi.fn();
		const submitAnswers = vi.fn(send);
		const machine = questionnaireMachine.provide({
			actions: { persist, showResult },
			actors: { submitAnswers: fromPromise(({ input }) => submitAnswers(input)) }
		});
		const actor = createActor(machine, { input: { questions, at: 0 } }).start();
		return { actor, persist, showResult, submitAnswers };
	}

	it('persists after every change worth keeping, and not while submitting', async () => {
		// Arrange
		const { actor, persist } = provided();

		// Act
		for (const event of [select(2), select(0), next(), back(), jump(2), openReview()]) {
			actor.send(event);
		}
		const beforeSubmit = persist.mock.calls.length;
		actor.send(submit);
		const whileSubmitting = persist.mock.calls.length;
		await waitFor(actor, (snapshot) => snapshot.hasTag('done'));

		// Assert: select, next, back, jump and review.open; the invalid select changes nothing.
		expect(beforeSubmit).toBe(5);
		expect(whileSubmitting).toBe(5);
		// Once more on arriving at submitted.
		expect(persist).toHaveBeenCalledTimes(6);
	});

	it("submits answers and times to the page's actor, then shows the result", async () => {
		// Arrange
		const { actor, showResult, submitAnswers } = provided();

		// Act
		actor.send({ ...select(4), at: 2000 });
		actor.send(openReview(2500));
		actor.send(submit);
		await waitFor(actor, (snapshot) => snapshot.hasTag('done'));

		// Assert
		expect(submitAnswers).toHaveBeenCalledExactlyOnceWith({
			answers: { L1: 4 },
			seconds: { L1: 2.5 }
		});
		expect(showResult).toHaveBeenCalledOnce();
		expect(showResult.mock.calls[0]![0].context.answers).toEqual({ L1: 4 });
	});

	it('returns to the review screen with the reason when submitting fails, and tries again', async () => {
		// Arrange
		let attempts = 0;
		const { actor, showResult } = provided(async () => {
			attempts += 1;
			if (attempts === 1) throw new Error('The server is busy.');
		});
		actor.send(select(1));
		actor.send(openReview());

		// Act
		actor.send(submit);
		const failed = await waitFor(actor, (snapshot) => snapshot.value === 'reviewing');
		actor.send(submit);
		const retrying = actor.getSnapshot();
		const done = await waitFor(actor, (snapshot) => snapshot.hasTag('done'));

		// Assert
		expect(failed.context.submitError).toBe('The server is busy.');
		expect(retrying.context.submitError).toBeNull();
		expect(done.context.submitError).toBeNull();
		expect(showResult).toHaveBeenCalledOnce();
	});

	it('restarting while submitting abandons the submission', async () => {
		// Arrange
		let resolve!: () => void;
		const { actor, showResult } = provided(() => new Promise<void>((done) => (resolve = done)));
		actor.send(select(1));
		actor.send(openReview());
		actor.send(submit);

		// Act
		actor.send(restart());
		resolve();
		await Promise.resolve();

		// Assert
		expect(actor.getSnapshot().value).toBe('answering');
		expect(actor.getSnapshot().context.answers).toEqual({});
		expect(showResult).not.toHaveBeenCalled();
	});
});

describe('moving on by itself', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	/** `answer.select` that asks to move on after `after` ms. */
	const tap = (value: number, at: number, after = 300): QuestionnaireEvent => ({
		type: 'answer.select',
		value,
		advanceAfter: after,
		at
	});

	it('moves on after the pause, counting the time up to the move', () => {
		// Arrange
		vi.useFakeTimers();
		const actor = start({ at: 0 });

		// Act
		actor.send(tap(4, 2000));
		const during = actor.getSnapshot();
		vi.advanceTimersByTime(300);

		// Assert
		expect(during.context.index).toBe(0);
		expect(actor.getSnapshot().context.index).toBe(1);
		// 2 s to choose plus the 0.3 s pause, which ended the visit.
		expect(actor.getSnapshot().context.seconds).toEqual({ L1: 2.3 });
		expect(actor.getSnapshot().context.enteredAt).toBe(2300);
	});

	it('starts the pause again when the choice changes, and moves on once', () => {
		// Arrange
		vi.useFakeTimers();
		const actor = start({ at: 0 });

		// Act
		actor.send(tap(4, 1000));
		vi.advanceTimersByTime(200);
		actor.send(tap(2, 1200));
		vi.advanceTimersByTime(200);
		const changed = actor.getSnapshot();
		vi.advanceTimersByTime(100);

		// Assert
		expect(changed.context.index).toBe(0);
		expect(actor.getSnapshot().context.index).toBe(1);
		expect(actor.getSnapshot().context.answers).toEqual({ L1: 2 });
		vi.advanceTimersByTime(1000);
		expect(actor.getSnapshot().context.index).toBe(1);
	});

	it.each([
		['Back', back()],
		['Next', next()],
		['opening the review', openReview()],
		['a choice made with the arrow keys', select(3)],
		['restarting', restart()]
	])('is cancelled by %s', (_name, event) => {
		// Arrange
		vi.useFakeTimers();
		const actor = start({ at: 0 });
		actor.send(select(1));
		actor.send(next());
		actor.send(tap(5, 1000));

		// Act
		actor.send(event);
		const after = actor.getSnapshot();
		vi.advanceTimersByTime(1000);

		// Assert: nothing moves after the pause.
		expect(actor.getSnapshot()).toBe(after);
	});

	it('leads to review after the last question, like Next', () => {
		// Arrange
		vi.useFakeTimers();
		const actor = start();
		for (const event of answerAll.slice(0, 4)) actor.send(event);

		// Act
		actor.send(tap(2, 5000, 0));
		vi.advanceTimersByTime(0);

		// Assert
		expect(actor.getSnapshot().value).toBe('reviewing');
	});

	it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])(
		'treats a pause of %s as no pause asked for',
		(after) => {
			// Arrange
			vi.useFakeTimers();
			const actor = start();

			// Act
			actor.send(tap(3, 1000, after));
			vi.advanceTimersByTime(10_000);

			// Assert
			expect(actor.getSnapshot().context.answers).toEqual({ L1: 3 });
			expect(actor.getSnapshot().context.index).toBe(0);
		}
	);

	it('stops when the actor stops', () => {
		// Arrange
		vi.useFakeTimers();
		const actor = start();
		actor.send(tap(3, 1000));

		// Act
		actor.stop();
		vi.advanceTimersByTime(1000);

		// Assert
		expect(actor.getSnapshot().context.index).toBe(0);
	});
});

describe('restarting', () => {
	it.each([
		['answering', [select(2), next(), select(3)]],
		['reviewing', [...answerAll, jump(1), back()]],
		['review opened early', [select(2), openReview()]],
		['submitted', [...answerAll, submit]]
	] as const)('clears everything from %s', async (_name, events) => {
		// Arrange
		const actor = start({ at: 0 });
		for (const [i, event] of events.entries()) actor.send({ ...event, at: (i + 1) * 1000 });
		if (events.includes(submit)) await whenDone(actor);

		// Act
		actor.send(restart(99_000));

		// Assert
		expect(actor.getSnapshot().value).toBe('answering');
		expect(actor.getSnapshot().context).toEqual({
			questions,
			index: 0,
			answers: {},
			seconds: {},
			enteredAt: 99_000,
			returnToReview: false,
			submitError: null
		});
	});
});

describe('time spent', () => {
	it('adds the time from showing a question to answering or leaving it', () => {
		// Arrange
		const actor = start({ at: 0 });

		// Act
		actor.send(select(3, 2000)); // L1: 2 s
		actor.send(next(3500)); // L1: +1.5 s
		actor.send(select(1, 4000)); // L2: 0.5 s
		actor.send(back(5000)); // L2: +1 s
		actor.send(next(6250)); // L1: +1.25 s

		// Assert
		expect(actor.getSnapshot().context.seconds).toEqual({ L1: 4.75, L2: 1.5 });
		expect(actor.getSnapshot().context.enteredAt).toBe(6250);
	});

	it('starts counting at the first timestamp when the input had none', () => {
		// Act
		const snapshot = run(select(3, 2000), next(3500));

		// Assert
		expect(snapshot.context.seconds).toEqual({ L1: 1.5 });
	});

	it('counts from the input time when the actor starts', () => {
		// Arrange
		const actor = start({ at: 10_000 });

		// Act
		actor.send(select(2, 13_000));

		// Assert
		expect(actor.getSnapshot().context.seconds).toEqual({ L1: 3 });
	});

	it('records nothing for events without a timestamp', () => {
		// Arrange
		const actor = start({ at: 0 });

		// Act
		actor.send(select(2));
		actor.send(next());
		actor.send(select(2, 9000));

		// Assert
		expect(actor.getSnapshot().context.seconds).toEqual({});
		expect(actor.getSnapshot().context.enteredAt).toBe(9000);
	});

	it(`caps a single visit at ${MAX_VISIT_SECONDS} seconds`, () => {
		// Arrange
		const actor = start({ at: 0 });

		// Act: an hour away from the tab, then another long visit.
		actor.send(select(2, 3_600_000));
		actor.send(next(3_600_000 + 400_000));

		// Assert
		expect(actor.getSnapshot().context.seconds).toEqual({ L1: 2 * MAX_VISIT_SECONDS });
	});

	it('never counts negative time when the clock goes back', () => {
		// Arrange
		const actor = start({ at: 50_000 });

		// Act
		actor.send(select(2, 40_000));

		// Assert
		expect(actor.getSnapshot().context.seconds).toEqual({ L1: 0 });
	});

	it('does not count time on the review screen', () => {
		// Arrange
		const actor = start({ at: 0 });

		// Act
		actor.send(openReview(1000));
		const reviewing = actor.getSnapshot();
		actor.send(jump(1, 60_000));
		actor.send(select(4, 62_000));

		// Assert
		expect(reviewing.context.enteredAt).toBeNull();
		expect(actor.getSnapshot().context.seconds).toEqual({ L1: 1, L2: 2 });
	});
});

describe('persistence', () => {
	/**
	 * What localStorage holds: the persisted snapshot through JSON. (Validating
	 * it before restoring is snapshot.ts's job, tested in snapshot.test.ts.)
	 */
	function stored(actor: ReturnType<typeof start>): PersistedQuestionnaire {
		return JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
	}

	it('restores state, index, answers and time from a stored snapshot', () => {
		// Arrange
		const actor = start({ at: 0 });
		for (const event of [select(2, 1000), next(2000), select(5, 3000)]) actor.send(event);
		const persisted = stored(actor);
		actor.stop();

		// Act
		const restored = createActor(questionnaireMachine, {
			snapshot: persisted,
			input: { questions }
		}).start();

		// Assert
		expect(persisted).not.toBeNull();
		expect(restored.getSnapshot().value).toBe('answering');
		expect(restored.getSnapshot().context.index).toBe(1);
		expect(restored.getSnapshot().context.answers).toEqual({ L1: 2, L2: 5 });
		expect(restored.getSnapshot().context.seconds).toEqual({ L1: 2, L2: 1 });
	});

	it('continues the flow after restoring the review screen', () => {
		// Arrange
		const actor = start();
		for (const event of [...answerAll, jump(1)]) actor.send(event);
		const persisted = stored(actor);

		// Act
		const restored = start({ snapshot: persisted });
		restored.send(select(4));
		restored.send(next());

		// Assert
		expect(persisted.context.returnToReview).toBe(true);
		expect(restored.getSnapshot().value).toBe('reviewing');
		expect(restored.getSnapshot().context.answers).toEqual({ L1: 1, L2: 4, S1: 1 });
	});

	it('restarts the visit clock on resume, so closed-tab time is not counted', () => {
		// Arrange: the tab closes two minutes after the question was shown.
		const actor = start({ at: 0 });
		const persisted = stored(actor);

		// Act: reopened a day later; answered three seconds after that.
		const day = 86_400_000;
		const resumed = start({ snapshot: resumeAt(persisted, day) });
		resumed.send(select(1, day + 3000));
		const unresumed = start({ snapshot: persisted });
		unresumed.send(select(1, day + 3000));

		// Assert
		expect(resumed.getSnapshot().context.seconds).toEqual({ L1: 3 });
		// Without resumeAt, the cap still bounds the damage.
		expect(unresumed.getSnapshot().context.seconds).toEqual({ L1: MAX_VISIT_SECONDS });
	});

	it('leaves the clock stopped when resuming the review screen', () => {
		// Arrange
		const actor = start({ at: 0 });
		actor.send(openReview(1000));
		const persisted = stored(actor);

		// Act
		const resumed = resumeAt(persisted, 5000);

		// Assert
		expect(resumed.context.enteredAt).toBeNull();
	});
});

describe('selectors', () => {
	it('report position, totals and what the buttons can do', () => {
		// Act
		const snapshot = run(select(1), next(), select(2), next());

		// Assert
		expect(progress(snapshot.context)).toEqual({ position: 3, total: 3, answered: 2 });
		expect(currentQuestion(snapshot)).toEqual(questions[2]);
		expect(unansweredIndexes(snapshot.context)).toEqual([2]);
		expect(canGoNext(snapshot)).toBe(false);
		expect(canGoBack(snapshot)).toBe(true);
		expect(nextGoesToReview(snapshot.context)).toBe(false);
	});

	it('treat only own keys as answers', () => {
		// Arrange: ids that collide with Object.prototype members.
		const odd: QuestionRef[] = [
			{ id: 'constructor', kind: 'likert', optionCount: 5 },
			{ id: 'toString', kind: 'likert', optionCount: 5 }
		];

		// Act
		const actor = start({ questions: odd });
		const blocked = canGoNext(actor.getSnapshot());
		actor.send(select(3));

		// Assert
		expect(blocked).toBe(false);
		expect(unansweredIndexes(actor.getSnapshot().context)).toEqual([1]);
		expect(isValidAnswerValue(odd[0], 3)).toBe(true);
	});

	it('keep an empty questionnaire harmless', () => {
		// Arrange
		const actor = start({ questions: [] });

		// Act
		actor.send(select(1));
		actor.send(next());
		actor.send(jump(0));

		// Assert
		expect(actor.getSnapshot().value).toBe('answering');
		expect(actor.getSnapshot().context.answers).toEqual({});
		expect(progress(actor.getSnapshot().context)).toEqual({ position: 0, total: 0, answered: 0 });
		expect(currentQuestion(actor.getSnapshot())).toBeUndefined();
	});
});

describe('paths generated with xstate/graph', () => {
	/**
	 * A bounded event set (no timestamps, so the state space is finite): a value valid everywhere
	 * (1), one valid for agreement items only (4), an invalid one (0), every jump target plus two
	 * invalid ones, and each remaining event once.
	 */
	const events: QuestionnaireEvent[] = [
		select(1),
		select(4),
		select(0),
		next(),
		back(),
		jump(-1),
		jump(0),
		jump(1),
		jump(2),
		jump(3),
		openReview(),
		submit,
		restart()
	];
	/** What `submitAnswers` reports: only ever while submitting, where its invoke runs. */
	const outcomes = [submitted, submitFailed];
	const eventsIn = (snapshot: QuestionnaireSnapshot) =>
		snapshot.value === 'submitting' ? [...events, ...outcomes] : events;
	// About 550 states and 7,200 transitions today (the limit counts transitions); it turns an
	// accidentally unbounded context (say, an index that can run negative) into a failure
	// instead of a hung traversal.
	const limit = 20_000;
	const options = { input: { questions }, events: eventsIn, limit };

	/** Invariants every reachable snapshot must satisfy. */
	function expectValidState(snapshot: QuestionnaireSnapshot) {
		const { context } = snapshot;
		expect(context.questions).toEqual(questions);
		expect(Number.isInteger(context.index)).toBe(true);
		expect(context.index).toBeGreaterThanOrEqual(0);
		expect(context.index).toBeLessThan(questions.length);
		for (const [id, value] of Object.entries(context.answers)) {
			const question = questions.find((q) => q.id === id);
			expect(isValidAnswerValue(question, value), `${id}=${value}`).toBe(true);
		}
		// No event carried a timestamp, so no time may have been invented.
		expect(context.seconds).toEqual({});
		expect(context.enteredAt).toBeNull();
		// Only a question opened from review returns there.
		if (context.returnToReview) expect(snapshot.value).toBe('answering');
		expect(snapshot.hasTag('question')).toBe(snapshot.value === 'answering');
		expect(snapshot.hasTag('review')).toBe(
			snapshot.value === 'reviewing' || snapshot.value === 'submitting'
		);
		expect(snapshot.hasTag('busy')).toBe(snapshot.value === 'submitting');
		expect(snapshot.hasTag('done')).toBe(snapshot.value === 'submitted');
		expect(snapshot.status).toBe('active');
		// A failed submission is news only on the review screen it returns to (and on the way
		// back to it from a question opened there).
		if (context.submitError !== null) expect(snapshot.value).not.toBe('submitted');
	}

	/** Invariants of one transition `before` --event--> `after`. */
	function expectValidStep(
		before: QuestionnaireSnapshot,
		event: QuestionnaireEvent,
		after: QuestionnaireSnapshot
	) {
		const label = `${JSON.stringify(before.value)} ${JSON.stringify(event)}`;
		if (event.type === 'quiz.restart') {
			expect(after.value, label).toBe('answering');
			expect(after.context.answers, label).toEqual({});
			expect(after.context.index, label).toBe(0);
			return;
		}
		// Answers are never lost, except by restarting.
		for (const [id, value] of Object.entries(before.context.answers)) {
			if (!(event.type === 'answer.select' && id === questions[before.context.index]!.id)) {
				expect(after.context.answers[id], label).toBe(value);
			}
		}
		// Review is entered only by review.open, by next once all is answered (or to return), or
		// back from a submission that failed.
		if (after.value === 'reviewing' && before.value !== 'reviewing') {
			expect(['nav.next', 'review.open', submitFailed.type], label).toContain(event.type);
			if (event.type === 'nav.next') {
				expect(isComplete(before.context) || before.context.returnToReview, label).toBe(true);
			}
		}
		// Submitting starts only from review, and submitted follows only a submission that arrived.
		if (after.value === 'submitting' && before.value !== 'submitting') {
			expect(before.value, label).toBe('reviewing');
			expect(event.type, label).toBe('quiz.submit');
			expect(after.context.submitError, label).toBeNull();
		}
		if (after.value === 'submitted' && before.value !== 'submitted') {
			expect(before.value, label).toBe('submitting');
			expect(event.type, label).toBe(submitted.type);
		}
		// A failed one leads back to review, saying why.
		if (before.value === 'submitting' && event.type === submitFailed.type) {
			expect(after.value, label).toBe('reviewing');
			expect(after.context.submitError, label).toBe('The server is busy.');
		}
		// Next never leaves an unanswered question.
		if (
			event.type === 'nav.next' &&
			before.value === 'answering' &&
			!currentAnswer(before.context)
		) {
			expect(after.context, label).toEqual(before.context);
			expect(after.value, label).toBe('answering');
		}
	}

	it('reaches every state along shortest paths, and every reached state is valid', () => {
		// Act
		const paths = getShortestPaths(questionnaireMachine, options);
		const reached = paths.map((path) => path.state);

		// Assert
		expect(new Set(reached.map((s) => s.value))).toEqual(
			new Set(['answering', 'reviewing', 'submitting', 'submitted'])
		);
		for (const snapshot of reached) expectValidState(snapshot);
		// Both ways into review exist: complete, and early with gaps.
		expect(reached.some((s) => s.value === 'reviewing' && isComplete(s.context))).toBe(true);
		expect(reached.some((s) => s.value === 'reviewing' && !isComplete(s.context))).toBe(true);
		expect(reached.some((s) => s.value === 'answering' && s.context.returnToReview)).toBe(true);
	});

	it('needs three answers and three nexts to reach a complete review, no fewer', () => {
		// Act
		const [path] = getShortestPaths(questionnaireMachine, {
			...options,
			toState: (s) => s.value === 'reviewing' && isComplete(s.context)
		});

		// Assert
		expect(path).toBeDefined();
		expect(path!.steps.slice(1).map((step) => step.event.type)).toEqual([
			'answer.select',
			'nav.next',
			'answer.select',
			'nav.next',
			'answer.select',
			'nav.next'
		]);
	});

	it('keeps every invariant on every transition of the state graph', () => {
		// Act
		const adjacency = getAdjacencyMap(questionnaireMachine, options);
		const vertices = Object.values(adjacency);
		let transitions = 0;

		// Assert
		for (const { state, transitions: outgoing } of vertices) {
			expectValidState(state);
			// Keys are branded serialised events, which Object.values cannot see through.
			const edges = Object.values(outgoing) as {
				event: QuestionnaireEvent;
				state: QuestionnaireSnapshot;
			}[];
			for (const { event, state: after } of edges) {
				expectValidStep(state, event, after);
				transitions += 1;
			}
		}
		expect(vertices.length).toBeGreaterThan(100);
		const expected = vertices.reduce((sum, { state }) => sum + eventsIn(state).length, 0);
		expect(transitions).toBe(expected);
	});

	it('keeps the invariants along every simple path of a smaller event set', () => {
		// Arrange: two questions and only the valid moves, so simple paths stay enumerable.
		const small = questions.slice(0, 2);
		const smallEvents = [select(1), next(), back(), jump(0), openReview(), submit];
		const smallEventsIn = (snapshot: QuestionnaireSnapshot) =>
			snapshot.value === 'submitting' ? [...smallEvents, submitted] : smallEvents;

		// Act
		const paths: StatePath<QuestionnaireSnapshot, QuestionnaireEvent>[] = getSimplePaths(
			questionnaireMachine,
			{ input: { questions: small }, events: smallEventsIn, limit }
		);

		// Assert
		expect(paths.length).toBeGreaterThan(10);
		let submittedComplete = 0;
		for (const path of paths) {
			let reviewOpened = false;
			path.steps.forEach((step, i) => {
				const before = path.steps[i - 1]?.state;
				if (step.event.type === 'review.open') reviewOpened = true;
				if (before === undefined) return;
				// Review via next means everything is answered, unless review was opened explicitly.
				if (step.state.value === 'reviewing' && before.value === 'answering') {
					if (step.event.type === 'nav.next' && !reviewOpened) {
						expect(isComplete(step.state.context)).toBe(true);
					}
				}
			});
			if (path.state.value === 'submitted' && isComplete(path.state.context)) submittedComplete++;
		}
		expect(submittedComplete).toBeGreaterThan(0);
	});
});
