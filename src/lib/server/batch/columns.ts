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
 * A form may be in any of the content's languages: the file's language is the
 * one its question titles are in, its answers are read as that language's
 * labels, and every column still maps to the base question's id and option
 * number, so a translated export scores exactly as our own file would. Titles
 * in two languages, or a title a few letters off a question's text, are
 * reported (`foreign`, `nearMisses`) for the caller to refuse the file.
 *
 * Texts are compared loosely: Unicode form, case, runs of whitespace,
 * invisible direction marks, typographic quotes, surrounding quotes and a
 * final full stop do not matter.
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
	/** Labels of this question in the other languages (loosely compared) → their language code. */
	elsewhere: Map<string, string>;
	matchedBy: MatchedBy;
}

/** A column whose title is nearly a question's text: a typo that would drop the question. */
export interface NearMiss {
	index: number;
	header: string;
	/** The question it nearly names, and that question's text in `language`. */
	question: string;
	text: string;
	language: string;
}

export interface HeaderPlan {
	/** The language code the titles and answer labels are read in (the base's when no title is). */
	language: string;
	/** The column holding respondent ids; null: respondents are numbered by row. */
	idColumn: { index: number; header: string } | null;
	questions: QuestionColumn[];
	/** Columns that match nothing: reported, then ignored. */
	unmatched: { index: number; header: string }[];
	/** A second column for a question that already has one: reported, then ignored. */
	repeated: { index: number; header: string; question: string }[];
	/** Columns titled with a question's text in another language than the file's. */
	foreign: { index: number; header: string; language: string }[];
	/** Columns whose title is a few letters off an unclaimed question's text. */
	nearMisses: NearMiss[];
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
	return (
		text
			.normalize('NFKC')
			// Direction marks and zero-width spaces: invisible, and added by some editors to
			// right-to-left text.
			.replace(/[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
			.replace(/[\u2018\u2019\u201a\u201b\u2032`´]/g, "'")
			.replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
			.replace(/\s+/g, ' ')
			.trim()
			.replace(/^["']+|["']+$/g, '')
			.replace(/[.。]+$/, '')
			.trim()
			.toLowerCase()
	);
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

/** How messages name a language: `Spanish (es)`. */
export function languageName(code: string): string {
	const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(code);
	return name && name !== code ? `${name} (${code})` : code;
}

/** The labels a form offers for a question: the agreement labels or the options' texts. */
function labelsOf(question: Question, likertLabels: readonly string[]): readonly string[] {
	return question.kind === 'likert' ? likertLabels : question.options.map((option) => option.text);
}

/** Every accepted way of writing each answer to a question. */
function answerTable(question: Question, likertLabels: readonly string[]): Map<string, number> {
	const table = new Map<string, number>();
	const count = question.kind === 'likert' ? likertPoints : question.options.length;
	for (let answer = 1; answer <= count; answer += 1) table.set(String(answer), answer);
	labelsOf(question, likertLabels).forEach((label, index) => {
		if (!table.has(looseText(label))) table.set(looseText(label), index + 1);
	});
	return table;
}

/** The instrument's questions in one language, by their loose text. */
interface LanguageIndex {
	content: Content;
	/** Loose question text → the question in this language. */
	byText: Map<string, Question>;
	/** Question id → the question in this language. */
	byId: Map<string, Question>;
}

function indexLanguage(content: Content): LanguageIndex {
	const questions = [...content.items, ...content.scenarios];
	return {
		content,
		byText: new Map(questions.map((question) => [looseText(question.text), question])),
		byId: new Map(questions.map((question) => [question.id, question]))
	};
}

/**
 * Edit distance between `a` and `b` (Levenshtein), or `limit + 1` as soon as it
 * is known to exceed `limit`.
 */
function editDistance(a: string, b: string, limit: number): number {
	if (Math.abs(a.length - b.length) > limit) return limit + 1;
	let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i += 1) {
		const current = [i];
		let best = i;
		for (let j = 1; j <= b.length; j += 1) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
			best = Math.min(best, current[j]!);
		}
		if (best > limit) return limit + 1;
		previous = current;
	}
	return previous[b.length]!;
}

/**
 * How many edits a title may be off a question's text to count as a typo of
 * it: one in ten characters, at least two. Different questions are much
 * further apart than that (tests/unit/batch.test.ts checks it in every language).
 */
export const nearMissLimit = (text: string) => Math.max(2, Math.floor(text.length / 10));

/**
 * Reads a header against the content and its translations (same ids, keying
 * and option order as the base, as the loader guarantees). Every question
 * column refers to the base question; its answers are read in the file's
 * language: the one most titles are in (the base on a tie, or when no column
 * is titled by a question's text).
 */
export function planHeader(
	content: Content,
	header: readonly string[],
	translations: readonly Content[] = []
): HeaderPlan {
	const questions = [...content.items, ...content.scenarios];
	const byId = new Map(questions.map((question) => [question.id.toLowerCase(), question]));
	const languages = [content, ...translations].map(indexLanguage);

	// What each column could be: a question by its id, or by its text in each language.
	const readings = header.map((raw) => {
		const candidates = headerCandidates(raw);
		return {
			raw,
			loose: candidates[0]!,
			candidates,
			byId: byId.get(candidates[0]!),
			byText: languages.map(
				(language) => candidates.map((text) => language.byText.get(text)).find(Boolean)?.id
			)
		};
	});
	const titled = languages.map(
		(_, at) => readings.filter((reading) => !reading.byId && reading.byText[at]).length
	);
	const chosen = titled.indexOf(Math.max(...titled));
	const language = languages[chosen]!;
	const { likertLabels } = language.content.instrument;

	const plan: HeaderPlan = {
		language: language.content.language,
		idColumn: null,
		questions: [],
		unmatched: [],
		repeated: [],
		foreign: [],
		nearMisses: [],
		formTool: [],
		missing: [],
		width: header.length,
		headers: header
	};
	const taken = new Map<string, string>();
	const idCandidates: { index: number; header: string; rank: number }[] = [];
	const unclaimed: { index: number; header: string; candidates: string[] }[] = [];

	readings.forEach(({ raw, loose, candidates, byId: byIdMatch, byText }, index) => {
		const id = byIdMatch?.id ?? byText[chosen];
		// The base question: ids, keying and options come from the base alone.
		const question = id === undefined ? undefined : languages[0]!.byId.get(id);
		if (question) {
			if (taken.has(question.id)) {
				plan.repeated.push({ index, header: raw, question: question.id });
				return;
			}
			taken.set(question.id, raw);
			const translated = language.byId.get(question.id)!;
			const answers = answerTable(translated, likertLabels);
			const elsewhere = new Map<string, string>();
			for (const other of languages) {
				if (other === language) continue;
				const labels = labelsOf(
					other.byId.get(question.id)!,
					other.content.instrument.likertLabels
				);
				for (const label of labels) {
					const key = looseText(label);
					if (!answers.has(key) && !elsewhere.has(key)) elsewhere.set(key, other.content.language);
				}
			}
			plan.questions.push({
				index,
				header: raw,
				question,
				answers,
				options: question.kind === 'likert' ? likertPoints : question.options.length,
				expected:
					question.kind === 'likert'
						? `1 to ${likertPoints} or a label from "${likertLabels[0]}" to "${likertLabels.at(-1)}"`
						: `an option number from 1 to ${question.options.length} or an option's text`,
				elsewhere,
				matchedBy: byIdMatch ? 'id' : 'text'
			});
			return;
		}
		const other = byText.findIndex(Boolean);
		if (other !== -1) {
			plan.foreign.push({ index, header: raw, language: languages[other]!.content.language });
			return;
		}
		const rank = (idColumnNames as readonly string[]).indexOf(loose);
		if (rank !== -1) idCandidates.push({ index, header: raw, rank });
		if ((formToolColumns as readonly string[]).includes(loose)) plan.formTool.push(raw);
		else unclaimed.push({ index, header: raw, candidates });
	});

