/**
 * The quiz flow on a phone and on a desktop: one tap per question, Back always there, keyboard
 * shortcuts offered only where there is a keyboard, no hover left behind by a tap, the review
 * screen with the unanswered questions first and "See my result" one Tab from its heading,
 * and "Start over" that asks first. axe on every new state.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
	allStrategic,
	answerAt,
	answerByKeyboard,
	content,
	counter,
	optionText,
	total,
	questions,
	radio,
	savedAnswer,
	expectNoViolations,
	expectQuestion,
	expectReview
} from './helpers.ts';

const text = content.quizPage;

const devices = {
	phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
	desktop: { viewport: { width: 1280, height: 800 } }
} as const;

/** The label of option `answer` of the question on screen. */
function option(page: Page, index: number, answer: number): Locator {
	return page
		.locator('label.option')
		.filter({ hasText: optionText(questions[index]!, answer) })
		.first();
}

for (const [device, use] of Object.entries(devices)) {
	test.describe(`on a ${device}`, () => {
		test.use(use);

		/** A tap on a phone, a click on a desktop. */
		const choose = (target: Locator) => (device === 'phone' ? target.tap() : target.click());

		/**
		 * Two taps in quick succession, well inside the pause: both targets are measured first,
		 * then touched with the low-level input API, so a slow test runner cannot stretch the gap.
		 */
		async function twoTaps(page: Page, first: Locator, second: Locator) {
			const [a, b] = [await first.boundingBox(), await second.boundingBox()];
			if (!a || !b) throw new Error('both targets must be on screen');
			const centre = (box: { x: number; y: number; width: number; height: number }) =>
				[box.x + box.width / 2, box.y + box.height / 2] as const;
			for (const [x, y] of [centre(a), centre(b)]) {
				if (device === 'phone') await page.touchscreen.tap(x, y);
				else await page.mouse.click(x, y);
			}
		}

		test('one tap answers and moves on; Back is always there and keeps the answer', async ({
			page
		}) => {
			const answers = allStrategic();
			await page.goto('/quiz');
			await expectQuestion(page, 0);
			await expect(page.getByRole('button', { name: text.question.back })).toBeVisible();

			// One tap: the choice shows at once, and the next question follows by itself.
			await choose(option(page, 0, answerAt(answers, 0)));
			await expectQuestion(page, 1);
			await expect.poll(() => savedAnswer(page, questions[0]!)).toBe(answerAt(answers, 0));
			await expect(page.locator('fieldset legend')).toBeFocused();

			// Changing the choice during the pause starts it again: one move, with the last choice.
			const first = answerAt(answers, 1) === 1 ? 2 : 1;
			await twoTaps(page, option(page, 1, first), option(page, 1, answerAt(answers, 1)));
			await expectQuestion(page, 2);
			await expect.poll(() => savedAnswer(page, questions[1]!)).toBe(answerAt(answers, 1));
			await page.waitForTimeout(600);
			await expectQuestion(page, 2);

			// Back, always there, shows the answer given; choosing it again moves on again.
			await choose(page.getByRole('button', { name: text.question.back }));
			await expectQuestion(page, 1);
			await expect(radio(page, questions[1]!, answerAt(answers, 1))).toBeChecked();
			await choose(option(page, 1, answerAt(answers, 1)));
			await expectQuestion(page, 2);

			// Back during the pause wins over the pending move.
			await twoTaps(
				page,
				option(page, 2, answerAt(answers, 2)),
				page.getByRole('button', { name: text.question.back })
			);
			await expectQuestion(page, 1);
			await page.waitForTimeout(600);
			await expectQuestion(page, 1);
			await expectNoViolations(page);
		});

		test('keyboard shortcuts are offered only where there is a keyboard', async ({ page }) => {
			await page.goto('/quiz');
			await expectQuestion(page, 0);
			const hint = page.getByText('Keys 1 to 5 choose an answer; Enter goes on.');
			const digits = page.locator('label.option .key');
			if (device === 'phone') {
				await expect(hint).toBeHidden();
				await expect(digits.first()).toBeHidden();
				// A key pressed: there is a keyboard after all (one paired to the phone).
				await page.keyboard.press('Shift');
			}
			await expect(hint).toBeVisible();
			await expect(digits).toHaveCount(5);
			await expect(digits.first()).toBeVisible();
			await page.keyboard.press('3');
			await expectQuestion(page, 1);
			await expect.poll(() => savedAnswer(page, questions[0]!)).toBe(3);
			await expectNoViolations(page);
		});

		test('hover styles apply only where hovering exists, so a tap leaves none behind', async ({
			page
		}) => {
			await page.goto('/quiz');
			await expectQuestion(page, 0);
			const canHover = await page.evaluate(() => matchMedia('(hover: hover)').matches);
			expect(canHover).toBe(device === 'desktop');

			// Every :hover rule on the page sits inside @media (hover: hover): a touch screen, which
			// keeps the last tapped element "hovered", never applies one (emulation cannot show
			// that stickiness itself, so the rules are checked).
			const hoverRules = await page.evaluate(() => {
				const found: { selector: string; guarded: boolean }[] = [];
				const walk = (rules: CSSRuleList, guarded: boolean) => {
					for (const rule of rules) {
						if (rule instanceof CSSMediaRule) {
							walk(rule.cssRules, guarded || /\(hover:\s*hover\)/.test(rule.conditionText));
						} else if (rule instanceof CSSStyleRule && rule.selectorText.includes(':hover')) {
							found.push({ selector: rule.selectorText, guarded });
						}
					}
				};
				for (const sheet of document.styleSheets) walk(sheet.cssRules, false);
				return found;
			});
			expect(hoverRules.length).toBeGreaterThan(0);
			expect(hoverRules.filter((rule) => !rule.guarded)).toEqual([]);

			// And where a mouse is, hovering an answer still shows.
			if (device === 'desktop') {
				const border = (locator: Locator) =>
					locator.evaluate((element) => getComputedStyle(element).borderTopColor);
				const plain = await border(option(page, 0, 1));
				await option(page, 0, 2).hover();
				expect(await border(option(page, 0, 2))).not.toBe(plain);
			}
		});

		test('review lists the unanswered questions first; "See my result" is one Tab from its heading', async ({
			page
		}) => {
			const answers = allStrategic();
			await page.goto('/quiz');
			for (let index = 0; index < 3; index++) {
				await answerByKeyboard(page, index, answerAt(answers, index));
			}
			await choose(page.getByRole('button', { name: text.question.reviewAll }));
			await expectReview(page);

			const heading = page.getByRole('heading', { level: 1, name: text.review.heading });
			await expect(heading).toBeFocused();
			const seeResult = page.getByRole('button', { name: text.review.submit });
			await expect(seeResult).toHaveCount(2);
			await page.keyboard.press('Tab');
			await expect(seeResult.first()).toBeFocused();
			// On a phone, the top one is on the first screen.
			await expect(seeResult.first()).toBeInViewport();

			// Unanswered first, in question order and numbered as in the quiz; then the answers.
			await expect(page.getByRole('heading', { level: 2 })).toHaveText([
				text.review.unansweredHeading,
				text.review.answeredHeading
			]);
			const [missing, answered] = await page.locator('ol.review').all();
			await expect(missing!.locator('li')).toHaveCount(total - 3);
			await expect(missing!.locator('li').first()).toHaveAttribute('value', '4');
			await expect(missing!.locator('li').first()).toContainText(questions[3]!.text);
			await expect(answered!.locator('li')).toHaveCount(3);
			await expect(page.getByText(`${total - 3} questions are still unanswered`)).toBeVisible();
			await expectNoViolations(page);

			// The bottom one submits too.
			await choose(seeResult.last());
			await expect(page).toHaveURL(/\/results#v\d/);
		});

		test('"Start over" asks first: keeping the answers, then starting over', async ({ page }) => {
			const answers = allStrategic();
			await page.goto('/quiz');
			for (let index = 0; index < 2; index++) {
				await answerByKeyboard(page, index, answerAt(answers, index));
			}
			await choose(page.getByRole('button', { name: text.question.reviewAll }));
			await expectReview(page);

			// Asking: a modal dialog, named, with the safe choice focused.
			const startOver = page.getByRole('button', { name: text.startOver.button });
			await choose(startOver);
			const dialog = page.getByRole('dialog', { name: text.startOver.title });
			await expect(dialog).toBeVisible();
			await expect(dialog).toContainText('This clears the 2 answers you have given so far.');
			await expect(dialog.getByRole('button', { name: text.startOver.cancel })).toBeFocused();
			await expectNoViolations(page);

			// Escape keeps everything, and focus returns to the button.
			await page.keyboard.press('Escape');
			await expect(dialog).toBeHidden();
			await expect(startOver).toBeFocused();
			await expect.poll(() => savedAnswer(page, questions[0]!)).toBe(answerAt(answers, 0));

			// "Keep my answers" too.
			await choose(startOver);
			await choose(dialog.getByRole('button', { name: text.startOver.cancel }));
			await expect(dialog).toBeHidden();
			await expectReview(page);

			// Confirmed: a fresh quiz, and nothing of the old one kept.
			await choose(startOver);
			await choose(dialog.getByRole('button', { name: text.startOver.confirm }));
			await expectQuestion(page, 0);
			await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
			await expect.poll(() => savedAnswer(page, questions[0]!)).toBeUndefined();
			await expect(page.getByText(counter(0), { exact: true })).toBeVisible();
		});
	});
}
