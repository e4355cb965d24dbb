/**
 * The shared quiz components (`$lib/quiz/components`) with a real machine whose effects are
 * spies supplied through `machine.provide()`, as a route supplies its own.
 */
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fromPromise } from 'xstate';
import content from 'virtual:rolefit/content';
import { questionnaireOf } from '../../src/lib/content/questionnaire.ts';
import type { Questionnaire } from '../../src/lib/quiz/actor.svelte.ts';
import ChoiceQuestion from '../../src/lib/quiz/components/ChoiceQuestion.svelte';
import ConfirmButton from '../../src/lib/quiz/components/ConfirmButton.svelte';
import { questionnaireMachine } from '../../src/lib/quiz/machine.ts';
import type { PersistedQuestionnaire } from '../../src/lib/quiz/types.ts';
import QuizHarness from './QuizHarness.svelte';

const questionnaire = questionnaireOf(content);
const [first, second, third] = questionnaire.questions;
const total = questionnaire.questions.length;
const labels = questionnaire.instrument.likertLabels;
const text = questionnaire.text;

/** The machine with spies for the effects a route would supply. */
function providedMachine(submit: () => Promise<unknown> = async () => undefined) {
	const persist = vi.fn();
	const showResult = vi.fn();
	const machine = questionnaireMachine.provide({
		actions: { persist, showResult },
		actors: { submitAnswers: fromPromise(submit) }
	});
	return { machine, persist, showResult };
}

async function renderQuiz(
	options: {
		machine?: ReturnType<typeof providedMachine>['machine'] | (() => Promise<never>);
		resume?: () => PersistedQuestionnaire | undefined;
		onbroken?: () => void;
		pause?: number;
	} = {}
) {
	const effects = providedMachine();
	let quiz!: Questionnaire;
	const view = render(QuizHarness, {
		content: questionnaire,
		machine: options.machine ?? effects.machine,
		resume: options.resume,
		onbroken: options.onbroken,
		pause: options.pause ?? 30,
		expose: (exposed: Questionnaire) => (quiz = exposed)
	});
	if (options.machine === undefined) await ready();
	return { ...effects, view, quiz: () => quiz, user: userEvent.setup() };
}

/** The quiz has taken over: its machine runs. */
async function ready() {
	await vi.waitFor(() =>
		expect(document.querySelector('[data-quiz]')).toHaveAttribute('data-quiz', 'ready')
	);
}

const counter = (position: number) => `Question ${position} of ${total}`;

