/**
 * Shared steps for the end-to-end suite: the real content (read with the project's own loader),
 * share fragments made with the project's own codec, and ways to answer the quiz in the browser.
 */
import { expect, type Browser, type Locator, type Page, type Route } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { loadLanguages } from '../../src/lib/content/loader.server.ts';
import { questionnaireOf } from '../../src/lib/content/questionnaire.ts';
import type { Content, Question } from '../../src/lib/content/types.ts';
import { shareQuestions } from '../../src/lib/results/from-link.ts';
import { verdictSentence } from '../../src/lib/results/wording.ts';
import { scoreAnswers } from '../../src/lib/scoring/score.ts';
import type { Answers } from '../../src/lib/scoring/types.ts';
import { encodeShare, type ShareInstrument } from '../../src/lib/share/codec.ts';
import { content, contentDir } from '../helpers/content.ts';

export {
	agreeToEverything,
	allStrategic,
	allTactical,
	content,
	randomRespondent,
	seededRandom,
	slightProductLean
} from '../helpers/content.ts';

/** The questions in the order the quiz presents them. */
export const questions: Question[] = questionnaireOf(content).questions;
export const total = questions.length;
export const likertLabels = content.instrument.likertLabels;

/** The quiz in one language: where it is, its questions in order, its agreement labels. */
export interface QuizEdition {
	/** The language's code (`en`, `es`, …). */
	code: string;
	/** The quiz page's address in it: `/quiz`, `/es/quiz`. */
	path: string;
	questions: Question[];
	likertLabels: readonly string[];
}

function editionOf(code: string, path: string, source: Content): QuizEdition {
	const { questions } = questionnaireOf(source);
	return { code, path, questions, likertLabels: source.instrument.likertLabels };
}

/** The quiz in every language, English first: the same questions (by id), in each one's words. */
export const quizEditions: QuizEdition[] = [
	editionOf('en', '/quiz', content),
	...(await loadLanguages(contentDir)).map(({ language, content: translated }) =>
		editionOf(language.code, `/${language.code}/quiz`, translated)
	)
];

/**
 * The text of the option a person picks for `answer` (1-based) to `question`, in English or in
 * the language whose agreement labels are `labels`.
 */
export function optionText(
	question: Question,
	answer: number,
	labels: readonly string[] = likertLabels
): string {
	const text = question.kind === 'likert' ? labels[answer - 1] : question.options[answer - 1]?.text;
	if (text === undefined) throw new RangeError(`${question.id} has no option ${answer}`);
	return text;
}

/** The answer a set of answers gives to the question at `index` (0-based); throws when absent. */
export function answerAt(answers: Answers, index: number): number {
	const answer = answers[questions[index]!.id];
	if (answer === undefined) throw new RangeError(`no answer for question ${index + 1}`);
	return answer;
}

/** The share fragment (without `#`) for `answers`, as the app itself makes it. */
export function shareFragment(
	answers: Answers,
	instrument: ShareInstrument = content.instrument
): string {
	return encodeShare(instrument, shareQuestions(content), answers);
}

/** What the result page should say for `answers`, from the project's own scoring and wording. */
export function expectedResult(answers: Answers) {
	const result = scoreAnswers(content, answers);
	const score = (value: number | null) => (value === null ? '–' : String(Math.round(value)));
	return {
		verdict: result.verdict,
		profile: result.profile,
		firmness: result.firmness,
		sentence: verdictSentence(result, content.instrument.wording),
		strategic: score(result.scales.strategic.score),
		tactical: score(result.scales.tactical.score)
	};
}

/** "Question N of 36" for the 0-based `index`. */
export const counter = (index: number) => `Question ${index + 1} of ${total}`;

/**
 * Waits until the quiz shows the question at `index` and is interactive. The prerendered HTML
 * already shows the first question before the app starts (and before it has looked for a saved
 * quiz), so the wrapper's `data-quiz="ready"` is what says the app has taken over.
 */
