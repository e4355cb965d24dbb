/**
 * What a cohort's dashboard and present view show: its responses scored on read, and the group
 * figures computed from them.
 *
 * Protecting individuals: every aggregate is computed here and withheld here when fewer
 * responses than the cohort's minimum group size would go into it; pages only show what they get.
 */
import { asc, eq } from 'drizzle-orm';
import type { ScoreResult } from '$lib/scoring';
import { verdictLabel } from '$lib/results/wording';
import type { Aggregate, Spread } from '$lib/cohorts/view';
import { scaleHealth, mean, standardDeviation } from './cohort-statistics.ts';
import { isOpen, type Cohort } from './cohorts.ts';
import { database } from './db/index.ts';
import { responses } from './db/schema.ts';
import { content, scoreStored } from './scored.ts';

export type { Aggregate, Spread };

export const HEALTH_PANEL_FROM = 30;

/** A stored response with its result (null: given to another version of the quiz). */
export interface Scored {
	id: string;
	submittedAt: Date;
	displayName: string | null;
	contentVersion: string;
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
		answers: row.answers,
		result: scoreStored(row)
	}));
}

const round1 = (value: number) => Math.round(value * 10) / 10;

function spread(id: string, name: string, values: number[]): Spread {
	return {
		id,
		name,
		n: values.length,
		mean: values.length ? round1(mean(values)) : 0,
		sd: round1(standardDeviation(values))
	};
}

function aggregateOf(rows: { answers: Record<string, number>; result: ScoreResult }[]): Aggregate {
	const { wording } = content.instrument;
	const points = rows
		.flatMap(({ result }) => {
			const strategic = result.scales.strategic.score;
			const tactical = result.scales.tactical.score;
			return strategic === null || tactical === null ? [] : [{ strategic, tactical }];
		})
		.sort((a, b) => a.strategic - b.strategic || a.tactical - b.tactical);
	const verdicts = (['product', 'in-between', 'project'] as const).map((id) => ({
		id,
		label: wording.verdicts[id].label,
		count: rows.filter((row) => row.result.verdict === id).length
	}));
	const noVerdict = rows.filter((row) => row.result.verdict === null).length;
	if (noVerdict > 0) verdicts.push({ id: 'none', label: 'No verdict', count: noVerdict } as never);
	// In between splits into hybrid, low-fit, not settled, and a slight lean with neither
	// (a hybrid or low-fit result may lean too; it is counted once, under its profile).
	const profiles = [
		...(['hybrid', 'low-fit', 'undecided'] as const).map((id) => ({
			id: id as string,
			label: wording.profiles[id].label,
			count: rows.filter((row) => row.result.profile === id).length
		})),
		...(['product', 'project'] as const).map((side) => ({
			id: `lean-${side}`,
			label: wording.leans[side].label,
			count: rows.filter(
				(row) =>
					row.result.verdict === 'in-between' &&
					row.result.profile === null &&
					row.result.lean === side
			).length
		}))
	];
	const scales = content.scales.map((scale) =>
		spread(
			scale.id,
			scale.name,
			rows.flatMap((row) => row.result.scales[scale.id].score ?? [])
		)
	);
	const facets = content.facets.map((facet, index) => ({
		...spread(
			facet.id,
			facet.name,
			rows.flatMap((row) => row.result.facets[index]?.score ?? [])
		),
		scale: facet.scale
	}));
	let health: Aggregate['health'] = null;
	if (rows.length >= HEALTH_PANEL_FROM) {
		health = content.scales.map((scale) => {
			const items = content.items.filter((item) => item.scale === scale.id);
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
			return {
				scale: scale.id,
				name: scale.name,
				health: {
					...health,
					alpha: health.alpha === null ? null : Math.round(health.alpha * 100) / 100,
					items: health.items.map((item) => ({
						id: item.id,
						itemTotal: item.itemTotal === null ? null : Math.round(item.itemTotal * 100) / 100
					}))
				}
			};
		});
	}
	return { n: rows.length, points, verdicts, profiles, scales, facets, health };
}

export interface DashboardView {
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
	};
	/** Every stored response. */
	total: number;
	/** Responses given to another version of the quiz (kept, not scored with this one). */
	otherVersion: number;
	/** Responses with at least one quality flag. */
	flagged: number;
	includeFlagged: boolean;
	/** Responses per day (UTC), oldest first. */
	perDay: { day: string; count: number }[];
	latestAt: string | null;
	/** Null while fewer responses than the minimum would go into it. */
	aggregate: Aggregate | null;
	/** Why the aggregate is withheld, in plain words. */
	withheld: string | null;
	/** Only when display names were collected and the aggregate is shown. */
	individuals:
		| {
				name: string;
				strategic: number | null;
				tactical: number | null;
				verdict: string;
				flags: number;
		  }[]
		| null;
	notice: string;
}

/** The dashboard of a cohort (the caller has checked access). */
export async function dashboard(
	cohort: Cohort,
	options: { includeFlagged?: boolean; individuals?: boolean } = {}
): Promise<DashboardView> {
	const includeFlagged = options.includeFlagged ?? false;
	const rows = await scoredResponses(cohort.id);
	const scored = rows.filter((row): row is Scored & { result: ScoreResult } => row.result !== null);
	const flagged = scored.filter((row) => row.result.flags.length > 0).length;
	const used = includeFlagged ? scored : scored.filter((row) => row.result.flags.length === 0);
	const perDay = new Map<string, number>();
	for (const row of rows) {
		const day = row.submittedAt.toISOString().slice(0, 10);
		perDay.set(day, (perDay.get(day) ?? 0) + 1);
	}
	const shown = used.length >= cohort.minGroupSize;
	let withheld: string | null = null;
	if (!shown) {
		withheld =
			used.length === scored.length
				? `Group results appear once ${cohort.minGroupSize} people have responded (${used.length} so far), so that nobody's answers can be singled out.`
				: `Group results appear once ${cohort.minGroupSize} responses without quality flags are in (${used.length} so far); include flagged responses to count them too.`;
	}
	const { wording } = content.instrument;
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
			open: isOpen(cohort)
		},
		total: rows.length,
		otherVersion: rows.length - scored.length,
		flagged,
		includeFlagged,
		perDay: [...perDay].map(([day, count]) => ({ day, count })),
		latestAt: rows.at(-1)?.submittedAt.toISOString() ?? null,
		aggregate: shown ? aggregateOf(used) : null,
		withheld,
		individuals:
			shown && cohort.collectNames && options.individuals !== false
				? used
						.map((row) => ({
							name: row.displayName ?? '(no name given)',
							strategic: row.result.scales.strategic.score,
							tactical: row.result.scales.tactical.score,
							verdict: verdictLabel(row.result, wording) ?? 'No verdict',
							flags: row.result.flags.length
						}))
						.sort((a, b) => a.name.localeCompare(b.name))
				: null,
		notice: wording.notForSelection
	};
}

/** The projector view: aggregates only, never a name or a row. */
export async function presentView(cohort: Cohort, includeFlagged = false) {
	const view = await dashboard(cohort, { individuals: false, includeFlagged });
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
