/**
 * The embed's event API, version 1: what a RoleFit frame tells the page around it, and the one
 * thing that page may ask of it. Every message either way is `{ source: 'rolefit', version: 1,
 * type, data }`; `static/embed.js` re-emits the frame's as DOM events named by `type` with
 * `data` as their `detail`. README "Embedding" documents it; a change of shape is a new version.
 */
import type { ScoreResult } from '../scoring/types.ts';

export const EMBED_API_VERSION = 1;

/** The result summary the page around the quiz receives, when the person lets it. */
export interface SharedSummary {
	shared: true;
	/** The instrument's version the result was scored under. */
	version: string;
	verdict: ScoreResult['verdict'];
	profile: ScoreResult['profile'];
	lean: ScoreResult['lean'];
	/** The two levels, 0–100 (null when a scale had no answers). */
	levels: { strategic: number | null; tactical: number | null };
	/** Strategic minus tactical, −100 … +100. */
	position: number | null;
	/** The band around the position. */
	range: { low: number; high: number } | null;
	/** The full result, as a share link (the answers are in its fragment). */
	link: string;
}

/** Finished, but the person declined to share (or the result is not theirs to see yet). */
export interface FinishedOnly {
	shared: false;
}

/** Each message the frame sends, by type, with its data. */
export interface FrameEvents {
	'rolefit:ready': Record<string, never>;
	'rolefit:progress': { answered: number; total: number };
	'rolefit:height': { px: number };
	'rolefit:completed': SharedSummary | FinishedOnly;
	'rolefit:error': { reason: EmbedErrorReason };
}

/** Why the frame cannot do what it is there for. */
export type EmbedErrorReason =
	'cohort-not-found' | 'cohort-closed' | 'submission-refused' | 'quiz-failed-to-load';

export type FrameEventType = keyof FrameEvents;

/** The only message the frame takes from the page around it. */
export const SET_LANGUAGE = 'rolefit:set-language';

/** A message as it travels. */
export function envelope<T extends FrameEventType>(type: T, data: FrameEvents[T]) {
	return { source: 'rolefit', version: EMBED_API_VERSION, type, data } as const;
}

/** The summary of `result` for the page around the quiz; `link` opens the full result. */
export function sharedSummary(result: ScoreResult, link: string): SharedSummary {
	return {
		shared: true,
		version: result.instrument.version,
		verdict: result.verdict,
		profile: result.profile,
		lean: result.lean,
		levels: { strategic: result.scales.strategic.score, tactical: result.scales.tactical.score },
		position: result.position,
		range: result.band ? { low: result.band.low, high: result.band.high } : null,
		link
	};
}
