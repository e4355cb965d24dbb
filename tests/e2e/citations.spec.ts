/** Citations on the result page lead to the cited source on /sources. */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { allStrategic, shareFragment, shownResult } from './helpers.ts';

async function followCitation(page: Page, link: Locator) {
	const href = await link.getAttribute('href');
	const id = href?.match(/^\/sources#(S\d{3}|M\d{2})$/)?.[1];
	expect(id, `citation link ${href}`).toBeTruthy();
	await link.click();

	await expect(page).toHaveURL(new RegExp(`/sources#${id}$`));
	const item = page.locator(`li#${id}`);
	await expect(item).toBeVisible();
	await expect(item).toBeInViewport();
	// Scrolled to: the source sits at the top of the window (the page is long enough for that).
	await expect
		.poll(() => item.evaluate((element) => Math.round(element.getBoundingClientRect().top)))
		.toBeLessThanOrEqual(32);
	expect(
		await item.evaluate((element) => element.getBoundingClientRect().top)
	).toBeGreaterThanOrEqual(0);
	await expect.poll(() => item.evaluate((element) => element.matches(':target'))).toBe(true);
	await expect(page.locator(':target')).toHaveCount(1);
	return id!;
}

test('a citation in an explanation lands on its source', async ({ page }) => {
	await page.goto(`/results#${shareFragment(allStrategic())}`);
	await shownResult(page);
	const citation = page.locator('.explanation p a.citation').first();
	await expect(citation).toHaveAccessibleName(/^Source S\d{3}: /);
	await followCitation(page, citation);
});

test('a method reference in an explanation lands on its entry', async ({ page }) => {
	await page.goto(`/results#${shareFragment(allStrategic())}`);
	await shownResult(page);
	const citation = page.locator('.explanation p a.citation[href^="/sources#M"]').first();
	await expect(citation).toHaveAccessibleName(/^Method reference M\d{2}: /);
	expect(await followCitation(page, citation)).toMatch(/^M\d{2}$/);
});

test('every source in the "Sources cited" list lands on its source', async ({ page }) => {
	const url = `/results#${shareFragment(allStrategic())}`;
	await page.goto(url);
	await shownResult(page);
	const links = page.locator('section.cited li a');
	const count = await links.count();
	expect(count).toBeGreaterThan(0);
	const ids = await links.allTextContents();
	for (let index = 0; index < count; index++) {
		if (index > 0) {
			await page.goto(url);
			await shownResult(page);
		}
		expect(await followCitation(page, links.nth(index))).toBe(ids[index]);
	}
});
