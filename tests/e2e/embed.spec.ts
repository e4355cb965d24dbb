/**
 * RoleFit in a frame on another site, across real origins: the demo host page
 * (`tests/e2e/embed/host.html`, served by `tests/e2e/embed/serve.mjs`) on `127.0.0.2`, which the
 * server allows (`EMBED_ORIGINS` in playwright.config.ts), and on `127.0.0.3`, which it does not.
 * Both are other sites than the app's `127.0.0.1`, and Chromium's test contexts block third-party
 * cookies and storage, so the frame runs as it would on an LMS or an intranet today.
 *
 * The host page records every event `/embed.js` re-emits (`window.rolefitEvents`), in order.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Frame, type Page } from '@playwright/test';
import { allStrategic, content } from '../helpers/content.ts';
import { scoreAnswers } from '../../src/lib/scoring/score.ts';
import { axeViolations, createCohortAsFacilitator, questions, total, unique } from './helpers.ts';
import type { Answers } from '../../src/lib/scoring/types.ts';
// A plain module with JSDoc types, shared with `npm run embed:demo`.
import { serveHost } from './embed/serve.mjs';

// One host server per address and port: the whole file runs in one worker.
test.describe.configure({ mode: 'serial' });

type HostServer = { url: string; close: () => Promise<void> };
type RoleFitEvent = { type: string; detail: Record<string, unknown> };

let allowed: HostServer;
let refused: HostServer;

test.beforeAll(async ({ baseURL }) => {
	const port = Number(new URL(baseURL!).port);
	allowed = await serveHost({ host: '127.0.0.2', port, rolefitOrigin: baseURL });
	refused = await serveHost({ host: '127.0.0.3', port, rolefitOrigin: baseURL });
});

test.afterAll(async () => {
	await Promise.all([allowed?.close(), refused?.close()]);
});

/** Records every RoleFit event the host page receives, from before its first script. */
async function recordEvents(page: Page) {
	await page.addInitScript(() => {
		const events: { type: string; detail: unknown }[] = [];
		Object.assign(window, { rolefitEvents: events });
		for (const type of ['ready', 'progress', 'height', 'completed', 'error']) {
			document.addEventListener(`rolefit:${type}`, (event) =>
				events.push({ type: event.type, detail: (event as CustomEvent).detail })
			);
		}
	});
	return () =>
		page.evaluate(() => (window as unknown as { rolefitEvents: RoleFitEvent[] }).rolefitEvents);
}

/** The embedded page's frame, once it has loaded. */
async function embedFrame(page: Page, path: RegExp = /\/embed\//): Promise<Frame> {
	await expect.poll(() => page.frames().some((frame) => path.test(frame.url()))).toBe(true);
	return page.frames().find((frame) => path.test(frame.url()))!;
}

/** Answers every question in the frame by keyboard (digit, then Enter), up to the review. */
async function answerInFrame(frame: Frame, page: Page, answers: Answers) {
	await expect(frame.locator('[data-quiz="ready"]')).toBeAttached();
	// Into the frame, on the first answer: from here, keys go to the frame.
	await frame.locator('label.option').first().click();
	for (let index = 0; index < total; index++) {
		const question = questions[index]!;
		await expect(frame.locator('fieldset legend')).toHaveText(question.text);
		await page.keyboard.press(String(answers[question.id]));
		await page.keyboard.press('Enter');
	}
	await expect(frame.getByRole('heading', { level: 1, name: 'Review your answers' })).toBeVisible();
}

