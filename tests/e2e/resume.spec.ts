/** The quiz survives a reload, and a closed tab: same question, same answers. */
import { expect, test } from '@playwright/test';
import {
	allStrategic,
	answerAt,
	answerByMouse,
	content,
	counter,
	expectQuestion,
	expectReview,
	expectReviewedAnswer,
	questions,
	radio,
	savedAnswer,
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
	// Question 8 answered but not yet left: chosen from the keyboard, which does not move on.
	await expectQuestion(page, 7);
	await radio(page, questions[7]!, answerAt(answers, 7)).focus();
	await page.keyboard.press('Space');
	await expect(radio(page, questions[7]!, answerAt(answers, 7))).toBeChecked();
	await expect.poll(() => savedAnswer(page, questions[7]!)).toBe(answerAt(answers, 7));
	await expectQuestion(page, 7);

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

test('an unfinished quiz saved under version 1 is set aside with a notice, never restored', async ({
	page
}) => {
	// What a 1.x quiz left in the browser: its own question ids, three answers in.
	const saved = JSON.stringify({
		format: 1,
		version: '1.2.0',
		fingerprint: '0badc0de',
		savedAt: Date.now(),
		snapshot: {
			status: 'active',
			value: 'answering',
			context: {
				questions: [{ id: 'vision-1', kind: 'likert', options: 5 }],
				index: 3,
				answers: { 'vision-1': 5, 'planning-1': 1, 'customers-1': 5 },
				seconds: {},
				enteredAt: null,
				returnToReview: false
			},
			historyValue: {},
			children: {}
		}
	});
	await page.addInitScript((value) => {
		if (!sessionStorage.getItem('seeded')) {
			sessionStorage.setItem('seeded', 'yes');
			localStorage.setItem('rolefit.quiz', value);
		}
	}, saved);

	await page.goto('/quiz');
	await expect(page.getByRole('status').filter({ hasText: 'This quiz has changed' })).toHaveText(
		'This quiz has changed since you last answered it, so your earlier answers cannot be used: we started a fresh one for you to take again.'
	);
	await expectQuestion(page, 0);
	await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
	// The old save is gone; whatever is stored now belongs to this version.
	const stored = await page.evaluate(() => localStorage.getItem('rolefit.quiz'));
	if (stored !== null) expect(JSON.parse(stored).version).toBe(content.instrument.version);
	expect(stored ?? '').not.toContain('vision-1');
});
