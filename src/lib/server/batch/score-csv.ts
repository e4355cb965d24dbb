/**
 * Batch scoring for answers collected elsewhere (a form tool, an LMS, a
 * spreadsheet): one CSV row per respondent, read as a stream, so a file of
 * any length is scored in constant memory.
 *
 * A blank cell is an unanswered question. A row is invalid when it has fewer
 * or more values than the header has columns, has a cell that is not an
 * answer, or lacks or repeats a respondent id; invalid rows are reported
 * with their line and column and not scored, and every other row still is.
 * Scoring uses the plan compiled once from the content (`scoreWithPlan`).
 *
 * A form export may be in any of the content's languages (`translations`):
 * its columns and labels are read in that language and scored as the base.
 */
import type { Content } from '../../content/types.ts';
import { compileScoringPlan, type ScoringPlan } from '../../scoring/plan.ts';
import { scoreWithPlan } from '../../scoring/score.ts';
import type { ScoreResult } from '../../scoring/types.ts';
import {
	languageName,
	looseText,
	planHeader,
	readAnswer,
	type HeaderPlan,
	type QuestionColumn
} from './columns.ts';
import { CsvReader, type CsvRecord } from './csv-reader.ts';
import { IdRegistry } from './ids.ts';

export interface BatchRow {
	/** The line of the file the row starts on. */
	line: number;
	id: string;
	result: ScoreResult;
}

export interface BatchProblem {
	/** The line of the file the problem is on (the header is line 1). */
	line: number;
	message: string;
}

/** Where rows, problems and the header's reading go, as they are found. */
export interface BatchSink {
	header(plan: HeaderPlan): void;
	row(row: BatchRow): void;
	/** An invalid row: one call per row, naming every column at fault. */
	problem(problem: BatchProblem): void;
}

/** The header cannot be read as answers at all (no question column, no header). */
export class BatchHeaderError extends Error {
	constructor(
		message: string,
		readonly line: number
	) {
		super(message);
		this.name = 'BatchHeaderError';
	}
}

export interface BatchSummary {
	/** Respondents scored. */
	scored: number;
	/** Rows not scored because they were invalid. */
	invalid: number;
}

/** `column 7 (vision-a)`: the 1-based column and what it holds. */
const columnName = (index: number, what: string) => `column ${index + 1} (${what})`;

/** Why a cell is not an answer, naming the language its label is from when it is another's. */
function notAnAnswer(column: QuestionColumn, cell: string, language: string): string {
	const value = cell.trim();
	const from = column.elsewhere.get(looseText(value));
	const why = from
		? `: it is a label in ${languageName(from)}, but the file is in ${languageName(language)}`
		: '';
	return `${columnName(column.index, column.question.id)}: ${JSON.stringify(value)} is not an answer (expected ${column.expected})${why}`;
}

/**
 * Scores one row after another against a header; holds nothing per row but
 * an 8-byte fingerprint of each id, to find repeated ids.
 */
export class BatchScorer {
	readonly plan: ScoringPlan;
	private header: HeaderPlan | null = null;
	private readonly ids = new IdRegistry();
	private rows = 0;
	readonly summary: BatchSummary = { scored: 0, invalid: 0 };

	constructor(
		private readonly content: Content,
		private readonly sink: BatchSink,
		/** The content in its other languages, for form exports in them. */
		private readonly translations: readonly Content[] = []
	) {
		this.plan = compileScoringPlan(content);
	}

	/** Reads one record: the first is the header, every other one a respondent. */
	record(record: CsvRecord): void {
		if (!this.header) {
			this.readHeader(record);
			return;
		}
		// A line of empty cells (spreadsheets leave them at the end) is no respondent.
		if (record.fields.every((field) => field.trim() === '')) return;
		this.rows += 1;
		const problems = this.scoreRow(record);
		if (problems.length > 0) {
			this.summary.invalid += 1;
			this.sink.problem({ line: record.line, message: problems.join('; ') });
		}
	}

	/** Called at the end of the input. */
	finish(): void {
		if (!this.header) throw new BatchHeaderError('the file is empty: it needs a header row', 1);
	}