describe('a question', () => {
	it('is a group named by the statement, with five labelled radios', async () => {
		// Arrange
		const onselect = vi.fn();
		render(ChoiceQuestion, {
			id: 'q',
			legend: 'I enjoy planning.',
			hint: 'How much do you agree?',
			options: [...labels],
			selected: undefined,
			onselect
		});
		const group = screen.getByRole('group', { name: 'I enjoy planning.' });

		// Act
		await userEvent.click(within(group).getByRole('radio', { name: /Strongly agree/ }));

		// Assert
		expect(group).toHaveAccessibleDescription('How much do you agree?');
		const radios = within(group).getAllByRole('radio');
		expect(radios.map((radio) => radio.getAttribute('value'))).toEqual(['1', '2', '3', '4', '5']);
		// A click (or tap) asks to move on.
		expect(onselect).toHaveBeenCalledWith(5, true);
	});

	it('reports a choice made with the arrow keys without asking to move on', async () => {
		// Arrange
		const onselect = vi.fn();
		render(ChoiceQuestion, {
			id: 'q',
			legend: 'I enjoy planning.',
			options: [...labels],
			selected: 1,
			onselect
		});
		const radios = screen.getAllByRole('radio');
		radios[0]!.focus();

		// Act: what a browser does on ArrowDown in a radio group.
		radios[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
		radios[1]!.click();

		// Assert
		expect(onselect).toHaveBeenCalledExactlyOnceWith(2, false);
	});
});

describe('the quiz', () => {
	it('shows the first question before its machine runs, and the same once it does', async () => {
		// Arrange: a machine that takes its time to load.
		let load!: (machine: ReturnType<typeof providedMachine>['machine']) => void;
		const arriving = new Promise<ReturnType<typeof providedMachine>['machine']>(
			(done) => (load = done)
		);
		await renderQuiz({ machine: () => arriving as Promise<never> });

		// Act
		const before = document.querySelector('[data-quiz]')!.getAttribute('data-quiz');
		const legendBefore = screen.getByText(first!.text, { selector: 'legend' });
		load(providedMachine().machine);
		await ready();

		// Assert
		expect(before).toBe('starting');
		expect(screen.getByText(first!.text, { selector: 'legend' })).toBe(legendBefore);
		expect(screen.getByText(counter(1))).toBeInTheDocument();
		const bar = screen.getByRole('progressbar', {
			name: `Quiz progress: 0 of ${total} questions answered`
		});
		expect(bar).toHaveAttribute('value', '0');
	});

	it('keeps a tap made before the machine arrived', async () => {
		// Arrange
		let load!: (machine: ReturnType<typeof providedMachine>['machine']) => void;
		const arriving = new Promise<ReturnType<typeof providedMachine>['machine']>(
			(done) => (load = done)
		);
		const { user } = await renderQuiz({ machine: () => arriving as Promise<never> });

		// Act
		await user.click(screen.getByRole('radio', { name: 'Agree' }));
		load(providedMachine().machine);
		await ready();

		// Assert: answered, and moved on after the pause.
		expect(await screen.findByText(counter(2))).toBeInTheDocument();
	});

	it('moves on by itself after a tap, and keeps the answer', async () => {
		// Arrange
		const { user, persist } = await renderQuiz();

		// Act
		await user.click(screen.getByRole('radio', { name: 'Agree' }));
		const during = screen.getByText(/^Question \d+ of/).textContent;

		// Assert
		expect(during).toBe(counter(1));
		expect(await screen.findByText(counter(2))).toBeInTheDocument();
		const legend = screen.getByText(second!.text, { selector: 'legend' });
		await vi.waitFor(() => expect(legend).toHaveFocus());
		expect(persist).toHaveBeenCalled();
		await user.click(screen.getByRole('button', { name: text.question.back }));
		expect(screen.getByRole('radio', { name: 'Agree' })).toBeChecked();
	});

	it('chooses with keys 1–5 and moves on at once with Enter', async () => {
		// Arrange
		const { user } = await renderQuiz({ pause: 10_000 });

		// Act
		await user.keyboard('4');
		const chosen = screen.getByRole('radio', { name: 'Agree' });
		await user.keyboard('{Enter}');

		// Assert
		expect(chosen).toBeChecked();
		expect(screen.getByText(counter(2))).toBeInTheDocument();
		expect(
			screen.getByRole('progressbar', { name: /1 of \d+ questions answered/ })
		).toBeInTheDocument();
	});

	it('offers the keyboard shortcuts once a key has been pressed', async () => {
		// Arrange
		const { user } = await renderQuiz();
		const quiz = document.querySelector('[data-quiz]')!;
		const before = quiz.hasAttribute('data-keys');

		// Act
		await user.keyboard('{Shift}');

		// Assert
		expect(before).toBe(false);
		expect(quiz).toHaveAttribute('data-keys');
		expect(screen.getByText('Keys 1 to 5 choose an answer; Enter goes on.')).toBeInTheDocument();
	});

	it('does not move on without an answer, and says why', async () => {
		// Arrange
		const { user } = await renderQuiz();

		// Act
		await user.click(screen.getByRole('button', { name: text.question.next }));

		// Assert
		expect(screen.getByText(counter(1))).toBeInTheDocument();
		expect(screen.getByRole('status')).toHaveTextContent(text.question.chooseFirst);
	});

	it('takes prompts, buttons and counters from content', async () => {
		// Act
		await renderQuiz();

		// Assert
		expect(screen.getByRole('group', { name: first!.text })).toHaveAccessibleDescription(
			text.question.likertPrompt
		);
		expect(screen.getByRole('button', { name: text.question.back })).toBeDisabled();
		expect(screen.getByRole('button', { name: text.question.reviewAll })).toBeInTheDocument();
	});
});

describe('the review screen', () => {
	async function reviewWithGaps() {
		const rendered = await renderQuiz({ pause: 10_000 });
		await rendered.user.keyboard('5{Enter}');
		await rendered.user.keyboard('1{Enter}');
		await rendered.user.click(screen.getByRole('button', { name: text.question.reviewAll }));
		return rendered;
	}

	it('lists the unanswered questions first, numbered as in the quiz', async () => {
		// Act
		await reviewWithGaps();

		// Assert
		expect(screen.getByRole('heading', { level: 1, name: text.review.heading })).toHaveFocus();
		const [missing, answered] = screen.getAllByRole('list');
		const gaps = within(missing!).getAllByRole('listitem');
		expect(gaps).toHaveLength(total - 2);
		expect(gaps[0]).toHaveAttribute('value', '3');
		expect(gaps[0]).toHaveTextContent(`${third!.text} Not answered`);
		const done = within(answered!).getAllByRole('listitem');
		expect(done.map((item) => item.getAttribute('value'))).toEqual(['1', '2']);
		expect(done[0]).toHaveTextContent(`${first!.text} Your answer: Strongly agree`);
		expect(done[1]).toHaveTextContent('Strongly disagree');
		expect(
			screen.getByText(new RegExp(`${total - 2} questions are still unanswered`))
		).toBeInTheDocument();
	});

	it('puts "See my result" one Tab after the heading, and again at the bottom', async () => {
		// Arrange
		const { user } = await reviewWithGaps();

		// Act
		await user.tab();

		// Assert
		const buttons = screen.getAllByRole('button', { name: text.review.submit });
		expect(buttons).toHaveLength(2);
		expect(buttons[0]).toHaveFocus();
	});

	it('opens a question and comes back to review after answering it', async () => {
		// Arrange
		const { user } = await reviewWithGaps();

		// Act
		await user.click(screen.getByRole('button', { name: 'Answer question 3' }));
		const opened = screen.queryByText(counter(3)) !== null;
		await user.keyboard('3{Enter}');

		// Assert
		expect(opened).toBe(true);
		expect(
			screen.getByText(new RegExp(`${total - 3} questions are still unanswered`))
		).toBeInTheDocument();
	});

	it('submits through the supplied effects', async () => {
		// Arrange
		const { user, showResult } = await reviewWithGaps();

		// Act
		await user.click(screen.getAllByRole('button', { name: text.review.submit })[0]!);

		// Assert
		await vi.waitFor(() => expect(showResult).toHaveBeenCalledOnce());
		expect(Object.keys(showResult.mock.calls[0]![0].context.answers)).toHaveLength(2);
		expect(screen.getByRole('heading', { level: 1, name: text.finished.heading })).toBeVisible();
	});

	it('asks before starting over, and keeps the answers when told to', async () => {
		// Arrange
		const { user } = await reviewWithGaps();

		// Act
		await user.click(screen.getByRole('button', { name: text.startOver.button }));
		const dialog = screen.getByRole('dialog', { name: text.startOver.title });
		const safeChoice = within(dialog).getByRole('button', { name: text.startOver.cancel });
		const focused = document.activeElement;
		await user.click(safeChoice);

		// Assert
		expect(dialog).toHaveTextContent('This clears the 2 answers you have given so far.');
		expect(focused).toBe(safeChoice);
		expect(dialog).not.toHaveAttribute('open');
		expect(screen.getByRole('heading', { level: 1, name: text.review.heading })).toBeVisible();
		expect(screen.getByRole('button', { name: text.startOver.button })).toHaveFocus();
	});

	it('starts over once confirmed', async () => {
		// Arrange
		const { user, persist } = await reviewWithGaps();
		persist.mockClear();

		// Act
		await user.click(screen.getByRole('button', { name: text.startOver.button }));
		const dialog = screen.getByRole('dialog', { name: text.startOver.title });
		await user.click(within(dialog).getByRole('button', { name: text.startOver.confirm }));

		// Assert
		expect(await screen.findByText(counter(1))).toBeInTheDocument();
		expect(screen.getByRole('radio', { name: 'Strongly agree' })).not.toBeChecked();
		expect(persist).toHaveBeenCalledOnce();
	});

	it('says why a submission failed and lets the person try again', async () => {
		// Arrange
		let attempts = 0;
		const effects = providedMachine(async () => {
			attempts += 1;
			if (attempts === 1) throw new Error('The server did not answer.');
		});
		const { user } = await renderQuiz({ machine: effects.machine, pause: 10_000 });
		await ready();
		await user.keyboard('5{Enter}');
		await user.click(screen.getByRole('button', { name: text.question.reviewAll }));

		// Act
		await user.click(screen.getAllByRole('button', { name: text.review.submit })[0]!);
		const alert = await screen.findByRole('alert');
		await user.click(screen.getAllByRole('button', { name: text.review.submit })[0]!);

		// Assert
		expect(alert).toHaveTextContent('Your answers could not be sent: The server did not answer.');
		await vi.waitFor(() => expect(effects.showResult).toHaveBeenCalledOnce());
	});
});

describe('never stuck', () => {
	it('says when the quiz could not load, and tries again', async () => {
		// Arrange
		let tries = 0;
		const { machine } = providedMachine();
		await renderQuiz({
			machine: (async () => {
				tries += 1;
				if (tries === 1) throw new TypeError('Failed to fetch dynamically imported module');
				return machine;
			}) as () => Promise<never>
		});
		const alert = await screen.findByRole('alert');

		// Act
		await userEvent.click(within(alert).getByRole('button', { name: text.notices.retry }));

		// Assert
		expect(alert).toHaveTextContent(text.notices.loadFailed);
		await ready();
		expect(screen.queryByRole('alert')).toBeNull();
	});

	it('starts afresh, and says so, when a checked snapshot still cannot run', async () => {
		// Arrange: passes no schema; as if one had let it through.
		const broken = {
			status: 'active',
			value: 'nowhere',
			context: { questions: [], index: 0 }
		} as unknown as PersistedQuestionnaire;
		const onbroken = vi.fn();

		// Act
		await renderQuiz({ resume: () => broken, onbroken });

		// Assert
		expect(onbroken).toHaveBeenCalledOnce();
		expect(screen.getByText(counter(1))).toBeInTheDocument();
	});

	it('follows what another tab saved, without saving it again', async () => {
		// Arrange: the other tab is on the review screen with one answer.
		const other = createActorSnapshot();
		const { quiz, persist } = await renderQuiz();
		persist.mockClear();

		// Act
		quiz().restore(other);
		await vi.waitFor(() =>
			expect(screen.getByRole('heading', { level: 1, name: text.review.heading })).toBeVisible()
		);

		// Assert
		expect(screen.getAllByRole('list')[1]).toHaveTextContent('Strongly agree');
		expect(persist).not.toHaveBeenCalled();
	});
});

describe('a button that asks first', () => {
	it('closes on Escape without acting, and gives focus back', async () => {
		// Arrange
		const onconfirm = vi.fn();
		render(ConfirmButton, {
			label: 'Start over',
			title: 'Start over?',
			message: 'This clears everything.',
			confirm: 'Yes',
			cancel: 'No',
			onconfirm
		});
		const opener = screen.getByRole('button', { name: 'Start over' });
		await userEvent.click(opener);
		const dialog = screen.getByRole('dialog', { name: 'Start over?' });

		// Act: what the browser does on Escape.
		dialog.dispatchEvent(new Event('cancel'));
		(dialog as HTMLDialogElement).close();

		// Assert
		expect(onconfirm).not.toHaveBeenCalled();
		expect(opener).toHaveFocus();
	});
});

/** A persisted snapshot of the real machine: first question answered, on the review screen. */
function createActorSnapshot(): PersistedQuestionnaire {
	const refs = questionnaire.questions.map((question) => ({
		id: question.id,
		kind: question.kind,
		optionCount: question.kind === 'likert' ? 5 : question.options.length
	}));
	return {
		status: 'active',
		value: 'reviewing',
		context: {
			questions: refs,
			index: 0,
			answers: { [first!.id]: 5 },
			seconds: {},
			enteredAt: null,
			returnToReview: false,
			submitError: null
		},
		historyValue: {},
		children: {}
	} as unknown as PersistedQuestionnaire;
}
