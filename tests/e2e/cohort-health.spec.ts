/**
 * The instrument-health panel on the built server: absent at 29 responses, present at 30 with
 * Cronbach's α, its 95% range (Feldt) and the number of complete responses per scale, and the
 * plain words for what the figures mean for this cohort. Answers given at random do not hang
 * together, so every scale reads "Low", and any statement with a negative item-total correlation
 * is named by its text. Responses are sent to the API (with ordinary timings, so none is rushed).
 */
import { expect, test } from '@playwright/test';
import {
	axeViolations,
	content,
	createCohortAsFacilitator,
	randomRespondent,
	seededRandom
} from './helpers.ts';

test('the health panel shows α with its range from 30 responses, and says what a low α means', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	const { code, dashboard } = await createCohortAsFacilitator(page, {
		name: `Health ${Date.now().toString(36)}`,
		minimum: 3
	});

	const random = seededRandom(15);
	const send = async () => {
		const body = {
			key: Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64url'),
			version: content.instrument.version,
			fingerprint: content.instrument.fingerprint,
			answers: randomRespondent(random),
			timings: Object.fromEntries(content.sequence.map((id) => [id, 6]))
		};
		const response = await page.request.post(`/api/cohorts/${code}/responses`, { data: body });
		expect(response.status()).toBe(201);
	};
	for (let i = 0; i < 29; i += 1) await send();
	await page.goto(`${dashboard}?flagged=include`);
	await expect(page.getByRole('heading', { name: 'Instrument health' })).toHaveCount(0);

	await send();
	await page.goto(`${dashboard}?flagged=include`);
	await expect(page.getByRole('heading', { name: 'Instrument health' })).toBeVisible();
	for (const scale of content.scales) {
		await expect(
			page.getByRole('heading', {
				level: 3,
				name: new RegExp(
					`^${scale.name}: α = -?\\d\\.\\d+ \\(95% range -?\\d+(\\.\\d+)? to -?\\d\\.\\d+\\), from 30 complete responses$`
				)
			})
		).toBeVisible();
		const reading = page.getByTestId(`health-${scale.id}`);
		await expect(reading).toHaveAttribute('data-reading', 'low');
		await expect(reading).toContainText(
			'did not hang together in this group, so its levels are rough for this cohort'
		);
	}
	// Statements that ran against their scale are named by their text, with their correlation.
	const against = page.locator('[data-testid^="against-"]');
	for (const paragraph of await against.all()) {
		await expect(paragraph).toContainText(/“[^”]+” \(-0\.\d+\)/);
	}
	const violations = await axeViolations(page);
	expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
	await context.close();
});
