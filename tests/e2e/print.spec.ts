/** The result prints as a report: what matters on paper, without the page's controls. */
import { expect, test } from '@playwright/test';
import { allStrategic, shareFragment, shownResult, waitForCharts } from './helpers.ts';

test('printing a result keeps the verdict, charts and sources and drops the controls', async ({
	page
}) => {
	await page.goto(`/results#${shareFragment(allStrategic())}`);
	await shownResult(page);
	await waitForCharts(page);

	const verdict = page.locator('.verdict-sentence');
	const charts = page.locator('canvas');
	const sources = page.getByRole('region', { name: 'Sources cited in this result' });
	const header = page.locator('header.site-header');
	const nav = page.getByRole('navigation', { name: 'Main' });
	const footer = page.getByRole('contentinfo');
	const actions = page.getByRole('region', { name: 'Keep or share your result' });
	const buttons = ['Copy link', 'Print or save as PDF', 'Download JSON', 'Start over'].map((name) =>
		page.getByRole('button', { name })
	);

	// On screen, everything is there.
	for (const shown of [verdict, sources, nav, footer, actions, ...buttons]) {
		await expect(shown).toBeVisible();
	}

	await page.emulateMedia({ media: 'print' });
	await expect(verdict).toBeVisible();
	await expect(charts).toHaveCount(3);
	for (const chart of await charts.all()) await expect(chart).toBeVisible();
	await expect(sources).toBeVisible();
	await expect(sources.getByRole('listitem').first()).toBeVisible();

	for (const hidden of [header, nav, footer, actions, ...buttons]) {
		await expect(hidden).toBeHidden();
	}
	await expect(page.getByRole('link', { name: 'Skip to content' })).toBeHidden();
	await expect(page.getByRole('textbox', { name: 'Link to this result' })).toBeHidden();
});
