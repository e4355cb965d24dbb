/**
 * What a cohort's dashboard and present view show: its responses scored on read, the group
 * figures computed from them, and which of those figures may leave the server.
 *
 * Protecting individuals: `cohortFigures` is the one place that decides. It applies the rule of
 * `cohort-disclosure.ts` to every figure (counts, means, the map, the per-day table, instrument
 * health, the list of names and whether the exports may be downloaded); the dashboard, the present
 * view, the exports and the page data all take what it returns, so no two of them can be set
 * side by side to tell about fewer people than the cohort's minimum group size.
 */
import { BASE_LANGUAGE } from '$lib/i18n/languages';
import { asc, eq } from 'drizzle-orm';
import type { ScoreResult } from '$lib/scoring';
import { verdictLabel } from '$lib/results/wording';
import { healthReading } from '$lib/cohorts/health';
import type { Aggregate, Count, Spread } from '$lib/cohorts/view';
import { scaleHealth, mean, standardDeviation } from './cohort-statistics.ts';
import { daySpans, groupsToShow, suppressCells, type GroupId } from './cohort-disclosure.ts';
import { isOpen, type Cohort } from './cohorts.ts';
import { database } from './db/index.ts';
import { responses } from './db/schema.ts';
import { content, scoreStored } from './scored.ts';

export type { Aggregate, Count, Spread, GroupId };

export const HEALTH_PANEL_FROM = 30;
/** Where the map's quarters split: the midpoint of the 0–100 levels. */
export const MAP_SPLIT = 50;

/** A stored response with its result (null: given to another version of the quiz). */
export interface Scored {
	id: string;
	submittedAt: Date;
	displayName: string | null;
	contentVersion: string;
	/** The language it was answered in; null for responses stored before languages existed. */
	language: string | null;
	answers: Record<string, number>;
	result: ScoreResult | null;
}

/** Every response of a cohort, oldest first, scored now. */
export async function scoredResponses(cohortId: string): Promise<Scored[]> {
	const db = await database();
	const rows = await db
		.select({
			id: responses.id,
			submittedAt: responses.submittedAt,
			displayName: responses.displayName,
			contentVersion: responses.contentVersion,
			contentFingerprint: responses.contentFingerprint,
			language: responses.language,
			answers: responses.answers,
			timings: responses.timings
		})
		.from(responses)
		.where(eq(responses.cohortId, cohortId))
		.orderBy(asc(responses.submittedAt), asc(responses.id));
	return rows.map((row) => ({
		id: row.id,
		submittedAt: row.submittedAt,
		displayName: row.displayName,
		contentVersion: row.contentVersion,
		language: row.language,
		answers: row.answers,
		result: scoreStored(row)
	}));
}

/** A response scored with this version of the quiz. */
type Counted = Scored & { result: ScoreResult };

const round1 = (value: number) => Math.round(value * 10) / 10;

const VERDICTS = ['product', 'in-between', 'project', 'none'] as const;
const PROFILES = ['hybrid', 'low-fit', 'undecided', 'lean-product', 'lean-project'] as const;
const QUARTERS = [
	{ id: 'both', label: 'Strategic and tactical both high' },
	{ id: 'strategic', label: 'Strategic high, tactical low' },
	{ id: 'tactical', label: 'Tactical high, strategic low' },
	{ id: 'neither', label: 'Both low' }
] as const;

const verdictCell = ({ result }: Counted) => VERDICTS.indexOf(result.verdict ?? 'none');
const profileCell = ({ result }: Counted) =>
	PROFILES.indexOf(result.profile ?? (`lean-${result.lean}` as (typeof PROFILES)[number]));
const pointOf = ({ result }: Counted) => {
	const strategic = result.scales.strategic.score;
	const tactical = result.scales.tactical.score;
	return strategic === null || tactical === null ? null : { strategic, tactical };
};
const quarterCell = (row: Counted) => {
	const { strategic, tactical } = pointOf(row)!;
	const high = (level: number) => level >= MAP_SPLIT;
	if (high(strategic)) return high(tactical) ? 0 : 1;
	return high(tactical) ? 2 : 3;
};
/** The scale's items (keyed), for instrument health. */
const itemsOf = (scale: string) => content.items.filter((item) => item.scale === scale);
const answeredEvery = (scale: string) => (row: Counted) =>
	itemsOf(scale).every((item) => row.answers[item.id] !== undefined);

/** How many of each group fall into each cell: `[group][cell]`. */
function tally(
	groups: readonly Counted[][],
	cellOf: (row: Counted) => number,
	cells: number
): number[][] {
	return groups.map((group) => {
		const counts = new Array<number>(cells).fill(0);
		for (const row of group) counts[cellOf(row)]! += 1;
		return counts;
	});
}

