import type { Content, Question, QuestionnaireContent } from './types.ts';

/**
 * The slice of the content the quiz page needs: the questions in presentation
 * order and the answer labels. Keeping explanations out keeps that page light.
 */
export function questionnaireOf(content: Content): QuestionnaireContent {
	const byId = new Map<string, Question>(
		[...content.items, ...content.scenarios].map((question) => [question.id, question])
	);
	const { id, title, version, fingerprint, likertLabels } = content.instrument;
	return {
		instrument: { id, title, version, fingerprint, likertLabels },
		questions: content.sequence.map((questionId) => byId.get(questionId)!)
	};
}
