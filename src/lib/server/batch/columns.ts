/**
 * Reading a header: which column holds which question, which one holds the
 * respondent's id, and how each cell's text turns into an answer.
 *
 * Two kinds of file are understood, also mixed:
 * - our own: an `id` column and one column per question id (`vision-a`),
 *   answers as numbers (1–5, or a scenario's option number);
 * - a spreadsheet exported from Google Forms or Microsoft Forms: one column
 *   per question with the question's text as its header, answers as the
 *   labels people clicked ("Agree", or a scenario option's text), plus the
 *   columns the form tool adds (Timestamp, Email, ID, Start time …).
 *
 * Texts are compared loosely: case, runs of whitespace, typographic quotes,
 * surrounding quotes and a final full stop do not matter.
 */
import { likertPoints } from '../../content/questionnaire.ts';
import type { Content, Question } from '../../content/types.ts';

/** Header names that hold a respondent id, best first (compared loosely). */
export const idColumnNames = [
	'id',
	'respondent',
	'respondent id',
	'email address',
	'email',
	'username'
] as const;

/** Columns form tools add that say nothing about the answers; skipped without a word. */
export const formToolColumns = [
	'timestamp',
	'start time',
	'completion time',
	'last modified time',
	'name',
	'score',
	'total points',
	'quiz feedback',
	...idColumnNames
] as const;

/** How a header was matched to a question. */
export type MatchedBy = 'id' | 'text';

export interface QuestionColumn {
	/** 0-based index of the column. */
	index: number;
	header: string;
	question: Question;
	/** Every way of writing an answer to this question, loosely compared, → the answer. */
	answers: Map<string, number>;
	/** The highest answer number. */
	options: number;
	/** What an answer looks like, for messages. */
	expected: string;
	matchedBy: MatchedBy;
}

export interface HeaderPlan {
	/** The column holding respondent ids; null: respondents are numbered by row. */
	idColumn: { index: number; header: string } | null;
	questions: QuestionColumn[];
	/** Columns that match nothing: reported, then ignored. */
	unmatched: { index: number; header: string }[];
	/** A second column for a question that already has one: reported, then ignored. */
	repeated: { index: number; header: string; question: string }[];
	/** Columns a form tool adds, skipped quietly. */
	formTool: string[];
	/** Questions of the instrument that no column holds: unanswered for everyone. */
	missing: string[];
	/** How many columns the header has. */
	width: number;
	/** The header's cells as written. */
	headers: readonly string[];
}

/** Loose text for comparing headers and labels. */
export function looseText(text: string): string {
	return text
		.normalize('NFKC')
		.replace(/[\u2018\u2019\u201a\u201b\u2032`´]/g, "'")
		.replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^["']+|["']+$/g, '')
		.replace(/[.。]+$/, '')
		.trim()
		.toLowerCase();
}

/**
 * The loose forms a header may take for a question's text: as is, the part
 * in the final brackets (a Google Forms grid writes "Title [Statement]") and
 * without a leading question number ("12. Statement").
 */
function headerCandidates(header: string): string[] {
	const candidates = [looseText(header)];
	const grid = /\[([^\]]+)\]\s*$/.exec(header);
	if (grid) candidates.push(looseText(grid[1]!));
	const numbered = /^\s*\d{1,3}\s*[.)]\s+(.*)$/s.exec(header);
	if (numbered) candidates.push(looseText(numbered[1]!));
	return candidates;
}

/** Every accepted way of writing each answer to a question. */
function answerTable(question: Question, likertLabels: readonly string[]): Map<string, number> {
	const table = new Map<string, number>();
	const count = question.kind === 'likert' ? likertPoints : question.options.length;
	for (let answer = 1; answer <= count; answer += 1) table.set(String(answer), answer);
	const labels =
		question.kind === 'likert' ? likertLabels : question.options.map((option) => option.text);
	labels.forEach((label, index) => {
		if (!table.has(looseText(label))) table.set(looseText(label), index + 1);
	});
	return table;
}

export function planHeader(content: Content, header: readonly string[]): HeaderPlan {
	const questions = [...content.items, ...content.scenarios];
	const byId = new Map(questions.map((question) => [question.id.toLowerCase(), question]));
	const byText = new Map(questions.map((question) => [looseText(question.text), question]));
	const { likertLabels } = content.instrument;

	const plan: HeaderPlan = {
		idColumn: null,
		questions: [],
		unmatched: [],
		repeated: [],
		formTool: [],
		missing: [],
		width: header.length,
		headers: header
	};
	const taken = new Map<string, string>();
	const idCandidates: { index: number; header: string; rank: number }[] = [];

	header.forEach((raw, index) => {
		const loose = looseText(raw);
		const byIdMatch = byId.get(loose);
		const question =
			byIdMatch ??
			headerCandidates(raw)
				.map((text) => byText.get(text))
				.find(Boolean);
		if (question) {
			if (taken.has(question.id)) {
				plan.repeated.push({ index, header: raw, question: question.id });
				return;
			}
			taken.set(question.id, raw);
			plan.questions.push({
				index,
				header: raw,
				question,
				answers: answerTable(question, likertLabels),
				options: question.kind === 'likert' ? likertPoints : question.options.length,
				expected:
					question.kind === 'likert'
						? `1 to ${likertPoints} or a label from "${likertLabels[0]}" to "${likertLabels.at(-1)}"`
						: `an option number from 1 to ${question.options.length} or an option's text`,
				matchedBy: byIdMatch ? 'id' : 'text'
			});
			return;
		}
		const rank = (idColumnNames as readonly string[]).indexOf(loose);
		if (rank !== -1) idCandidates.push({ index, header: raw, rank });
		if ((formToolColumns as readonly string[]).includes(loose)) plan.formTool.push(raw);
		else plan.unmatched.push({ index, header: raw });
	});

	idCandidates.sort((a, b) => a.rank - b.rank || a.index - b.index);
	const id = idCandidates[0];
	if (id) {
		plan.idColumn = { index: id.index, header: id.header };
		plan.formTool = plan.formTool.filter((name) => name !== id.header);
	}
	plan.missing = content.sequence.filter((questionId) => !taken.has(questionId));
	return plan;
}

/**
 * Reads one cell: blank is unanswered (`undefined`); a number or a label
 * gives the answer; anything else is `null` (not an answer).
 */
export function readAnswer(column: QuestionColumn, cell: string): number | undefined | null {
	// The common case first: a single digit, as our own files and linear scales write them.
	if (cell.length === 1) {
		const digit = cell.charCodeAt(0) - 48;
		if (digit >= 1 && digit <= column.options) return digit;
	}
	const exact = column.answers.get(cell);
	if (exact !== undefined) return exact;
	const trimmed = cell.trim();
	if (trimmed === '') return undefined;
	return column.answers.get(looseText(trimmed)) ?? null;
}