	// A column that matched nothing may be a question's title with a typo: look among the
	// questions no column holds, in the file's language (in every language when no title
	// matched, so that the one misspelt title of a small file is still found).
	const searched = titled[chosen]! > 0 ? [language] : languages;
	for (const column of unclaimed) {
		const miss = nearestQuestion(column.candidates, searched, taken);
		if (miss) plan.nearMisses.push({ index: column.index, header: column.header, ...miss });
		else plan.unmatched.push({ index: column.index, header: column.header });
	}

	idCandidates.sort((a, b) => a.rank - b.rank || a.index - b.index);
	const id = idCandidates[0];
	if (id) {
		plan.idColumn = { index: id.index, header: id.header };
		plan.formTool = plan.formTool.filter((name) => name !== id.header);
	}
	plan.missing = content.sequence.filter((questionId) => !taken.has(questionId));
	return plan;
}

/** The question (without a column) whose text is within `nearMissLimit` of a candidate, if any. */
function nearestQuestion(
	candidates: readonly string[],
	languages: readonly LanguageIndex[],
	taken: ReadonlyMap<string, string>
): Omit<NearMiss, 'index' | 'header'> | null {
	let best: Omit<NearMiss, 'index' | 'header'> | null = null;
	let bestDistance = Infinity;
	for (const language of languages) {
		for (const [text, question] of language.byText) {
			if (taken.has(question.id)) continue;
			const limit = Math.min(nearMissLimit(text), bestDistance - 1);
			for (const candidate of candidates) {
				const distance = editDistance(candidate, text, limit);
				if (distance > limit || distance >= bestDistance) continue;
				bestDistance = distance;
				best = { question: question.id, text: question.text, language: language.content.language };
			}
		}
	}
	return best;
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
