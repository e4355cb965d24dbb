/**
 * Offline once loaded: after one visit to /quiz the service worker holds the app, so the quiz can
 * be finished and its result opened (and reloaded) with no network at all.
 *
 * "No network" is made two ways at once: the browser is set offline, and every request that
 * still reaches the network (the service worker's own fetches included) is aborted. Without the
 * service worker, the same steps fail (the last test shows it).
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import {
	allTactical,
	answerAt,
	answerByKeyboard,
	answerByMouse,
	expectQuestion,
	expectReview,
	expectedResult,
	total
} from './helpers.ts';

/** Waits until the service worker controls the page, which means it has cached the app. */
async function expectControlled(page: Page) {
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, {
		timeout: 30_000
	});
}

async function goOffline(context: BrowserContext) {
	await context.setOffline(true);
	await context.route('**/*', (route) => route.abort('internetdisconnected'));
}

for (const [device, use] of [
	['phone', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
	['desktop', { viewport: { width: 1280, height: 800 } }]
] as const) {
	test.describe(`on a ${device}`, () => {
		test.use(use);

		test('load /quiz, go offline, finish the quiz, see the result, reload it', async ({
			page,
			context
		}) => {
			const answers = allTactical();
			await page.goto('/quiz');
			await expectQuestion(page, 0);
			await expectControlled(page);
			await goOffline(context);

			for (let index = 0; index < total; index++) {
				if (device === 'phone') await answerByMouse(page, index, answerAt(answers, index));
				else await answerByKeyboard(page, index, answerAt(answers, index));
			}
			await expectReview(page);
			await page.getByRole('button', { name: 'See my result' }).first().click();

			await expect(page).toHaveURL(/\/results#v\d/);
			const expected = expectedResult(answers);
			await expect(page.locator('.verdict-sentence')).toHaveText(expected.sentence);

			// A full reload, still offline, comes from the cache too.
			await page.reload();
			await expect(page.locator('.verdict-sentence')).toHaveText(expected.sentence);

			// So do the other pages.
			await page.goto('/');
			await expect(page.getByRole('link', { name: 'See your result' })).toBeVisible();
		});
	});
}

test('a page that needs the network says so offline, in the language of the page opened', async ({
	page,
	context
}) => {
	await page.goto('/quiz');
	await expectQuestion(page, 0);
	await expectControlled(page);
	await goOffline(context);

	// Not cached (it needs the server): the offline page, in English at an English address…
	await page.goto('/join');
	await expect(page.getByRole('heading', { level: 1, name: 'You are offline' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	// …and in the address's language at another's, right to left in Arabic.
	await page.goto('/es/join');
	await expect(page.getByRole('heading', { level: 1, name: 'No tienes conexión' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await page.goto('/ar/join');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByTestId('offline-page')).toBeVisible();
	// One address for every language (the facilitator's pages): the language chosen.
	await context.addCookies([
		{ name: 'rolefit_lang', value: 'de', domain: new URL(page.url()).hostname, path: '/' }
	]);
	await page.goto('/cohorts/new');
	await expect(page.getByRole('heading', { level: 1, name: 'Du bist offline' })).toBeVisible();
	// Its link back to the start page works offline (the start page is cached).
	await page.getByRole('link', { name: 'Zur Startseite' }).click();
	await expect(page).toHaveURL(/\/de$/);
});

test.describe('without the service worker', () => {
	test.use({ serviceWorkers: 'block' });

	test('the same steps cannot reach the result: the offline test is real', async ({
		page,
		context
	}) => {
		await page.goto('/quiz');
		await expectQuestion(page, 0);
		await goOffline(context);
		const reload = page.reload({ timeout: 5000 }).then(
			() => 'loaded',
			() => 'failed'
		);
		expect(await reload).toBe('failed');
	});
});
