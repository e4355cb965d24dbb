import type { Question } from '$lib/content/types';

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
