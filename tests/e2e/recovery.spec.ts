/**
 * Never stuck: whatever this browser has stored under the quiz's key (a bad state, counts out of
 * range, truncated JSON, another version of the questions, megabytes of junk), /quiz sets it
 * aside with a visible notice within a second, and a fresh quiz works.
 */
import { expect, test, type Page } from '@playwright/test';
import { questionRefsOf } from '../../src/lib/quiz/questions.ts';
import { QUIZ_STORAGE_KEY, serialiseQuiz } from '../../src/lib/quiz/snapshot.ts';
import { axeViolations, content, expectQuestion, questions, savedAnswer } from './helpers.ts';

const notices = content.quizPage.notices;
const refs = questionRefsOf(questions);

/** What this release saves after two answers, on the third question. */
function validSave(instrument: { version: string; fingerprint: string } = content.instrument) {
	return JSON.parse(
		serialiseQuiz(instrument, {
			status: 'active',
			value: 'answering',
			context: {
				questions: refs,
				index: 2,
				answers: { [refs[0]!.id]: 4, [refs[1]!.id]: 2 },
				seconds: { [refs[0]!.id]: 3.2, [refs[1]!.id]: 4.1 },
				enteredAt: 1_700_000_000_000,
				returnToReview: false,
				submitError: null
			},
			historyValue: {},
			children: {}
		})!
	);
}

type Save = ReturnType<typeof validSave>;
const damaged = (damage: (save: Save) => void) => {
	const save = validSave();
	damage(save);
	return JSON.stringify(save);
};

/** Each kind of stored text, and the notice it must lead to. */
const kinds: { name: string; stored: () => string; notice: string; phone?: true }[] = [
	{
		name: 'a bogus state value',
		stored: () => damaged((save) => (save.snapshot.value = 'bogus')),
		notice: notices.unreadable,
		phone: true
	},
	{
		name: 'a state value that is an object',
		stored: () => damaged((save) => (save.snapshot.value = { answering: 'somewhere' })),
		notice: notices.unreadable
	},
	{
		name: 'a history value (once a hang)',
		stored: () => damaged((save) => (save.snapshot.historyValue = { a: 1 })),
		notice: notices.unreadable
	},
	{
		name: 'an answer out of range',
		stored: () => damaged((save) => (save.snapshot.context.answers[refs[0]!.id] = 9)),
		notice: notices.unreadable,
		phone: true
	},
	{
		name: 'an index out of range',
		stored: () => damaged((save) => (save.snapshot.context.index = 99)),
		notice: notices.unreadable
	},
	{
		name: 'a tampered option count',
		stored: () => damaged((save) => (save.snapshot.context.questions[0].optionCount = 99)),
		notice: notices.unreadable
	},
	{
		name: 'negative seconds',
		stored: () => damaged((save) => (save.snapshot.context.seconds[refs[0]!.id] = -5)),
		notice: notices.unreadable
	},
	{
		name: 'truncated JSON',
		stored: () => JSON.stringify(validSave()).slice(0, 300),
		notice: notices.unreadable,
		phone: true
	},
	{ name: 'text that is not JSON', stored: () => 'rolefit', notice: notices.unreadable },
	{
		name: 'an earlier version of the questions',
		stored: () => JSON.stringify(validSave({ version: '1.0.0', fingerprint: 'c0ffee00' })),
		notice: notices.earlier
	},
	{
		name: 'other questions under the same version',
		stored: () => JSON.stringify(validSave({ ...content.instrument, fingerprint: 'deadbeef' })),
		notice: notices.earlier
	},
	{
		name: 'a later version of the questions',
		stored: () => JSON.stringify(validSave({ version: '99.0.0', fingerprint: 'c0ffee00' })),
		notice: notices.later
	},
	{
		name: 'megabytes of junk',
		stored: () => 'x'.repeat(3 * 1024 * 1024),
		notice: notices.unreadable,
		phone: true
	}
];

/** Puts `value` in storage before the page's first script, on the first load only. */
async function seed(page: Page, value: string) {
	await page.addInitScript(
		([key, stored]) => {
			if (sessionStorage.getItem('seeded')) return;
			sessionStorage.setItem('seeded', 'yes');
			localStorage.setItem(key!, stored!);
		},
		[QUIZ_STORAGE_KEY, value]
	);
}

/**
 * Milliseconds from the quiz starting to read what is stored (the page marks it:
 * `rolefit:quiz-read`) to the notice being on screen: the check itself, not the page's boot,
 * which a loaded test machine can stretch on its own.
 */
async function noticeDelay(page: Page, notice: string) {
	const handle = await page.waitForFunction(
		(text) => {
			const shown = [...document.querySelectorAll('.notice')].some(
				(element) => element.textContent?.trim() === text
			);
			const started = performance.getEntriesByName('rolefit:quiz-read').at(-1);
			return shown && started ? performance.now() - started.startTime : false;
		},
		notice,
		{ polling: 'raf', timeout: 10_000 }
	);
	return (await handle.jsonValue()) as number;
}

for (const device of ['desktop', 'phone'] as const) {
	test.describe(`on a ${device}`, () => {
		if (device === 'phone') {
			test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
		}

		for (const kind of kinds.filter((kind) => device === 'desktop' || kind.phone)) {
			test(`a stored quiz with ${kind.name} is set aside with a notice within a second`, async ({
				page
			}) => {
				const errors: string[] = [];
				page.on('pageerror', (error) => errors.push(error.message));
				await seed(page, kind.stored());
				await page.goto('/quiz');

				const delay = await noticeDelay(page, kind.notice);
				expect(delay, 'ms from reading storage to the notice').toBeLessThan(1000);
				await expect(page.getByRole('status').filter({ hasText: kind.notice })).toBeVisible();

				// A fresh quiz, nothing restored, that works: one tap answers and moves on.
				await expectQuestion(page, 0);
				await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
				const stored = await page.evaluate((key) => localStorage.getItem(key), QUIZ_STORAGE_KEY);
				expect(stored, 'the bad save is gone').toBeNull();
				const first = page.locator('label.option').nth(3);
				await (device === 'phone' ? first.tap() : first.click());
				await expectQuestion(page, 1);
				await expect.poll(() => savedAnswer(page, questions[0]!)).toBe(4);
				expect(errors).toEqual([]);
			});
		}
	});
}

test('the notice passes axe, and the start page says the same', async ({ page }) => {
	await seed(page, 'rolefit');
	await page.goto('/');
	await expect(page.getByRole('status').filter({ hasText: notices.unreadable })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Start the quiz' })).toBeVisible();

	await page.evaluate((key) => localStorage.setItem(key, '{"format":'), QUIZ_STORAGE_KEY);
	await page.goto('/quiz');
	await expect(page.getByRole('status').filter({ hasText: notices.unreadable })).toBeVisible();
	await expectQuestion(page, 0);
	const violations = await axeViolations(page);
	expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
});
