/**
 * Issue 15's privacy leak, end to end on the built server: a cohort with minimum 5 gets 1, 4, 5
 * and 6 responses (sent to the API as the quiz sends them), flagged ones among them (rushed: under
 * a second per question). At every step the dashboard, the present view (meant for a projector),
 * the exports and the pages' __data.json tell the total and, below the minimum, only the withheld
 * notice; from the minimum, the figures count everyone and nothing tells how many were flagged,
 * because that would be 1 or 2 people. Then a sixth verdict of another kind is withheld with the
 * next smallest, and so are the dots and the exports.
 */
import { expect, test, type Page } from '@playwright/test';
import { allStrategic, allTactical, axeViolations, content, unique } from './helpers.ts';

const MINIMUM = 5;
/** A page's __data.json, revived from SvelteKit's devalue form (plain objects, arrays, values). */
async function pageData(page: Page, path: string): Promise<Record<string, unknown>> {
	const response = await page.request.get(`${path}/__data.json`);
	expect(response.status()).toBe(200);
	const body = (await response.json()) as { nodes: ({ type: string; data?: unknown[] } | null)[] };
	const node = body.nodes.findLast((n) => n?.type === 'data' && Array.isArray(n.data));
	const values = node!.data!;
	const revive = (index: number): unknown => {
		if (index < 0) return undefined;
		const value = values[index];
		if (Array.isArray(value)) return value.map((i) => revive(i as number));
		if (value && typeof value === 'object') {
			return Object.fromEntries(
				Object.entries(value).map(([key, i]) => [key, revive(i as number)])
			);
		}
		return value;
	};
	return revive(0) as Record<string, unknown>;
}

/** Sends one response as the quiz does; `rushed` answers every question in under a second. */
async function respond(page: Page, code: string, options: { rushed?: boolean; answers?: object }) {
	const key = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64url');
	const body = {
		key,
		version: content.instrument.version,
		fingerprint: content.instrument.fingerprint,
		answers: options.answers ?? allStrategic(),
		...(options.rushed
			? { timings: Object.fromEntries(content.sequence.map((id) => [id, 0.5])) }
			: {})
	};
	const response = await page.request.post(`/api/cohorts/${code}/responses`, { data: body });
	expect(response.status()).toBe(201);
}

