/**
 * Cohorts side by side (`/cohorts/compare` and its exports), through the routes on the database:
 * a browser sees the cohorts it is signed in to and the earlier runs they follow on from, never
 * another's; each column is exactly what that cohort's own dashboard shows, under its own
 * minimum; the exports carry the same figures, a withheld one empty, and only the cohorts the
 * browser facilitates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase } from '../../../src/lib/server/db/index.ts';
import type { DashboardView } from '../../../src/lib/server/cohort-aggregates.ts';
import type { ComparedCohort } from '../../../src/lib/cohorts/view.ts';
import { allStrategic, allTactical } from '../../helpers/content.ts';
import {
	content,
	compareExport,
	comparePage,
	CookieJar,
	createCohort,
	createPage,
	dashboardAction,
	dashboardOf,
	newCohort,
	signIn,
	submission,
	submit,
	warmUp,
	type CreatedCohort
} from '../../helpers/cohort-harness.ts';

beforeAll(() => warmUp(), 120_000);
afterAll(() => closeDatabase());

interface ComparePageData {
	cohorts: { id: string; name: string; role: string; via: string; chosen: boolean }[];
	columns: ComparedCohort[];
	includeFlagged: boolean;
	capped: boolean;
}
const pageOf = (outcome: { data?: unknown }) => outcome.data as ComparePageData;
const viewOf = (outcome: { data?: unknown }) => (outcome.data as { view: DashboardView }).view;
const rushed = Object.fromEntries(content.sequence.map((id) => [id, 0.5]));

let seed = 31_000;
async function respond(
	cohort: CreatedCohort,
	kinds: ('product' | 'project' | 'flagged' | 'random')[]
) {
	for (const kind of kinds) {
		seed += 1;
		const answers =
			kind === 'product' || kind === 'flagged'
				? allStrategic()
				: kind === 'project'
					? allTactical()
					: undefined;
		const body = submission(seed, {
			...(answers ? { answers } : {}),
			...(kind === 'flagged' ? { timings: rushed } : {})
		});
		expect((await submit(cohort.joinCode, body)).status).toBe(201);
	}
}

/** What the dashboard shows, in the comparison's shape (the map stays on the dashboard). */
function dashboardColumn(view: DashboardView) {
	const shown = view.aggregate;
	return {
		total: view.total,
		counted: view.counted,
		withheld: view.withheld,
		aggregate: shown && {
			n: shown.n,
			verdicts: shown.verdicts,
			profiles: shown.profiles,
			scales: shown.scales,
			facets: shown.facets,
			health: shown.health,
			withheld: shown.withheld
		}
	};
}

describe('which cohorts a browser may compare', () => {
	it('lists the cohorts this browser is signed in to, oldest first, and no one else’s', async () => {
		const browser = new CookieJar();
		const first = await newCohort({ name: 'Spring class' }, browser);
		const second = await newCohort({ name: 'Summer class' }, browser);
		const someoneElse = await newCohort({ name: 'Not yours' });
		const page = pageOf(await comparePage(browser));
		expect(page.cohorts.map((cohort) => cohort.id)).toEqual([first.cohortId, second.cohortId]);
		expect(page.columns.map((column) => column.id)).toEqual([first.cohortId, second.cohortId]);
		expect(page.cohorts.every((cohort) => cohort.role === 'facilitator' && cohort.chosen)).toBe(
			true
		);
		expect(JSON.stringify(page)).not.toContain(someoneElse.cohortId);
		// A browser signed in nowhere gets an empty page, not an error.
		const nobody = await comparePage(new CookieJar());
		expect(nobody.status).toBe(200);
		expect(pageOf(nobody)).toMatchObject({ cohorts: [], columns: [] });
		// A cookie naming one cohort but holding another's session opens neither.
		const forged = new CookieJar();
		forged.set(
			`rolefit_f_${someoneElse.cohortId}`,
			browser.get(`rolefit_f_${first.cohortId}`)!,
			{}
		);
		expect(pageOf(await comparePage(forged)).cohorts).toEqual([]);
	});

	it('answers 400 naming the field for a cohort it may not see, too many, or a bad switch', async () => {
		const browser = new CookieJar();
		const mine = await newCohort({}, browser);
		const other = await newCohort();
		for (const id of [other.cohortId, '00000000-0000-4000-8000-000000000000', 'x'.repeat(300)]) {
			const outcome = await comparePage(browser, `?c=${mine.cohortId}&c=${id}`);
			expect(outcome.status).toBe(400);
			expect((outcome.body as { message: string }).message).toMatch(
				/^c: ".{1,40}" is not one of the cohorts this browser can see$/
			);
		}
		const many = Array.from({ length: 9 }, (_, i) => `c=${i}`).join('&');
		expect((await comparePage(browser, `?${many}`)).body).toEqual({
			message: 'c: choose at most 8 cohorts (9 given)'
		});
		expect((await comparePage(browser, '?flagged=yes')).body).toEqual({
			message: 'flagged: must be "include" or "exclude"'
		});
		expect((await compareExport(browser, 'xml')).body).toEqual({
			message: 'format: must be "csv" or "json"'
		});
	});

	it('shows what a co-facilitator link opens, read-only and without exports', async () => {
		const cohort = await newCohort({ name: 'Shared' });
		const made = await dashboardAction(cohort, 'rotateViewer');
		const token = (made.data as { viewerLink: string }).viewerLink.split('/f/')[1]!;
		const colleague = new CookieJar();
		await signIn(token, colleague);
		const page = pageOf(await comparePage(colleague));
		expect(page.cohorts).toMatchObject([{ id: cohort.cohortId, role: 'viewer', via: 'session' }]);
		expect((await compareExport(colleague, 'csv')).status).toBe(404);
	});
});

