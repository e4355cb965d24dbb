/** A hand-made ScoreResult for chart tests, independent of the shipped content. */
import type { FacetScore, ScaleId, ScoreResult } from '../../src/lib/scoring/types.ts';

export const facetScore = (
	id: string,
	scale: ScaleId,
	name: string,
	score: number | null
): FacetScore => ({ id, scale, name, score, answered: score === null ? 0 : 3, total: 3 });

/**
 * A person leaning towards product management, as scoring would describe them:
 * whole-number levels and facets, each level with its band, and the position
 * the difference of the two levels (72 − 37 = 35). The position's band runs
 * 22 points either way (35 ± 1.645 × 13.37), so it leaves 0 and the position is
 * at least 30 from it: `product`; its near edge (13) is under 30: `tentative`.
 * The facets come interleaved to check that the charts group them by scale.
 */
export const leaningProduct: ScoreResult = {
	instrument: { version: '2.0.0', fingerprint: 'abc12345' },
	scales: {
		strategic: {
			score: 72,
			band: { low: 60, high: 84 },
			answered: 21,
			total: 21,
			answeredShare: 1
		},
		tactical: {
			score: 37,
			band: { low: 25, high: 49 },
			answered: 21,
			total: 21,
			answeredShare: 1
		}
	},
	facets: [
		facetScore('strategic.vision', 'strategic', 'Vision and the "why"', 85),
		facetScore('tactical.planning', 'tactical', 'Planning and the "how"', 42),
		facetScore('strategic.customers', 'strategic', 'Customers and market', 73),
		facetScore('tactical.resources', 'tactical', 'Resources and budget', 25),
		facetScore('strategic.value', 'strategic', 'Value and outcomes', 67),
		facetScore('tactical.risk', 'tactical', 'Risk, scope and quality', 50),
		facetScore('strategic.uncertainty', 'strategic', 'Deciding under uncertainty', 58),
		facetScore('tactical.execution', 'tactical', 'Team coordination and execution', 46),
		facetScore('strategic.influence', 'strategic', 'Prioritising and influencing', 75),
		facetScore('tactical.delivery', 'tactical', 'Delivery and status reporting', 22)
	],
	position: 35,
	band: { low: 13, high: 57 },
	standardError: 13.37,
	verdict: 'product',
	lean: 'product',
	profile: null,
	firmness: 'tentative',
	noVerdictReason: null,
	flags: [],
	strengths: ['strategic.vision', 'strategic.influence', 'strategic.customers'],
	growthAreas: ['tactical.delivery', 'tactical.resources', 'tactical.planning'],
	explanations: []
};
