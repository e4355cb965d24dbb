/**
 * How quickly the quiz moves on: over a whole quiz, the time from choosing an answer (a digit
 * key) and pressing Enter to the next question being painted. A figure, not a check: run it with
 * `npm run bench:e2e` (the `bench` project) and read the median and the worst step.
 *
 * Both key presses are dispatched inside the page, so the figure is the app's own work (state
 * machine, saving to localStorage, rendering, focus) plus the frame that paints it, without the
 * test driver's round trips: `performance.now()` before the digit, then a MutationObserver waits
 * for the legend (or, after the last question, the review heading) to change, and a
 * requestAnimationFrame callback followed by a task marks the frame that shows it.
 */
import { expect, test } from '@playwright/test';
import { allStrategic, answerAt, expectQuestion, expectReview, total } from './helpers.ts';

/** One step, measured in the page: ms from the digit's keydown to the next screen's paint. */
function step(digit: string): Promise<number> {
	return new Promise((resolve) => {
		const main = document.querySelector('main')!;
		const before = document.querySelector('fieldset legend')?.textContent;
		const changed = () => {
			const legend = document.querySelector('fieldset legend');
			if (legend) return legend.textContent !== before;
			return document.querySelector('h1[tabindex="-1"]') !== null;
		};
		const observer = new MutationObserver(() => {
			if (!changed()) return;
			observer.disconnect();
			// The rAF callback runs just before the frame is painted; the task after it, just after.
			requestAnimationFrame(() => {
				const channel = new MessageChannel();
				channel.port1.onmessage = () => resolve(performance.now() - start);
				channel.port2.postMessage(null);
			});
		});
		observer.observe(main, { subtree: true, childList: true, characterData: true });

		const target = document.activeElement ?? document.body;
		const press = (key: string) =>
			target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
		const start = performance.now();
		press(digit);
		press('Enter');
	});
}

test('time from an answer to the next question on screen', async ({ page }) => {
	const answers = allStrategic();
	await page.goto('/quiz');
	await expectQuestion(page, 0);

	const samples: number[] = [];
	for (let index = 0; index < total; index++) {
		await expectQuestion(page, index);
		samples.push(await page.evaluate(step, String(answerAt(answers, index))));
	}
	await expectReview(page);
	await expect(page.getByText(`You answered all ${total} questions.`)).toBeVisible();

	expect(samples).toHaveLength(total);
	for (const sample of samples) expect(sample).toBeGreaterThan(0);
	const sorted = [...samples].sort((a, b) => a - b);
	const middle = sorted.length / 2;
	const median =
		sorted.length % 2 === 0
			? (sorted[middle - 1]! + sorted[middle]!) / 2
			: sorted[Math.floor(middle)]!;
	const worst = sorted.at(-1)!;
	const report = `answer → next question painted, ${samples.length} steps: median ${median.toFixed(1)} ms, worst ${worst.toFixed(1)} ms`;
	console.log(report);
	test.info().annotations.push({ type: 'responsiveness', description: report });
});
