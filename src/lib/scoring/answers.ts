/**
 * Turns answers from outside (a CSV row, a decoded link) into `Answers`,
 * reporting every value that is not a possible answer instead of guessing.
 */
import { optionCountOf } from '../content/questionnaire.ts';
import type { ResultContent, Question } from '../content/types.ts';
import { isValidAnswer } from './score.ts';
import type { Answers } from './types.ts';

export interface AnswerProblem {
	/** The question id (or column) the problem is about. */
	question: string;
	message: string;
}

/** The questions of the content by id (agreement items and scenarios). */
export function questionsById(content: ResultContent): Map<string, Question> {
	return new Map<string, Question>(
		[...content.items, ...content.scenarios].map((question) => [question.id, question])
	);
}

const rangeOf = (question: Question) => `1 to ${optionCountOf(question)}`;

/**
 * Checks raw values by question id. Empty values (`''`, null, undefined) are
 * skipped questions. Text values must be whole numbers.
 */
export function checkAnswers(
	questions: ReadonlyMap<string, Question>,
	raw: Readonly<Record<string, unknown>>
): { answers: Answers; problems: AnswerProblem[] } {
	const answers: Record<string, number> = {};
	const problems: AnswerProblem[] = [];
	for (const [id, value] of Object.entries(raw)) {
		const question = questions.get(id);
		if (!question) {
			problems.push({ question: id, message: `"${id}" is not a question of this instrument` });
			continue;
		}
		if (
			value === undefined ||
			value === null ||
			(typeof value === 'string' && value.trim() === '')
		) {
			continue;
		}
		const number = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
		if (!isValidAnswer(question, number)) {
			problems.push({
				question: id,
				message: `"${id}" must be a whole number from ${rangeOf(question)}, got "${String(value)}"`
			});
			continue;
		}
		answers[id] = number;
	}
	return { answers, problems };
}
