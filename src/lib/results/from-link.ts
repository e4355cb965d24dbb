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
	| { status: 'ok'; answers: Answers; result: ScoreResult; timed: boolean; fragment: string }
	| { status: 'invalid'; message: string }
	| { status: 'none' };

/**
 * The result for `fragment`; without one, this browser's last finished quiz
 * (so `/results` alone still shows it). The saved quiz is read once.
 */
export async function resultFromLink(
	content: Content,
	fragment: string,
	storage: QuizStorage | null
): Promise<ResultFromLink> {
	const saved = storage ? await loadQuiz(storage, content.instrument, content.sequence) : null;
	const own = saved?.status === 'restored' ? saved.snapshot : null;
	let link = fragment.replace(/^#/, '');
	if (link === '' && own?.value === 'submitted') {
		link = encodeShare(content.instrument, shareQuestions(content), own.context.answers);
	}
	if (link === '') return { status: 'none' };

	const decoded = decodeShare(link, content.instrument, shareQuestions(content));
	if (!decoded.ok) return { status: 'invalid', message: decoded.message };
	const timings =
		own && sameAnswers(own.context.answers, decoded.answers) ? own.context.seconds : undefined;
	return {
		status: 'ok',
		answers: decoded.answers,
		result: scoreAnswers(content, decoded.answers, timings),
		timed: timings !== undefined,
		fragment: link
	};
}

/** The questions as share links encode them: in presentation order. */
export function shareQuestions(content: Content) {
	return shareQuestionsOf(questionnaireOf(content).questions);
}

function sameAnswers(a: Answers, b: Answers): boolean {
	return (
		Object.keys(a).length === Object.keys(b).length &&
		Object.entries(b).every(([id, value]) => a[id] === value)
	);
}
