/**
 * RoleFit in Spanish, German and Arabic, on the built server: each language at its own address
 * (`/es`, `/de/quiz`, `/ar/results`), prerendered in that language, with `<html lang dir>` set;
 * the quiz's questions and the result's words in it; the switcher on every page, which keeps a
 * shared result when it changes language; `hreflang` alternates. Arabic reads right to left,
 * has no horizontal overflow at 320 px, and passes axe, in light and dark.
 */
import { expect, test } from '@playwright/test';
import { loadLanguages } from '../../src/lib/content/loader.server.ts';
import { questionnaireOf } from '../../src/lib/content/questionnaire.ts';
import { verdictSentence } from '../../src/lib/results/wording.ts';
import { scoreAnswers } from '../../src/lib/scoring/score.ts';
import { allTactical, contentDir } from '../helpers/content.ts';
import { readFileSync } from 'node:fs';
import { content as englishContent } from '../helpers/content.ts';
import { expectNoViolations, newContext, shareFragment } from './helpers.ts';

/**
 * English strings that must not show on another language's pages: every interface message, and
 * the quiz and results pages' words from content (those a translation could have left behind).
 * Strings that are the same in a language (a name, a placeholder alone) are not counted for it.
 */
function englishStrings(): string[] {
	const messages = JSON.parse(
		readFileSync(new URL('../../content/messages/en.json', import.meta.url), 'utf8')
	) as Record<string, string>;
	const leaves = (value: unknown): string[] =>
		typeof value === 'string'
			? [value]
			: Array.isArray(value)
				? value.flatMap(leaves)
				: value && typeof value === 'object'
					? Object.values(value).flatMap(leaves)
					: [];
	return (
		[
			...Object.entries(messages)
				.filter(([key]) => key !== '$schema')
				.map(([, text]) => text),
			...leaves(englishContent.quizPage),
			...leaves(englishContent.resultsPage)
		]
			// The words around a placeholder, long enough to mean something on their own.
			.flatMap((text) => text.split(/\{[a-zA-Z]+\}/))
			.map((text) => text.trim())
			.filter((text) => text.length >= 12 && /[a-z]{4}/.test(text))
	);
}

const editions = Object.fromEntries(
	(await loadLanguages(contentDir)).map((edition) => [edition.language.code, edition])
);
const es = editions.es!.content;
const de = editions.de!.content;
const ar = editions.ar!.content;

