/**
 * What may leave the server about a cohort (issue 15): the suppression rule on hand-worked
 * examples, then a property over random cohorts and every view built from them (the dashboard
 * with and without flagged responses, which is what the page's __data.json carries, the present
 * view, and the exports with and without the raw answers): no count shown describes between 1
 * and the minimum − 1 people, and no two views, nor a view's total less what it shows, tell such
 * a count either.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	daySpans,
	groupsToShow,
	shownCount,
	suppressCells
} from '../../src/lib/server/cohort-disclosure.ts';
import {
	dashboardOf,
	presentOf,
	type DashboardView,
	type Scored
} from '../../src/lib/server/cohort-aggregates.ts';
import { exportOf } from '../../src/lib/server/cohort-exports.ts';
import type { Cohort } from '../../src/lib/server/cohorts.ts';
import {
	compileScoringPlan,
	scoreWithPlan,
	type ScoreResult
} from '../../src/lib/scoring/index.ts';
import {
	allNeutral,
	allStrategic,
	allTactical,
	content,
	randomRespondent,
	seededRandom,
	slightProductLean
} from '../helpers/content.ts';

describe('the rule on hand-worked examples', () => {
	it('shows a count of 0 or from the minimum', () => {
		expect([0, 1, 4, 5, 6].map((n) => shownCount(n, 5))).toEqual([true, false, false, true, true]);
	});

	it('shows one person with a flag nothing but the total (the issue: minimum 5, one response)', () => {
		const counts = { total: 1, otherVersion: 0, flagged: 1, minimum: 5, collectNames: false };
		expect(groupsToShow(counts)).toEqual([]);
	});

	it('chooses the groups: both only when the flagged ones that tell them apart reach the minimum', () => {
		const at = (flagged: number, total = 10, otherVersion = 0, collectNames = false) =>
			groupsToShow({ total, otherVersion, flagged, minimum: 5, collectNames });
		// 10 responses, 1 flagged: leaving it out would show that one person was flagged.
		expect(at(1)).toEqual(['all']);
		expect(at(0)).toEqual(['all']);
		// 5 flagged of 10: both groups, and their difference, are 5.
		expect(at(5)).toEqual(['unflagged', 'all']);
		// 6 flagged of 10: the 4 unflagged would be a group below the minimum.
		expect(at(6)).toEqual(['all']);
		// With names, the list of names would tell who is left out: never both.
		expect(at(5, 10, 0, true)).toEqual(['all']);
		// 2 given to another version: "all" (8 of 10) would show that 2 are not counted, but the
		// 5 left out of the unflagged group (3 flagged + 2 other) make a group.
		expect(at(3, 10, 2)).toEqual(['unflagged']);
		// 1 other version and nothing flagged: either group leaves 1 out.
		expect(at(0, 10, 1)).toEqual([]);
	});

	it('withholds small cells, then the smallest others until what is withheld makes a group', () => {
		// Verdicts of 10 people, minimum 5: product 6, in between 3, project 1. Withholding 3 and 1
		// leaves 10 − 6 = 4 withheld, which would still say "4 in these two": product goes too.
		expect(suppressCells([[6, 3, 1]], 5)).toEqual([true, true, true]);
		// product 5, in between 3, project 2: withheld 3 + 2 = 5, a group; 5 stays.
		expect(suppressCells([[5, 3, 2]], 5)).toEqual([false, true, true]);
		// Nothing small: nothing withheld; an empty cell stays 0.
		expect(suppressCells([[5, 0, 7]], 5)).toEqual([false, false, false]);
		// Once anything is withheld, an empty cell is withheld too ("withheld" never means "someone").
		expect(suppressCells([[5, 0, 3, 2]], 5)).toEqual([false, true, true, true]);
	});

	it('withholds a cell whose difference between the two groups is small (complementary over groups)', () => {
		// Groups: unflagged (10), all (15), flagged (5). Product: 6 unflagged, 7 in all, so 1 flagged.
		const unflagged = [6, 4];
		const all = [7, 8];
		const flagged = [1, 4];
		expect(suppressCells([unflagged, all, flagged], 5)).toEqual([true, true]);
	});

	it('merges days into runs of at least the minimum, a short last run into the one before', () => {
		const days = [
			{ day: '2026-03-01', count: 2 },
			{ day: '2026-03-02', count: 4 },
			{ day: '2026-03-03', count: 5 },
			{ day: '2026-03-05', count: 1 }
		];
		expect(daySpans(days, 5)).toEqual([
			{ from: '2026-03-01', to: '2026-03-02', count: 6 },
			{ from: '2026-03-03', to: '2026-03-05', count: 6 }
		]);
		expect(daySpans(days.slice(0, 1), 5)).toBeNull();
	});
});

// ---------------------------------------------------------------------------------------------
// The property: random cohorts, every view.

const plan = compileScoringPlan(content);
const fast = Object.fromEntries(content.sequence.map((id) => [id, 0.4]));
const score = (answers: Record<string, number>, timings?: Record<string, number>) =>
	scoreWithPlan(plan, answers, timings);

/** Kinds of respondent that cover every verdict, kind, quarter and flag the aggregate counts. */
const kinds: Record<string, () => { answers: Record<string, number>; result: ScoreResult | null }> =
	{
		strategic: () => ({ answers: allStrategic(), result: score(allStrategic()) }),
		tactical: () => ({ answers: allTactical(), result: score(allTactical()) }),
		lean: () => ({ answers: slightProductLean(), result: score(slightProductLean()) }),
		neutral: () => ({ answers: allNeutral(), result: score(allNeutral()) }),
		rushed: () => ({ answers: allStrategic(), result: score(allStrategic(), fast) }),
		partial: () => {
			const answers = Object.fromEntries(content.sequence.slice(0, 10).map((id) => [id, 3]));
			return { answers, result: score(answers) };
		},
		otherVersion: () => ({ answers: allTactical(), result: null })
	};
