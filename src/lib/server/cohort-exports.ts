/**
 * A cohort's exports: CSV and JSON, one row per response counted in the group figures, offered
 * only when `cohortFigures` allows the rows (none of the figures withheld: a row carries what a
 * dot on the map and the counts show). Rows come in a random order (by id) and, unless names were
 * collected, without the moment they arrived, so that a row cannot be matched to whoever sent
 * the response at that moment.
 */
import type { Cohort } from './cohorts.ts';
import { cohortFigures, scoredResponses, type Scored } from './cohort-aggregates.ts';
import { content } from './scored.ts';

export type ExportFormat = 'csv' | 'json';

export type ExportResult =
	| { ok: true; body: string; contentType: string; filename: string }
	| { ok: false; message: string };

type ExportedCohort = Pick<Cohort, 'name' | 'joinCode' | 'collectNames' | 'minGroupSize'>;

/**
 * One row per response scored with this version of the quiz: id, submitted at (only when names
 * were collected), display name (if collected), content version, levels, facet scores, position,
 * band, verdict, lean, profile, flags (only when the dashboard may show the flagged count), and
 * the raw answers when asked (refused when they would show the flagged count it withholds).
 */
export async function exportCohort(
	cohort: Cohort,
	format: ExportFormat,
	options: { raw?: boolean } = {}
): Promise<ExportResult> {
	return exportOf(cohort, await scoredResponses(cohort.id), format, options);
}

/** The export from responses already read (every stored one, oldest first). */
export async function exportOf(
	cohort: ExportedCohort,
	rows: readonly Scored[],
	format: ExportFormat,
	options: { raw?: boolean } = {},
	now: Date = new Date()
): Promise<ExportResult> {
	if (rows.length < cohort.minGroupSize) {
		return {
			ok: false,
			message: `The export is available once ${cohort.minGroupSize} people have responded (${rows.length} so far).`
		};
	}
	const allowed = cohortFigures(cohort, rows).exports;
	if (!allowed.rows) {
		return {
			ok: false,
			message:
				'The export is held back for now: its rows would show figures that the dashboard withholds so that nobody can be singled out. It is offered once they can be shown.'
		};
	}
	if (options.raw && !allowed.raw) {
		return {
			ok: false,
			message:
				'The raw answers are held back: they would show which responses carry quality flags, and too few do to show that. The export without them is available.'
		};
	}
	const { csvLine } = await import('$lib/csv/escape');
	const questionIds = content.sequence;
	const timed = cohort.collectNames;
	const exported = rows
		.flatMap((row) => (row.result ? [{ ...row, result: row.result }] : []))
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const stamp = now.toISOString().slice(0, 10);
	const base = `rolefit-cohort-${cohort.joinCode}-${stamp}`;
	const notice = content.instrument.wording.notForSelection;
	if (format === 'json') {
		const records = exported.map((row) => {
			const r = row.result;
			const record: Record<string, unknown> = { id: row.id };
			if (timed) record.submittedAt = row.submittedAt.toISOString();
			if (cohort.collectNames) record.displayName = row.displayName;
			Object.assign(record, {
				contentVersion: row.contentVersion,
				strategic: r.scales.strategic.score,
				tactical: r.scales.tactical.score,
				facets: Object.fromEntries(
					content.facets.map((f, i) => [f.id, r.facets[i]?.score ?? null])
				),
				position: r.position,
				band: r.band,
				verdict: r.verdict,
				lean: r.lean,
				profile: r.profile
			});
			if (allowed.flags) record.flags = r.flags.map((flag) => flag.id);
			if (options.raw) record.answers = row.answers;
			return record;
		});
		return {
			ok: true,
			contentType: 'application/json; charset=utf-8',
			filename: `${base}.json`,
			body: JSON.stringify(
				{
					notice,
					cohort: { name: cohort.name, joinCode: cohort.joinCode },
					contentVersion: content.instrument.version,
					responses: records
				},
				null,
				2
			)
		};
	}
	const header = [
		'id',
		...(timed ? ['submitted_at'] : []),
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
		...(allowed.flags ? ['flags'] : []),
		...(options.raw ? questionIds.map((id) => `answer_${id}`) : [])
	];
	// The header is line 1: a notice above it breaks spreadsheets and CSV parsers. The notice
	// travels in the JSON export and stands beside the export links on the dashboard.
	const lines = [csvLine(header)];
	for (const row of exported) {
		const r = row.result;
		lines.push(
			csvLine([
				row.id,
				...(timed ? [row.submittedAt.toISOString()] : []),
				...(cohort.collectNames ? [row.displayName ?? ''] : []),
				row.contentVersion,
				r.scales.strategic.score,
				r.scales.tactical.score,
				...content.facets.map((_, i) => r.facets[i]?.score ?? null),
				r.position,
				r.band?.low ?? null,
				r.band?.high ?? null,
				r.verdict,
				r.lean,
				r.profile,
				...(allowed.flags ? [r.flags.map((flag) => flag.id).join(' ')] : []),
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
