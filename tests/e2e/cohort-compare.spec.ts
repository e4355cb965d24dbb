/**
 * A facilitator's cohorts side by side, on the built server (its database in memory): the
 * facilitator guide opened on the dashboard (axe with it open); "Run it again with a new group"
 * makes a second run with the first one's settings; the second run's dashboard links to the
 * comparison of the two, which shows the first run's figures and only the total of the second
 * (below its minimum); the comparison's CSV; axe on the comparison at 1280 and 320 px wide, where
 * the table scrolls inside its own focusable region and the page does not; a browser signed in to
 * no cohort sees none.
 */
import { expect, test, type Page } from '@playwright/test';
import {
	content,
	createCohortAsFacilitator,
	expectNoViolations,
	newContext,
	unique
} from './helpers.ts';
import { allStrategic, allTactical } from '../helpers/content.ts';

async function respond(page: Page, code: string, answers: Record<string, number>) {
	const response = await page.request.post(`/api/cohorts/${code}/responses`, {
		data: {
			key: Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64url'),
			version: content.instrument.version,
			fingerprint: content.instrument.fingerprint,
			answers,
			timings: Object.fromEntries(content.sequence.map((id) => [id, 6]))
		}
	});
	expect(response.status()).toBe(201);
}

test('the guide opens on the dashboard, and two runs of a course compare side by side', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const context = await newContext(browser);
	const page = await context.newPage();
	const first = `Course run 1 ${unique()}`;
	const { code } = await createCohortAsFacilitator(page, { name: first, minimum: 3 });
	// Three and three: every verdict count is 0 or at least the minimum, so all of them show.
	for (const answers of [
		allStrategic(),
		allStrategic(),
		allStrategic(),
		allTactical(),
		allTactical(),
		allTactical()
	]) {
		await respond(page, code, answers);
	}
	await page.reload();
	await expect(page.getByTestId('total')).toContainText('6 responses');

	// The facilitator guide, closed until opened; axe with it open.
	const guide = page.getByRole('heading', { level: 2, name: 'Facilitator guide' });
	await expect(page.getByRole('heading', { name: 'A 45-minute session' })).toBeHidden();
	await guide.click();
	for (const heading of ['A 45-minute session', 'Questions for the discussion', 'What not to do']) {
		await expect(page.getByRole('heading', { level: 3, name: heading })).toBeVisible();
	}
	await expect(page.locator('.prompts').first()).toBeVisible();
	await expectNoViolations(page);

	// Run it again: the settings come along, and the new cohort is a run of this one.
	await page.getByRole('link', { name: 'Run it again with a new group' }).click();
	await expect(page.getByLabel(/Minimum group size/)).toHaveValue('3');
	await expect(page.getByLabel('A new run of (optional)')).toHaveValue(/^[0-9a-f-]{36}$/);
	await expect(page.getByLabel('A new run of (optional)').locator('option:checked')).toHaveText(
		new RegExp(`^${first} \\(`)
	);
	const second = `Course run 2 ${unique()}`;
	await page.getByLabel('Cohort name').fill(second);
	await page.getByRole('button', { name: 'Create the cohort' }).click();
	const secondCode = (await page.getByTestId('join-link').textContent())!.trim().split('/').pop()!;
	await page.goto((await page.getByTestId('facilitator-link').textContent())!.trim());
	await respond(page, secondCode, allStrategic());
	await page.reload();
	await expect(page.getByTestId('previous-run')).toContainText(`a new run of ${first}`);
	await page.getByRole('link', { name: 'compare the two runs' }).click();

	await expect(
		page.getByRole('heading', { level: 1, name: 'Your cohorts side by side' })
	).toBeVisible();
	const table = page.getByTestId('comparison');
	await expect(table.getByRole('columnheader')).toHaveText([
		new RegExp(`^${first}`),
		new RegExp(`^${second}.*follows on from ${first}`)
	]);
	const row = (name: string | RegExp) => table.getByRole('row', { name });
	await expect(row(/^Responses/).getByRole('cell')).toHaveText(['6', '1']);
	await expect(
		row(/^The figures count/)
			.getByRole('cell')
			.nth(1)
	).toContainText('once 3 people have responded (1 so far)');
	const productLabel = content.instrument.wording.verdicts.product.label;
	await expect(row(new RegExp(`^${productLabel}`)).getByRole('cell')).toHaveText([
		'3 (50%)',
		'withheld'
	]);
	await expectNoViolations(page);

	const csv = await page.request.get(
		(await page.getByRole('link', { name: 'CSV' }).getAttribute('href'))!
	);
	expect(csv.status()).toBe(200);
	const lines = (await csv.text()).trimEnd().split('\r\n');
	expect(lines).toHaveLength(3);
	expect(lines[1]).toContain(first);

	// 320 px: the page keeps its width; the table scrolls inside its region, which takes focus.
	await page.setViewportSize({ width: 320, height: 800 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
		true
	);
	const region = page.getByRole('region', { name: /Cohorts side by side/ });
	await region.focus();
	await expect(region).toBeFocused();
	await page.keyboard.press('ArrowRight');
	await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
	await expectNoViolations(page);

	const stranger = await (await newContext(browser)).newPage();
	await stranger.goto('/cohorts/compare');
	await expect(stranger.getByTestId('no-cohorts')).toBeVisible();
	await expect(stranger.getByText(first)).toHaveCount(0);
	await context.close();
	await stranger.context().close();
});
