import type { Question } from '$lib/content/types';

/** An answer as the person chose it: the agreement label, or the scenario option's text. */
export function answerText(question: Question, answer: number, likertLabels: readonly string[]) {
	return question.kind === 'likert'
		? (likertLabels[answer - 1] ?? String(answer))
		: (question.options[answer - 1]?.text ?? String(answer));
}
