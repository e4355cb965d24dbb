/**
 * Batch scoring for answers collected elsewhere (a form tool, an LMS): one
 * CSV row per respondent, an `id` column and one column per question id.
 * Bad rows are reported with their line number and skipped; good rows are
 * still scored.
 */
import { parse } from 'csv-parse/sync';
import type { Content } from '../content/types.ts';
import { checkAnswers, questionsById } from '../scoring/answers.ts';
import { createScorer } from '../scoring/score.ts';
import type { ScoreResult } from '../scoring/types.ts';

/** The respondent id column. */
export const idColumn = 'id';

export interface BatchRow {
	line: number;
	id: string;
	result: ScoreResult;
}

export interface BatchProblem {
	/** 1-based line in the CSV file (the header is line 1). */
	line: number;
	message: string;
}

export interface BatchOutcome {
	rows: BatchRow[];
	problems: BatchProblem[];
}

/** Scores every good row of a CSV text; never throws on bad data. */
export function scoreCsv(content: Content, csv: string): BatchOutcome {
	const problems: BatchProblem[] = [];
	let records: { record: string[]; info: { lines: number } }[];
	try {
		records = parse(csv, {
			info: true,
			relax_column_count: true,
			skip_empty_lines: true,
			bom: true,
			trim: true
		}) as unknown as { record: string[]; info: { lines: number } }[];
	} catch (error) {
		const line = (error as { lines?: number }).lines ?? 1;
		return {
			rows: [],
			problems: [{ line, message: `the file is not valid CSV: ${(error as Error).message}` }]
		};
	}
	const [header, ...body] = records;
	if (!header) return { rows: [], problems: [{ line: 1, message: 'the file is empty' }] };

	const questions = questionsById(content);
	const columns = header.record;
	const idIndex = columns.indexOf(idColumn);
	if (idIndex === -1) {
		problems.push({
			line: header.info.lines,
			message: `no "${idColumn}" column: the header needs a respondent id column named "${idColumn}"`
		});
		return { rows: [], problems };
	}
	// Columns that cannot be read are reported once, on the header, and ignored.
	const readable = new Set<number>();
	const seenColumns = new Set<string>();
	columns.forEach((column, index) => {
		if (index === idIndex) return;
		if (seenColumns.has(column)) {
			problems.push({ line: header.info.lines, message: `column "${column}" appears twice` });
		} else if (!questions.has(column)) {
			problems.push({
				line: header.info.lines,
				message: `unknown column "${column}": not a question id of this instrument`
			});
		} else {
			readable.add(index);
		}
		seenColumns.add(column);
	});

	const score = createScorer(content);
	const rows: BatchRow[] = [];
	const seenIds = new Map<string, number>();
	for (const { record, info } of body) {
		const line = info.lines;
		const id = record[idIndex] ?? '';
		const where = id ? `respondent "${id}"` : 'row';
		if (record.length > columns.length) {
			problems.push({
				line,
				message: `${where} has ${record.length} values but the header has ${columns.length} columns`
			});
			continue;
		}
		if (!id) {
			problems.push({ line, message: `missing respondent id in column "${idColumn}"` });
			continue;
		}
		if (seenIds.has(id)) {
			problems.push({
				line,
				message: `respondent "${id}" already appears on line ${seenIds.get(id)}`
			});
			continue;
		}
		seenIds.set(id, line);
		const raw: Record<string, string> = {};
		for (const index of readable) raw[columns[index]!] = record[index] ?? '';
		const { answers, problems: answerProblems } = checkAnswers(questions, raw);
		if (answerProblems.length > 0) {
			for (const problem of answerProblems)
				problems.push({ line, message: `${where}: ${problem.message}` });
			continue;
		}
		rows.push({ line, id, result: score(answers) });
	}
	return { rows, problems };
}

const round = (value: number | null) => (value === null ? '' : String(Math.round(value * 10) / 10));

/** The columns of the CSV output, in order. */
export const outputColumns = [
	'id',
	'strategic',
	'tactical',
	'position',
	'band_low',
	'band_high',
	'verdict',
	'flags'
] as const;

/** One flat record per respondent, numbers rounded to one decimal. */
export function summaryOf(row: BatchRow) {
	const { result } = row;
	return {
		id: row.id,
		strategic: round(result.scales.strategic.score),
		tactical: round(result.scales.tactical.score),
		position: round(result.position),
		band_low: round(result.band?.low ?? null),
		band_high: round(result.band?.high ?? null),
		verdict: result.verdict ?? 'no-verdict',
		flags: result.flags.map((flag) => flag.id).join(';')
	};
}

/** RFC 4180 quoting: only where a value needs it. */
function csvField(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(rows: BatchRow[]): string {
	const lines = [outputColumns.join(',')];
	for (const row of rows) {
		const summary = summaryOf(row);
		lines.push(outputColumns.map((column) => csvField(summary[column])).join(','));
	}
	return `${lines.join('\n')}\n`;
}

export function toJson(rows: BatchRow[]): string {
	const records = rows.map((row) => {
		const { result } = row;
		return {
			id: row.id,
			strategic: result.scales.strategic.score,
			tactical: result.scales.tactical.score,
			position: result.position,
			band: result.band,
			confidence: result.confidence,
			verdict: result.verdict,
			noVerdictReason: result.noVerdictReason,
			profile: result.profile,
			flags: result.flags,
			facets: Object.fromEntries(result.facets.map((facet) => [facet.id, facet.score]))
		};
	});
	return `${JSON.stringify(records, null, 2)}\n`;
}