const cached = Object.fromEntries(Object.entries(kinds).map(([kind, make]) => [kind, make()]));

const respondent = fc.oneof(
	fc.constantFrom(...Object.keys(kinds)).map((kind) => cached[kind]!),
	fc.integer({ min: 1, max: 1_000_000 }).map((seed) => {
		const answers = randomRespondent(seededRandom(seed));
		return { answers, result: score(answers) };
	})
);

const cohortArbitrary = fc.record({
	minimum: fc.integer({ min: 3, max: 8 }),
	collectNames: fc.boolean(),
	responses: fc.array(
		fc.record({ who: respondent, day: fc.integer({ min: 0, max: 6 }), name: fc.boolean() }),
		{ maxLength: 36 }
	)
});

function cohortOf(minimum: number, collectNames: boolean): Cohort {
	return {
		id: '00000000-0000-4000-8000-000000000001',
		name: 'Property',
		joinCode: 'ABCDEFGH',
		joinCodeHash: '',
		tokenHash: '',
		viewerTokenHash: null,
		collectNames,
		minGroupSize: minimum,
		closesAt: null,
		closedAt: null,
		retentionDays: 180,
		resultTiming: 'immediate',
		resultsRevealedAt: null,
		previousCohortId: null,
		language: 'en',
		embedOrigins: [],
		createdAt: new Date('2026-03-01T00:00:00Z')
	};
}

const VERDICT_OF = (r: ScoreResult) => r.verdict ?? 'none';
const KIND_OF = (r: ScoreResult) => r.profile ?? `lean-${r.lean}`;

/** Every count a view tells, by what it counts, with the true total of each table it shows. */
interface Told {
	counts: Map<string, number>;
	/** Per table: the true number of responses it covers and the sum of the cells it shows. */
	tables: { name: string; total: number; shown: number; anyShown: boolean }[];
}

