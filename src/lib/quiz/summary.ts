/**
 * What the start page says about a quiz saved in this browser: nothing, "continue
 * at question 7 of 36", "see your result", or why a saved quiz was dropped.
 */
import {
	loadQuiz,
	type DiscardReason,
	type ExpectedQuestions,
	type QuizInstrument,
	type QuizStorage
} from './snapshot.ts';

export type SavedQuizSummary =
	| { status: 'none' }
	| { status: 'in-progress'; position: number; total: number }
	| { status: 'submitted' }
	| { status: 'discarded'; reason: DiscardReason };

export async function savedQuizSummary(
	storage: QuizStorage,
	instrument: QuizInstrument,
	questions: ExpectedQuestions
): Promise<SavedQuizSummary> {
	const saved = await loadQuiz(storage, instrument, questions);
	if (saved.status === 'none') return saved;
	if (saved.status === 'discarded') return { status: 'discarded', reason: saved.reason };
	const { value, context } = saved.snapshot;
	if (value === 'submitted') return { status: 'submitted' };
	return { status: 'in-progress', position: context.index + 1, total: context.questions.length };
}
