/** The whole quiz, once by mouse and once by keyboard alone, from the first question to a result. */
import { expect, test, type Page } from '@playwright/test';
import {
	allStrategic,
	allTactical,
	answerAt,
	answerByMouse,
	content,
	expectQuestion,
	expectReview,
	expectedResult,
	questions,
	radio,
	savedAnswer,
	shownResult,
	total
} from './helpers.ts';

/** The focused element shows a focus indicator: it matches :focus-visible and has an outline. */
async function expectVisibleFocus(page: Page) {
	const focus = await page.evaluate(() => {
		const element = document.activeElement as HTMLElement | null;
		if (!element || element === document.body) return null;
		const style = getComputedStyle(element);
		return {
			element: element.outerHTML.slice(0, 80),
			focusVisible: element.matches(':focus-visible'),
			outlineStyle: style.outlineStyle,
			outlineWidth: parseFloat(style.outlineWidth)
		};
	});
	expect(focus, 'something has focus').not.toBeNull();
	expect(focus, 'the focused element shows its focus').toMatchObject({ focusVisible: true });
	expect(focus!.outlineStyle, `outline of ${focus!.element}`).not.toBe('none');
	expect(focus!.outlineWidth, `outline width of ${focus!.element}`).toBeGreaterThan(0);
}

test('the whole quiz by mouse, from the start page to a result', async ({ page }) => {
	const answers = allStrategic();
	await page.goto('/');
	await page.getByRole('link', { name: 'Start the quiz' }).click();
	await expect(page).toHaveURL(/\/quiz$/);

	for (let index = 0; index < total; index++) {
		await answerByMouse(page, index, answerAt(answers, index));
	}

	await expectReview(page);
	await expect(page.getByText(`You answered all ${total} questions.`)).toBeVisible();
	await page.getByRole('button', { name: 'See my result' }).first().click();

	await expect(page).toHaveURL(/\/results#v\d/);
	await expect(page.getByRole('heading', { level: 1, name: 'Your result' })).toBeVisible();
	const expected = expectedResult(answers);
	expect(expected).toMatchObject({ verdict: 'product', profile: null, firmness: 'firm' });
	await expect(page.locator('.verdict-sentence')).toHaveText(expected.sentence);
	await expect(page.locator('.verdict-sentence')).toHaveText(
		'Your answers lean toward product management.'
	);
	await expect(page.locator('.verdict-sentence')).toHaveAttribute('data-verdict', 'product');
	await expect(
		page.getByText(content.instrument.wording.firmness.firm, { exact: true })
	).toBeVisible();
});

test('the whole quiz by keyboard alone, with a visible focus all the way', async ({ page }) => {
	const answers = allTactical();
	await page.goto('/quiz');
	await expectQuestion(page, 0);

	// Focus order from the top of the page: skip link, the main navigation, the languages, then
	// the question.
	const first = questions[0]!;
	const order = [
		page.getByRole('link', { name: 'Skip to content' }),
		page.getByRole('link', { name: 'RoleFit', exact: true }),
		page.getByRole('link', { name: 'Quiz', exact: true }),
		page.getByRole('link', { name: 'Sources & method', exact: true }),
		...['English', 'العربية', 'Deutsch', 'Español'].map((name) =>
			page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name, exact: true })
		),
		radio(page, first, 1)
	];
	for (const target of order) {
		await page.keyboard.press('Tab');
		await expect(target).toBeFocused();
		await expectVisibleFocus(page);
	}

	// Space chooses the focused radio and the arrow keys change it, without moving on (a keyboard
	// user may look at every answer first); Tab reaches Next (Back is off).
	await page.keyboard.press('Space');
	await expect(radio(page, first, 1)).toBeChecked();
	// Choosing an answer leaves focus where it was (it moves to the legend only on a new question).
	await expect(radio(page, first, 1)).toBeFocused();
	for (let step = 1; step < answerAt(answers, 0); step++) await page.keyboard.press('ArrowDown');
	await expect(radio(page, first, answerAt(answers, 0))).toBeChecked();
	await expect(radio(page, first, answerAt(answers, 0))).toBeFocused();
	await expectQuestion(page, 0);
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Next' })).toBeFocused();
	await expectVisibleFocus(page);
	await page.keyboard.press('Enter');

	// From here on: a digit and Enter per question; focus lands on each new question.
	for (let index = 1; index < total; index++) {
		await expectQuestion(page, index);
		await expect(page.locator('fieldset legend')).toBeFocused();
		await expectVisibleFocus(page);
		const answer = answerAt(answers, index);
		await page.keyboard.press(String(answer));
		await page.keyboard.press('Enter');
		await expect.poll(() => savedAnswer(page, questions[index]!)).toBe(answer);
	}

	// The review heading takes focus; one Tab reaches "See my result"; further Tabs walk every
	// "Change" button in question order, then "See my result" again at the bottom.
	await expectReview(page);
	const heading = page.getByRole('heading', { level: 1, name: 'Review your answers' });
	await expect(heading).toBeFocused();
	const [top, bottom] = await page.getByRole('button', { name: 'See my result' }).all();
	await page.keyboard.press('Tab');
	await expect(top!).toBeFocused();
	await expectVisibleFocus(page);
	for (let index = 0; index < total; index++) {
		await page.keyboard.press('Tab');
		await expect(
			page.getByRole('button', { name: `Change question ${index + 1}`, exact: true })
		).toBeFocused();
		await expectVisibleFocus(page);
	}
	await page.keyboard.press('Tab');
	await expect(bottom!).toBeFocused();
	await expectVisibleFocus(page);
	await page.keyboard.press('Enter');

	await expect(page).toHaveURL(/\/results#v\d/);
	const expected = expectedResult(answers);
	expect(expected).toMatchObject({ verdict: 'project', profile: null, firmness: 'firm' });
	await expect(page.locator('.verdict-sentence')).toHaveText(expected.sentence);
	await expect(page.locator('.verdict-sentence')).toHaveText(
		'Your answers lean toward project management.'
	);
	expect(await shownResult(page)).toMatchObject({
		strategic: expected.strategic,
		tactical: expected.tactical
	});
});
