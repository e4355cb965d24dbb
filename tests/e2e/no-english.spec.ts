/**
 * No interface English on another language's pages (issue 16): in Spanish, German and Arabic,
 * every page a visitor or a facilitator can reach — start, quiz, results, method, sources, join
 * (with its error), a cohort's join page, the private response page, the cohort create form (with
 * a field's problem), the dashboard, the present view, the comparison, a 404, and the service
 * worker's offline page — says none of the English interface messages (content/messages/en.json).
 *
 * What is read: the visible text (innerText), <title>, the meta description and every aria-label,
 * alt, title and placeholder. Text marked `lang="en"` (an article's title) is English by design, as
 * are the sources' and method references' titles and the manual past its safe-use section.
 * A message is looked for by the longest piece between its placeholders; a message that reads the
 * same in the language ("RoleFit", "Export" in German) or is under 4 characters is not.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { newSubmissionKey } from '../../src/lib/cohorts/submission.ts';
import { allTactical, content, shareFragment, unique } from './helpers.ts';

type Messages = Record<string, string>;
const messagesOf = (code: string): Messages =>
	JSON.parse(
		readFileSync(new URL(`../../content/messages/${code}.json`, import.meta.url), 'utf8')
	) as Messages;

const english = messagesOf('en');

/** The English pieces that must not show in `code`, each with the key it comes from. */
function englishPieces(code: string): { key: string; piece: string }[] {
	const own = messagesOf(code);
	return Object.entries(english).flatMap(([key, text]) => {
		if (key === '$schema' || own[key] === text) return [];
		const piece = text
			.split(/\{[a-zA-Z]+\}/)
			.map((part) => part.trim())
			.reduce((longest, part) => (part.length > longest.length ? part : longest), '');
		return piece.length >= 4 ? [{ key, piece }] : [];
	});
}

/** Titles given as published, in English, on the sources page and in the facilitator guide. */
const publishedTitles = [
	...content.sources.map((source) => source.title),
	...content.methodReferences.map((reference) => reference.citation)
];

/** Everything the page says, to a reader and to assistive technology. */
async function said(page: Page, path: string): Promise<string> {
	let text = await page.evaluate(() => {
		// Not read: text marked English, and what is not text at all (scripts, the page's data).
		const marked = (element: Element) =>
			element.closest('[lang="en"], script, style, template') !== null;
		return [
			document.title,
			document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '',
			[...document.body.querySelectorAll('*')]
				.filter((element) => !marked(element) && element.children.length === 0)
				.map((element) => (element as HTMLElement).innerText ?? element.textContent ?? '')
				.join('\n'),
			// Text beside child elements (a sentence around a link) is read from its parent.
			[...document.body.querySelectorAll('p, li, dt, dd, label, h1, h2, h3, caption, th, td')]
				.filter((element) => !marked(element))
				.map((element) => (element as HTMLElement).innerText)
				.join('\n'),
			...[...document.querySelectorAll('[aria-label],[alt],[title],[placeholder]')]
				.filter((element) => !marked(element))
				.flatMap((element) =>
					['aria-label', 'alt', 'title', 'placeholder'].map(
						(name) => element.getAttribute(name) ?? ''
					)
				)
		].join('\n');
	});
	for (const title of publishedTitles) text = text.replaceAll(title, '');
	// The manual beyond its safe-use section is English by design.
	if (/\/method$/.test(path)) text = text.split('\n').slice(0, 12).join('\n');
	return text;
}

async function expectNoEnglish(page: Page, code: string, label: string) {
	const text = await said(page, new URL(page.url()).pathname);
	const left = englishPieces(code).flatMap(({ key, piece }) => {
		// A whole word or phrase: "open" is not found in "opens", nor in a word of another language.
		const escaped = piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		const found = new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, 'u').exec(text);
		if (!found) return [];
		const around = text.slice(Math.max(0, found.index - 40), found.index + piece.length + 40);
		return [{ key, piece, around }];
	});
	expect(left, `${label} (${page.url()}) in ${code}`).toEqual([]);
}

/** The page has been taken over by the app (or is a plain page, such as the offline one). */
async function ready(page: Page) {
	await expect(page.locator('main[data-app="ready"]')).toBeAttached();
}

