/**
 * Scores for stored responses, computed on read by the scoring engine (never stored, never taken
 * from the browser). A response given to another content version is not scored with this one.
 */
import content from 'virtual:rolefit/content';
import { compileScoringPlan, scoreWithPlan, type ScoreResult } from '$lib/scoring';

let plan: ReturnType<typeof compileScoringPlan> | undefined;

export interface StoredAnswers {
	contentFingerprint: string;
	answers: Record<string, number>;
	timings: Record<string, number> | null;
}

/** The result of a stored response, or null when it was given to another version of the quiz. */
export function scoreStored(response: StoredAnswers): ScoreResult | null {
	if (response.contentFingerprint !== content.instrument.fingerprint) return null;
	plan ??= compileScoringPlan(content);
	return scoreWithPlan(plan, response.answers, response.timings ?? undefined);
}

export { content };
