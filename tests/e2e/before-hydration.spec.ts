/**
 * Nothing a person does before the app has taken the page over is lost: the page's JavaScript is
 * held back while they type a join code, fill in the cohort form or tap an answer on the quiz's
 * first question; then it is let through, and once the app runs everything is still there (the
 * quiz has recorded the answer, and moved on as a tap does), in every language the quiz speaks. A
 * saved quiz still wins over a tap made on the first question shown before it was known. On a
 * phone and on a desktop; axe on each page once the app runs.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
	allStrategic,
	answerAt,
	answerByMouse,
	optionText,
	questions,
	quizEditions,
	radio,
	savedAnswer,
	expectNoViolations,
	expectQuestion,
	holdScripts,
	type QuizEdition
} from './helpers.ts';

const devices = {
	phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
	desktop: { viewport: { width: 1280, height: 800 } }
} as const;

/** The app has taken the page over (the root layout's marker, set once it is mounted). */
async function expectTakenOver(page: Page) {
	await expect(page.locator('main')).toHaveAttribute('data-app', 'ready');
}

/** The label of option `answer` of the first question, in the words of `edition`. */
function firstQuestionOption(page: Page, answer: number, edition = quizEditions[0]!): Locator {
	// Exactly its words: in Arabic, “strongly agree” is part of “strongly disagree”.
	const text = optionText(edition.questions[0]!, answer, edition.likertLabels);
	return page.locator('label.option').filter({ has: page.getByText(text, { exact: true }) });
}

/** The radio of option `answer` of the question at `index`, in the words of `edition`. */
function radioIn(page: Page, edition: QuizEdition, index: number, answer: number): Locator {
	const question = edition.questions[index]!;
	return page.getByRole('radio', {
		name: optionText(question, answer, edition.likertLabels),
		exact: true
	});
}

/** The app runs the quiz and shows the question at `index`, in the words of `edition`. */
async function expectQuestionIn(page: Page, edition: QuizEdition, index: number) {
	await expect(page.locator('[data-quiz="ready"]')).toBeAttached();
	await expect(page.locator('fieldset legend')).toHaveText(edition.questions[index]!.text);
}

// The service worker would serve a returning page its scripts from its cache, out of reach of
// `page.route`: without it, every script comes from the network, where it can be held.
test.use({ serviceWorkers: 'block' });

for (const [device, use] of Object.entries(devices)) {
	test.describe(`on a ${device}`, () => {
		test.use(use);

		/** A tap on a phone, a click on a desktop. */
		const choose = (target: Locator) => (device === 'phone' ? target.tap() : target.click());

		test('a join code typed before the app runs is kept, and sent', async ({ page }) => {
			const scripts = await holdScripts(page);
			await page.goto('/join', { waitUntil: 'domcontentloaded' });
			await scripts.expectHeld();
			const code = page.getByLabel('Join code');
			await code.pressSequentially('nosuch42');
			await expect(code).toHaveValue('nosuch42');

			await scripts.release();
			await expectTakenOver(page);
			await expect(code).toHaveValue('nosuch42');

			// The app sends it: the answer comes back without a reload, and the code stays.
			await choose(page.getByRole('button', { name: 'Continue' }));
			await expect(page.getByRole('alert')).toHaveText(
				'No cohort has this code: check it and try again'
			);
			await expect(code).toHaveValue('nosuch42');
			await expect(code).toBeFocused();
			await expectNoViolations(page);
		});

		test('the cohort form filled in before the app runs is kept, and sent', async ({ page }) => {
			const name = `Before hydration (${device}, ${Date.now()})`;
			const scripts = await holdScripts(page);
			await page.goto('/cohorts/new', { waitUntil: 'domcontentloaded' });
			await scripts.expectHeld();
			const fields = {
				name: page.getByLabel('Cohort name'),
				collectNames: page.getByLabel(/Ask participants for a display name/),
				minGroupSize: page.getByLabel(/Minimum group size/),
				closesOn: page.getByLabel(/Closing date/),
				retentionDays: page.getByLabel(/Delete responses automatically after/)
			};
			await fields.name.pressSequentially(name);
			await choose(fields.collectNames);
			await fields.minGroupSize.fill('7');
			await fields.closesOn.fill('2031-05-20');
			await fields.retentionDays.fill('30');
			await expect(fields.collectNames).toBeChecked();

			await scripts.release();
			await expectTakenOver(page);
			await expect(fields.name).toHaveValue(name);
			await expect(fields.collectNames).toBeChecked();
			await expect(fields.minGroupSize).toHaveValue('7');
			await expect(fields.closesOn).toHaveValue('2031-05-20');
			await expect(fields.retentionDays).toHaveValue('30');
			await expectNoViolations(page);

			await choose(page.getByRole('button', { name: 'Create the cohort' }));
			await expect(
				page.getByRole('heading', { level: 1, name: `Cohort “${name}” is ready` })
			).toBeVisible();
		});

		for (const edition of quizEditions) {
			test(`an answer tapped on the first question before the app runs is the answer (${edition.path})`, async ({
				page
			}) => {
				const answer = answerAt(allStrategic(), 0);
				const scripts = await holdScripts(page);
				await page.goto(edition.path, { waitUntil: 'domcontentloaded' });
				await scripts.expectHeld();
				await expect(page.locator('html')).toHaveAttribute('lang', edition.code);
				await expect(page.locator('[data-quiz]')).toHaveAttribute('data-quiz', 'starting');
				await choose(firstQuestionOption(page, answer, edition));
				await expect(radioIn(page, edition, 0, answer)).toBeChecked();

				await scripts.release();
				// The machine takes the tap as its first answer and moves on, as after any tap.
				await expectQuestionIn(page, edition, 1);
				await expect.poll(() => savedAnswer(page, edition.questions[0]!)).toBe(answer);
				await expectNoViolations(page);

				// Back (the first of the two buttons under the question, whatever its words).
				await choose(page.locator('.nav').getByRole('button').first());
				await expectQuestionIn(page, edition, 0);
				await expect(radioIn(page, edition, 0, answer)).toBeChecked();
				await expect(page.getByRole('radio', { checked: true })).toHaveCount(1);
			});
		}

		test('a saved quiz wins over a tap made on the first question before it was read', async ({
			page
		}) => {
			const answers = allStrategic();
			await page.goto('/quiz');
			for (let index = 0; index < 3; index++) {
				await answerByMouse(page, index, answerAt(answers, index));
			}
			await expectQuestion(page, 3);

			const scripts = await holdScripts(page);
			await page.reload({ waitUntil: 'domcontentloaded' });
			await scripts.expectHeld();
			// Before the app runs, the page shows the first question, unanswered.
			const other = answerAt(answers, 0) === 1 ? 2 : 1;
			await choose(firstQuestionOption(page, other));
			await expect(radio(page, questions[0]!, other)).toBeChecked();

			await scripts.release();
			// Where the person left off, with the answers they gave there.
			await expectQuestion(page, 3);
			expect(await savedAnswer(page, questions[0]!)).toBe(answerAt(answers, 0));
			for (let index = 2; index >= 0; index--) {
				await choose(page.getByRole('button', { name: 'Back' }));
				await expectQuestion(page, index);
			}
			await expect(radio(page, questions[0]!, answerAt(answers, 0))).toBeChecked();
			await expect(page.getByRole('radio', { checked: true })).toHaveCount(1);
		});
	});
}
