/**
 * The comparison's exports: CSV (one row per cohort, its figures in columns) and JSON (the columns
 * as the page receives them, with the notice). They carry exactly what the comparison shows, so a
 * figure withheld there is an empty cell in the CSV and null in the JSON, never a number.
 */
import type { ComparedCohort } from '$lib/cohorts/view';
import { csvLine } from '$lib/csv/escape';
import { content } from './scored.ts';

export type ComparisonFormat = 'csv' | 'json';

const VERDICT_IDS = ['product', 'in-between', 'project', 'none'] as const;
const PROFILE_IDS = ['hybrid', 'low-fit', 'undecided', 'lean-product', 'lean-project'] as const;

/** A count by id, null when withheld or not listed (a verdict nobody has is not listed: 0). */
function countOf(counts: { id: string; count: number | null }[] | undefined, id: string) {
	if (!counts) return null;
	const found = counts.find((count) => count.id === id);
	return found ? found.count : 0;
}

export function comparisonExport(
	columns: readonly ComparedCohort[],
	format: ComparisonFormat,
	options: { includeFlagged: boolean },
	now: Date = new Date()
): { body: string; contentType: string; filename: string } {
	const base = `rolefit-cohorts-compared-${now.toISOString().slice(0, 10)}`;
	const notice = content.instrument.wording.notForSelection;
	if (format === 'json') {
		return {
			contentType: 'application/json; charset=utf-8',
			filename: `${base}.json`,
			body: JSON.stringify(
				{
					notice,
					privacy:
						'Each cohort shows only what its own dashboard shows, under its own minimum group size: a withheld figure is null.',
					generatedAt: now.toISOString(),
					contentVersion: content.instrument.version,
					qualityFlagged: options.includeFlagged
						? 'included where offered'
						: 'left out where offered',
					cohorts: columns
				},
				null,
				2
			)
		};
	}
	const scales = content.scales;
	const header = [
		'cohort',
		'created_at',
		'closed_at',
		'min_group_size',
		'responses',
		'counted_group',
		'counted',
		...VERDICT_IDS.map((id) => `verdict_${id}`),
		...PROFILE_IDS.map((id) => `in_between_${id}`),
		...scales.flatMap((scale) => [`${scale.id}_mean`, `${scale.id}_sd`, `${scale.id}_n`]),
		...content.facets.flatMap((facet) => [
			`facet_${facet.id}_mean`,
			`facet_${facet.id}_sd`,
			`facet_${facet.id}_n`
		]),
		...scales.flatMap((scale) => [
			`${scale.id}_alpha`,
			`${scale.id}_alpha_lower`,
			`${scale.id}_alpha_upper`
		]),
		'withheld'
	];
	const lines = [csvLine(header)];
	for (const column of columns) {
		const shown = column.aggregate;
		const spreads = (
			list: { id: string; mean: number | null; sd: number | null; n: number | null }[] | undefined,
			id: string
		) => {
			const spread = list?.find((item) => item.id === id);
			return [spread?.mean ?? null, spread?.sd ?? null, spread?.n ?? null];
		};
		lines.push(
			csvLine([
				column.name,
				column.createdAt,
				column.closedAt ?? '',
				column.minGroupSize,
				column.total,
				column.counted ?? '',
				shown?.n ?? null,
				...VERDICT_IDS.map((id) => countOf(shown?.verdicts, id)),
				...PROFILE_IDS.map((id) => countOf(shown?.profiles, id)),
				...scales.flatMap((scale) => spreads(shown?.scales, scale.id)),
				...content.facets.flatMap((facet) => spreads(shown?.facets, facet.id)),
				...scales.flatMap((scale) => {
					const health = shown?.health?.find((item) => item.scale === scale.id)?.health;
					return [
						health?.alpha ?? null,
						health?.interval?.lower ?? null,
						health?.interval?.upper ?? null
					];
				}),
				column.withheld ??
					(shown?.withheld
						? `Some figures are withheld: each count shown covers nobody or at least ${column.minGroupSize} people.`
						: '')
			])
		);
	}
	return {
		contentType: 'text/csv; charset=utf-8',
		filename: `${base}.csv`,
		body: lines.join('\r\n') + '\r\n'
	};
}