function tellOfView(view: DashboardView | ReturnType<typeof presentOf>, truth: Scored[]): Told {
	const counts = new Map<string, number>();
	const tables: Told['tables'] = [];
	const aggregate = view.aggregate;
	if (!aggregate) return { counts, tables };
	const counted = truth.filter((row) => row.result !== null) as (Scored & {
		result: ScoreResult;
	})[];
	// Which rows this view counts, read back from its n (the property checks it is one of them).
	const unflagged = counted.filter((row) => row.result.flags.length === 0);
	const group = aggregate.n === counted.length ? counted : unflagged;
	counts.set('n', aggregate.n);
	const table = (
		name: string,
		cells: { id: string; count: number | null }[],
		domain: typeof group,
		cellOf: (row: (typeof group)[number]) => string
	) => {
		let shown = 0;
		let anyShown = false;
		for (const cell of cells) {
			const truthCount = domain.filter((row) => cellOf(row) === cell.id).length;
			if (cell.count === null) continue;
			expect(cell.count, `${name}:${cell.id}`).toBe(truthCount);
			counts.set(`${name}:${cell.id}`, cell.count);
			shown += cell.count;
			anyShown = true;
		}
		tables.push({ name, total: domain.length, shown, anyShown });
	};
	table('verdict', aggregate.verdicts, group, (row) => VERDICT_OF(row.result));
	const inBetween = group.filter((row) => row.result.verdict === 'in-between');
	table('kind', aggregate.profiles, inBetween, (row) => KIND_OF(row.result));
	const located = group.filter(
		(row) => row.result.scales.strategic.score !== null && row.result.scales.tactical.score !== null
	);
	table('quarter', aggregate.quarters.cells, located, (row) => {
		const high = (level: number | null) => level! >= aggregate.quarters.split;
		const { strategic, tactical } = row.result.scales;
		if (high(strategic.score)) return high(tactical.score) ? 'both' : 'strategic';
		return high(tactical.score) ? 'tactical' : 'neither';
	});
	if (aggregate.points) {
		counts.set('points', aggregate.points.length);
		expect(aggregate.withheld).toBe(false);
	}
	for (const spread of [...aggregate.scales, ...aggregate.facets]) {
		if (spread.n === null) continue;
		counts.set(`scored:${spread.id}`, spread.n);
		counts.set(`unscored:${spread.id}`, aggregate.n - spread.n);
	}
	for (const scale of aggregate.health ?? []) {
		if (scale.health) counts.set(`complete:${scale.scale}`, scale.health.respondents);
	}
	if ('leftOut' in view && view.leftOut) {
		counts.set('leftOut', view.leftOut.total);
		if (view.leftOut.flagged !== null) counts.set('leftOut:flagged', view.leftOut.flagged);
		if (view.leftOut.otherVersion !== null) counts.set('leftOut:other', view.leftOut.otherVersion);
	}
	if ('flaggedSwitch' in view && view.flaggedSwitch) {
		counts.set('flagged', view.flaggedSwitch.flagged);
		counts.set('unflagged', counted.length - view.flaggedSwitch.flagged);
	}
	if ('individuals' in view && view.individuals) counts.set('names', view.individuals.length);
	return { counts, tables };
}

/** The counts an export's rows tell (its rows are counted like a view's cells). */
function tellOfExport(body: string): Told {
	const parsed = JSON.parse(body) as {
		responses: {
			verdict: string | null;
			profile: string | null;
			lean: string | null;
			strategic: number | null;
			facets: Record<string, number | null>;
			flags?: string[];
		}[];
	};
	const counts = new Map<string, number>();
	const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
	const rows = parsed.responses;
	counts.set('n', rows.length);
	for (const row of rows) {
		add(`verdict:${row.verdict ?? 'none'}`);
		if (row.verdict === 'in-between') add(`kind:${row.profile ?? `lean-${row.lean}`}`);
		if (row.flags) add(row.flags.length > 0 ? 'flagged' : 'unflagged');
		for (const [facet, value] of Object.entries(row.facets)) {
			add(`${value === null ? 'unscored' : 'scored'}:${facet}`);
		}
	}
	return { counts, tables: [] };
}

