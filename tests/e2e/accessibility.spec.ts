/** axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) on every kind of screen, light and dark. */
import { expect, test, type Page } from '@playwright/test';
import {
	agreeToEverything,
	allStrategic,
	answerAt,
	answerByKeyboard,
	answerWholeQuiz,
	questions,
	radio,
	shareFragment,
	shownResult,
	waitForCharts,
	expectNoViolations,
	expectQuestion,
	expectReview
} from './helpers.ts';

async function showResult(page: Page, answers: Record<string, number>) {
	await page.goto(`/results#${shareFragment(answers)}`);
	await shownResult(page);
	await waitForCharts(page);
	// Open every "Show the numbers" so the tables are checked too.
	for (const summary of await page.locator('details > summary').all()) await summary.click();
	await expect(page.locator('details:not([open])')).toHaveCount(0);
}

for (const scheme of ['light', 'dark'] as const) {
	test.describe(`${scheme} mode`, () => {
		test.use({ colorScheme: scheme });

		test('the start page', async ({ page }) => {
			await page.goto('/');
			await expect(page.getByRole('link', { name: 'Start the quiz' })).toBeVisible();
			await expectNoViolations(page);
		});

		test('a statement, a scenario and the review screen with gaps', async ({ page }) => {
			const answers = allStrategic();
			await page.goto('/quiz');
			await expectQuestion(page, 0);
			expect(questions[0]!.kind).toBe('likert');
			await expectNoViolations(page);

			// The "choose an answer first" hint, shown when going on without one. (Next is only
			// aria-disabled, so it still works; Playwright will not click it, but Enter presses it.)
			await page.getByRole('button', { name: 'Next' }).press('Enter');
			await expect(page.getByText('Choose an answer first, then go on.')).toBeVisible();
			await expectNoViolations(page);
			// Digit keys are ignored while a button has focus: back to the question.
			await page.locator('fieldset legend').focus();

			for (let index = 0; index < 4; index++) {
				await answerByKeyboard(page, index, answerAt(answers, index));
			}
			await expectQuestion(page, 4);
			expect(questions[4]!.kind).toBe('scenario');
			// Chosen with Space, which does not move on: the scenario stays on screen, answered.
			await radio(page, questions[4]!, answerAt(answers, 4)).focus();
			await page.keyboard.press('Space');
			await expect(radio(page, questions[4]!, answerAt(answers, 4))).toBeChecked();
			await expectNoViolations(page);

			await page.getByRole('button', { name: 'Review all answers' }).click();
			await expectReview(page);
			await expect(page.getByText('31 questions are still unanswered')).toBeVisible();
			await expectNoViolations(page);
		});

		test('the review screen, all answered', async ({ page }) => {
			await answerWholeQuiz(page, allStrategic());
			await expectNoViolations(page);
		});

		test('a result, with its charts drawn', async ({ page }) => {
			await showResult(page, allStrategic());
			await expectNoViolations(page);
		});

		test('a result with quality notices', async ({ page }) => {
			await showResult(page, agreeToEverything());
			await expect(page.getByRole('heading', { name: 'Read this result with care' })).toBeVisible();
			await expectNoViolations(page);
		});

		test('a link that cannot be read', async ({ page }) => {
			await page.goto('/results#v1.0.0.abc.AAAA');
			await expect(page.getByRole('alert')).toBeVisible();
			await expectNoViolations(page);
		});

		test('the sources page', async ({ page }) => {
			await page.goto('/sources');
			await expect(page.getByRole('heading', { name: 'Bibliography' })).toBeVisible();
			await expectNoViolations(page);
		});

		test('the page-not-found page', async ({ page }) => {
			await page.goto('/no-such-page');
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expectNoViolations(page);
		});
	});
}
