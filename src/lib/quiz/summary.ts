/**
 * What the start page says about a quiz saved in this browser: nothing, "continue
 * at question 7 of 36", "see your result", or why a saved quiz was dropped.
 *
 * Loaded only when the browser's storage holds something, so the number formatting the
 * "question 7 of 36" sentence needs is not fetched on a first visit either.
 */
import { fill } from '../content/template.ts';
import { formatWhole } from '../numbers.ts';
import {
	loadQuiz,
	type DiscardReason,
	type ExpectedQuestions,
	type QuizInstrument,
	type QuizStorage
} from './snapshot.ts';

export type SavedQuizSummary =
	| { status: 'none' }
	| {
			status: 'in-progress';
			/** "Question 7 of 36": the page's `position` sentence, its numbers written its way. */
			where: string;
	  }
	| { status: 'submitted' }
	| { status: 'discarded'; reason: DiscardReason };

/** The start page's sentence for where a quiz stands, with `{position}` and `{total}`. */
export interface PositionText {
	sentence: string;
	/** The page's language: the numbers are written its way. */
	language: string;
}

export async function savedQuizSummary(
	storage: QuizStorage,
	instrument: QuizInstrument,
	questions: ExpectedQuestions,
	positionText: PositionText
): Promise<SavedQuizSummary> {
	const saved = await loadQuiz(storage, instrument, questions);
	if (saved.status === 'none') return saved;
	if (saved.status === 'discarded') return { status: 'discarded', reason: saved.reason };
	const { value, context } = saved.snapshot;
	if (value === 'submitted') return { status: 'submitted' };
	const where = fill(positionText.sentence, {
		position: formatWhole(context.index + 1, positionText.language),
		total: formatWhole(context.questions.length, positionText.language)
	});
	return { status: 'in-progress', where };
}