test.describe('languages', () => {
	test('each language has its own pages, in its words, marked with its language and direction', async ({
		page
	}) => {
		for (const [path, lang, dir] of [
			['/es', 'es', 'ltr'],
			['/de/quiz', 'de', 'ltr'],
			['/ar/quiz', 'ar', 'rtl'],
			['/ar/method', 'ar', 'rtl'],
			['/quiz', 'en', 'ltr']
		] as const) {
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			await expect(page.locator('html')).toHaveAttribute('dir', dir);
		}
		// Every page names its versions in every language.
		const alternates = page.locator('link[rel="alternate"]');
		await expect(alternates).toHaveCount(5);
		// Full addresses once the app has taken over (search engines and Lighthouse require them).
		await expect(page.locator('main[data-app="ready"]')).toBeAttached();
		const origin = new URL(page.url()).origin;
		await expect(page.locator('link[hreflang="ar"]')).toHaveAttribute('href', `${origin}/ar/quiz`);
		await expect(page.locator('link[hreflang="x-default"]')).toHaveAttribute(
			'href',
			`${origin}/quiz`
		);

		// The quiz asks its first question in the page's language, from the prerendered HTML on.
		const first = (content: typeof es) => questionnaireOf(content).questions[0]!.text;
		await page.goto('/de/quiz');
		await expect(page.locator('fieldset legend')).toHaveText(first(de));
		await expect(page.getByText(de.instrument.likertLabels[4]!, { exact: true })).toBeVisible();
		await page.goto('/es');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Gestión de producto o de proyectos: ¿qué trabajo prefieres?'
		);
		await page.getByRole('link', { name: 'Empezar el cuestionario' }).click();
		await expect(page).toHaveURL(/\/es\/quiz$/);
		await expect(page.locator('fieldset legend')).toHaveText(first(es));
		// A draft translation says so.
		await expect(page.getByTestId('not-reviewed')).toBeVisible();
	});

	test('a shared result opens in the language chosen, and stays the same result', async ({
		browser
	}) => {
		const context = await newContext(browser);
		const page = await context.newPage();
		const answers = allTactical();
		const fragment = shareFragment(answers);
		const sentence = (content: typeof es) =>
			verdictSentence(scoreAnswers(content, answers), content.instrument.wording);
		await page.goto(`/es/results#${fragment}`);
		await expect(page.locator('.verdict-sentence')).toHaveText(sentence(es));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			es.resultsPage.card.sharedHeading
		);
		const level = (text: string) => page.locator('.scores .score').filter({ hasText: text });
		const tactical = await level(es.resultsPage.levels.tactical)
			.locator('dd')
			.first()
			.textContent();

		await page.getByRole('link', { name: 'Deutsch' }).click();
		await expect(page).toHaveURL(new RegExp(`/de/results#${fragment}$`));
		await expect(page.locator('html')).toHaveAttribute('lang', 'de');
		await expect(page.locator('.verdict-sentence')).toHaveText(sentence(de));
		await expect(level(de.resultsPage.levels.tactical).locator('dd').first()).toHaveText(tactical!);
		await context.close();
	});

	test('a first visit opens in the browser’s language; the switcher’s choice is remembered, never looped', async ({
		browser
	}) => {
		const context = await newContext(browser, { locale: 'es-ES' });
		const page = await context.newPage();
		// Accept-Language: es-ES. An address without a language opens in Spanish, at its address.
		await page.goto('/quiz');
		await expect(page).toHaveURL(/\/es\/quiz$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'es');
		// An address with a language is that language, whatever the browser prefers.
		await page.goto('/de/sources');
		await expect(page.locator('html')).toHaveAttribute('lang', 'de');

		// English chosen with the switcher: remembered, so English addresses stay English.
		await page.goto('/es/quiz');
		await page.getByRole('link', { name: 'English' }).click();
		await expect(page).toHaveURL(/\/quiz$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		for (const path of ['/', '/sources', '/quiz']) {
			await page.goto(path);
			expect(new URL(page.url()).pathname, path).toBe(path);
			await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		}

		// German chosen: English addresses now open in German, the facilitator's pages too.
		await page.getByRole('link', { name: 'Deutsch' }).click();
		await expect(page).toHaveURL(/\/de\/quiz$/);
		await page.goto('/sources');
		await expect(page).toHaveURL(/\/de\/sources$/);
		await page.goto('/cohorts/new');
		await expect(page).toHaveURL(/\/cohorts\/new$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'de');
		await context.close();
	});

	test('only a browser opening a page is sent to its language; the answer varies on what decided', async ({
		request
	}) => {
		const headers = { 'accept-language': 'ar', accept: 'text/html' };
		const opened = await request.get('/quiz', { headers, maxRedirects: 0 });
		expect(opened.status()).toBe(302);
		expect(opened.headers()['location']).toBe('/ar/quiz');
		expect(opened.headers()['vary']).toMatch(/Accept-Language/);
		const rendered = await request.get('/join', { headers, maxRedirects: 0 });
		expect(rendered.status()).toBe(302);
		expect(rendered.headers()['location']).toBe('/ar/join');
		// A script's fetch, and English preferred first: served as asked.
		const fetched = await request.get('/quiz', {
			headers: { 'accept-language': 'ar', accept: '*/*' },
			maxRedirects: 0
		});
		expect(fetched.status()).toBe(200);
		const english = await request.get('/quiz', {
			headers: { 'accept-language': 'en-GB,ar;q=0.5', accept: 'text/html' },
			maxRedirects: 0
		});
		expect(english.status()).toBe(200);
		expect(english.headers()['vary']).toMatch(/Accept-Language/);
		// The switcher's link: remembers the choice and opens only a page of this site.
		const away = await request.get('/language/de?to=//evil.example/', { maxRedirects: 0 });
		expect(away.status()).toBe(303);
		expect(away.headers()['location']).toBe('/');
		expect(away.headers()['set-cookie']).toMatch(/rolefit_lang=de;.*SameSite=Lax/i);
		expect((await request.get('/language/xx?to=/', { maxRedirects: 0 })).status()).toBe(404);
	});

	test('a quiz started in one language carries on in another (answers are kept by id)', async ({
		browser
	}) => {
		const context = await newContext(browser);
		const page = await context.newPage();
		const questionsIn = (content: typeof es) => questionnaireOf(content).questions;
		await page.goto('/es/quiz');
		await expect(page.locator('[data-quiz="ready"]')).toBeAttached();
		await page
			.locator('label.option')
			.getByText(es.instrument.likertLabels[3]!, { exact: true })
			.click();
		await expect(page.locator('fieldset legend')).toHaveText(questionsIn(es)[1]!.text);
		await page.goto('/de/quiz');
		await expect(page.locator('[data-quiz="ready"]')).toBeAttached();
		await expect(page.locator('fieldset legend')).toHaveText(questionsIn(de)[1]!.text);
		await context.close();
	});

	test('no English words are left on another language’s pages', async ({ page }) => {
		const english = englishStrings();
		for (const code of ['es', 'de', 'ar']) {
			const edition = editions[code]!.content;
			// What the same page says in this language (a proper name may be the same).
			const own = new Set(
				[
					...JSON.stringify(edition.quizPage).split('"'),
					...JSON.stringify(edition.resultsPage).split('"')
				].map((text) => text.trim())
			);
			for (const path of [
				'',
				'/quiz',
				'/method',
				'/sources',
				`/results#${shareFragment(allTactical())}`
			]) {
				await page.goto(`/${code}${path}`);
				await expect(page.locator('main[data-app="ready"]')).toBeAttached();
				// Text marked as English (an article's title, a reference) is English by design.
				let said = await page.evaluate(() =>
					[
						document.title,
						[...document.body.querySelectorAll('*')]
							.filter((element) => !element.closest('[lang="en"]') && element.children.length === 0)
							.map((element) => (element as HTMLElement).innerText)
							.join('\n'),
						...[...document.querySelectorAll('[aria-label],[title],[alt]')].flatMap((element) =>
							['aria-label', 'title', 'alt'].map((name) => element.getAttribute(name) ?? '')
						)
					].join('\n')
				);
				// The articles' and references' titles are given as published (in English).
				for (const title of [
					...englishContent.sources.map((source) => source.title),
					...englishContent.methodReferences.map((reference) => reference.citation)
				]) {
					said = said.replaceAll(title, '');
				}
				// The manual beyond its safe-use section is English by design.
				const checked = path === '/method' ? said.split('\n').slice(0, 12).join('\n') : said;
				const left = english.filter((text) => !own.has(text) && checked.includes(text));
				expect(left, `/${code}${path}`).toEqual([]);
			}
		}
	});

	for (const scheme of ['light', 'dark'] as const) {
		test(`Arabic reads right to left without overflow at 320 px, and passes axe (${scheme})`, async ({
			browser
		}) => {
			const context = await newContext(browser, {
				colorScheme: scheme,
				viewport: { width: 320, height: 720 }
			});
			const page = await context.newPage();
			for (const path of ['/ar', '/ar/quiz', `/ar/results#${shareFragment(allTactical())}`]) {
				await page.goto(path);
				await expect(page.locator('main[data-app="ready"]')).toBeAttached();
				if (path === '/ar/quiz') {
					await expect(page.locator('fieldset legend')).toHaveText(
						questionnaireOf(ar).questions[0]!.text
					);
				}
				const overflow = await page.evaluate(
					() => document.documentElement.scrollWidth - document.documentElement.clientWidth
				);
				expect(overflow, `${path} scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
				await expectNoViolations(page);
			}
			await context.close();
		});
	}
});
