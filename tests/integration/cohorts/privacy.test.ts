/**
 * Issue 15's privacy leak, through the routes on the database: a cohort with minimum 5 and 1, 4,
 * 5 and 6 responses, flagged ones among them. Below the minimum the page data (what
 * __data.json carries), the present view and the exports tell the total and nothing else; from
 * it, nothing tells how many were flagged while that would be fewer than 5. And the minimum can be
 * raised, but not lowered once responses exist.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase } from '../../../src/lib/server/db/index.ts';
import type { DashboardView } from '../../../src/lib/server/cohort-aggregates.ts';
import { allStrategic, allTactical } from '../../helpers/content.ts';
import {
	content,
	dashboardAction,
	dashboardOf,
	exportOf,
	newCohort,
	presentOf,
	submission,
	submit,
	warmUp,
	type CreatedCohort
} from '../../helpers/cohort-harness.ts';

beforeAll(() => warmUp(), 120_000);
afterAll(() => closeDatabase());

const viewOf = (outcome: { data?: unknown }) => (outcome.data as { view: DashboardView }).view;
/** Under a second per question: the rushing flag. */
const rushed = Object.fromEntries(content.sequence.map((id) => [id, 0.5]));

let seed = 9000;
const unflagged = (cohort: CreatedCohort, answers = allStrategic()) =>
	submit(cohort.joinCode, submission((seed += 1), { answers }));
const flagged = (cohort: CreatedCohort) =>
	submit(cohort.joinCode, submission((seed += 1), { answers: allStrategic(), timings: rushed }));

/** Everything the facilitator can fetch, as text. */
async function everything(cohort: CreatedCohort) {
	const pages = await Promise.all(
		['', '?flagged=include', '?flagged=exclude'].map((query) => dashboardOf(cohort, query))
	);
	const presents = await Promise.all(
		['', '?flagged=include'].map((query) => presentOf(cohort, query))
	);
	const exports = await Promise.all([
		exportOf(cohort, 'csv'),
		exportOf(cohort, 'json'),
		exportOf(cohort, 'csv', '?raw=1')
	]);
	return { pages, presents, exports };
}