export async function expectQuestion(page: Page, index: number) {
	await expect(page.locator('[data-quiz="ready"]')).toBeAttached();
	await expect(page.getByText(counter(index), { exact: true })).toBeVisible();
	await expect(page.locator('fieldset legend')).toHaveText(questions[index]!.text);
}

/** The radio button for option `answer` (1-based) of the question on screen. */
export function radio(page: Page, question: Question, answer: number): Locator {
	return page.getByRole('radio', { name: optionText(question, answer), exact: true });
}

/** The answer this browser has saved for `question` (undefined: none), read from storage. */
export function savedAnswer(page: Page, question: Question): Promise<number | undefined> {
	return page.evaluate((id) => {
		const saved = localStorage.getItem('rolefit.quiz');
		return saved === null ? undefined : JSON.parse(saved).snapshot.context.answers[id];
	}, question.id);
}

/** The quiz has moved on from the question at `index`: to the next one, or to review. */
async function expectMovedOn(page: Page, index: number) {
	if (index < total - 1) await expectQuestion(page, index + 1);
	else await expectReview(page);
}

/**
 * Answers the question at `index` with one click on the option's label: the quiz moves on by
 * itself. Checks that it did, and that the answer saved is the one clicked.
 */
export async function answerByMouse(page: Page, index: number, answer: number) {
	const question = questions[index]!;
	await expectQuestion(page, index);
	await page
		.locator('label.option')
		.getByText(optionText(question, answer), { exact: true })
		.click();
	await expectMovedOn(page, index);
	await expect.poll(() => savedAnswer(page, question)).toBe(answer);
}

/** Answers the question at `index` with its digit key, then Enter (at once, not after the pause). */
export async function answerByKeyboard(page: Page, index: number, answer: number) {
	const question = questions[index]!;
	await expectQuestion(page, index);
	await page.keyboard.press(String(answer));
	await page.keyboard.press('Enter');
	await expectMovedOn(page, index);
	await expect.poll(() => savedAnswer(page, question)).toBe(answer);
}

/** Opens a fresh quiz and answers every question from `answers` by keyboard: lands on review. */
export async function answerWholeQuiz(page: Page, answers: Answers) {
	await page.goto('/quiz');
	for (let index = 0; index < total; index++) {
		await answerByKeyboard(page, index, answerAt(answers, index));
	}
	await expectReview(page);
}

/** The answer the review screen lists for `question` (undefined: "Not answered"). */
export async function expectReviewedAnswer(page: Page, question: Question, answer?: number) {
	await expect(page.locator(`#review-${question.id} .answer`)).toHaveText(
		answer === undefined ? 'Not answered' : `Your answer: ${optionText(question, answer)}`
	);
}

/** The review screen is showing. */
export async function expectReview(page: Page) {
	await expect(page.getByRole('heading', { level: 1, name: 'Review your answers' })).toBeVisible();
}

/** The verdict sentence and the two scale scores as the result page shows them. */
export async function shownResult(page: Page) {
	const sentence = page.locator('.verdict-sentence');
	await expect(sentence).toBeVisible();
	// The first definition is the level; the second, when there is one, its range.
	const score = (name: string) =>
		page.locator('.scores .score').filter({ hasText: name }).locator('dd:not(.level-band)');
	const number = async (name: string) =>
		((await score(name).textContent()) ?? '').replace('/ 100', '').trim();
	return {
		sentence: ((await sentence.textContent()) ?? '').trim(),
		strategic: await number('Strategic'),
		tactical: await number('Tactical')
	};
}

/**
 * Scrolls to each result chart, as a reader would (charts are drawn once they come near the
 * window), and waits until every one has been drawn: marked so, and with painted pixels. A
 * result has two charts on a canvas (its position and its facets); the map is SVG.
 */
export async function waitForCharts(page: Page, count = 2) {
	const canvases = page.locator('canvas');
	await expect(canvases).toHaveCount(count);
	for (const canvas of await canvases.all()) {
		await canvas.scrollIntoViewIfNeeded();
		await expect(canvas).toHaveAttribute('data-drawn', 'true');
	}
	await expect
		.poll(
			() =>
				canvases.evaluateAll((elements) =>
					(elements as HTMLCanvasElement[]).every((canvas) => {
						if (canvas.width === 0 || canvas.height === 0) return false;
						const data = canvas
							.getContext('2d')!
							.getImageData(0, 0, canvas.width, canvas.height).data;
						for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
						return false;
					})
				),
			{ message: 'every chart canvas has painted pixels' }
		)
		.toBe(true);
	await page.evaluate(() => window.scrollTo(0, 0));
}