/** Which figures are withheld: the same for every group offered. */
interface Withheld {
	verdicts: boolean[];
	profiles: boolean[];
	quarters: boolean[];
	points: boolean;
	scales: boolean[];
	facets: boolean[];
	health: boolean[];
}

/**
 * Runs the suppression over every table of the figures, for every group whose counts can be read
 * (the groups offered and, with two, their difference).
 */
function withheldFigures(readable: Counted[][], minimum: number): Withheld {
	const cells = (cellOf: (row: Counted) => number, count: number, groups = readable) =>
		suppressCells(tally(groups, cellOf, count), minimum);
	/** A two-cell table (has it, has not): shown only when neither cell is withheld. */
	const hidden = (has: (row: Counted) => boolean) =>
		cells((row) => (has(row) ? 0 : 1), 2).some(Boolean);

	const verdicts = cells(verdictCell, VERDICTS.length);
	const inBetween = (row: Counted) => row.result.verdict === 'in-between';
	const profiles = verdicts[VERDICTS.indexOf('in-between')]
		? PROFILES.map(() => true)
		: cells(
				profileCell,
				PROFILES.length,
				readable.map((group) => group.filter(inBetween))
			);
	const pointCount = hidden((row) => pointOf(row) !== null);
	const quarters = pointCount
		? QUARTERS.map(() => true)
		: cells(
				quarterCell,
				QUARTERS.length,
				readable.map((group) => group.filter((row) => pointOf(row) !== null))
			);
	// A dot's place gives its verdict, kind and quarter away: dots only when all of those show.
	const points = pointCount || [...verdicts, ...profiles, ...quarters].some(Boolean);
	return {
		verdicts,
		profiles,
		quarters,
		points,
		scales: content.scales.map((scale) =>
			hidden((row) => row.result.scales[scale.id].score !== null)
		),
		facets: content.facets.map((_, index) =>
			hidden((row) => (row.result.facets[index]?.score ?? null) !== null)
		),
		health: content.scales.map((scale) => hidden(answeredEvery(scale.id)))
	};
}

function spread(id: string, name: string, values: number[], withheld: boolean): Spread {
	if (withheld) return { id, name, n: null, mean: null, sd: null };
	return {
		id,
		name,
		n: values.length,
		mean: values.length ? round1(mean(values)) : 0,
		sd: round1(standardDeviation(values))
	};
}

/** The figures of one group, with what `withheld` says must stay on the server left out. */
function aggregateOf(rows: Counted[], withheld: Withheld): Aggregate {
	const { wording } = content.instrument;
	const count = (value: number, hide: boolean | undefined) => (hide ? null : value);
	const verdicts: Count[] = VERDICTS.flatMap((id, k) => {
		const value = rows.filter((row) => verdictCell(row) === k).length;
		// "No verdict" is listed when someone has none, or beside other withheld counts (so that
		// being listed tells nothing).
		if (id === 'none' && value === 0 && !withheld.verdicts[k]) return [];
		const label = id === 'none' ? 'No verdict' : wording.verdicts[id].label;
		return [{ id, label, count: count(value, withheld.verdicts[k]) }];
	});
	// In between splits into hybrid, low-fit, not settled, and a slight lean with neither
	// (a hybrid or low-fit result may lean too; it is counted once, under its profile).
	const inBetween = rows.filter((row) => row.result.verdict === 'in-between');
	const profiles: Count[] = PROFILES.map((id, k) => ({
		id,
		label:
			id === 'lean-product' || id === 'lean-project'
				? wording.leans[id === 'lean-product' ? 'product' : 'project'].label
				: wording.profiles[id].label,
		count: count(inBetween.filter((row) => profileCell(row) === k).length, withheld.profiles[k])
	}));
	const located = rows.filter((row) => pointOf(row) !== null);
	const quarters = QUARTERS.map(({ id, label }, k) => ({
		id,
		label,
		count: count(located.filter((row) => quarterCell(row) === k).length, withheld.quarters[k])
	}));
	const points = withheld.points
		? null
		: located
				.map((row) => pointOf(row)!)
				.sort((a, b) => a.strategic - b.strategic || a.tactical - b.tactical);
	const scales = content.scales.map((scale, index) =>
		spread(
			scale.id,
			scale.name,
			rows.flatMap((row) => row.result.scales[scale.id].score ?? []),
			withheld.scales[index]!
		)
	);
	const facets = content.facets.map((facet, index) => ({
		...spread(
			facet.id,
			facet.name,
			rows.flatMap((row) => row.result.facets[index]?.score ?? []),
			withheld.facets[index]!
		),
		scale: facet.scale
	}));
	let health: Aggregate['health'] = null;
	if (rows.length >= HEALTH_PANEL_FROM) {
		const round2 = (value: number) => Math.round(value * 100) / 100;
		health = content.scales.map((scale, index) => {
			if (withheld.health[index]) {
				return { scale: scale.id, name: scale.name, health: null, reading: null };
			}
			const items = itemsOf(scale.id);
			const data = rows.map((row) =>
				items.map((item) => {
					const answer = row.answers[item.id];
					return answer === undefined ? NaN : item.keyed === 'plus' ? answer : 6 - answer;
				})
			);
			const health = scaleHealth(
				items.map((item) => item.id),
				data
			);
			const alpha = health.alpha === null ? null : round2(health.alpha);
			const interval = health.interval && {
				lower: round2(health.interval.lower),
				upper: round2(health.interval.upper)
			};
			return {
				scale: scale.id,
				name: scale.name,
				health: {
					alpha,
					interval,
					respondents: health.respondents,
					items: health.items.map((item, i) => ({
						id: item.id,
						text: items[i]!.text,
						itemTotal: item.itemTotal === null ? null : round2(item.itemTotal)
					}))
				},
				reading: healthReading(alpha, interval)
			};
		});
	}
	const anyWithheld =
		points === null ||
		[...withheld.verdicts, ...withheld.profiles, ...withheld.quarters].some(Boolean) ||
		[...withheld.scales, ...withheld.facets].some(Boolean) ||
		(health !== null && withheld.health.some(Boolean));
	return {
		n: rows.length,
		points,
		quarters: { split: MAP_SPLIT, cells: quarters },
		verdicts,
		profiles,
		scales,
		facets,
		health,
		withheld: anyWithheld
	};
}

