/**
 * Arabic, right to left, on every screen at 320 px and at 1280 px: start, quiz (a question
 * shown), results (with a result), method and sources have no horizontal overflow and pass axe
 * in light and in dark. The card image (of a shared result) is drawn right to left, and the printed report keeps
 * `dir="rtl"` without overflow.
 *
 * Reference screenshots (one per screen per width, light, the viewport only) are for reviewers,
 * not compared in CI: `E2E_UPDATE_REFERENCES=1` writes them to `tests/e2e/reference/ar/`;
 * otherwise each run attaches them to its report.
 */
import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { questionnaireOf } from '../../src/lib/content/questionnaire.ts';
import { loadLanguages } from '../../src/lib/content/loader.server.ts';
import { contentDir } from '../helpers/content.ts';
import {
	allTactical,
	expectNoViolations,
	newContext,
	shareFragment,
	waitForCharts
} from './helpers.ts';
import { readPdf } from './pdf.ts';

const ar = (await loadLanguages(contentDir)).find(
	(edition) => edition.language.code === 'ar'
)!.content;
const results = `/ar/results#${shareFragment(allTactical())}`;
const screens = [
	['start', '/ar'],
	['quiz', '/ar/quiz'],
	['results', results],
	['method', '/ar/method'],
	['sources', '/ar/sources']
] as const;
const referenceDir = fileURLToPath(new URL('./reference/ar/', import.meta.url));

/** The page scrolls sideways by this many pixels (0: it does not). */
const overflow = (page: Page) =>
	page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Opens a screen and waits until the app has taken over and it shows what it is for. */
async function open(page: Page, path: string) {
	await page.goto(path);
	await expect(page.locator('main[data-app="ready"]')).toBeAttached();
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	if (path === '/ar/quiz') {
		await expect(page.locator('[data-quiz="ready"]')).toBeAttached();
		await expect(page.locator('fieldset legend')).toHaveText(
			questionnaireOf(ar).questions[0]!.text
		);
	}
	if (path === results) {
		await expect(page.locator('.verdict-sentence')).toBeVisible();
	}
	await page.evaluate(() => document.fonts.ready);
}

for (const width of [320, 1280]) {
	for (const scheme of ['light', 'dark'] as const) {
		test(`Arabic at ${width} px (${scheme}): every screen without overflow, axe clean`, async ({
			browser
		}, testInfo) => {
			const context = await newContext(browser, {
				colorScheme: scheme,
				reducedMotion: 'reduce',
				viewport: { width, height: 720 }
			});
			const page = await context.newPage();
			for (const [name, path] of screens) {
				await open(page, path);
				const sideways = await overflow(page);
				expect(sideways, `${name} scrolls sideways by ${sideways} px`).toBeLessThanOrEqual(0);
				await expectNoViolations(page);
				if (scheme === 'light') {
					const shot = await page.screenshot({ animations: 'disabled', caret: 'hide' });
					if (process.env.E2E_UPDATE_REFERENCES) {
						const { writeFile } = await import('node:fs/promises');
						await writeFile(`${referenceDir}${name}-${width}.png`, shot);
					} else {
						await testInfo.attach(`${name}-${width}.png`, {
							body: shot,
							contentType: 'image/png'
						});
					}
				}
			}
			await context.close();
		});
	}
}

test('the card image is drawn right to left, each line from the right margin', async ({
	browser
}) => {
	const context = await newContext(browser, { acceptDownloads: true });
	const page = await context.newPage();
	// Records what is written on the 1080-pixel card (not on the charts' canvases).
	await page.addInitScript(() => {
		const drawn: { text: string; x: number; direction: string; align: string }[] = [];
		Object.assign(window, { drawnOnCard: drawn });
		const fillText = CanvasRenderingContext2D.prototype.fillText;
		CanvasRenderingContext2D.prototype.fillText = function (text, x, y, ...rest) {
			if (this.canvas.width === 1080) {
				drawn.push({ text, x, direction: this.direction, align: this.textAlign });
			}
			return fillText.call(this, text, x, y, ...rest);
		};
	});
	await open(page, results);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: ar.resultsPage.actions.downloadImage }).click()
	]);
	const { readFile, writeFile } = await import('node:fs/promises');
	const png = await readFile((await download.path())!);
	expect(png.readUInt32BE(16)).toBe(1080);

	type Drawn = { text: string; x: number; direction: string; align: string };
	const drawn = await page.evaluate(
		() => (window as unknown as { drawnOnCard: Drawn[] }).drawnOnCard
	);
	const sentence = (await page.locator('.verdict-sentence').textContent())!.trim();
	expect(drawn.length).toBeGreaterThan(5);
	// Shaped and ordered by the browser as right-to-left text, numbers in their place.
	for (const text of drawn) expect(text.direction, text.text).toBe('rtl');
	const heading = drawn.find((text) => text.text === ar.resultsPage.card.sharedHeading)!;
	expect(heading).toMatchObject({ x: 1080 - 64, align: 'right' });
	expect(
		drawn
			.filter((text) => text.x === 1080 - 64)
			.map((text) => text.text)
			.join(' ')
	).toContain(sentence);

	// In the image itself, the heading's ink ends at the right margin and starts well after the left.
	const ink = await page.evaluate(async (base64) => {
		const image = new Image();
		image.src = `data:image/png;base64,${base64}`;
		await image.decode();
		const canvas = document.createElement('canvas');
		canvas.width = image.width;
		canvas.height = image.height;
		const ctx = canvas.getContext('2d')!;
		ctx.drawImage(image, 0, 0);
		// The heading's line: 64 px down, 30 px type.
		const { data } = ctx.getImageData(0, 64, canvas.width, 36);
		let left = canvas.width;
		let right = 0;
		for (let i = 0; i < data.length; i += 4) {
			if (data[i]! < 200) {
				const x = (i / 4) % canvas.width;
				left = Math.min(left, x);
				right = Math.max(right, x);
			}
		}
		return { left, right };
	}, png.toString('base64'));
	expect(ink.right).toBeGreaterThan(1080 - 64 - 8);
	expect(ink.right).toBeLessThanOrEqual(1080 - 64 + 2);
	expect(ink.left).toBeGreaterThan(64 + 100);
	if (process.env.E2E_UPDATE_REFERENCES) await writeFile(`${referenceDir}card.png`, png);
	await context.close();
});

test('a result prints in Arabic: right to left, no overflow, on at most two pages', async ({
	page
}) => {
	await open(page, results);
	await waitForCharts(page);
	await expect(page.locator('canvas[data-print-image="ready"]')).toHaveCount(2);
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.locator('.verdict-sentence')).toBeVisible();
	await expect(page.locator('svg.result-map')).toBeVisible();
	for (const image of await page.locator('figure img.print-image').all()) {
		await expect(image).toBeVisible();
	}
	// The report's text starts on the right.
	const direction = await page
		.locator('.verdict-sentence')
		.evaluate((element) => getComputedStyle(element).direction);
	expect(direction).toBe('rtl');
	const sideways = await overflow(page);
	expect(sideways, `print scrolls sideways by ${sideways} px`).toBeLessThanOrEqual(0);
	for (const format of ['A4', 'Letter'] as const) {
		const pdf = readPdf(await page.pdf({ format }));
		expect(pdf.pages.length, `${format} pages`).toBeGreaterThanOrEqual(1);
		expect(pdf.pages.length, `${format} pages`).toBeLessThanOrEqual(2);
		expect(pdf.images, `${format} images`).toBeGreaterThanOrEqual(2);
	}
});
