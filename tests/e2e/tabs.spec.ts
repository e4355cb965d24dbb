/**
 * Two tabs, one quiz: what one tab saves, the other shows (through the `storage` event), in both
 * directions and for a start-over; a tab that finds a newer version's save steps aside and asks
 * for a reload instead of overwriting it.
 */
import { expect, test } from '@playwright/test';
import { QUIZ_STORAGE_KEY } from '../../src/lib/quiz/snapshot.ts';
import {
	allStrategic,
	answerAt,
	answerByKeyboard,
	content,
	questions,
	radio,
	savedAnswer,
	expectNoViolations,
	expectQuestion,
	expectReview
} from './helpers.ts';

const text = content.quizPage;

for (const [device, use] of [
	['phone', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
	['desktop', { viewport: { width: 1280, height: 800 } }]
] as const) {
	test.describe(`on a ${device}`, () => {
		test.use(use);

		test('two tabs stay in step, both ways, and through a start-over', async ({ context }) => {
			const answers = allStrategic();
			const first = await context.newPage();
			const second = await context.newPage();
			await first.goto('/quiz');
			await second.goto('/quiz');
			await expectQuestion(first, 0);
			await expectQuestion(second, 0);

			// Answers given in the first tab appear in the second.
			await first.bringToFront();
			await answerByKeyboard(first, 0, answerAt(answers, 0));
			await answerByKeyboard(first, 1, answerAt(answers, 1));
			await expectQuestion(second, 2);
			await expect(
				second.getByRole('status').filter({ hasText: text.notices.otherTab })
			).toBeVisible();
			await second.getByRole('button', { name: text.question.back }).click();
			await expectQuestion(second, 1);
			await expect(radio(second, questions[1]!, answerAt(answers, 1))).toBeChecked();
			await expectNoViolations(second);

			// And the other way round.
			await second.bringToFront();
			await answerByKeyboard(second, 1, answerAt(answers, 1));
			await answerByKeyboard(second, 2, answerAt(answers, 2));
			await expectQuestion(first, 3);
			await expect.poll(() => savedAnswer(first, questions[2]!)).toBe(answerAt(answers, 2));

			// Starting over in one tab starts over in both.
			await first.bringToFront();
			await first.getByRole('button', { name: text.question.reviewAll }).click();
			await expectReview(first);
			await first.getByRole('button', { name: text.startOver.button }).click();
			await first
				.getByRole('dialog', { name: text.startOver.title })
				.getByRole('button', { name: text.startOver.confirm })
				.click();
			await expectQuestion(first, 0);
			await expectQuestion(second, 0);
			await expect(second.getByRole('radio', { checked: true })).toHaveCount(0);

			// Storage cleared elsewhere (the result page's "Start over"): a fresh quiz here too.
			await answerByKeyboard(first, 0, answerAt(answers, 0));
			await expectQuestion(second, 1);
			await first.evaluate((key) => localStorage.removeItem(key), QUIZ_STORAGE_KEY);
			await expectQuestion(second, 0);
			await expect(
				second.getByRole('status').filter({ hasText: text.notices.otherTabCleared })
			).toBeVisible();
		});

		test('a tab that finds a newer version saved elsewhere says it is out of date, and keeps out of the way', async ({
			context
		}) => {
			const older = await context.newPage();
			const newer = await context.newPage();
			await older.goto('/quiz');
			await expectQuestion(older, 0);
			await newer.goto('/quiz');
			await expectQuestion(newer, 0);

			// The newer tab (a later deploy) saves its quiz.
			const newerSave = JSON.stringify({
				format: 1,
				version: '99.0.0',
				fingerprint: 'c0ffee00',
				savedAt: Date.now(),
				snapshot: { status: 'active', value: 'answering', context: {} }
			});
			await newer.evaluate(
				([key, value]) => localStorage.setItem(key!, value!),
				[QUIZ_STORAGE_KEY, newerSave]
			);

			const alert = older.getByRole('alert').filter({ hasText: text.notices.outOfDate });
			await expect(alert).toBeVisible();
			await expect(alert.getByRole('button', { name: text.notices.reload })).toBeVisible();
			await expectNoViolations(older);

			// Answering on here changes nothing stored: the newer save is kept.
			await older.bringToFront();
			await older.keyboard.press('4');
			await older.keyboard.press('Enter');
			await expectQuestion(older, 1);
			await older.waitForTimeout(300);
			expect(await older.evaluate((key) => localStorage.getItem(key), QUIZ_STORAGE_KEY)).toBe(
				newerSave
			);
		});
	});
}
