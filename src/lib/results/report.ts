/**
 * The downloadable JSON report: the raw answers (so the result can be
 * recomputed), the scores and the verdict, without the explanation texts.
 */
import type { Answers, ScoreResult } from '../scoring/types.ts';

export function resultReport(
	result: ScoreResult,
	answers: Answers,
	shareUrl: string,
	now = new Date()
) {
	return {
		kind: 'rolefit-result',
		generatedAt: now.toISOString(),
		instrument: result.instrument,
		link: shareUrl,
		verdict: result.verdict,
		noVerdictReason: result.noVerdictReason,
		position: result.position,
		band: result.band,
		profile: result.profile,
		firmness: result.firmness,
		scales: result.scales,
		facets: result.facets.map(({ id, scale, name, score, answered, total }) => ({
			id,
			scale,
			name,
			score,
			answered,
			total
		})),
		strengths: result.strengths,
		growthAreas: result.growthAreas,
		flags: result.flags,
		answers
	};
}
