/**
 * The result prints as a report: what matters on paper, without the page's controls, on two A4
 * or Letter pages with no blank one, charts as images and the retake link printed.
 */
import { expect, test, type Page } from '@playwright/test';
import { recordResult, RESULTS_STORAGE_KEY } from '../../src/lib/results/saved-results.ts';
import {
	agreeToEverything,
	allStrategic,
	allTactical,
	content,
	randomRespondent,
	seededRandom,
	shareFragment,
	slightProductLean,
	shownResult,
	waitForCharts
} from './helpers.ts';
import { readPdf } from './pdf.ts';

const text = content.resultsPage;

/** Shows the result for `answers` with both charts drawn and their print images made. */
async function showForPrint(page: Page, answers: Record<string, number>) {
	await page.goto(`/results#${shareFragment(answers)}`);
	await shownResult(page);
	await waitForCharts(page);
	await expect(page.locator('canvas[data-print-image="ready"]')).toHaveCount(2);
}

/** Strong on both: agrees with every statement's own direction, picks alternate sides. */
function strongOnBoth(): Record<string, number> {
	const answers: Record<string, number> = {};
	for (const item of content.items) answers[item.id] = item.keyed === 'plus' ? 5 : 1;
	content.scenarios.forEach((scenario, index) => (answers[scenario.id] = index % 2 === 0 ? 2 : 1));
	return answers;
}

test('printing a result keeps the verdict, map, charts and sources and drops the controls', async ({
	page,
	baseURL
}) => {
	await showForPrint(page, allStrategic());

	const verdict = page.locator('.verdict-sentence');
	const map = page.locator('svg.result-map');
	const charts = page.locator('canvas');
	const images = page.locator('figure img.print-image');
	const sources = page.getByRole('region', { name: 'Sources cited in this result' });
	const header = page.locator('header.site-header');
	const nav = page.getByRole('navigation', { name: 'Main' });
	const footer = page.getByRole('contentinfo');
	const actions = page.getByRole('region', { name: 'Keep or share your result' });
	const buttons = [
		text.actions.copyLink,
		text.actions.downloadImage,
		text.actions.print,
		text.actions.downloadJson
	].map((name) => page.getByRole('button', { name }));
	const retake = page.getByText(`Take the quiz again: ${baseURL}/quiz`, { exact: true });

	// On screen, everything is there; the printed extras are not.
	for (const shown of [verdict, map, sources, nav, footer, actions, ...buttons]) {
		await expect(shown).toBeVisible();
	}
	await expect(retake).toBeHidden();
	for (const image of await images.all()) await expect(image).toBeHidden();

	await page.emulateMedia({ media: 'print' });
	await expect(verdict).toBeVisible();
	await expect(map).toBeVisible();
	// Charts are images on paper: the canvases give way to their PNGs.
	await expect(charts).toHaveCount(2);
	for (const chart of await charts.all()) await expect(chart).toBeHidden();
	await expect(images).toHaveCount(2);
	for (const image of await images.all()) {
		await expect(image).toBeVisible();
		await expect(image).toHaveAttribute('src', /^data:image\/png;base64,/);
		expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
	}
	await expect(sources).toBeVisible();
	await expect(sources.getByRole('listitem').first()).toBeVisible();
	await expect(retake).toBeVisible();

	for (const hidden of [header, nav, footer, actions, ...buttons]) {
		await expect(hidden).toBeHidden();
	}
	await expect(page.getByRole('link', { name: 'Skip to content' })).toBeHidden();
	await expect(page.getByRole('textbox', { name: 'Link to this result' })).toBeHidden();
});

const results: [string, () => Record<string, number>][] = [
	['a firm product lean', () => allStrategic()],
	['a firm project lean', () => allTactical()],
	['strong on both', strongOnBoth],
	['an unsettled result with quality notices', () => agreeToEverything()],
	['a random respondent', () => randomRespondent(seededRandom(7))],
	['a slight lean toward product', () => slightProductLean()]
];

for (const [name, answers] of results) {
	test(`${name} prints on two A4 or Letter pages, none blank, charts as images`, async ({
		page
	}) => {
		await showForPrint(page, answers());
		for (const format of ['A4', 'Letter'] as const) {
			const pdf = readPdf(await page.pdf({ format }));
			expect(pdf.pages.length, `${format} pages`).toBeGreaterThanOrEqual(1);
			expect(pdf.pages.length, `${format} pages`).toBeLessThanOrEqual(2);
			pdf.pages.forEach((sheet, index) => {
				expect(sheet.textRuns + sheet.drawnObjects, `${format} page ${index + 1}`).toBeGreaterThan(
					0
				);
			});
			// The two charts' images (each with its transparency mask).
			expect(pdf.images, `${format} images`).toBeGreaterThanOrEqual(2);
		}
	});
}

test('the person’s own result with last time → now still prints on two pages', async ({ page }) => {
	// Kept from last time, then taken again with other answers: the page compares the two.
	const storage = new Map<string, string>();
	const store = {
		getItem: (key: string) => storage.get(key) ?? null,
		setItem: (key: string, value: string) => void storage.set(key, value),
		removeItem: (key: string) => void storage.delete(key)
	};
	const earlier = recordResult(
		store,
		content.instrument,
		[],
		shareFragment(allTactical()),
		Date.UTC(2025, 0, 15)
	);
	recordResult(store, content.instrument, earlier, shareFragment(agreeToEverything()), Date.now());
	await page.goto('/');
	await page.evaluate(
		([key, value]) => localStorage.setItem(key!, value!),
		[RESULTS_STORAGE_KEY, storage.get(RESULTS_STORAGE_KEY)!]
	);
	// No fragment: the page shows the latest own result, beside the one before it.
	await page.goto('/results');
	await shownResult(page);
	await expect(page.getByRole('region', { name: text.previous.heading })).toBeVisible();
	// Quality notices too: the longest own result there is.
	await expect(page.getByRole('region', { name: text.quality.heading })).toBeVisible();
	await waitForCharts(page);
	await expect(page.locator('canvas[data-print-image="ready"]')).toHaveCount(2);
	for (const format of ['A4', 'Letter'] as const) {
		const pdf = readPdf(await page.pdf({ format }));
		expect(pdf.pages.length, format).toBeLessThanOrEqual(2);
	}
});

test('the Print button waits for the charts’ images, then prints', async ({ page }) => {
	await page.goto(`/results#${shareFragment(allStrategic())}`);
	await shownResult(page);
	// Nothing scrolled into view yet: the charts below are not drawn.
	await page.evaluate(() => {
		const calls: number[] = [];
		Object.assign(window, { printCalls: calls });
		window.print = () => {
			calls.push(document.querySelectorAll('img.print-image[src^="data:image/png"]').length);
		};
	});
	await page.getByRole('button', { name: text.actions.print }).click();
	await expect
		.poll(() => page.evaluate(() => (window as unknown as { printCalls: number[] }).printCalls))
		.toEqual([2]);
});
