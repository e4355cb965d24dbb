/**
 * The downloadable JSON report: the raw answers (so the result can be
 * recomputed), the scores and the verdict, without the explanation texts.
 * It carries the intended-use notice, as the cohort exports do: a file
 * travels without the page around it.
 */
import type { Content } from '../content/types.ts';
import type { Answers, ScoreResult } from '../scoring/types.ts';

export function resultReport(
	result: ScoreResult,
	answers: Answers,
	shareUrl: string,
	content: Pick<Content, 'instrument'>,
	now = new Date()
) {
	return {
		kind: 'rolefit-result',
		notice: content.instrument.wording.notForSelection,
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
