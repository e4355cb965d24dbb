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

/**
 * Follows a numbered citation: the list at the bottom opens on its entry, which takes the focus,
 * and the address keeps the result's link (its fragment carries the answers).
 */
async function followNumber(page: Page, number: Locator) {
	const url = page.url();
	const name = (await number.getAttribute('aria-label')) ?? '';
	const href = (await number.getAttribute('href')) ?? '';
	const id = /^#cite-(S\d{3}|M\d{2})$/.exec(href)?.[1];
	expect(id, `numbered link ${href}`).toBeTruthy();
	await number.click();
	const entry = page.locator(`li#cite-${id}`);
	await expect(entry).toBeFocused();
	await expect(entry).toBeInViewport();
	await expect(page.locator('details.cited-list')).toHaveAttribute('open', '');
	expect(page.url()).toBe(url);
	// The entry is the one the link names: same number, same title.
	await expect(entry.locator('.number')).toHaveText(await number.innerText());
	expect(name).toMatch(new RegExp(`^Source ${await number.innerText()}: `));
	return { id: id!, entry };
}

test('a numbered citation in an explanation opens its entry at the bottom, then its source', async ({
	page
}) => {
	await page.goto(`/results#${shareFragment(allStrategic())}`);
	await shownResult(page);
	const number = page.locator('.explanation .section-citations a.citation-number').first();
	await expect(number).toHaveAccessibleName(/^Source \d+: /);
	await expect(number).toHaveText(/^\d+$/);
	const { id, entry } = await followNumber(page, number);
	expect(id).toMatch(/^S\d{3}$/);
	expect(await followCitation(page, entry.getByRole('link', { name: id }))).toBe(id);
});

test('a method reference opens its entry at the bottom, then its entry on the sources page', async ({
	page
}) => {
	await page.goto(`/results#${shareFragment(allStrategic())}`);
	await shownResult(page);
	const number = page.locator('.explanation a.citation-number[href^="#cite-M"]').first();
	const { id, entry } = await followNumber(page, number);
	expect(id).toMatch(/^M\d{2}$/);
	expect(await followCitation(page, entry.getByRole('link', { name: id }))).toBe(id);
});

test('every source in the "Sources cited" list lands on its source', async ({ page }) => {
	const url = `/results#${shareFragment(allStrategic())}`;
	const open = async () => {
		await page.goto(url);
		await shownResult(page);
		await page.locator('details.cited-list > summary').click();
	};
	await open();
	const links = page.locator('section.cited li a');
	const count = await links.count();
	expect(count).toBeGreaterThan(0);
	const ids = await links.allTextContents();
	for (let index = 0; index < count; index++) {
		if (index > 0) await open();
		expect(await followCitation(page, links.nth(index))).toBe(ids[index]);
	}
});
