/** A hand-made ScoreResult for chart tests, independent of the shipped content. */
import type { FacetScore, ScaleId, ScoreResult } from '../../src/lib/scoring/types.ts';

export const facetScore = (
	id: string,
	scale: ScaleId,
	name: string,
	score: number | null
): FacetScore => ({ id, scale, name, score, answered: score === null ? 0 : 4, total: 4 });

/**
 * A person leaning towards product management. Scale scores are the means of
 * their facets and the position is strategic minus tactical, as in scoring.
 * The facets come interleaved to check that the charts group them by scale.
 */
export const leaningProduct: ScoreResult = {
	instrument: { version: '1.0.0', fingerprint: 'abc123' },
	scales: {
		strategic: { score: 71.58, answered: 24, total: 24, answeredShare: 1 },
		tactical: { score: 36.98, answered: 24, total: 24, answeredShare: 1 }
	},
	facets: [
		facetScore('strategic.vision', 'strategic', 'Vision and the "why"', 85.4),
		facetScore('tactical.planning', 'tactical', 'Planning and the "how"', 41.7),
		facetScore('strategic.customers', 'strategic', 'Customers and market', 72.5),
		facetScore('tactical.resources', 'tactical', 'Resources and budget', 25),
		facetScore('strategic.value', 'strategic', 'Value and outcomes', 66.7),
		facetScore('tactical.risk', 'tactical', 'Risk, scope and quality', 50),
		facetScore('strategic.uncertainty', 'strategic', 'Deciding under uncertainty', 58.3),
		facetScore('tactical.execution', 'tactical', 'Team coordination and execution', 45.8),
		facetScore('strategic.influence', 'strategic', 'Prioritising and influencing', 75),
		facetScore('tactical.delivery', 'tactical', 'Delivery and status reporting', 22.4)
	],
	position: 34.6,
	band: { low: 12.5, high: 56.7 },
	confidence: 0.99,
	verdict: 'leaning-product',
	noVerdictReason: null,
	profile: null,
	flags: [],
	strengths: ['strategic.vision', 'strategic.influence', 'strategic.customers'],
	growthAreas: ['tactical.delivery', 'tactical.resources', 'tactical.planning'],
	explanations: []
};
