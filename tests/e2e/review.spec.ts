/** Changing an answer from the review screen changes the result. */
import { expect, test } from '@playwright/test';
import {
	allStrategic,
	answerAt,
	answerWholeQuiz,
	expectQuestion,
	expectReview,
	expectReviewedAnswer,
	expectedResult,
	optionText,
	questions,
	radio,
	shareFragment,
	shownResult
} from './helpers.ts';

test('changing an answer on the review screen changes the scores', async ({ page, context }) => {
	const before = allStrategic();
	await answerWholeQuiz(page, before);

	// Question 1 from one end of the scale to the other.
	const question = questions[0]!;
	const old = answerAt(before, 0);
	const changed = 6 - old;
	expect(changed).not.toBe(old);
	const after = { ...before, [question.id]: changed };

	await page.getByRole('button', { name: 'Change question 1', exact: true }).click();
	await expectQuestion(page, 0);
	await expect(radio(page, question, old)).toBeChecked();
	await page
		.locator('label.option')
		.getByText(optionText(question, changed), { exact: true })
		.click();
	// Opened from the review screen, the question leads straight back to it after the one tap.
	await expectReview(page);
	await expectReviewedAnswer(page, question, changed);

	await page.getByRole('button', { name: 'See my result' }).first().click();
	await expect(page).toHaveURL(/\/results#v\d/);
	const shownAfter = await shownResult(page);
	const { sentence, strategic, tactical } = expectedResult(after);
	expect(shownAfter).toEqual({ sentence, strategic, tactical });

	// The unchanged answers, opened as a link, show different scores.
	const other = await context.newPage();
	await other.goto(`/results#${shareFragment(before)}`);
	const shownBefore = await shownResult(other);
	const expectedBefore = expectedResult(before);
	expect(shownBefore).toEqual({
		sentence: expectedBefore.sentence,
		strategic: expectedBefore.strategic,
		tactical: expectedBefore.tactical
	});
	expect([shownAfter.strategic, shownAfter.tactical]).not.toEqual([
		shownBefore.strategic,
		shownBefore.tactical
	]);
});