describe('each column is its own dashboard', () => {
	it('for every mix of sizes, minimums and flags, with and without the flagged responses', async () => {
		const browser = new CookieJar();
		const cohorts: CreatedCohort[] = [];
		const mixes: [string, ('product' | 'project' | 'flagged' | 'random')[]][] = [
			['3', ['product', 'project']], // below its minimum: the total only
			['3', ['product', 'product', 'project', 'flagged', 'random', 'random']],
			['5', ['product', 'project', 'random', 'random', 'random', 'flagged']],
			['3', ['flagged', 'flagged', 'flagged', 'product', 'product', 'project', 'project']],
			['4', ['random', 'random', 'random', 'random', 'random', 'random', 'random', 'random']]
		];
		for (const [minGroupSize, kinds] of mixes) {
			const cohort = await newCohort({ minGroupSize }, browser);
			await respond(cohort, kinds);
			cohorts.push(cohort);
		}
		for (const query of ['', '?flagged=include', '?flagged=exclude']) {
			const page = pageOf(await comparePage(browser, query));
			expect(page.columns).toHaveLength(cohorts.length);
			for (const [index, cohort] of cohorts.entries()) {
				const column = page.columns[index]!;
				const view = viewOf(await dashboardOf(cohort, query));
				expect(column).toMatchObject({ id: cohort.cohortId, ...dashboardColumn(view) });
				expect(column.minGroupSize).toBe(view.cohort.minGroupSize);
			}
		}
		const below = pageOf(await comparePage(browser)).columns[0]!;
		expect(below).toMatchObject({ total: 2, counted: null, aggregate: null });
		expect(below.withheld).toMatch(/once 3 people have responded \(2 so far\)/);
	});
});

describe('runs of the same course', () => {
	it('creates a new run of a cohort this browser facilitates, with its settings offered', async () => {
		const browser = new CookieJar();
		const spring = await newCohort(
			{ name: 'PM 101 spring', minGroupSize: '6', retentionDays: '400', resultTiming: 'on-reveal' },
			browser
		);
		const form = await createPage(`?after=${spring.cohortId}`, browser);
		expect(form.data).toMatchObject({
			after: spring.cohortId,
			defaults: { minGroupSize: 6, retentionDays: 400, resultTiming: 'on-reveal' },
			previousRuns: [{ id: spring.cohortId, name: 'PM 101 spring' }]
		});
		// Another browser is offered nothing, whatever `after` says.
		expect((await createPage(`?after=${spring.cohortId}`)).data).toMatchObject({
			after: '',
			previousRuns: []
		});
		const refused = await createCohort({ name: 'Sneaky', previous: spring.cohortId });
		expect(refused.status).toBe(400);
		expect((refused.data as { errors: Record<string, string> }).errors).toEqual({
			previous:
				'must be a cohort you facilitate from this browser (open its facilitator link here first)'
		});
		const malformed = await createCohort({ name: 'Typo', previous: 'spring' }, undefined, browser);
		expect((malformed.data as { errors: Record<string, string> }).errors).toEqual({
			previous: 'must be a cohort id'
		});

		const autumn = await newCohort({ name: 'PM 101 autumn', previous: spring.cohortId }, browser);
		const dashboard = await dashboardOf(autumn);
		expect(dashboard.data).toMatchObject({
			previousRun: { id: spring.cohortId, name: 'PM 101 spring' }
		});
		const columns = pageOf(await comparePage(browser)).columns;
		expect(columns.find((column) => column.id === autumn.cohortId)?.previousRunId).toBe(
			spring.cohortId
		);
	});

	it('compares a closed earlier run from a browser signed in only to the new one', async () => {
		const first = await newCohort({ name: 'Cohort 1', minGroupSize: '3' });
		await respond(first, ['product', 'product', 'project', 'project']);
		await dashboardAction(first, 'close');
		// The facilitator of the first run creates the second from the same browser.
		const second = await newCohort({ name: 'Cohort 2', previous: first.cohortId }, first.jar);
		const third = await newCohort({ name: 'Cohort 3', previous: second.cohortId }, first.jar);
		// A browser with only the third cohort's link sees the runs before it, group figures only.
		const newcomer = new CookieJar();
		await signIn(third.token, newcomer);
		const page = pageOf(await comparePage(newcomer));
		expect(page.cohorts.map((cohort) => [cohort.name, cohort.via])).toEqual([
			['Cohort 1', 'previous-run'],
			['Cohort 2', 'previous-run'],
			['Cohort 3', 'session']
		]);
		const closed = page.columns[0]!;
		expect(closed).toMatchObject({ open: false, joinCode: null, total: 4 });
		expect(closed.closedAt).not.toBeNull();
		expect(closed.aggregate?.verdicts).toEqual(
			viewOf(await dashboardOf(first)).aggregate?.verdicts
		);
		// The earlier runs' dashboards stay closed to it.
		expect((await dashboardOf({ ...first, jar: newcomer })).status).toBe(404);
		// Deleting the first run leaves the chain without it.
		await dashboardAction(first, 'delete', { confirm: 'Cohort 1' });
		const after = pageOf(await comparePage(newcomer));
		expect(after.cohorts.map((cohort) => cohort.name)).toEqual(['Cohort 2', 'Cohort 3']);
	});
});