describe('what leaves the server, over random cohorts and every view', () => {
	it('tells no count, and no difference of two views, of between 1 and the minimum − 1 people', async () => {
		await fc.assert(
			fc.asyncProperty(cohortArbitrary, async ({ minimum, collectNames, responses }) => {
				const cohort = cohortOf(minimum, collectNames);
				const rows: Scored[] = responses.map((response, index) => ({
					id: `00000000-0000-4000-8000-${String((index * 7919) % 1_000_003).padStart(12, '0')}`,
					submittedAt: new Date(Date.UTC(2026, 2, 1 + response.day, 9, index)),
					displayName: collectNames && response.name ? `Person ${index}` : null,
					contentVersion: content.instrument.version,
					language: index % 3 === 0 ? 'es' : null,
					answers: response.who.answers,
					result: response.who.result
				}));
				rows.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
				const total = rows.length;
				const ok = (count: number) => shownCount(count, minimum);
				const views = [false, true].map((includeFlagged) =>
					dashboardOf(cohort, rows, { includeFlagged })
				);
				const presents = [false, true].map((includeFlagged) =>
					presentOf(dashboardOf(cohort, rows, { includeFlagged, individuals: false }))
				);
				const exports = await Promise.all(
					[false, true].map((raw) => exportOf(cohort, rows, 'json', { raw }))
				);
				const csv = await exportOf(cohort, rows, 'csv');

				for (const view of views) expect(view.total).toBe(total);
				if (total < minimum) {
					// Below the minimum: the total and the withheld notice, nothing else.
					for (const view of views) {
						expect(view).toMatchObject({
							perDay: null,
							counted: null,
							leftOut: null,
							flaggedSwitch: null,
							aggregate: null,
							individuals: null,
							exports: { rows: false, raw: false, flags: false }
						});
						expect(view.withheld).toContain(`${total} so far`);
					}
					for (const present of presents) expect(present.aggregate).toBeNull();
					for (const exported of [...exports, csv]) expect(exported.ok).toBe(false);
					return;
				}

				const told = [
					...views.map((view) => tellOfView(view, rows)),
					...presents.map((present) => tellOfView(present, rows)),
					...exports.flatMap((exported) => (exported.ok ? [tellOfExport(exported.body)] : []))
				];
				for (const { counts, tables } of told) {
					for (const [what, count] of counts) expect(ok(count), `${what} = ${count}`).toBe(true);
					// The total always shows, so the figures' n tells how many are left out.
					if (counts.has('n')) expect(ok(total - counts.get('n')!), 'left out').toBe(true);
					// A table's total less the cells it shows is what its withheld cells count.
					for (const table of tables) {
						if (!table.anyShown) continue;
						expect(ok(table.total - table.shown), `withheld ${table.name}`).toBe(true);
					}
				}
				// Any two views set side by side.
				for (const a of told) {
					for (const b of told) {
						for (const [what, count] of a.counts) {
							const other = b.counts.get(what);
							if (other === undefined) continue;
							expect(ok(Math.abs(count - other)), `${what}: ${count} vs ${other}`).toBe(true);
						}
						for (const tableA of a.tables) {
							const tableB = b.tables.find((t) => t.name === tableA.name);
							if (!tableB?.anyShown || !tableA.anyShown) continue;
							const difference = tableA.total - tableA.shown - (tableB.total - tableB.shown);
							expect(ok(Math.abs(difference)), `withheld ${tableA.name}, two views`).toBe(true);
						}
					}
				}

				// The per-day table: runs of at least the minimum, adding up to the total.
				for (const view of views) {
					expect(view.perDay!.every((span) => span.count >= minimum)).toBe(true);
					expect(view.perDay!.reduce((sum, span) => sum + span.count, 0)).toBe(total);
				}
				// Names: only when collected, only beside every response counted, never with flags.
				for (const view of views) {
					if (!view.individuals) continue;
					expect(collectNames).toBe(true);
					expect(view.counted).toBe('all');
					expect(view.individuals).toHaveLength(view.aggregate!.n);
					expect(Object.keys(view.individuals[0] ?? {})).not.toContain('flags');
				}
				// A named cohort never offers both groups (the names would tell who was left out).
				if (collectNames) for (const view of views) expect(view.flaggedSwitch).toBeNull();
				// The present view carries the dashboard's figures and nothing individual.
				for (const [i, present] of presents.entries()) {
					expect(present.aggregate).toEqual(views[i]!.aggregate);
					expect(Object.keys(present)).not.toContain('individuals');
				}
				// Exports: only what the dashboard says, the CSV and the JSON alike.
				expect(exports[0]!.ok).toBe(views[0]!.exports.rows);
				expect(exports[1]!.ok).toBe(views[0]!.exports.raw);
				expect(csv.ok).toBe(exports[0]!.ok);
				if (csv.ok && exports[0]!.ok) {
					const lines = csv.body.trimEnd().split('\r\n');
					const json = JSON.parse(exports[0]!.body) as { responses: unknown[] };
					expect(lines).toHaveLength(1 + json.responses.length);
					expect(
						lines[0]!.startsWith(collectNames ? 'id,submitted_at,' : 'id,content_version,')
					).toBe(true);
				}
			})
		);
	}, 120_000);
});