describe('a cohort with minimum 5, flagged responses among them', () => {
	it('at 1 and 4 responses tells the total and the withheld notice only', async () => {
		const cohort = await newCohort({ minGroupSize: '5' });
		expect((await flagged(cohort)).status).toBe(201);
		for (const total of [1, 4]) {
			if (total === 4)
				for (let i = 0; i < 3; i += 1) expect((await unflagged(cohort)).status).toBe(201);
			const { pages, presents, exports } = await everything(cohort);
			for (const page of pages) {
				const view = viewOf(page);
				expect(view.total).toBe(total);
				expect(view).toMatchObject({
					perDay: null,
					counted: null,
					leftOut: null,
					flaggedSwitch: null,
					aggregate: null,
					individuals: null,
					exports: { rows: false, raw: false, flags: false }
				});
				expect(view.withheld).toBe(
					`Group results appear once 5 people have responded (${total} so far), so that nobody's answers can be singled out.`
				);
				// The page data holds no other count: not the flagged, not a day, not a time.
				expect(JSON.stringify(page.data)).not.toMatch(/flag(ged)?"\s*:\s*\d|latest|"day"/i);
			}
			for (const present of presents) {
				expect(present.data).toMatchObject({ present: { total, aggregate: null } });
			}
			for (const exported of exports) {
				expect(exported.status).toBe(409);
				expect(JSON.stringify(exported.body)).not.toMatch(/flag|verdict|strategic/i);
			}
		}
	});

	it('at 5 and 6 responses counts everyone, without a switch or a flagged count', async () => {
		const cohort = await newCohort({ minGroupSize: '5' });
		await flagged(cohort);
		for (let i = 0; i < 4; i += 1) await unflagged(cohort);
		const first = await everything(cohort);
		let { pages, exports } = first;
		for (const page of pages) {
			const view = viewOf(page);
			expect(view).toMatchObject({
				total: 5,
				counted: 'all',
				flaggedSwitch: null,
				leftOut: { total: 0 },
				withheld: null
			});
			expect(view.aggregate!.n).toBe(5);
			expect(view.aggregate!.verdicts.find((v) => v.id === 'product')!.count).toBe(5);
			expect(view.aggregate!.points).toHaveLength(5);
			expect(view.perDay).toEqual([{ from: expect.any(String), to: expect.any(String), count: 5 }]);
			// Asking to leave the flagged out changes nothing: leaving out 1 would single it out.
			expect(view.aggregate).toEqual(viewOf(pages[0]!).aggregate);
		}
		for (const present of first.presents) {
			expect((present.data as { present: { aggregate: unknown } }).present.aggregate).toEqual(
				viewOf(pages[0]!).aggregate
			);
		}
		const [csv, json, raw] = exports;
		expect(csv!.status).toBe(200);
		const lines = (csv!.body as string).trimEnd().split('\r\n');
		expect(lines[0]).toMatch(/^id,content_version,strategic,/); // no time, no flags column
		expect(lines[0]).not.toMatch(/submitted|flags/);
		expect(lines).toHaveLength(6);
		expect(
			(json!.body as { responses: Record<string, unknown>[] }).responses[0]
		).not.toHaveProperty('flags');
		// The raw answers would show which one straight-lined or rushed: held back.
		expect(raw!.status).toBe(409);

		await flagged(cohort);
		({ pages, exports } = await everything(cohort));
		const view = viewOf(pages[0]!);
		expect(view).toMatchObject({ total: 6, counted: 'all', flaggedSwitch: null });
		expect(view.aggregate!.n).toBe(6);
		expect(JSON.stringify(pages.map((page) => page.data))).not.toMatch(/"flagged":[1-4]\b/);
		expect(exports[0]!.status).toBe(200);
	});

	it('withholds a verdict count of one, and the next smallest with it, and the dots and exports', async () => {
		const cohort = await newCohort({ minGroupSize: '5' });
		for (let i = 0; i < 5; i += 1) await unflagged(cohort);
		await unflagged(cohort, allTactical());
		const view = viewOf(await dashboardOf(cohort));
		const count = (id: string) => view.aggregate!.verdicts.find((v) => v.id === id)?.count;
		// product 5, project 1, in between 0: the 1 is withheld, and so must be the 5 (else 6 − 5
		// tells it), and the empty cell with them.
		expect([count('product'), count('in-between'), count('project')]).toEqual([null, null, null]);
		expect(view.aggregate!.points).toBeNull();
		expect(view.aggregate!.withheld).toBe(true);
		expect(view.exports.rows).toBe(false);
		expect((await exportOf(cohort, 'json')).status).toBe(409);
	});

	it('offers the switch once the flagged and the unflagged responses both reach the minimum', async () => {
		const cohort = await newCohort({ minGroupSize: '5' });
		for (let i = 0; i < 5; i += 1) await unflagged(cohort);
		for (let i = 0; i < 4; i += 1) await flagged(cohort);
		expect(viewOf(await dashboardOf(cohort)).flaggedSwitch).toBeNull();
		await flagged(cohort);
		const view = viewOf(await dashboardOf(cohort));
		expect(view).toMatchObject({
			counted: 'unflagged',
			flaggedSwitch: { flagged: 5, included: false },
			leftOut: { total: 5, flagged: 5, otherVersion: 0 }
		});
		expect(view.exports).toEqual({ rows: true, raw: true, flags: true });
		const csv = (await exportOf(cohort, 'csv')).body as string;
		expect(csv.split('\r\n')[0]).toMatch(/,flags$/);
	});
});

describe('the minimum group size', () => {
	it('can be raised at any time, lowered only before the first response, and never below 3', async () => {
		const cohort = await newCohort({ minGroupSize: '5' });
		const change = (value: string) => dashboardAction(cohort, 'minimum', { minGroupSize: value });
		expect(await change('4')).toMatchObject({ status: 200, data: { minGroupSize: 4 } });
		expect(await change('2')).toMatchObject({
			status: 400,
			data: { errors: { minGroupSize: 'must be at least 3' } }
		});
		await unflagged(cohort);
		const lowered = await change('3');
		expect(lowered.status).toBe(400);
		expect((lowered.data as { errors: Record<string, string> }).errors.minGroupSize).toMatch(
			/can be raised but not lowered once responses have arrived \(it is 4\)/
		);
		expect(await change('4')).toMatchObject({ status: 200 }); // unchanged is fine
		expect(await change('8')).toMatchObject({ status: 200, data: { minGroupSize: 8 } });
		expect(viewOf(await dashboardOf(cohort)).cohort.minGroupSize).toBe(8);
		expect((await change('6')).status).toBe(400);
		expect((await change('')).status).toBe(400);
		expect((await dashboardAction(cohort, 'minimum', { minGroupSize: '9' }, 'wrong')).status).toBe(
			404
		);
	});
});
