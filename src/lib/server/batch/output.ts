/**
 * The batch CLI's output formats, one row at a time so that output streams
 * as input does:
 *
 * - `csv`: a header line, then one line per respondent with the columns in
 *   `csvColumns`; numbers as they are, a missing number as an empty cell,
 *   flags separated by `;`; text cells made spreadsheet-safe by `csvText`;
 * - `ndjson`: one JSON object per line (`JsonRow`);
 * - `json`: the same objects as one array, written as `[`, the rows joined
 *   by `,` and `]`, so the array is never held whole.
 */
import { csvLine } from '../../csv/escape.ts';
import type {
	Band,
	FirmnessId,
	FlagId,
	LeanId,
	ProfileId,
	VerdictId
} from '../../scoring/types.ts';
import type { BatchRow } from './score-csv.ts';

export const formats = ['csv', 'json', 'ndjson'] as const;
export type Format = (typeof formats)[number];

/** The CSV output's columns, in order. */
export const csvColumns = [
	'id',
	'strategic',
	'tactical',
	'strategic_low',
	'strategic_high',
	'tactical_low',
	'tactical_high',
	'position',
	'band_low',
	'band_high',
	'verdict',
	'lean',
	'profile',
	'flags'
] as const;

/** One respondent in JSON and NDJSON. Levels, bands and position are whole points. */
export interface JsonRow {
	id: string;
	strategic: number | null;
	strategicBand: Band | null;
	tactical: number | null;
	tacticalBand: Band | null;
	/** Strategic − tactical; null without a verdict. */
	position: number | null;
	band: Band | null;
	/** Null when too few questions were answered: `noVerdictReason` says why. */
	verdict: VerdictId | null;
	/** The side the band lies wholly on; null when it includes 0 ("not settled"). */
	lean: LeanId | null;
	profile: ProfileId | null;
	firmness: FirmnessId | null;
	noVerdictReason: string | null;
	flags: FlagId[];
	facets: Record<string, number | null>;
}

export function jsonRow({ id, result }: BatchRow): JsonRow {
	const { strategic, tactical } = result.scales;
	const facets: Record<string, number | null> = {};
	for (const facet of result.facets) facets[facet.id] = facet.score;
	return {
		id,
		strategic: strategic.score,
		strategicBand: strategic.band,
		tactical: tactical.score,
		tacticalBand: tactical.band,
		position: result.position,
		band: result.band,
		verdict: result.verdict,
		lean: result.lean,
		profile: result.profile,
		firmness: result.firmness,
		noVerdictReason: result.noVerdictReason,
		flags: result.flags.map((flag) => flag.id),
		facets
	};
}

export function csvRow({ id, result }: BatchRow): string {
	const { strategic, tactical } = result.scales;
	let flags = '';
	for (const flag of result.flags) flags += flags === '' ? flag.id : `;${flag.id}`;
	return csvLine([
		id,
		strategic.score,
		tactical.score,
		strategic.band?.low ?? null,
		strategic.band?.high ?? null,
		tactical.band?.low ?? null,
		tactical.band?.high ?? null,
		result.position,
		result.band?.low ?? null,
		result.band?.high ?? null,
		result.verdict,
		result.lean,
		result.profile,
		flags
	]);
}

/** Writes rows in one format: `start`, then `row` for each respondent, then `end`. */
export interface Formatter {
	start(): string;
	row(row: BatchRow): string;
	end(): string;
}

export function formatter(format: Format): Formatter {
	switch (format) {
		case 'csv':
			return {
				start: () => `${csvColumns.join(',')}\n`,
				row: (row) => `${csvRow(row)}\n`,
				end: () => ''
			};
		case 'ndjson':
			return {
				start: () => '',
				row: (row) => `${JSON.stringify(jsonRow(row))}\n`,
				end: () => ''
			};
		case 'json': {
			let first = true;
			return {
				start: () => '[',
				row: (row) => {
					const text = `${first ? '\n' : ',\n'}${JSON.stringify(jsonRow(row))}`;
					first = false;
					return text;
				},
				end: () => (first ? ']\n' : '\n]\n')
			};
		}
	}
}
