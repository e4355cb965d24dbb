/**
 * Turns the page's URL fragment into a result: decode the share link, score
 * it, and say whose it is.
 *
 * - A link that is this browser's own result (its finished quiz, or one of the
 *   results kept on this device) is the person's own: it is kept on the device
 *   (`saved-results.ts`) and compared with the one before it ("last time →
 *   now"). The finished quiz's timings are used too (the link carries answers
 *   only, so only its owner sees the rushing check).
 * - Any other link is a result shared with this person. It is only read: the
 *   visitor's own saved quiz and saved results are never written or removed.
 * - Without a link, the page shows this browser's latest own result.
 *
 * Nothing here throws or hangs: a saved quiz or saved results that cannot be
 * read give a notice and are left out; reading the saved quiz gives up after a
 * second rather than wait for ever.
 */
import { questionsOf } from '../content/questionnaire.ts';
import { fill } from '../content/template.ts';
import type { ResultContent } from '../content/types.ts';
import { clearQuiz, parseQuiz, QUIZ_STORAGE_KEY, type QuizStorage } from '../quiz/snapshot.ts';
import { scoreAnswers } from '../scoring/score.ts';
import type { Answers, ScoreResult } from '../scoring/types.ts';
import { encodeShare, shareQuestionsOf } from '../share/codec.ts';
import { decodeShare, type DecodeShareResult } from '../share/decode.ts';
import {
	clearSavedResults,
	loadSavedResults,
	recordResult,
	type ResultsStorage,
	type SavedResult
} from './saved-results.ts';

/** The result kept from last time, to compare with this one. */
export interface PreviousResult {
	result: ScoreResult;
	savedAt: number;
}

export type ResultFromLink =
	| {
			status: 'ok';
			answers: Answers;
			result: ScoreResult;
			timed: boolean;
			fragment: string;
			/** `own`: this browser's own result; `shared`: someone else's link. */
			audience: 'own' | 'shared';
			/** The own result before this one, when this is the latest own result. */
			previous: PreviousResult | null;
			/** This browser keeps an own result (a shared view can point to it). */
			hasOwn: boolean;
			/** Things the person should know (from content), e.g. saved results that were removed. */
			notices?: string[];
	  }
	| { status: 'invalid'; message: string; notices?: string[] }
	| { status: 'none'; notices?: string[] };

/** Storage the page reads and, for its own results only, writes. */
export type ResultStorage = QuizStorage & ResultsStorage;

/** How long reading the saved quiz may take before the page goes on without it. */
export const SAVED_QUIZ_TIMEOUT_MS = 1000;

/**
 * The result for `fragment`; without one, this browser's latest own result
 * (so `/results` alone still shows it).
 */