/** The WCAG 2.0/2.1/2.2 A and AA rules, run with axe-core on the page as it is now. */
export async function axeViolations(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	return results.violations.map((violation) => ({
		rule: violation.id,
		impact: violation.impact,
		help: violation.help,
		nodes: violation.nodes.map((node) => ({
			target: node.target.join(' '),
			summary: node.failureSummary
		}))
	}));
}

/** Relative luminance (WCAG) of a computed CSS colour such as `rgb(18, 20, 23)`. */
export function luminance(color: string): number {
	const parts = color.match(/[\d.]+/g)?.map(Number);
	if (!parts || parts.length < 3) throw new Error(`cannot read the colour ${color}`);
	const [r, g, b] = parts.slice(0, 3).map((value) => {
		const channel = value / 255;
		return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
	}) as [number, number, number];
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The page's visible background colour: the body's, or the root's when the body is transparent. */
export function pageBackground(page: Page): Promise<string> {
	return page.evaluate(() => {
		const transparent = (color: string) =>
			color === 'transparent' || /rgba\(.*,\s*0\)$/.test(color);
		const body = getComputedStyle(document.body).backgroundColor;
		return transparent(body) ? getComputedStyle(document.documentElement).backgroundColor : body;
	});
}

/** Fails with the list of axe violations (WCAG 2.2 A/AA) on the page, if there are any. */
export async function expectNoViolations(page: Page) {
	const violations = await axeViolations(page);
	expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

/** A name no other run uses (cohort names, keys). */
export const unique = () =>
	`${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/** A browser of its own, without the service worker (so that routes see every request). */
export function newContext(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}) {
	return browser.newContext({ serviceWorkers: 'block', ...options });
}

/**
 * Creates a cohort through the form (its minimum group size if given), opens its facilitator
 * link in this page, and waits for the dashboard. Returns the join code and the dashboard's path.
 */
export async function createCohortAsFacilitator(
	page: Page,
	options: { name: string; minimum?: number; language?: string }
): Promise<{ code: string; dashboard: string; joinLink: string }> {
	await page.goto('/cohorts/new');
	await page.getByLabel('Cohort name').fill(options.name);
	if (options.language)
		await page.getByLabel("The cohort's language").selectOption({ label: options.language });
	if (options.minimum !== undefined) {
		await page.getByLabel(/Minimum group size/).fill(String(options.minimum));
	}
	await page.getByRole('button', { name: 'Create the cohort' }).click();
	const joinLink = (await page.getByTestId('join-link').textContent())!.trim();
	const code = joinLink.split('/').pop()!;
	await page.goto((await page.getByTestId('facilitator-link').textContent())!.trim());
	await expect(page.getByRole('heading', { level: 1, name: options.name })).toBeVisible();
	return { code, dashboard: new URL(page.url()).pathname, joinLink };
}

/**
 * Holds back every script of the app (`/_app/immutable/…js`) from now on, until `release()`:
 * the server-rendered page shows and can be used, but nothing of the app runs.
 */
export async function holdScripts(page: Page) {
	const held: Route[] = [];
	let released = false;
	await page.route('**/_app/immutable/**', (route) => {
		if (released || !route.request().url().endsWith('.js')) return route.continue();
		held.push(route);
	});
	return {
		/** Waits until the page has asked for its scripts and is held, not merely slow. */
		async expectHeld() {
			await expect.poll(() => held.length, { message: 'scripts held back' }).toBeGreaterThan(0);
			await expect(page.locator('main')).not.toHaveAttribute('data-app', 'ready');
		},
		async release() {
			released = true;
			await Promise.all(held.splice(0).map((route) => route.continue()));
		}
	};
}
