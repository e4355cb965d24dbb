/** The technical manual at /method, and the method references beside the sources. */
import { expect, test } from '@playwright/test';
import { axeViolations } from './helpers.ts';

test('/method shows the technical manual with the simulation figures', async ({ page }) => {
	await page.goto('/method');
	await expect(
		page.getByRole('heading', { level: 1, name: 'RoleFit technical manual' })
	).toBeVisible();
	for (const heading of [
		'4. How sure: the band',
		'5. Verdict rules',
		'7. Simulation figures',
		'9. Intended use'
	]) {
		await expect(page.getByRole('heading', { name: heading })).toBeVisible();
	}
	const uniform = page.getByRole('row').filter({ hasText: 'uniform random' });
	await expect(uniform).toHaveCount(1);
	await expect(uniform.getByRole('cell')).toHaveCount(6);
	await expect(page.getByText('npm run simulate', { exact: false }).first()).toBeVisible();
	// Measurement claims cite method references, which resolve on the sources page.
	const reference = page.locator('a.citation[href="/sources#M01"]').first();
	await expect(reference).toBeVisible();
	await reference.click();
	await expect(page).toHaveURL(/\/sources#M01$/);
	await expect(page.locator('#M01')).toContainText(
		'Standards for Educational and Psychological Testing'
	);
	expect(await axeViolations(page)).toEqual([]);
});

for (const colorScheme of ['light', 'dark'] as const) {
	test(`/method fits a 320 px phone and passes axe (${colorScheme})`, async ({ page }) => {
		await page.emulateMedia({ colorScheme });
		await page.setViewportSize({ width: 320, height: 640 });
		await page.goto('/method');
		// Wide tables scroll inside their own keyboard-reachable region, not the page.
		const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(pageWidth).toBeLessThanOrEqual(320);
		await expect(
			page.getByRole('region', { name: 'Table, scrolls sideways' }).first()
		).toBeVisible();
		expect(await axeViolations(page)).toEqual([]);
	});
}
