/**
 * A cohort's language: the facilitator chooses it on the create form, the join link opens in it
 * (a participant may still switch), and the dashboard says when responses came in more than one
 * language — once the group's figures are shown, never which languages.
 */
import { expect, test } from '@playwright/test';
import { content } from '../helpers/content.ts';
import { allStrategic } from '../helpers/content.ts';
import { createCohortAsFacilitator, expectNoViolations, newContext, unique } from './helpers.ts';

/** Sends one response as the join page does, answered in `language`. */
async function respond(
	request: import('@playwright/test').APIRequestContext,
	code: string,
	language: string
) {
	const key = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64url');
	const response = await request.post(`/api/cohorts/${code}/responses`, {
		data: {
			key,
			version: content.instrument.version,
			fingerprint: content.instrument.fingerprint,
			answers: allStrategic(),
			language
		}
	});
	expect(response.status()).toBe(201);
}

test('a cohort run in Spanish: its join link opens in Spanish; the dashboard notes several languages', async ({
	browser
}) => {
	const facilitator = await (await newContext(browser)).newPage();
	const name = `Curso ${unique()}`;
	const { code, dashboard, joinLink } = await createCohortAsFacilitator(facilitator, {
		name,
		minimum: 3,
		language: 'Español'
	});
	expect(new URL(joinLink).pathname).toBe(`/es/join/${code}`);

	const participant = await (await newContext(browser)).newPage();
	await participant.goto(joinLink);
	await expect(participant.locator('html')).toHaveAttribute('lang', 'es');
	await expect(participant.getByRole('heading', { level: 1 })).toContainText(name);
	// The participant may switch: the same cohort's page in Arabic.
	await participant.getByRole('link', { name: 'العربية' }).click();
	await expect(participant).toHaveURL(new RegExp(`/ar/join/${code}$`));
	await expect(participant.locator('html')).toHaveAttribute('dir', 'rtl');
	await expectNoViolations(participant);

	await respond(facilitator.request, code, 'es');
	await respond(facilitator.request, code, 'ar');
	await facilitator.goto(dashboard);
	// Two responses, under the minimum of 3: nothing about them, their languages included.
	await expect(facilitator.getByTestId('total')).toContainText('2');
	await expect(facilitator.getByTestId('multilingual')).toHaveCount(0);
	await respond(facilitator.request, code, 'es');
	await facilitator.reload();
	await expect(facilitator.getByTestId('multilingual')).toBeVisible();
	await expect(facilitator.getByTestId('multilingual')).not.toContainText(/Arabic|العربية|Español/);
	// The dashboard's join link is the Spanish one too.
	await expect(facilitator.locator('code', { hasText: `/es/join/${code}` })).toBeVisible();
	await expectNoViolations(facilitator);
});
