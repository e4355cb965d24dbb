/**
 * Turns the page's URL fragment into a result: decode the share link, score
 * it, and, when the link is this browser's own finished quiz, use its
 * timings too (the link carries answers only, so only its owner sees the
 * rushing check).
 */
import { questionnaireOf } from '../content/questionnaire.ts';
import type { Content } from '../content/types.ts';
import { loadQuiz, type QuizStorage } from '../quiz/persistence.ts';
import { scoreAnswers } from '../scoring/score.ts';
import type { Answers, ScoreResult } from '../scoring/types.ts';
import { encodeShare, shareQuestionsOf } from '../share/codec.ts';
import { decodeShare } from '../share/decode.ts';

export type ResultFromLink =
	| { status: 'ok'; answers: Answers; result: ScoreResult; timed: boolean }
	| { status: 'invalid'; message: string }
	| { status: 'none' };

export async function resultFromLink(
	content: Content,
	fragment: string,
	storage: QuizStorage | null
): Promise<ResultFromLink> {
	if (fragment.replace(/^#/, '') === '') return { status: 'none' };
	const decoded = decodeShare(fragment, content.instrument, shareQuestions(content));
	if (!decoded.ok) return { status: 'invalid', message: decoded.message };
	const timings = storage ? await ownTimings(content, storage, decoded.answers) : undefined;
	return {
		status: 'ok',
		answers: decoded.answers,
		result: scoreAnswers(content, decoded.answers, timings),
		timed: timings !== undefined
	};
}

/** The questions as share links encode them: in presentation order. */
export function shareQuestions(content: Content) {
	return shareQuestionsOf(questionnaireOf(content).questions);
}

/**
 * This browser's own finished quiz as a share fragment, so `/results` without
 * a link still shows the last result; null when there is none.
 */
export async function ownResultFragment(
	content: Content,
	storage: QuizStorage
): Promise<string | null> {
	const saved = await loadQuiz(storage, content.instrument, content.sequence);
	if (saved.status !== 'restored' || saved.snapshot.value !== 'submitted') return null;
	return encodeShare(content.instrument, shareQuestions(content), saved.snapshot.context.answers);
}

async function ownTimings(content: Content, storage: QuizStorage, answers: Answers) {
	const saved = await loadQuiz(storage, content.instrument, content.sequence);
	if (saved.status !== 'restored') return undefined;
	const own = saved.snapshot.context.answers;
	const same =
		Object.keys(own).length === Object.keys(answers).length &&
		Object.entries(answers).every(([id, value]) => own[id] === value);
	return same ? saved.snapshot.context.seconds : undefined;
}
