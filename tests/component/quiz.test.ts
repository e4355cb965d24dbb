import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import content from 'virtual:rolefit/content';
import { questionnaireOf } from '../../src/lib/content/questionnaire.ts';
import ChoiceQuestion from '../../src/routes/quiz/ChoiceQuestion.svelte';
import Questionnaire from '../../src/routes/quiz/Questionnaire.svelte';

const questionnaire = questionnaireOf(content);
const [first, second] = questionnaire.questions;
const total = questionnaire.questions.length;
const labels = questionnaire.instrument.likertLabels;

function renderQuiz() {
	const onsave = vi.fn();
	const onsubmit = vi.fn();
	render(Questionnaire, { content: questionnaire, onsave, onsubmit });
	return { onsave, onsubmit, user: userEvent.setup() };
}

describe('a Likert question', () => {
	it('is a group named by the statement, with five labelled radios', async () => {
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
		expect(group).toHaveAccessibleDescription('How much do you agree?');
		const radios = within(group).getAllByRole('radio');
		expect(radios.map((radio) => radio.getAttribute('value'))).toEqual(['1', '2', '3', '4', '5']);
		await userEvent.click(within(group).getByRole('radio', { name: /Strongly agree/ }));
		expect(onselect).toHaveBeenCalledWith(5);
	});
});

describe('the questionnaire', () => {
	it('shows progress as text and as a named progress bar', () => {
		renderQuiz();
		expect(screen.getByText(`Question 1 of ${total}`)).toBeInTheDocument();
		const bar = screen.getByRole('progressbar', {
			name: /Quiz progress: 0 of \d+ questions answered/
		});
		expect(bar).toHaveAttribute('value', '0');
		expect(screen.getByRole('group', { name: first!.text })).toBeInTheDocument();
	});

	it('chooses with keys 1–5 and moves on with Enter, focusing the next legend', async () => {
		const { user, onsave } = renderQuiz();
		await user.keyboard('4');
		expect(screen.getByRole('radio', { name: 'Agree' })).toBeChecked();
		await user.keyboard('{Enter}');
		expect(await screen.findByText(`Question 2 of ${total}`)).toBeInTheDocument();
		const legend = screen.getByText(second!.text, { selector: 'legend' });
		await vi.waitFor(() => expect(legend).toHaveFocus());
		expect(
			screen.getByRole('progressbar', { name: /1 of \d+ questions answered/ })
		).toBeInTheDocument();
		expect(onsave).toHaveBeenLastCalledWith(
			expect.objectContaining({ context: expect.objectContaining({ answers: { [first!.id]: 4 } }) })
		);
	});

	it('does not move on without an answer, and says why', async () => {
		const { user } = renderQuiz();
		await user.click(screen.getByRole('button', { name: 'Next' }));
		expect(screen.getByText(`Question 1 of ${total}`)).toBeInTheDocument();
		expect(screen.getByRole('status')).toHaveTextContent('Choose an answer first');
	});

	it('goes back with the Back button, keeping the answer', async () => {
		const { user } = renderQuiz();
		await user.click(screen.getByRole('radio', { name: 'Disagree' }));
		await user.click(screen.getByRole('button', { name: 'Next' }));
		await user.click(screen.getByRole('button', { name: 'Back' }));
		expect(screen.getByText(`Question 1 of ${total}`)).toBeInTheDocument();
		expect(screen.getByRole('radio', { name: 'Disagree' })).toBeChecked();
	});

	it('lists every question on the review screen and marks the unanswered ones', async () => {
		const { user, onsubmit } = renderQuiz();
		await user.keyboard('5{Enter}');
		await user.keyboard('1');
		await user.click(screen.getByRole('button', { name: 'Review all answers' }));

		expect(screen.getByRole('heading', { name: 'Review your answers' })).toBeInTheDocument();
		const items = within(screen.getByRole('list')).getAllByRole('listitem');
		expect(items).toHaveLength(total);
		expect(items[0]).toHaveTextContent(`${first!.text} Your answer: Strongly agree`);
		expect(items[1]).toHaveTextContent('Strongly disagree');
		expect(items[2]).toHaveTextContent('Not answered');
		expect(
			screen.getByText(new RegExp(`${total - 2} questions are still unanswered`))
		).toBeInTheDocument();

		// Jump back to question 3 from the review and answer it; Next returns to the review.
		await user.click(screen.getByRole('button', { name: 'Answer question 3' }));
		expect(screen.getByText(`Question 3 of ${total}`)).toBeInTheDocument();
		await user.keyboard('3{Enter}');
		expect(
			screen.getByText(new RegExp(`${total - 3} questions are still unanswered`))
		).toBeInTheDocument();

		await user.click(screen.getByRole('button', { name: 'See my result' }));
		expect(onsubmit).toHaveBeenCalledTimes(1);
		expect(Object.keys(onsubmit.mock.calls[0]![0])).toHaveLength(3);
	});
});