/** Everything about a cohort's responses that may leave the server, decided in one place. */
export interface CohortFigures {
	/** Every stored response: always shown. */
	total: number;
	/** Responses per run of days (UTC), each run at least the minimum; null below it. */
	perDay: { from: string; to: string; count: number }[] | null;
	/** The group the figures count: every response scored with this quiz, or the unflagged ones. */
	counted: GroupId | null;
	/** Responses the figures leave out; a part is null when it would single someone out. */
	leftOut: { total: number; flagged: number | null; otherVersion: number | null } | null;
	/** The switch between the two groups, with the flagged count; only when both may be shown. */
	flaggedSwitch: { flagged: number; included: boolean } | null;
	/** Null while no group may be shown. */
	aggregate: Aggregate | null;
	/** Why the figures are withheld, in plain words. */
	withheld: string | null;
	/** Only when display names were collected, for every response the figures count. */
	individuals:
		{ name: string; strategic: number | null; tactical: number | null; verdict: string }[] | null;
	/**
	 * Whether the exports' rows may be downloaded (only when none of the figures is withheld: a row
	 * carries what a dot and the counts show), with the raw answers (which show who straight-lined),
	 * and with a flags column.
	 */
	exports: { rows: boolean; raw: boolean; flags: boolean };
}

/**
 * Decides what leaves the server about a cohort with these responses (every stored one, oldest
 * first): the total always; everything else only as the rule of `cohort-disclosure.ts` allows.
 */
export function cohortFigures(
	settings: Pick<Cohort, 'minGroupSize' | 'collectNames'>,
	rows: readonly Scored[],
	request: { includeFlagged?: boolean; individuals?: boolean } = {}
): CohortFigures {
	const minimum = settings.minGroupSize;
	const total = rows.length;
	const closed: CohortFigures = {
		total,
		perDay: null,
		counted: null,
		leftOut: null,
		flaggedSwitch: null,
		aggregate: null,
		withheld: null,
		individuals: null,
		exports: { rows: false, raw: false, flags: false }
	};
	if (total < minimum) {
		return {
			...closed,
			withheld: `Group results appear once ${minimum} people have responded (${total} so far), so that nobody's answers can be singled out.`
		};
	}
	const perDay = new Map<string, number>();
	for (const row of rows) {
		const day = row.submittedAt.toISOString().slice(0, 10);
		perDay.set(day, (perDay.get(day) ?? 0) + 1);
	}
	const spans = daySpans(
		[...perDay].map(([day, count]) => ({ day, count })),
		minimum
	);
	const scored = rows.filter((row): row is Counted => row.result !== null);
	const flagged = scored.filter((row) => row.result.flags.length > 0);
	const members: Record<GroupId, Counted[]> = {
		all: scored,
		unflagged: scored.filter((row) => row.result.flags.length === 0)
	};
	const otherVersion = total - scored.length;
	const groups = groupsToShow({
		total,
		otherVersion,
		flagged: flagged.length,
		minimum,
		collectNames: settings.collectNames
	});
	if (groups.length === 0) {
		return {
			...closed,
			perDay: spans,
			withheld:
				'Group results are held back for now: with the responses in so far, they could single someone out. They appear as more people respond.'
		};
	}
	const wanted: GroupId = request.includeFlagged ? 'all' : 'unflagged';
	const counted = groups.includes(wanted) ? wanted : groups[0]!;
	const readable = groups.length === 2 ? [members.unflagged, scored, flagged] : [members[counted]];
	const withheld = withheldFigures(readable, minimum);
	const aggregate = aggregateOf(members[counted], withheld);
	const leftOutTotal = total - aggregate.n;
	const leftOutFlagged = counted === 'all' ? 0 : flagged.length;
	// The two parts of what is left out are a table of their own, its total shown.
	const split = !suppressCells([[leftOutFlagged, otherVersion]], minimum).some(Boolean);
	const { wording } = content.instrument;
	// The rows of an export are the dots with more columns: only when the whole of "all" may show.
	const rowsExported =
		groups.includes('all') &&
		!(counted === 'all' ? aggregate : aggregateOf(scored, withheld)).withheld;
	return {
		total,
		perDay: spans,
		counted,
		leftOut: {
			total: leftOutTotal,
			flagged: split ? leftOutFlagged : null,
			otherVersion: split ? otherVersion : null
		},
		flaggedSwitch:
			groups.length === 2 ? { flagged: flagged.length, included: counted === 'all' } : null,
		aggregate,
		withheld: null,
		individuals:
			settings.collectNames && counted === 'all' && request.individuals !== false
				? scored
						.map((row) => ({
							name: row.displayName ?? '(no name given)',
							strategic: row.result.scales.strategic.score,
							tactical: row.result.scales.tactical.score,
							verdict: verdictLabel(row.result, wording) ?? 'No verdict'
						}))
						.sort((a, b) => a.name.localeCompare(b.name))
				: null,
		exports: {
			rows: rowsExported,
			// Raw answers show who straight-lined or contradicted themselves: only when the flagged
			// count could be shown anyway.
			raw: rowsExported && (flagged.length === 0 || groups.length === 2),
			flags: rowsExported && groups.length === 2
		}
	};
}

