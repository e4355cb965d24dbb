/**
 * The technical manual at /method, and the method references beside the sources. The manual
 * opens with "Evidence status and safe use", before any formula, at a stable anchor that the
 * cohort creation page links to.
 */
import { expect, test } from '@playwright/test';
import { axeViolations } from './helpers.ts';

test('/method shows the technical manual with the simulation figures', async ({ page }) => {
	await page.goto('/method');
	await expect(
		page.getByRole('heading', { level: 1, name: 'RoleFit technical manual' })
	).toBeVisible();
	for (const heading of [
		'Evidence status and safe use',
		'4. How precise: the range',
		'5. Verdict rules',
		'7. Simulation figures',
		'9. Intended use',
		'10. Versioning'
	]) {
		await expect(page.getByRole('heading', { name: heading })).toBeVisible();
	}
	const uniform = page.getByRole('row').filter({ hasText: 'uniform random' });
	await expect(uniform).toHaveCount(1);
	await expect(uniform.getByRole('cell')).toHaveCount(8);
	// The moderate leaners, and the headline figures at the assumed reliability ±0.1.
	await expect(page.getByRole('row').filter({ hasText: 'moderate product' })).toHaveCount(1);
	await expect(page.getByRole('row').filter({ hasText: '0.4 (used)' })).toHaveCount(1);
	await expect(page.getByText('npm run simulate', { exact: false }).first()).toBeVisible();
	// Measurement claims cite method references, which resolve on the sources page.
	const reference = page.locator('a.citation[href="/sources#M01"]').first();
	await expect(reference).toBeVisible();
	await reference.click();
	await expect(page).toHaveURL(/\/sources#M01$/);
	await expect(page.locator('#M01')).toContainText(
		'Standards for Educational and Psychological Testing'
	);
	// The Spearman–Brown references behind the assumed reliability are listed too.
	await expect(page.locator('#M12')).toContainText('Correlation calculated from faulty data');
	await expect(page.locator('#M13')).toContainText(
		'Some experimental results in the correlation of mental abilities'
	);
	expect(await axeViolations(page)).toEqual([]);
});

const safeUse = 'evidence-status-and-safe-use';

test('/method opens with evidence status and safe use, before any formula', async ({ page }) => {
	await page.goto('/method');
	const sections = page.locator('article.manual h2');
	await expect(sections.first()).toHaveText('Evidence status and safe use');
	await expect(sections.first()).toHaveAttribute('id', safeUse);
	// Everything up to the next section is plain words: no formula, no variance, no root.
	const opening = await page.evaluate((id) => {
		const parts: string[] = [];
		let node = document.getElementById(id)?.nextElementSibling;
		while (node && node.tagName !== 'H2') {
			parts.push(node.textContent ?? '');
			node = node.nextElementSibling;
		}
		return parts.join(' ').replace(/\s+/g, ' ');
	}, safeUse);
	for (const phrase of [
		'preferences only',
		'does not measure ability',
		'no norms',
		'no validity study',
		'no fairness study',
		'not a forecast of a second sitting',
		'selection, hiring',
		'performance review',
		'Minimum group size',
		'Retention and deletion'
	]) {
		expect(opening, phrase).toContain(phrase);
	}
	for (const formula of ['Var(', '√', '±', ' = ']) expect(opening, formula).not.toContain(formula);
	// The section is linkable: the anchor scrolls it into view.
	await page.goto(`/method#${safeUse}`);
	await expect(page.locator(`#${safeUse}`)).toBeInViewport();
});

test('/cohorts/new links to evidence status and safe use before the form', async ({ page }) => {
	await page.goto('/cohorts/new');
	const link = page.getByRole('link', { name: 'evidence status and safe use' });
	await expect(link).toHaveAttribute('href', `/method#${safeUse}`);
	// It comes before the facilitator sets the cohort up, not after.
	const before = await link.evaluate((anchor) => {
		const form = document.querySelector('form');
		return !!form && !!(anchor.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING);
	});
	expect(before).toBe(true);
	expect(await axeViolations(page)).toEqual([]);
	await link.click();
	await expect(page).toHaveURL(new RegExp(`/method#${safeUse}$`));
	await expect(
		page.getByRole('heading', { level: 2, name: 'Evidence status and safe use' })
	).toBeInViewport();
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