test('an allowed site shows the quiz and hears ready, progress, height and completed, in order', async ({
	page
}) => {
	const events = await recordEvents(page);
	await page.goto(allowed.url);
	const frame = await embedFrame(page, /\/embed\/quiz/);
	await expect
		.poll(async () => (await events()).map((event) => event.type)[0])
		.toBe('rolefit:ready');

	// Third-party: this browser refuses the frame cookies and storage, and the quiz needs neither.
	const storage = await frame.evaluate(() => {
		document.cookie = 'probe=1; SameSite=None; Secure';
		let stored = true;
		try {
			localStorage.setItem('probe', '1');
		} catch {
			stored = false;
		}
		return { cookie: document.cookie, stored };
	});
	expect(storage).toEqual({ cookie: '', stored: false });

	// The quiz without the site's header and footer, and the notice of who receives what.
	await expect(frame.locator('header.site-header, footer.site-footer')).toHaveCount(0);
	await expect(
		frame.getByRole('heading', { name: 'What is kept, and who receives what' })
	).toBeVisible();
	const host = new URL(allowed.url).origin;
	await expect(frame.getByLabel(`Send my result summary to ${host}`)).toBeChecked();

	const answers = allStrategic();
	await answerInFrame(frame, page, answers);
	// Without storage, the person is told a reload would lose the answers.
	await expect(frame.getByText(/This browser is not letting us save your answers/)).toBeVisible();
	await frame.getByRole('button', { name: 'See my result' }).first().click();
	await expect(frame.getByRole('heading', { level: 1, name: 'Your result' })).toBeVisible();
	const full = frame.getByRole('link', { name: 'Open the full result (opens a new tab)' });
	await expect(full).toHaveAttribute('target', '_blank');
	await expect(frame.getByText(`Your result summary was sent to ${host}.`)).toBeVisible();

	const eventTypes = async () => (await events()).map((event) => event.type);
	await expect.poll(eventTypes).toContain('rolefit:completed');
	const received = await events();
	const types = received.map((event) => event.type);
	// In order: ready first; a height and every answer's progress before completed (heights
	// after it too, as the result is drawn); completed once.
	expect(types[0]).toBe('rolefit:ready');
	const done = types.indexOf('rolefit:completed');
	expect(types.indexOf('rolefit:height')).toBeLessThan(done);
	expect(types.lastIndexOf('rolefit:progress')).toBeLessThan(done);
	expect(types.filter((type) => type === 'rolefit:completed')).toHaveLength(1);
	expect(types.filter((type) => type === 'rolefit:error')).toHaveLength(0);
	// Progress at the start (nothing answered of how many), then once per answer.
	const progress = received.filter((event) => event.type === 'rolefit:progress');
	expect(progress.map((event) => event.detail.answered)).toEqual(
		Array.from({ length: total + 1 }, (_, index) => index)
	);
	expect(progress.every((event) => event.detail.total === total)).toBe(true);
	expect(types.filter((type) => type === 'rolefit:height').length).toBeGreaterThan(1);

	// The summary is the result the quiz shows, and its link opens the same answers.
	const result = scoreAnswers(content, answers);
	const completed = received[done]!.detail;
	expect(completed).toMatchObject({
		shared: true,
		version: content.instrument.version,
		verdict: result.verdict,
		profile: result.profile,
		lean: result.lean,
		levels: { strategic: result.scales.strategic.score, tactical: result.scales.tactical.score },
		position: result.position,
		range: result.band
	});
	expect(completed.link).toBe(await full.getAttribute('href'));
	expect(String(completed.link)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/results#v/);

	// The frame is as tall as its content: no scrollbar inside it, none cut off.
	const iframe = page.locator('iframe');
	await expect
		.poll(async () => {
			const frameHeight = await iframe.evaluate((element) => element.clientHeight);
			const content = await frame.evaluate(() => ({
				scroll: document.documentElement.scrollHeight,
				main: Math.ceil(document.getElementById('main')!.getBoundingClientRect().height)
			}));
			return frameHeight === content.main && content.scroll <= frameHeight;
		})
		.toBe(true);
});

test('declining sends only that the quiz was finished', async ({ page }) => {
	const events = await recordEvents(page);
	await page.goto(allowed.url);
	const frame = await embedFrame(page, /\/embed\/quiz/);
	const host = new URL(allowed.url).origin;
	await frame.getByLabel(`Send my result summary to ${host}`).uncheck();
	await answerInFrame(frame, page, allStrategic());
	await frame.getByRole('button', { name: 'See my result' }).first().click();
	await expect(frame.getByText(`${host} was told only that you finished.`)).toBeVisible();
	const completed = async () =>
		(await events()).filter((event) => event.type === 'rolefit:completed');
	await expect.poll(async () => (await completed()).length).toBe(1);
	expect((await completed())[0]!.detail).toEqual({ shared: false });
});

test('a site not allowed gets a blocked frame and no message', async ({ page }) => {
	const events = await recordEvents(page);
	const document = page.waitForResponse((response) => /\/embed\/quiz/.test(response.url()));
	await page.goto(refused.url);
	const response = await document;
	// The server answered, naming who may frame it: not this site.
	const policy = response.headers()['content-security-policy'] ?? '';
	expect(policy).toMatch(/frame-ancestors http:\/\/127\.0\.0\.2:\d+(;|$)/);
	expect(policy).not.toContain('127.0.0.3');
	// Chromium refused to show it: the frame holds an error page, not RoleFit.
	await expect
		.poll(() => page.frames().some((frame) => frame.url().startsWith('chrome-error://')))
		.toBe(true);
	await page.waitForTimeout(1_000);
	expect(await events()).toEqual([]);
});

test('a join code no cohort has: said in the frame, and rolefit:error to the host', async ({
	page
}) => {
	const events = await recordEvents(page);
	await page.goto(`${allowed.url}?join=NOSUCHCODE`);
	const frame = await embedFrame(page, /\/embed\/join\//);
	await expect(frame.getByRole('heading', { level: 1, name: 'Cohort not found' })).toBeVisible();
	await expect
		.poll(async () => (await events()).find((event) => event.type === 'rolefit:error')?.detail)
		.toEqual({ reason: 'cohort-not-found' });
	expect((await events())[0]?.type).toBe('rolefit:ready');
});

test('a forged message changes nothing; set-language from the host does', async ({ page }) => {
	const events = await recordEvents(page);
	await page.goto(allowed.url);
	let frame = await embedFrame(page, /\/embed\/quiz/);
	await expect.poll(async () => (await events()).length).toBeGreaterThan(0);
	await answerFirst(frame, page);
	const iframe = page.locator('iframe');
	const heightBefore = await iframe.evaluate((element) => element.clientHeight);
	const countBefore = (await events()).length;

	// The host's own window posing as RoleFit: embed.js hears only the frame.
	await page.evaluate(() =>
		window.postMessage(
			{ source: 'rolefit', version: 1, type: 'rolefit:height', data: { px: 5000 } },
			'*'
		)
	);
	// Messages to the frame other than set-language, or with a language it does not speak.
	await page.evaluate(() => {
		const target = document.querySelector('iframe')!.contentWindow!;
		for (const data of [
			{ source: 'rolefit', version: 1, type: 'rolefit:completed', data: { shared: false } },
			{ source: 'rolefit', version: 1, type: 'answer.select', data: { value: 5 } },
			{ source: 'rolefit', version: 2, type: 'rolefit:set-language', data: { language: 'es' } },
			{ source: 'rolefit', version: 1, type: 'rolefit:set-language', data: { language: 'xx' } }
		]) {
			target.postMessage(data, '*');
		}
	});
	await page.waitForTimeout(1_000);
	expect(await iframe.evaluate((element) => element.clientHeight)).toBe(heightBefore);
	expect((await events()).length).toBe(countBefore);
	expect(frame.url()).toMatch(/\/embed\/quiz/);
	expect(frame.url()).not.toMatch(/\/es\//);
	await expect(frame.locator('fieldset legend')).toHaveText(questions[1]!.text);

	// The documented one: the frame opens in Spanish.
	await page.locator('#language').selectOption('es');
	frame = await embedFrame(page, /\/es\/embed\/quiz/);
	await expect(frame.locator('html')).toHaveAttribute('lang', 'es');
	await expect(frame.locator('[data-quiz="ready"]')).toBeAttached();
});

/** Answers the first question (by mouse), so the quiz moves to the second. */
async function answerFirst(frame: Frame, page: Page) {
	await expect(frame.locator('[data-quiz="ready"]')).toBeAttached();
	await frame.locator('label.option').first().click();
	await expect(frame.locator('fieldset legend')).toHaveText(questions[1]!.text);
	void page;
}

test('one column that fits from 320 to 800 px wide, the frame as tall as its content', async ({
	page
}) => {
	await page.setViewportSize({ width: 900, height: 800 });
	await page.goto(allowed.url);
	const frame = await embedFrame(page, /\/embed\/quiz/);
	await expect(frame.locator('[data-quiz="ready"]')).toBeAttached();
	const iframe = page.locator('iframe');
	for (const width of [320, 480, 800]) {
		await page.locator('#quiz').evaluate((element, px) => (element.style.width = `${px}px`), width);
		await expect.poll(() => iframe.evaluate((element) => element.clientWidth)).toBe(width);
		const fits = () =>
			frame.evaluate(() => {
				const root = document.documentElement;
				const main = document.getElementById('main')!.getBoundingClientRect();
				return {
					overflow: root.scrollWidth > root.clientWidth,
					// The frame follows the content's height (rolefit:height), so nothing scrolls.
					scrolls: root.scrollHeight > root.clientHeight,
					fitsHeight: Math.abs(root.clientHeight - Math.ceil(main.height)) <= 1
				};
			});
		await expect.poll(fits, { message: `${width} px` }).toEqual({
			overflow: false,
			scrolls: false,
			fitsHeight: true
		});
	}
});

test('keyboard focus moves into the frame and out of it; axe finds nothing inside', async ({
	page
}) => {
	await page.goto(allowed.url);
	const frame = await embedFrame(page, /\/embed\/quiz/);
	await expect(frame.locator('[data-quiz="ready"]')).toBeAttached();
	await page.locator('#language').focus();
	const inFrame = () =>
		frame.evaluate(() => document.hasFocus() && document.activeElement !== document.body);
	let steps = 0;
	while (!(await inFrame()) && steps++ < 10) await page.keyboard.press('Tab');
	expect(await inFrame(), 'Tab reaches the frame').toBe(true);
	// On through the frame's controls, and out to the host page after it.
	steps = 0;
	while ((await inFrame()) && steps++ < 40) await page.keyboard.press('Tab');
	expect(await inFrame(), 'Tab leaves the frame').toBe(false);
	expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('IFRAME');

	// axe runs inside the frame too: its passes name elements in it (`iframe`, then a selector).
	const inside = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
	const checkedInFrame = inside.passes.some((rule) =>
		rule.nodes.some((node) => node.target.length > 1)
	);
	expect(checkedInFrame, 'axe checked the frame').toBe(true);
	const violations = await axeViolations(page);
	expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
});

test('a cohort answered through the embed lands on the dashboard exactly once', async ({
	page,
	browser
}) => {
	const { code, dashboard } = await createCohortAsFacilitator(page, { name: `Embed ${unique()}` });
	const host = new URL(allowed.url).origin;
	const embedding = page.getByRole('region', { name: 'Embed the join page' });
	await embedding.getByLabel('Sites allowed to show the join page').fill(host);
	await embedding.getByRole('button', { name: 'Save' }).click();
	await expect(
		page.getByText('Saved: the sites listed may show the join page in a frame.')
	).toBeVisible();
	await expect(embedding.getByLabel('Code to paste into a page of one of these sites')).toHaveValue(
		new RegExp(`data-rolefit-join="${code}"`)
	);

	const participant = await browser.newContext();
	const hostPage = await participant.newPage();
	const events = await recordEvents(hostPage);
	await hostPage.goto(`${allowed.url}?join=${code}`);
	const frame = await embedFrame(hostPage, /\/embed\/join\//);
	await frame.getByRole('button', { name: 'Start the quiz' }).click();
	await answerInFrame(frame, hostPage, allStrategic());
	await frame.getByRole('button', { name: 'See my result' }).first().click();
	await expect(frame.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
	await expect(frame.getByTestId('submission-status')).toHaveAttribute('data-status', 'sent');
	const completed = async () =>
		(await events()).filter((event) => event.type === 'rolefit:completed');
	await expect.poll(async () => (await completed()).length).toBe(1);
	expect((await completed())[0]!.detail).toMatchObject({ shared: true, verdict: 'product' });
	// Leaving the quiz opens a new tab: no other page of RoleFit may be framed.
	await expect(frame.getByTestId('private-link')).toHaveAttribute('target', '_blank');

	// Reloading the host page sends nothing again.
	await hostPage.reload();
	await embedFrame(hostPage, /\/embed\/join\//);
	await page.goto(dashboard);
	await expect(page.getByTestId('total').locator('strong').first()).toHaveText('1');
	await participant.close();

	// Another site than the facilitator listed gets a blocked frame.
	const other = await browser.newPage();
	await other.goto(`${refused.url}?join=${code}`);
	await expect
		.poll(() => other.frames().some((frame) => frame.url().startsWith('chrome-error://')))
		.toBe(true);
	await other.close();
});