export interface DashboardView extends Omit<CohortFigures, 'exports'> {
	cohort: {
		id: string;
		name: string;
		joinCode: string;
		collectNames: boolean;
		minGroupSize: number;
		retentionDays: number;
		createdAt: string;
		closesAt: string | null;
		closedAt: string | null;
		open: boolean;
		/** The language its join link opens in. */
		language: string;
	};
	exports: CohortFigures['exports'];
	/** Responses came in more than one language (said once the figures are shown; never which). */
	multilingual: boolean;
	notice: string;
}

/** The dashboard of a cohort (the caller has checked access). */
export async function dashboard(
	cohort: Cohort,
	options: { includeFlagged?: boolean; individuals?: boolean } = {}
): Promise<DashboardView> {
	return dashboardOf(cohort, await scoredResponses(cohort.id), options);
}

/** The dashboard from responses already read (`dashboard` reads them). */
export function dashboardOf(
	cohort: Cohort,
	rows: readonly Scored[],
	options: { includeFlagged?: boolean; individuals?: boolean } = {}
): DashboardView {
	return {
		cohort: {
			id: cohort.id,
			name: cohort.name,
			joinCode: cohort.joinCode,
			collectNames: cohort.collectNames,
			minGroupSize: cohort.minGroupSize,
			retentionDays: cohort.retentionDays,
			createdAt: cohort.createdAt.toISOString(),
			closesAt: cohort.closesAt?.toISOString() ?? null,
			closedAt: cohort.closedAt?.toISOString() ?? null,
			open: isOpen(cohort),
			language: cohort.language
		},
		...cohortFigures(cohort, rows, options),
		multilingual: answeredInSeveralLanguages(cohort, rows),
		notice: content.instrument.wording.notForSelection
	};
}

/**
 * Whether the responses came in more than one language, said only once the group's figures are
 * shown (at least the minimum), and never which languages or how many answered in each: a language
 * few people used would point at them.
 */
export function answeredInSeveralLanguages(
	cohort: Pick<Cohort, 'minGroupSize'>,
	rows: readonly Scored[]
): boolean {
	if (rows.length < cohort.minGroupSize) return false;
	// Before languages existed, every response was English.
	return new Set(rows.map((row) => row.language ?? BASE_LANGUAGE)).size > 1;
}

export type PresentView = ReturnType<typeof presentOf>;

/** The projector view: aggregates only, never a name, a row, a switch or a count left out. */
export function presentOf(view: DashboardView) {
	return {
		name: view.cohort.name,
		joinCode: view.cohort.joinCode,
		open: view.cohort.open,
		total: view.total,
		minGroupSize: view.cohort.minGroupSize,
		aggregate: view.aggregate,
		withheld: view.withheld,
		notice: view.notice
	};
}

/** The projector view of a cohort (the caller has checked access). */
export async function presentView(cohort: Cohort, includeFlagged = false) {
	return presentOf(await dashboard(cohort, { individuals: false, includeFlagged }));
}
