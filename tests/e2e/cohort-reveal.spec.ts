/**
 * Facilitator pacing end to end, on the built server (its database in memory): a cohort that
 * shows results when the facilitator reveals them. A participant finishes, their submission goes
 * through the outbox as always, and the end screen says their answers are in and waits (axe on
 * it); the facilitator reveals results on the dashboard; the participant's page then shows their
 * own result by itself, without a reload. The setting and the reveal work without JavaScript.
 *
 * The helpers follow tests/e2e/cohorts.spec.ts's. Cohorts are named uniquely per run.
 */
import { expect, test, type Page } from '@playwright/test';
import {
	allStrategic,
	answerAt,
	newContext,
	total,
	unique,
	expectedResult,
	expectNoViolations,
	expectQuestion,
	expectReview
} from './helpers.ts';
import type { Answers } from '../../src/lib/scoring/types.ts';

interface Created {
	name: string;
	joinLink: string;
	facilitatorLink: string;
}

/** Fills in /cohorts/new choosing results on reveal, and reads the links it shows. */
async function createRevealCohort(page: Page): Promise<Created> {
	const name = `E2E reveal ${unique()}`;
	await page.goto('/cohorts/new');
	await page.getByLabel('Cohort name').fill(name);
	await page.getByRole('group', { name: 'When participants see their own result' }).waitFor();
	await page.getByLabel(/When I reveal results on the dashboard/).check();
	await page.getByRole('button', { name: 'Create the cohort' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: `Cohort “${name}” is ready` })
	).toBeVisible();
	const joinLink = (await page.getByTestId('join-link').textContent())!.trim();
	const facilitatorLink = (await page.getByTestId('facilitator-link').textContent())!.trim();
	return { name, joinLink, facilitatorLink };
}

async function signIn(page: Page, created: Created) {
	await page.goto(created.facilitatorLink);
	await expect(page.getByRole('heading', { level: 1, name: created.name })).toBeVisible();
}

/** From the participant link: the notice, the quiz (digit keys and Enter), submit. */
async function join(page: Page, created: Created, answers: Answers) {
	await page.goto(created.joinLink);
	await expect(
		page.getByRole('heading', { name: 'Before you start: what is stored' })
	).toBeVisible();
	await expect(
		page.getByText(/you see your own result when the facilitator reveals/)
	).toBeVisible();
	// A click before the page has hydrated submits the form natively (a reload): try again.
	await expect(async () => {
		await page.getByRole('button', { name: 'Start the quiz' }).click({ timeout: 2_000 });
		await expect(page.locator('[data-quiz]')).toBeAttached({ timeout: 2_000 });
	}).toPass({ timeout: 20_000 });
	for (let index = 0; index < total; index++) {
		await expectQuestion(page, index);
		await page.keyboard.press(String(answerAt(answers, index)));
		await page.keyboard.press('Enter');
	}
	await expectReview(page);
	await page.getByRole('button', { name: 'See my result' }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
}

test.describe('cohort results on reveal', () => {
	test.use({ actionTimeout: 15_000 });

	test('the participant waits, the facilitator reveals, the result appears by itself', async ({
		browser
	}) => {
		test.setTimeout(180_000);
		const facilitatorContext = await newContext(browser);
		const participantContext = await newContext(browser);
		const facilitator = await facilitatorContext.newPage();
		const participant = await participantContext.newPage();

		const created = await createRevealCohort(facilitator);
		await signIn(facilitator, created);
		await expect(facilitator.getByTestId('reveal-state')).toContainText('until you reveal');

		const answers = allStrategic();
		const statusRequests: string[] = [];
		participant.on('request', (request) => {
			if (request.url().endsWith('/status')) statusRequests.push(request.url());
		});
		await join(participant, created, answers);

		// Sent through the outbox as always; only the result waits.
		await expect(participant.getByTestId('submission-status')).toHaveAttribute(
			'data-status',
			'sent'
		);
		expect(await participant.evaluate(() => localStorage.getItem('rolefit.outbox'))).toBe('[]');
		const reveal = participant.getByTestId('reveal-status');
		await expect(reveal).toHaveText(/Your answers are in; your facilitator will show results\./);
		await expect(reveal).toHaveAttribute('aria-live', 'polite');
		await expect(participant.getByTestId('private-link')).toBeVisible();
		await expect(participant.locator('.verdict-sentence')).toHaveCount(0);
		await expect(participant.getByRole('link', { name: /as a result page/ })).toHaveCount(0);
		await expectNoViolations(participant);
		// The page asks the status endpoint by itself.
		await expect.poll(() => statusRequests.length, { timeout: 15_000 }).toBeGreaterThan(1);
		// Anything set on the window survives only if the page is never reloaded.
		await participant.evaluate(() => ((window as unknown as { mark: number }).mark = 1));

		// The facilitator reveals results.
		await facilitator.getByRole('button', { name: 'Reveal results' }).click();
		await expect(facilitator.getByText('Results are revealed: each participant')).toBeVisible();
		await expect(facilitator.getByRole('button', { name: 'Hide results again' })).toBeVisible();

		// The participant's page follows by itself.
		await expect(participant.locator('.verdict-sentence')).toHaveText(
			expectedResult(answers).sentence,
			{ timeout: 20_000 }
		);
		await expect(reveal).toHaveText(/Your facilitator has revealed the results/);
		await expect(participant.getByRole('link', { name: /as a result page/ })).toBeVisible();
		expect(await participant.evaluate(() => (window as unknown as { mark?: number }).mark)).toBe(1);
		// Revealed: the page stops asking.
		const asked = statusRequests.length;
		await participant.waitForTimeout(6_000);
		expect(statusRequests.length).toBe(asked);

		await facilitatorContext.close();
		await participantContext.close();
	});

	test('the setting and the reveal work without JavaScript', async ({ browser }) => {
		const context = await newContext(browser, { javaScriptEnabled: false });
		const page = await context.newPage();
		const created = await createRevealCohort(page);
		await signIn(page, created);
		const code = created.joinLink.split('/').pop()!;
		const before = await page.request.get(`/api/cohorts/${code}/status`);
		expect(await before.json()).toEqual({ revealed: false });
		await page.getByRole('button', { name: 'Reveal results' }).click();
		await expect(page.getByText('Results are revealed: each participant')).toBeVisible();
		expect(await (await page.request.get(`/api/cohorts/${code}/status`)).json()).toEqual({
			revealed: true
		});
		await page.getByRole('button', { name: 'Hide results again' }).click();
		await expect(page.getByRole('button', { name: 'Reveal results' })).toBeVisible();
		expect(await (await page.request.get(`/api/cohorts/${code}/status`)).json()).toEqual({
			revealed: false
		});
		await context.close();
	});
});
