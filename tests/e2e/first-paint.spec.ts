/**
 * Paint before JavaScript: the prerendered /quiz page already holds the first question and its
 * styles, and the app takes that markup over without moving anything, and without drawing the
 * question again: in every language, the question the HTML painted is the very element the running
 * quiz shows, and no later paint is larger than it.
 */
import { expect, test, type Page } from '@playwright/test';
import {
	content,
	counter,
	expectQuestion,
	holdScripts,
	likertLabels,
	optionText,
	questions,
	quizEditions
} from './helpers.ts';

const first = questions[0]!;
const firstOptions = Array.from(
	{ length: first.kind === 'likert' ? likertLabels.length : first.options.length },
	(_, index) => optionText(first, index + 1)
);

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('/quiz shows the first question, styled, from the HTML alone', async ({ page }) => {
		const stylesheets: string[] = [];
		page.on('request', (request) => {
			if (request.resourceType() === 'stylesheet') stylesheets.push(request.url());
		});
		await page.goto('/quiz');

		// The page's heading, where the person is, and the question as a named radio group.
		await expect(
			page.getByRole('heading', { level: 1, name: content.instrument.title })
		).toBeAttached();
		await expect(page.getByText(counter(0), { exact: true })).toBeVisible();
		const group = page.getByRole('group', { name: first.text });
		await expect(group).toBeVisible();
		await expect(group.locator('legend')).toHaveText(first.text);
		await expect(group.getByRole('radio')).toHaveCount(firstOptions.length);
		for (const option of firstOptions) {
			await expect(group.getByRole('radio', { name: option, exact: true })).toBeVisible();
		}
		await expect(page.getByRole('button', { name: 'Next' })).toBeVisible();

		// No script ran: the app has not taken over.
		await expect(page.locator('[data-quiz]')).toHaveAttribute('data-quiz', 'starting');

		// The styles came inside the HTML: no stylesheet was fetched, yet the answers are styled.
		expect(stylesheets, 'stylesheets requested').toEqual([]);
		const option = page.locator('label.option').first();
		await expect(option).toHaveCSS('display', 'flex');
		await expect(option).toHaveCSS('border-top-style', 'solid');
	});
});

/** Sum of the layout shifts since navigation that no input caused (what CLS counts on load). */
function layoutShift(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				let total = 0;
				const observer = new PerformanceObserver((list) => {
					for (const entry of list.getEntries() as (PerformanceEntry & {
						value: number;
						hadRecentInput: boolean;
					})[]) {
						if (!entry.hadRecentInput) total += entry.value;
					}
				});
				// `buffered` replays the shifts that happened before this observer existed.
				observer.observe({ type: 'layout-shift', buffered: true });
				// Two frames and a pause: any shift the takeover causes has been reported by then.
				requestAnimationFrame(() =>
					requestAnimationFrame(() =>
						setTimeout(() => {
							observer.disconnect();
							resolve(total);
						}, 500)
					)
				);
			})
	);
}

for (const viewport of [
	{ width: 1280, height: 720 },
	{ width: 412, height: 823 }
]) {
	test.describe(`with JavaScript, ${viewport.width}×${viewport.height}`, () => {
		test.use({ viewport });

		test('the app takes over the first question without a layout shift', async ({ page }) => {
			// Before any page script: note every question the document ever loses.
			await page.addInitScript(() => {
				const removed: string[] = [];
				Object.assign(window, { removedLegends: removed });
				new MutationObserver((records) => {
					for (const record of records) {
						for (const node of record.removedNodes) {
							if (!(node instanceof Element)) continue;
							const legends = node.matches('legend')
								? [node]
								: [...node.querySelectorAll('legend')];
							removed.push(...legends.map((legend) => legend.textContent ?? ''));
						}
					}
				}).observe(document, { childList: true, subtree: true });
			});
			await page.goto('/quiz');
			await expectQuestion(page, 0);

			// The question in the HTML is the one the app runs with: hydrated, not drawn again.
			const removed = await page.evaluate(
				() => (window as unknown as { removedLegends: string[] }).removedLegends
			);
			expect(removed, 'questions removed from the page while the app started').toEqual([]);
			const shift = await layoutShift(page);
			expect(shift, 'cumulative layout shift on load').toBeLessThan(0.001);
		});
	});
}

