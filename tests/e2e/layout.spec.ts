/** Small screens and the dark colour scheme. */
import { expect, test, type Page } from '@playwright/test';
import {
	allStrategic,
	answerAt,
	answerByKeyboard,
	expectQuestion,
	expectReview,
	luminance,
	pageBackground,
	questions,
	shareFragment,
	shownResult,
	waitForCharts
} from './helpers.ts';

/** Nothing is wider than the window: the page never scrolls sideways. */
async function expectNoSidewaysScroll(page: Page, where: string) {
	const { scrollWidth, clientWidth } = await page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		clientWidth: document.documentElement.clientWidth
	}));
	expect(
		scrollWidth,
		`${where} is ${scrollWidth}px wide in a ${clientWidth}px window`
	).toBeLessThanOrEqual(clientWidth);
}

test.describe('on a 320×640 screen', () => {
	test.use({ viewport: { width: 320, height: 640 } });

	test('no page scrolls sideways', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('link', { name: 'Start the quiz' })).toBeVisible();
		await expectNoSidewaysScroll(page, 'the start page');

		const answers = allStrategic();
		await page.goto('/quiz');
		await expectQuestion(page, 0);
		expect(questions[0]!.kind).toBe('likert');
		await expectNoSidewaysScroll(page, 'a statement');
		for (let index = 0; index < 4; index++) {
			await answerByKeyboard(page, index, answerAt(answers, index));
		}
		await expectQuestion(page, 4);
		expect(questions[4]!.kind).toBe('scenario');
		await expectNoSidewaysScroll(page, 'a scenario');

		await page.getByRole('button', { name: 'Review all answers' }).click();
		await expectReview(page);
		await expectNoSidewaysScroll(page, 'the review screen');

		await page.goto(`/results#${shareFragment(answers)}`);
		await shownResult(page);
		await waitForCharts(page);
		await expectNoSidewaysScroll(page, 'the result');

		await page.goto('/sources');
		await expect(page.getByRole('heading', { level: 1, name: 'Sources and method' })).toBeVisible();
		await expectNoSidewaysScroll(page, 'the sources page');

		const response = await page.goto('/no-such-page');
		expect(response?.status()).toBe(404);
		await expect(
			page.getByRole('heading', { level: 1, name: 'We could not find that page' })
		).toBeVisible();
		await expectNoSidewaysScroll(page, 'the 404 page');
	});
});

for (const scheme of ['light', 'dark'] as const) {
	test.describe(`in the ${scheme} colour scheme`, () => {
		test.use({ colorScheme: scheme });

		test('pages take the matching background', async ({ page }) => {
			const pages = [
				{ path: '/', ready: page.getByRole('link', { name: 'Start the quiz' }) },
				{ path: '/quiz', ready: page.locator('fieldset legend') },
				{
					path: `/results#${shareFragment(allStrategic())}`,
					ready: page.locator('.verdict-sentence')
				},
				{ path: '/sources', ready: page.getByRole('heading', { name: 'Bibliography' }) }
			];
			for (const { path, ready } of pages) {
				await page.goto(path);
				await expect(ready).toBeVisible();
				const background = luminance(await pageBackground(page));
				const text = luminance(await page.evaluate(() => getComputedStyle(document.body).color));
				if (scheme === 'dark') {
					expect(background, `${path} background`).toBeLessThan(0.05);
					expect(text, `${path} text`).toBeGreaterThan(0.6);
				} else {
					expect(background, `${path} background`).toBeGreaterThan(0.85);
					expect(text, `${path} text`).toBeLessThan(0.05);
				}
			}
		});
	});
}