export async function resultFromLink(
	content: ResultContent,
	fragment: string,
	storage: ResultStorage | null,
	now: number = Date.now()
): Promise<ResultFromLink> {
	const text = content.resultsPage.states;
	const notices: string[] = [];
	const questions = shareQuestions(content);

	// The finished quiz, only read: this page never removes or changes the quiz, whatever
	// it finds (the quiz page does that).
	const own = storage ? await finishedQuiz(content, storage) : null;
	let ownLink: string | null = null;
	if (own) {
		try {
			ownLink = encodeShare(content.instrument, questions, own.answers);
		} catch {
			// Answers that no link can carry (a tampered save): not this page's to fix.
			notices.push(text.savedQuizUnreadable);
		}
	}

	let saved: SavedResult[] = [];
	/** Kept results made under an earlier version with the same questions: today's link → that version. */
	const upgradedFrom = new Map<string, string>();
	if (storage) {
		const loaded = await loadSavedResults(storage, content.instrument);
		if (loaded.status === 'ok') {
			// Each kept link must still read as a result of today's questions; one made under an
			// earlier version with the same questions is rewritten as today's link to the same
			// answers, so that it is still recognised as this browser's own.
			const decoded = loaded.entries.map((entry) => decode(content, entry.fragment));
			if (decoded.every((entry) => entry.ok)) {
				saved = loaded.entries.map((entry, index) => {
					const kept = decoded[index] as Extract<DecodeShareResult, { ok: true }>;
					if (!kept.rescoredFrom) return entry;
					const fragment = encodeShare(content.instrument, questions, kept.answers);
					upgradedFrom.set(fragment, kept.rescoredFrom);
					return { ...entry, fragment };
				});
			} else {
				clearSavedResults(storage);
				notices.push(text.savedResultsUnreadable);
			}
		} else if (loaded.status === 'discarded') {
			notices.push(
				loaded.reason === 'other-version'
					? text.savedResultsOtherVersion
					: text.savedResultsUnreadable
			);
		}
	}

	// Notices only when there are some, so a plain result stays a plain object.
	const extra = () => (notices.length > 0 ? { notices } : {});
	const link = fragment.replace(/^#/, '') || ownLink || saved[0]?.fragment || '';
	if (link === '') return { status: 'none', ...extra() };

	const decoded = decode(content, link);
	if (!decoded.ok) return { status: 'invalid', message: linkMessage(content, decoded), ...extra() };
	// The result shown was given to an earlier version: say it is scored under today's rules.
	const rescoredFrom = decoded.rescoredFrom ?? upgradedFrom.get(link) ?? null;
	if (rescoredFrom) {
		notices.push(
			fill(text.rescored, { version: rescoredFrom, current: content.instrument.version })
		);
	}

	const isOwn = link === ownLink || saved.some((entry) => entry.fragment === link);
	// Only the finished quiz is a new result to keep; reopening a kept one changes nothing.
	if (link === ownLink && storage) {
		saved = recordResult(storage, content.instrument, saved, link, now);
	}
	const before = isOwn && saved[0]?.fragment === link ? saved[1] : undefined;
	const previousAnswers = before ? decode(content, before.fragment) : undefined;
	const timings = own && link === ownLink ? own.seconds : undefined;
	return {
		status: 'ok',
		answers: decoded.answers,
		result: scoreAnswers(content, decoded.answers, timings),
		timed: timings !== undefined,
		fragment: link,
		audience: isOwn ? 'own' : 'shared',
		previous:
			before && previousAnswers?.ok
				? { result: scoreAnswers(content, previousAnswers.answers), savedAt: before.savedAt }
				: null,
		hasOwn: ownLink !== null || saved.length > 0,
		...extra()
	};
}

/** The questions as share links encode them: in presentation order. */
export function shareQuestions(content: ResultContent) {
	return shareQuestionsOf(questionsOf(content));
}

function decode(content: ResultContent, link: string): DecodeShareResult {
	return decodeShare(link, content.instrument, shareQuestions(content));
}

/** What a link that cannot be read says, in the page's words. */
function linkMessage(content: ResultContent, failure: Exclude<DecodeShareResult, { ok: true }>) {
	const text = content.resultsPage.states;
	if (failure.reason === 'other-version') {
		return fill(failure.sameVersion ? text.linkEarlierEdition : text.linkOtherVersion, {
			version: failure.version
		});
	}
	return failure.reason === 'empty' ? text.linkEmpty : text.linkDamaged;
}

/**
 * This browser's finished quiz, if there is one; null when none, unfinished or unreadable.
 * Read with `parseQuiz`, which removes nothing.
 */
async function finishedQuiz(
	content: ResultContent,
	storage: QuizStorage
): Promise<{ answers: Answers; seconds: Record<string, number> } | null> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	try {
		const raw = storage.getItem(QUIZ_STORAGE_KEY);
		if (raw === null) return null;
		const saved = await Promise.race([
			parseQuiz(raw, content.instrument, content.sequence),
			new Promise<null>((resolve) => (timer = setTimeout(resolve, SAVED_QUIZ_TIMEOUT_MS, null)))
		]);
		if (saved?.status !== 'restored' || saved.snapshot.value !== 'submitted') return null;
		return { answers: saved.snapshot.context.answers, seconds: saved.snapshot.context.seconds };
	} catch {
		return null;
	} finally {
		clearTimeout(timer);
	}
}

/**
 * Removes this browser's finished quiz, leaving an unfinished one alone: "Take
 * the quiz again" starts afresh without losing a quiz in progress, and the
 * results kept on the device stay for "last time → now".
 */
export async function clearFinishedQuiz(
	content: ResultContent,
	storage: ResultStorage
): Promise<void> {
	if (await finishedQuiz(content, storage)) clearQuiz(storage);
}

/** "Forget my results on this device": the kept results and the finished quiz behind them. */
export async function forgetOwnResults(
	content: ResultContent,
	storage: ResultStorage
): Promise<void> {
	clearSavedResults(storage);
	await clearFinishedQuiz(content, storage);
}