test.describe('the HTML paints the question and the app keeps it', () => {
	// Scripts come from the network, where they can be held (not from the service worker's cache).
	test.use({ serviceWorkers: 'block', viewport: { width: 412, height: 823 } });

	for (const edition of quizEditions) {
		test(`${edition.path}: nothing is fetched before the first paint is reported`, async ({
			page
		}) => {
			await page.goto(edition.path);
			await expect(page.locator('[data-quiz]')).toHaveAttribute('data-quiz', 'ready');
			const { paint, fetches } = await page.evaluate(() => ({
				paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
				fetches: performance
					.getEntriesByType('resource')
					.map((entry) => ({ url: entry.name, start: entry.startTime }))
			}));
			expect(paint, 'the first contentful paint was reported').toBeDefined();
			// The app's scripts came: it is running. Each was asked for after the paint's time, as
			// was everything else (the icon is in the page), so none can count into the paint.
			expect(fetches.some(({ url }) => url.includes('/entry/start.'))).toBe(true);
			const early = fetches.filter(({ start }) => start < paint!);
			expect(early, `fetched before the paint at ${paint} ms`).toEqual([]);
		});
	}

	for (const edition of quizEditions) {
		test(`${edition.path}: the question painted by the HTML is the one the quiz runs with`, async ({
			page
		}) => {
			// Every largest-paint candidate, from the first: which element, and how large.
			await page.addInitScript(() => {
				const paints: { element: Element | null; size: number }[] = [];
				Object.assign(window, { largestPaints: paints });
				new PerformanceObserver((list) => {
					for (const entry of list.getEntries() as (PerformanceEntry & {
						element: Element | null;
						size: number;
					})[]) {
						paints.push({ element: entry.element, size: entry.size });
					}
				}).observe({ type: 'largest-contentful-paint', buffered: true });
			});
			const scripts = await holdScripts(page);
			await page.goto(edition.path, { waitUntil: 'domcontentloaded' });
			await scripts.expectHeld();
			const legend = page.locator('fieldset legend');
			await expect(legend).toHaveText(edition.questions[0]!.text);

			// Before any of the app runs: mark the elements the HTML painted.
			await page.evaluate(() => {
				for (const element of document.querySelectorAll('fieldset, fieldset legend')) {
					Object.assign(element, { paintedByHtml: true });
				}
			});
			await expect
				.poll(() =>
					page.evaluate(
						() =>
							(window as unknown as { largestPaints: { element: Element | null }[] }).largestPaints
								.length
					)
				)
				.toBeGreaterThan(0);

			await scripts.release();
			await expect(page.locator('main')).toHaveAttribute('data-app', 'ready');
			await expect(page.locator('[data-quiz]')).toHaveAttribute('data-quiz', 'ready');
			// A key that does nothing is a sign of use: the quiz's machine loads and runs now.
			const machine = page.waitForEvent('requestfinished');
			await page.keyboard.press('Shift');
			await machine;
			await page.waitForLoadState('networkidle');
			await page.evaluate(
				() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
			);

			const seen = await page.evaluate(() => {
				const marked = (element: Element | null) =>
					(element as (Element & { paintedByHtml?: boolean }) | null)?.paintedByHtml === true;
				const paints = (
					window as unknown as { largestPaints: { element: Element | null; size: number }[] }
				).largestPaints;
				const largest = paints.at(-1);
				return {
					legend: marked(document.querySelector('fieldset legend')),
					fieldset: marked(document.querySelector('fieldset')),
					largest: largest && {
						tag: largest.element?.tagName.toLowerCase(),
						marked: marked(largest.element),
						connected: largest.element?.isConnected
					}
				};
			});
			// The same nodes: the app adopted the markup rather than drawing it again.
			expect(seen.legend, 'the legend is the one the HTML painted').toBe(true);
			expect(seen.fieldset, 'the question is the one the HTML painted').toBe(true);
			// And the largest paint of the whole load is that legend, still on the page.
			expect(seen.largest).toEqual({ tag: 'legend', marked: true, connected: true });
			await expect(legend).toHaveText(edition.questions[0]!.text);
		});
	}
});