describe('exports of the comparison', () => {
	it('one CSV row per cohort the browser facilitates, withheld figures empty, and JSON with the notice', async () => {
		const browser = new CookieJar();
		const small = await newCohort({ name: 'Small', minGroupSize: '5' }, browser);
		await respond(small, ['product', 'flagged']);
		const full = await newCohort({ name: '=Full', minGroupSize: '3' }, browser);
		await respond(full, ['product', 'product', 'product', 'project', 'project', 'project']);
		const shared = await newCohort({ name: 'Colleague’s' });
		const made = await dashboardAction(shared, 'rotateViewer');
		await signIn((made.data as { viewerLink: string }).viewerLink.split('/f/')[1]!, browser);

		const page = pageOf(await comparePage(browser));
		expect(page.columns.map((column) => column.name)).toEqual(['Small', '=Full', 'Colleague’s']);
		const csv = await compareExport(browser, 'csv');
		expect(csv.status).toBe(200);
		expect(csv.response!.headers.get('content-disposition')).toMatch(
			/^attachment; filename="rolefit-cohorts-compared-\d{4}-\d{2}-\d{2}\.csv"$/
		);
		const lines = (csv.body as string).trimEnd().split('\r\n');
		const header = lines[0]!.split(',');
		expect(header.slice(0, 9)).toEqual([
			'cohort',
			'created_at',
			'closed_at',
			'min_group_size',
			'responses',
			'counted_group',
			'counted',
			'verdict_product',
			'verdict_in-between'
		]);
		expect(lines).toHaveLength(3); // the header, Small and =Full: not the read-only one
		const row = (line: string) => Object.fromEntries(line.split(',').map((v, i) => [header[i], v]));
		const smallRow = row(lines[1]!);
		expect(smallRow).toMatchObject({
			cohort: 'Small',
			responses: '2',
			counted: '',
			verdict_product: ''
		});
		expect(smallRow.withheld).toMatch(/once 5 people have responded/);
		const fullRow = row(lines[2]!);
		// A name that a spreadsheet would run as a formula is written as text (quoted, as CSV quotes it).
		expect(fullRow.cohort).toBe(`"'=Full"`);
		expect(fullRow).toMatchObject({
			responses: '6',
			counted_group: 'all',
			counted: '6',
			verdict_product: '3',
			verdict_project: '3',
			'verdict_in-between': '0'
		});
		const json = await compareExport(browser, 'json');
		const body = json.body as { notice: string; cohorts: ComparedCohort[] };
		expect(body.notice).toBe(content.instrument.wording.notForSelection);
		expect(body.cohorts.map((cohort) => cohort.name)).toEqual(['Small', '=Full']);
		expect(body.cohorts[0]).toMatchObject({ total: 2, aggregate: null, counted: null });
		expect(body.cohorts[1]).toEqual(page.columns[1]);
		// Choosing only the read-only cohort leaves nothing to export.
		expect((await compareExport(browser, 'json', `?c=${shared.cohortId}`)).status).toBe(404);
	});
});
