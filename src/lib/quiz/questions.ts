/**
 * From content questions to what the quiz needs: the minimal references the machine works with,
 * and the words a person reads for each answer. The machine itself never sees content.
 */
import { optionCountOf } from '../content/questionnaire.ts';
import type { Question } from '../content/types.ts';
import type { QuestionRef } from './types.ts';

/** Maps content questions to the minimal references the machine works with. */
export function questionRefsOf(questions: readonly Question[]): QuestionRef[] {
	return questions.map((question) => ({
		id: question.id,
		kind: question.kind,
		optionCount: optionCountOf(question)
	}));
}

/** The answers a question offers, as the person reads them: agreement labels or option texts. */
export function optionLabels(question: Question, likertLabels: readonly string[]): string[] {
	return question.kind === 'likert'
		? [...likertLabels]
		: question.options.map((option) => option.text);
}

/** An answer (1-based) as the person chose it. */
export function answerText(question: Question, answer: number, likertLabels: readonly string[]) {
	return optionLabels(question, likertLabels)[answer - 1] ?? String(answer);
}
