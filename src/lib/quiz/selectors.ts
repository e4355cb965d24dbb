/**
 * Pure reads of the questionnaire's context and snapshot: what the machine's guards decide with
 * and what components show. No XState here, so a page can show the first question before the
 * machine has loaded.
 */
import type {
	QuestionnaireContext,
	QuestionnaireInput,
	QuestionnaireView,
	QuestionRef
} from './types.ts';

/**
 * The longest single visit to a question that is counted, in seconds.
 *
 * Time is measured from `enteredAt` to the next event's `at`. After a reload the restored
 * `enteredAt` is stale (it still points to before the tab was closed), and a tab left in the
 * background keeps "spending" time too. Nobody needs five minutes to read one statement, so
 * anything longer is time away, not time answering. Capping loses nothing the rushing check
 * needs: it only looks for answers that were too fast.
 */
export const MAX_VISIT_SECONDS = 300;

/** A usable timestamp, or null: `at` is optional and must not poison the arithmetic. */
export function timestamp(at: number | undefined): number | null {
	return typeof at === 'number' && Number.isFinite(at) ? at : null;
}

/** The context of a fresh questionnaire: the machine starts here, and so does the stand-in. */
export function initialContext(input: QuestionnaireInput): QuestionnaireContext {
	return {
		questions: input.questions.map((question) => ({ ...question })),
		index: 0,
		answers: {},
		seconds: {},
		enteredAt: timestamp(input.at),
		returnToReview: false,
		submitError: null
	};
}

/** Whether `value` is an allowed answer to `question`: an integer from 1 to its option count. */
export function isValidAnswerValue(question: QuestionRef | undefined, value: unknown): boolean {
	return (
		question !== undefined &&
		typeof value === 'number' &&
		Number.isInteger(value) &&
		value >= 1 &&
		value <= question.optionCount
	);
}

// Own keys only: an id such as "constructor" must not find Object.prototype members.
function own(record: Record<string, number>, id: string): number | undefined {
	return Object.hasOwn(record, id) ? record[id] : undefined;
}

/** The answer to the question with this id, if any. */
export function answerOf(context: Pick<QuestionnaireContext, 'answers'>, id: string) {
	return own(context.answers, id);
}

/** The answer to the question at `context.index`, if any. */
export function currentAnswer(context: QuestionnaireContext): number | undefined {
	const question = context.questions[context.index];
	return question === undefined ? undefined : answerOf(context, question.id);
}

/** Indexes (0-based) of the questions without an answer, in order. */
export function unansweredIndexes(context: Pick<QuestionnaireContext, 'questions' | 'answers'>) {
	const missing: number[] = [];
	context.questions.forEach((question, index) => {
		if (answerOf(context, question.id) === undefined) missing.push(index);
	});
	return missing;
}

/** Whether every question has an answer; the UI warns before submitting when it does not. */
export function isComplete(context: Pick<QuestionnaireContext, 'questions' | 'answers'>) {
	return unansweredIndexes(context).length === 0;
}

/** Where the person is: 1-based position, question count and how many are answered. */
export function progress(context: QuestionnaireContext): {
	position: number;
	total: number;
	answered: number;
} {
	const total = context.questions.length;
	return {
		position: Math.min(context.index + 1, total),
		total,
		answered: total - unansweredIndexes(context).length
	};
}

/** Whether `nav.next` leads to the review screen rather than another question. */
export function nextGoesToReview(context: QuestionnaireContext): boolean {
	return (
		context.returnToReview ||
		(context.index === context.questions.length - 1 && isComplete(context))
	);
}

/** Adds one visit to a question's total, capped and never negative (clocks can go back). */
export function addVisit(seconds: Record<string, number>, id: string, from: number, to: number) {
	const visit = Math.min(Math.max(0, to - from) / 1000, MAX_VISIT_SECONDS);
	// Rounded to milliseconds so repeated float sums stay readable in storage.
	const total = Math.round(((own(seconds, id) ?? 0) + visit) * 1000) / 1000;
	return { ...seconds, [id]: total };
}

/** The question on screen, or undefined while reviewing or after submitting. */
export function currentQuestion(snapshot: QuestionnaireView): QuestionRef | undefined {
	return snapshot.hasTag('question')
		? snapshot.context.questions[snapshot.context.index]
		: undefined;
}

/** Whether `nav.next` would do anything now (the current question is answered). */
export function canGoNext(snapshot: QuestionnaireView): boolean {
	return snapshot.can({ type: 'nav.next' });
}

/** Whether `nav.back` would do anything now. */
export function canGoBack(snapshot: QuestionnaireView): boolean {
	return snapshot.can({ type: 'nav.back' });
}

/** Whether `quiz.submit` is possible now (only on the review screen). */
export function canSubmit(snapshot: QuestionnaireView): boolean {
	return snapshot.can({ type: 'quiz.submit' });
}

/**
 * Restarts the visit clock of a restored snapshot at `at` (ms), so the time the tab was closed
 * is not counted at all; `MAX_VISIT_SECONDS` is the safety net when this is not called.
 */
export function resumeAt<T extends { context: QuestionnaireContext }>(persisted: T, at: number): T {
	if (persisted.context.enteredAt === null) return persisted;
	return { ...persisted, context: { ...persisted.context, enteredAt: at } };
}