test.describe('cohort privacy', () => {
	test.use({ actionTimeout: 15_000 });

	test('1, 4, 5 and 6 responses with flagged ones: nothing tells about fewer than 5 people', async ({
		browser
	}) => {
		test.setTimeout(180_000);
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();

		// An anonymous cohort with the default minimum (5), created with the form.
		const name = `Privacy ${unique()}`;
		await page.goto('/cohorts/new');
		await page.getByLabel('Cohort name').fill(name);
		await page.getByRole('button', { name: 'Create the cohort' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: `Cohort “${name}” is ready` })
		).toBeVisible();
		const code = (await page.getByTestId('join-link').textContent())!.trim().split('/').pop()!;
		await page.goto((await page.getByTestId('facilitator-link').textContent())!.trim());
		await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
		const dashboard = new URL(page.url()).pathname;
		const present = `${dashboard}/present`;

		/** Everything the facilitator can fetch at this moment, checked against `total`. */
		const checkAt = async (total: number, flagged: number) => {
			// The dashboard, as the page shows it (and with the switch asked for in the address).
			for (const query of ['', '?flagged=include', '?flagged=exclude']) {
				await page.goto(dashboard + query);
				await expect(page.getByTestId('total').locator('strong').first()).toHaveText(String(total));
				await expect(page.getByText(/quality flags/)).toHaveCount(0);
				await expect(page.getByRole('checkbox')).toHaveCount(0);
				const body = await page.locator('main').textContent();
				// No count of the flagged, nor of the unflagged, anywhere on the page.
				expect(body).not.toMatch(
					new RegExp(`\\b(${flagged}|${total - flagged}) (flagged|without)`)
				);
			}
			await page.goto(dashboard);
			const data = (await pageData(page, dashboard)) as {
				view: Record<string, unknown> & { aggregate: { n: number } | null };
			};
			const view = data.view;
			expect(view.total).toBe(total);
			expect(view.flaggedSwitch).toBeNull();
			expect(JSON.stringify(data)).not.toMatch(/"flags":\[|latestAt|"day"/);
			const exports = await Promise.all(
				['export.csv', 'export.json', 'export.csv?raw=1'].map((file) =>
					page.request.get(`${dashboard}/${file}`)
				)
			);

			await page.goto(`${present}?flagged=include`);
			await expect(page.getByTestId('present-total')).toHaveText(
				new RegExp(`^${total}\\s+responses? so far`)
			);
			await expect(page.getByText(/quality flags/)).toHaveCount(0);
			const presentData = (await pageData(page, present)) as { present: Record<string, unknown> };
			expect(Object.keys(presentData.present).sort()).toEqual(
				[
					'aggregate',
					'joinCode',
					'minGroupSize',
					'name',
					'notice',
					'open',
					'total',
					'withheld'
				].sort()
			);

			if (total < MINIMUM) {
				await page.goto(dashboard);
				await expect(page.getByTestId('withheld')).toHaveText(
					`Group results appear once ${MINIMUM} people have responded (${total} so far), so that nobody's answers can be singled out.`
				);
				await expect(page.getByTestId('per-day')).toHaveCount(0);
				await expect(page.getByRole('link', { name: 'CSV' })).toHaveCount(0);
				expect(view).toMatchObject({
					aggregate: null,
					perDay: null,
					leftOut: null,
					individuals: null,
					exports: { rows: false, raw: false, flags: false }
				});
				expect(presentData.present.aggregate).toBeNull();
				for (const response of exports) {
					expect(response.status()).toBe(409);
					expect(await response.text()).not.toMatch(/flag|verdict|strategic/i);
				}
			} else {
				// Every response counts: leaving out 1 or 2 flagged ones would single them out.
				expect(view.counted).toBe('all');
				expect(view.aggregate!.n).toBe(total);
				expect(presentData.present.aggregate).toEqual(view.aggregate);
				await page.goto(dashboard);
				await expect(page.getByTestId('withheld')).toHaveCount(0);
				await expect(page.locator('td[data-verdict="product"]')).toHaveText(String(total));
				const [csv, json, raw] = exports;
				expect(csv!.status()).toBe(200);
				const lines = (await csv!.text()).trimEnd().split('\r\n');
				expect(lines).toHaveLength(1 + total);
				expect(lines[0]).toMatch(/^id,content_version,strategic,tactical,/);
				expect(lines[0]).not.toMatch(/submitted|flags/);
				const parsed = (await json!.json()) as { responses: Record<string, unknown>[] };
				expect(parsed.responses).toHaveLength(total);
				expect(parsed.responses.some((row) => 'flags' in row || 'submittedAt' in row)).toBe(false);
				// The raw answers would show who rushed or straight-lined: held back.
				expect(raw!.status()).toBe(409);
			}
		};

		await respond(page, code, { rushed: true });
		await test.step('1 response, flagged', () => checkAt(1, 1));
		for (let i = 0; i < 3; i += 1) await respond(page, code, {});
		await test.step('4 responses, 1 flagged', () => checkAt(4, 1));
		await respond(page, code, {});
		await test.step('5 responses, 1 flagged', () => checkAt(5, 1));
		await respond(page, code, { rushed: true });
		await test.step('6 responses, 2 flagged', () => checkAt(6, 2));
		await page.goto(dashboard);
		const violations = await axeViolations(page);
		expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

		// A seventh with another verdict: 6 product and 1 project. The 1 is withheld, and the 6 with
		// it (7 − 6 would tell it); the dots and the exports are withheld too.
		await respond(page, code, { answers: allTactical() });
		await page.goto(dashboard);
		for (const id of ['product', 'in-between', 'project']) {
			await expect(page.locator(`td[data-verdict="${id}"]`)).toHaveText('withheld');
		}
		await expect(page.getByTestId('cells-withheld')).toBeVisible();
		await expect(page.locator('svg circle')).toHaveCount(0);
		await expect(page.getByRole('link', { name: 'CSV' })).toHaveCount(0);
		expect((await page.request.get(`${dashboard}/export.json`)).status()).toBe(409);
		const violationsWithheld = await axeViolations(page);
		expect(violationsWithheld, JSON.stringify(violationsWithheld, null, 2)).toEqual([]);
		await context.close();
	});
});