	private readHeader(record: CsvRecord) {
		const header = planHeader(this.content, record.fields, this.translations);
		const { language } = header;
		if (header.foreign.length > 0) {
			throw new BatchHeaderError(
				header.foreign
					.map(
						(column) =>
							`${columnName(column.index, JSON.stringify(column.header))} is a question's text in ${languageName(column.language)}, but the file's other titles are in ${languageName(language)}`
					)
					.join('; ') + ': a file must be in one language',
				record.line
			);
		}
		if (header.nearMisses.length > 0) {
			throw new BatchHeaderError(
				header.nearMisses
					.map(
						(miss) =>
							`${columnName(miss.index, JSON.stringify(miss.header))} is nearly, but not exactly, the text of ${miss.question} in ${languageName(miss.language)} (${JSON.stringify(miss.text)})`
					)
					.join('; ') +
					': correct the title, or that question would count as unanswered for everyone',
				record.line
			);
		}
		if (header.questions.length === 0) {
			throw new BatchHeaderError(
				'no column of the header is a question: name columns by question id (vision-a, scenario-launch-slip …) or by the question’s text, as a form export does',
				record.line
			);
		}
		this.header = header;
		this.sink.header(header);
	}

	/** Scores a row and hands it to the sink; returns what is wrong with it instead, if anything. */
	private scoreRow(record: CsvRecord): string[] {
		const header = this.header!;
		const { fields } = record;
		if (fields.length < header.width) {
			return [
				`row has ${fields.length} values but the header has ${header.width} columns: ${this.describeColumn(fields.length)} onward missing`
			];
		}
		if (fields.length > header.width) {
			return [
				`row has ${fields.length} values but the header has ${header.width} columns: column ${header.width + 1} onward has no header`
			];
		}

		const problems: string[] = [];
		let id: string;
		if (header.idColumn) {
			id = fields[header.idColumn.index]!.trim();
			const name = columnName(header.idColumn.index, JSON.stringify(header.idColumn.header));
			if (id === '') problems.push(`${name}: no respondent id`);
			else {
				const first = this.ids.add(id, record.line);
				if (first !== null) {
					problems.push(
						`${name}: respondent ${JSON.stringify(id)} already appears on line ${first}`
					);
				}
			}
		} else {
			id = String(this.rows);
		}

		const answers: Record<string, number> = {};
		for (const column of header.questions) {
			const cell = fields[column.index]!;
			const answer = readAnswer(column, cell);
			if (answer === undefined) continue;
			if (answer === null) {
				problems.push(notAnAnswer(column, cell, header.language));
				continue;
			}
			answers[column.question.id] = answer;
		}
		if (problems.length > 0) return problems;

		this.summary.scored += 1;
		this.sink.row({ line: record.line, id, result: scoreWithPlan(this.plan, answers) });
		return problems;
	}

	/** `column 39 (delivery-b)`, or `column 1 ("Timestamp")` for a column that is no question. */
	private describeColumn(index: number): string {
		const question = this.header!.questions.find((column) => column.index === index);
		return question
			? columnName(index, question.question.id)
			: columnName(index, JSON.stringify(this.header!.headers[index] ?? ''));
	}
}

export interface BatchOptions {
	/** The content in its other languages (`loadLanguages`), for form exports in them. */
	translations?: readonly Content[];
	/** Runs after each chunk's rows (the CLI waits there for its output to drain). */
	afterChunk?: () => Promise<void> | void;
}

/**
 * Reads CSV text chunks and scores every row into `sink`.
 * Throws `CsvSyntaxError` or `BatchHeaderError` when the file cannot be read on.
 */
export async function scoreCsvStream(
	content: Content,
	chunks: AsyncIterable<string> | Iterable<string>,
	sink: BatchSink,
	{ translations = [], afterChunk }: BatchOptions = {}
): Promise<BatchSummary> {
	const reader = new CsvReader();
	const scorer = new BatchScorer(content, sink, translations);
	for await (const chunk of chunks) {
		for (const record of reader.push(chunk)) scorer.record(record);
		await afterChunk?.();
	}
	for (const record of reader.end()) scorer.record(record);
	scorer.finish();
	return scorer.summary;
}

/** Scores a whole CSV text in memory (tests, small files): rows, problems and the header read. */
export async function scoreCsvText(
	content: Content,
	text: string,
	translations: readonly Content[] = []
) {
	const rows: BatchRow[] = [];
	const problems: BatchProblem[] = [];
	let header: HeaderPlan | null = null;
	const summary = await scoreCsvStream(
		content,
		[text],
		{
			header: (plan) => (header = plan),
			row: (row) => rows.push(row),
			problem: (problem) => problems.push(problem)
		},
		{ translations }
	);
	return { header: header as HeaderPlan | null, rows, problems, summary };
}
