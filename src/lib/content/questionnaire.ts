import type { Content, Question, QuestionnaireContent } from './types.ts';

/** Points on the agreement scale every statement is answered on. */
export const likertPoints = 5;

/** How many answers a question offers: answers run from 1 to this number. */
export function optionCountOf(question: Question): number {
	return question.kind === 'likert' ? likertPoints : question.options.length;
}

/** The questions in presentation order: all a share link needs of the content to be read. */
export function questionsOf(
	content: Pick<Content, 'items' | 'scenarios' | 'sequence'>
): Question[] {
	const byId = new Map<string, Question>(
		[...content.items, ...content.scenarios].map((question) => [question.id, question])
	);
	return content.sequence.map((questionId) => byId.get(questionId)!);
}

/**
 * The slice of the content the quiz page needs: the questions in presentation
 * order, the answer labels and the quiz's own texts. Keeping explanations out keeps
 * that page light.
 */
export function questionnaireOf(content: Content): QuestionnaireContent {
	const { id, title, version, fingerprint, likertLabels } = content.instrument;
	return {
		language: content.language,
		instrument: { id, title, version, fingerprint, likertLabels },
		questions: questionsOf(content),
		text: content.quizPage
	};
}