for (const code of ['es', 'de', 'ar'] as const) {
	test(`no English interface words on the ${code} pages`, async ({ browser }) => {
		test.setTimeout(180_000);
		const context = await browser.newContext();
		const page = await context.newPage();

		// The facilitator's pages follow the language chosen with the switcher.
		await page.goto(`/language/${code}?to=/cohorts/new`);
		await expect(page).toHaveURL(/\/cohorts\/new$/);
		await ready(page);
		await expect(page.locator('html')).toHaveAttribute('lang', code);
		await expectNoEnglish(page, code, 'the create form');

		// A field's problem (the browser's own check set aside, as a script could).
		await page.locator('#name').fill(`Grupo ${unique()}`);
		await page.locator('#minGroupSize').evaluate((input) => input.removeAttribute('min'));
		await page.locator('#minGroupSize').fill('1');
		await page.locator('main form[method="POST"] button[type="submit"]').click();
		await expect(page.locator('#minGroupSize-error')).toBeVisible();
		await expectNoEnglish(page, code, 'the create form with a problem');

		const name = `Grupo ${unique()}`;
		await page.locator('#name').fill(name);
		await page.locator('#minGroupSize').fill('3');
		await page.locator('main form[method="POST"] button[type="submit"]').click();
		await expect(page.getByTestId('join-link')).toBeVisible();
		await expectNoEnglish(page, code, 'the created cohort');
		const joinCode = (await page.getByTestId('join-link').textContent())!.trim().split('/').pop()!;
		await page.goto((await page.getByTestId('facilitator-link').textContent())!.trim());
		await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
		const dashboard = new URL(page.url()).pathname;

		// Three responses, so that the dashboard shows group figures.
		const keys: string[] = [];
		for (let i = 0; i < 3; i++) {
			const key = newSubmissionKey();
			keys.push(key);
			const response = await page.request.post(`/api/cohorts/${joinCode}/responses`, {
				data: {
					key,
					version: content.instrument.version,
					fingerprint: content.instrument.fingerprint,
					answers: allTactical()
				}
			});
			expect(response.status()).toBe(201);
		}

		for (const [path, label] of [
			[dashboard, 'the dashboard'],
			[`${dashboard}/present`, 'the present view'],
			['/cohorts/compare', 'the comparison']
		] as const) {
			await page.goto(path);
			await ready(page);
			await expectNoEnglish(page, code, label);
		}

		for (const [path, label] of [
			['', 'the start page'],
			['/quiz', 'the quiz'],
			['/method', 'the method page'],
			['/sources', 'the sources page'],
			[`/results#${shareFragment(allTactical())}`, 'a result'],
			['/join', 'the join page'],
			[`/join/${joinCode}`, "the cohort's join page"],
			[`/r/${keys[0]}`, 'the private response page'],
			['/embed/quiz', 'the embedded quiz'],
			[`/embed/join/${joinCode}`, "the cohort's embedded join page"],
			['/embed/join/NOSUCHCODE', 'the embedded join page of an unknown code']
		] as const) {
			await page.goto(`/${code}${path}`);
			await ready(page);
			await expectNoEnglish(page, code, label);
		}

		// The join form's error.
		await page.goto(`/${code}/join`);
		await ready(page);
		await page.locator('#code').fill('ZZZZZZZZ');
		await page.locator('main form button[type="submit"]').click();
		await expect(page.locator('#code-error')).toBeVisible();
		await expectNoEnglish(page, code, 'the join page with an unknown code');

		// A page that does not exist.
		const missing = await page.goto(`/${code}/no-such-page`);
		expect(missing?.status()).toBe(404);
		await ready(page);
		await expectNoEnglish(page, code, 'a 404');

		// Offline: a page the service worker has not cached gets its offline page, in the language.
		await page.goto(`/${code}/quiz`);
		await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, {
			timeout: 30_000
		});
		await context.setOffline(true);
		await context.route('**/*', (route) => route.abort('internetdisconnected'));
		await page.goto(`/${code}/join`);
		await expect(page.getByTestId('offline-page')).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', code);
		await expectNoEnglish(page, code, 'the offline page');
		await context.close();
	});
}
