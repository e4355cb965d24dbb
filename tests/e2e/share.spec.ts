/** Share links: the same result anywhere, and clear messages for links that cannot be read. */
import { expect, test } from '@playwright/test';
import {
	allStrategic,
	answerWholeQuiz,
	content,
	expectedResult,
	randomRespondent,
	seededRandom,
	shareFragment,
	shownResult
} from './helpers.ts';

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

test('the copied link shows the same result in a fresh browser', async ({
	page,
	context,
	browser,
	baseURL
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
	const answers = randomRespondent(seededRandom(2024));
	await answerWholeQuiz(page, answers);
	await page.getByRole('button', { name: 'See my result' }).first().click();
	await expect(page).toHaveURL(/\/results#v\d/);

	const own = await shownResult(page);
	const { sentence, strategic, tactical } = expectedResult(answers);
	expect(own).toEqual({ sentence, strategic, tactical });

	await page.getByRole('button', { name: 'Copy link' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
	const copied = await page.evaluate(() => navigator.clipboard.readText());
	expect(copied).toBe(`${baseURL}/results#${shareFragment(answers)}`);
	await expect(page.getByRole('textbox', { name: 'Link to this result' })).toHaveValue(copied);

	// Another browser profile: no saved quiz, nothing but the link.
	const fresh = await browser.newContext();
	try {
		const other = await fresh.newPage();
		await other.goto(copied);
		expect(await shownResult(other)).toEqual(own);
		expect(await other.evaluate(() => localStorage.length)).toBe(0);
	} finally {
		await fresh.close();
	}
});

test('a link with one character changed is reported as damaged', async ({ page }) => {
	const fragment = shareFragment(allStrategic());
	// One character of the answers, replaced by its neighbour in the alphabet.
	const at = fragment.length - 6;
	const original = fragment[at]!;
	const replacement = DIGITS[(DIGITS.indexOf(original) + 1) % DIGITS.length]!;
	const damaged = fragment.slice(0, at) + replacement + fragment.slice(at + 1);
	expect(damaged).not.toBe(fragment);

	await page.goto(`/results#${damaged}`);
	await expect(
		page.getByRole('heading', { level: 1, name: 'We cannot show this result' })
	).toBeVisible();
	await expect(page.getByRole('alert')).toContainText('This link is damaged or incomplete');
	await expect(page.locator('.verdict-sentence')).toHaveCount(0);
});

test('a link from another version of the quiz says so', async ({ page }) => {
	const answers = allStrategic();
	const older = shareFragment(answers, { ...content.instrument, version: '0.9.0' });
	await page.goto(`/results#${older}`);
	await expect(
		page.getByRole('heading', { level: 1, name: 'We cannot show this result' })
	).toBeVisible();
	await expect(page.getByRole('alert')).toContainText(
		"This link was made with version 0.9.0 of the quiz. The quiz has changed since, so this link can't be read any more: take it again to get a result on today's questions."
	);

	// Same version number, other questions (another fingerprint): an earlier edition.
	const edited = shareFragment(answers, { ...content.instrument, fingerprint: 'abc123' });
	await page.goto('/');
	await page.goto(`/results#${edited}`);
	await expect(page.getByRole('alert')).toHaveText(
		`This link was made with an earlier edition of version ${content.instrument.version} of the quiz; the questions have changed since, so it can't show the same result. Take the quiz again to get a result on today's questions.`
	);
	await expect(page.getByRole('link', { name: 'Take the quiz' })).toBeVisible();
});
