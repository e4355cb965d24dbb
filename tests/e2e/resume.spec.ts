/** The quiz survives a reload, and a closed tab: same question, same answers. */
import { expect, test } from '@playwright/test';
import {
	allStrategic,
	answerAt,
	answerByMouse,
	counter,
	expectQuestion,
	expectReview,
	expectReviewedAnswer,
	optionText,
	questions,
	radio,
	total
} from './helpers.ts';

test('a reload or a new tab picks up at the same question with the same answers', async ({
	page,
	context
}) => {
	const answers = allStrategic();
	await page.goto('/quiz');
	for (let index = 0; index < 7; index++) {
		await answerByMouse(page, index, answerAt(answers, index));
	}
	// Question 8 answered but not yet left.
	await expectQuestion(page, 7);
	await page
		.locator('label.option')
		.getByText(optionText(questions[7]!, answerAt(answers, 7)), { exact: true })
		.click();
	await expect(radio(page, questions[7]!, answerAt(answers, 7))).toBeChecked();

	await page.reload();
	await expectQuestion(page, 7);
	await expect(radio(page, questions[7]!, answerAt(answers, 7))).toBeChecked();
	await expect(page.getByRole('radio', { checked: true })).toHaveCount(1);

	await page.getByRole('button', { name: 'Back' }).click();
	await expectQuestion(page, 6);
	await expect(radio(page, questions[6]!, answerAt(answers, 6))).toBeChecked();

	// Close the tab; a new one in the same browser profile continues from there.
	await page.close();
	const again = await context.newPage();
	await again.goto('/');
	await expect(again.getByRole('link', { name: 'Continue the quiz' })).toBeVisible();
	await expect(again.getByText(`You are at question 7 of ${total}.`)).toBeVisible();
	await again.getByRole('link', { name: 'Continue the quiz' }).click();
	await expectQuestion(again, 6);
	await expect(again.getByText(counter(6), { exact: true })).toBeVisible();
	await expect(radio(again, questions[6]!, answerAt(answers, 6))).toBeChecked();

	// Every answer given so far is still there, and nothing else.
	await again.getByRole('button', { name: 'Review all answers' }).click();
	await expectReview(again);
	for (const [index, question] of questions.entries()) {
		await expectReviewedAnswer(again, question, index < 8 ? answerAt(answers, index) : undefined);
	}
});
