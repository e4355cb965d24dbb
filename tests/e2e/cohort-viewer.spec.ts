/**
 * The read-only co-facilitator link end to end, on the built server (its database in memory):
 * the facilitator makes it on the dashboard; a colleague's browser opens it and sees the
 * dashboard without its controls or export links, and the present view; exports and actions
 * answer 404 to it; replacing the link signs that browser out. axe on the read-only dashboard.
 */
import { expect, test } from '@playwright/test';
import { newContext, unique, expectNoViolations } from './helpers.ts';

test.describe('co-facilitator link', () => {
	test.use({ actionTimeout: 15_000 });

	test('read-only: the dashboard without controls, the present view, no exports', async ({
		browser
	}) => {
		test.setTimeout(120_000);
		const facilitatorContext = await newContext(browser);
		const viewerContext = await newContext(browser);
		const facilitator = await facilitatorContext.newPage();
		const viewer = await viewerContext.newPage();

		const name = `E2E viewer ${unique()}`;
		await facilitator.goto('/cohorts/new');
		await facilitator.getByLabel('Cohort name').fill(name);
		await facilitator.getByRole('button', { name: 'Create the cohort' }).click();
		const facilitatorLink = (await facilitator.getByTestId('facilitator-link').textContent())!;
		await facilitator.goto(facilitatorLink.trim());
		await expect(facilitator.getByRole('heading', { level: 1, name })).toBeVisible();
		const dashboard = new URL(facilitator.url()).pathname;

		await facilitator.getByRole('button', { name: 'Make a read-only co-facilitator link' }).click();
		const viewerLink = (await facilitator.getByTestId('new-viewer-link').textContent())!.trim();
		expect(viewerLink).toMatch(/\/f\/[A-Za-z0-9_-]{22,}$/);
		expect(viewerLink).not.toBe(facilitatorLink.trim());

		await viewer.goto(viewerLink);
		await expect(viewer.getByRole('heading', { level: 1, name })).toBeVisible();
		expect(new URL(viewer.url()).pathname).toBe(dashboard);
		await expect(viewer.getByTestId('viewer-note')).toBeVisible();
		await expect(viewer.getByRole('heading', { name: 'Manage' })).toHaveCount(0);
		for (const button of [/Close the cohort/, /facilitator link/, /Delete/, /results/]) {
			await expect(viewer.getByRole('button', { name: button })).toHaveCount(0);
		}
		await expect(viewer.getByRole('link', { name: 'CSV' })).toHaveCount(0);
		await expect(viewer.getByText('Exports are for the facilitator only.')).toBeVisible();
		await expectNoViolations(viewer);
		for (const format of ['csv', 'json']) {
			expect((await viewer.request.get(`${dashboard}/export.${format}`)).status()).toBe(404);
		}
		await viewer.getByRole('link', { name: 'Present view' }).click();
		await expect(viewer.getByTestId('present-total')).toBeVisible();

		// Replaced: the old link and the browser signed in with it stop working.
		await facilitator.getByRole('button', { name: 'Replace the co-facilitator link' }).click();
		await expect(facilitator.getByTestId('new-viewer-link')).not.toHaveText(viewerLink);
		expect((await viewer.request.get(dashboard)).status()).toBe(404);
		expect((await viewer.request.get(viewerLink, { maxRedirects: 0 })).status()).toBe(404);

		await facilitatorContext.close();
		await viewerContext.close();
	});
});
