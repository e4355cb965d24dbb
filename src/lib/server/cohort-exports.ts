/**
 * A cohort's exports: CSV and JSON, one row per response, withheld below the minimum group size.
 */
import type { Cohort } from './cohorts.ts';
import { scoredResponses } from './cohort-aggregates.ts';
import { content } from './scored.ts';

export type ExportFormat = 'csv' | 'json';

export type ExportResult =
	| { ok: true; body: string; contentType: string; filename: string }
	| { ok: false; message: string };

/**
 * One row per response: id, submitted at, display name (if collected), content version, levels,
 * facet scores, position, band, verdict, profile, flags, and the raw answers when asked.
 * Withheld below the minimum group size, like the dashboard's aggregates.
 */
export async function exportCohort(
	cohort: Cohort,
	format: ExportFormat,
	options: { raw?: boolean } = {}
): Promise<ExportResult> {
	const rows = await scoredResponses(cohort.id);
	if (rows.length < cohort.minGroupSize) {
		return {
			ok: false,
			message: `The export is available once ${cohort.minGroupSize} people have responded (${rows.length} so far).`
		};
	}
	const { csvLine } = await import('$lib/csv/escape');
	const questionIds = content.sequence;
	const records = rows.map((row) => {
		const r = row.result;
		const record: Record<string, unknown> = {
			id: row.id,
			submittedAt: row.submittedAt.toISOString()
		};
		if (cohort.collectNames) record.displayName = row.displayName;
		Object.assign(record, {
			contentVersion: row.contentVersion,
			strategic: r?.scales.strategic.score ?? null,
			tactical: r?.scales.tactical.score ?? null,
			facets: Object.fromEntries(content.facets.map((f, i) => [f.id, r?.facets[i]?.score ?? null])),
			position: r?.position ?? null,
			band: r?.band ?? null,
			verdict: r?.verdict ?? null,
			lean: r?.lean ?? null,
			profile: r?.profile ?? null,
			flags: r?.flags.map((flag) => flag.id) ?? []
		});
		if (options.raw) record.answers = row.answers;
		return { record, row };
	});
	const stamp = new Date().toISOString().slice(0, 10);
	const base = `rolefit-cohort-${cohort.joinCode}-${stamp}`;
	const notice = content.instrument.wording.notForSelection;
	if (format === 'json') {
		return {
			ok: true,
			contentType: 'application/json; charset=utf-8',
			filename: `${base}.json`,
			body: JSON.stringify(
				{
					notice,
					cohort: { name: cohort.name, joinCode: cohort.joinCode },
					contentVersion: content.instrument.version,
					responses: records.map(({ record }) => record)
				},
				null,
				2
			)
		};
	}
	const header = [
		'id',
		'submitted_at',
		...(cohort.collectNames ? ['display_name'] : []),
		'content_version',
		'strategic',
		'tactical',
		...content.facets.map((facet) => `facet_${facet.id}`),
		'position',
		'band_low',
		'band_high',
		'verdict',
		'lean',
		'profile',
		'flags',
		...(options.raw ? questionIds.map((id) => `answer_${id}`) : [])
	];
	// The header is line 1: a notice above it breaks spreadsheets and CSV parsers. The notice
	// travels in the JSON export and stands beside the export links on the dashboard.
	const lines = [csvLine(header)];
	for (const { row } of records) {
		const r = row.result;
		lines.push(
			csvLine([
				row.id,
				row.submittedAt.toISOString(),
				...(cohort.collectNames ? [row.displayName ?? ''] : []),
				row.contentVersion,
				r?.scales.strategic.score ?? null,
				r?.scales.tactical.score ?? null,
				...content.facets.map((_, i) => r?.facets[i]?.score ?? null),
				r?.position ?? null,
				r?.band?.low ?? null,
				r?.band?.high ?? null,
				r?.verdict ?? null,
				r?.lean ?? null,
				r?.profile ?? null,
				r?.flags.map((flag) => flag.id).join(' ') ?? '',
				...(options.raw ? questionIds.map((id) => row.answers[id] ?? null) : [])
			])
		);
	}
	return {
		ok: true,
		contentType: 'text/csv; charset=utf-8',
		filename: `${base}.csv`,
		body: lines.join('\r\n') + '\r\n'
	};
}
