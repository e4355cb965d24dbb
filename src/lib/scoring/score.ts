/**
 * The scoring engine: a pure function of the content and one person's answers.
 *
 * Every answer becomes an observation between 0 and 1 on a scale: an
 * agreement item gives (keyed value − 1) / 4, where a reverse-keyed item's
 * value is flipped (6 − value); a scenario gives the chosen option's weight on
 * each scale. A scale's score is the mean of its observations × 100, a
 * facet's the mean of its items'. The position is strategic − tactical; its
 * 90% band comes from the spread of the person's own observations. Iteration
 * follows the content, never the answers, so answer order cannot matter.
 */
import { optionCountOf } from '../content/questionnaire.ts';
import type { Content, LikertItem, Scale, Scenario } from '../content/types.ts';
import { explanationSelector } from './explain.ts';
import { qualityFlags } from './flags.ts';
import { clamp, mean, normalCdf, standardDeviation, z90 } from './statistics.ts';
import type {
	Answers,
	FacetScore,
	ScaleId,
	ScaleScore,
	ScoreResult,
	Timings,
	VerdictId
} from './types.ts';

export const scaleIds: readonly ScaleId[] = ['strategic', 'tactical'];

/**
 * The smallest spread an observation can be said to have: the rounding error
 * of a five-point answer (a step of 0.25, uniform error: 0.25 / √12). Without
 * it, a perfectly one-sided respondent would get a band of zero width.
 */
export const minimumSpread = 0.25 / Math.sqrt(12);

/** Turns an agreement answer (1–5) into its keyed value (1–5): reverse-keyed items flip. */
export function keyedValue(item: Pick<LikertItem, 'keyed'>, answer: number): number {
	return item.keyed === 'plus' ? answer : 6 - answer;
}

/** Is `value` a possible answer to `question`? */
export function isValidAnswer(question: LikertItem | Scenario, value: unknown): value is number {
	return (
		typeof value === 'number' &&
		Number.isInteger(value) &&
		value >= 1 &&
		value <= optionCountOf(question)
	);
}

export type Scorer = (answers: Answers, timings?: Timings) => ScoreResult;

const scorers = new WeakMap<Content, Scorer>();

/** Scores one person's answers. */
export function scoreAnswers(content: Content, answers: Answers, timings?: Timings): ScoreResult {
	let scorer = scorers.get(content);
	if (!scorer) {
		scorer = createScorer(content);
		scorers.set(content, scorer);
	}
	return scorer(answers, timings);
}

/**
 * Prepares the content once (indexes, totals, resolved explanations) and
 * returns a function that scores answers against it; batch scoring uses this.
 */
export function createScorer(content: Content): Scorer {
	const { thresholds } = content.instrument;
	const facetIndex = new Map(content.facets.map((facet, index) => [facet.id, index]));
	const scaleById = new Map<ScaleId, Scale>(content.scales.map((scale) => [scale.id, scale]));
	const totals: Record<ScaleId, number> = { strategic: 0, tactical: 0 };
	for (const item of content.items) totals[item.scale] += 1;
	for (const id of scaleIds) totals[id] += content.scenarios.length;
	const facetTotals = content.facets.map(
		(facet) => content.items.filter((item) => item.facet === facet.id).length
	);
	const explain = explanationSelector(content);

	/** Position, band, verdict and highlights for a quiz with enough answers. */
	function judge(
		observations: Record<ScaleId, number[]>,
		scales: Record<ScaleId, ScaleScore>,
		facets: FacetScore[]
	): Judgement {
		const strategic = scales.strategic.score!;
		const tactical = scales.tactical.score!;
		const position = strategic - tactical;
		const standardError =
			100 *
			Math.sqrt(
				scaleIds.reduce((sum, id) => {
					const spread = Math.max(standardDeviation(observations[id]), minimumSpread);
					return sum + spread ** 2 / observations[id].length;
				}, 0)
			);
		const band = {
			low: clamp(position - z90 * standardError, -100, 100),
			high: clamp(position + z90 * standardError, -100, 100)
		};
		const profile =
			strategic >= thresholds.hybridAtLeast && tactical >= thresholds.hybridAtLeast
				? 'hybrid'
				: strategic <= thresholds.lowFitAtMost && tactical <= thresholds.lowFitAtMost
					? 'low-fit'
					: null;
		return {
			position,
			band,
			confidence: normalCdf(Math.abs(position) / standardError),
			verdict: verdictFor(position, band, thresholds.clearPosition),
			noVerdictReason: null,
			profile,
			...highlightFacets(facets, thresholds.facetsToHighlight)
		};
	}

	return function score(answers, timings) {
		const observations: Record<ScaleId, number[]> = { strategic: [], tactical: [] };
		const facetSums = new Float64Array(content.facets.length);
		const facetCounts = new Uint16Array(content.facets.length);

		for (const item of content.items) {
			const answer = answers[item.id];
			if (answer === undefined) continue;
			if (!isValidAnswer(item, answer)) {
				throw new RangeError(
					`answer to "${item.id}" must be an integer from 1 to 5, got ${answer}`
				);
			}
			const observation = (keyedValue(item, answer) - 1) / 4;
			observations[item.scale].push(observation);
			const index = facetIndex.get(item.facet)!;
			facetSums[index]! += observation;
			facetCounts[index]! += 1;
		}
		for (const scenario of content.scenarios) {
			const answer = answers[scenario.id];
			if (answer === undefined) continue;
			if (!isValidAnswer(scenario, answer)) {
				throw new RangeError(
					`answer to "${scenario.id}" must be an option number from 1 to ${scenario.options.length}, got ${answer}`
				);
			}
			const { weights } = scenario.options[answer - 1]!;
			for (const id of scaleIds) observations[id].push(weights[id]);
		}

		const scales = {} as Record<ScaleId, ScaleScore>;
		for (const id of scaleIds) {
			const answered = observations[id].length;
			scales[id] = {
				score: answered > 0 ? 100 * mean(observations[id]) : null,
				answered,
				total: totals[id],
				answeredShare: answered / totals[id]
			};
		}
		const facets: FacetScore[] = content.facets.map((facet, index) => ({
			id: facet.id,
			scale: facet.scale,
			name: facet.name,
			score: facetCounts[index]! > 0 ? (100 * facetSums[index]!) / facetCounts[index]! : null,
			answered: facetCounts[index]!,
			total: facetTotals[index]!
		}));

		const flags = qualityFlags(content, answers, timings, scales);
		const short = scaleIds.filter((id) => scales[id].answeredShare < thresholds.minAnsweredShare);

		const judgement =
			short.length > 0
				? withoutVerdict(
						short
							.map((id) => {
								const { answered, total } = scales[id];
								return `Only ${answered} of the ${total} questions on the ${scaleById.get(id)!.name} scale were answered; a verdict needs at least ${Math.round(thresholds.minAnsweredShare * 100)}%.`;
							})
							.join(' ')
					)
				: judge(observations, scales, facets);

		return {
			instrument: {
				version: content.instrument.version,
				fingerprint: content.instrument.fingerprint
			},
			scales,
			facets,
			...judgement,
			flags,
			explanations: explain({ ...judgement, flags })
		};
	};
}

/** The part of a result that needs enough answers to say anything. */
type Judgement = Pick<
	ScoreResult,
	| 'position'
	| 'band'
	| 'confidence'
	| 'verdict'
	| 'noVerdictReason'
	| 'profile'
	| 'strengths'
	| 'growthAreas'
>;

/** A result without a verdict: facets of a half-answered quiz would mislead, so none are highlighted. */
function withoutVerdict(noVerdictReason: string): Judgement {
	return {
		position: null,
		band: null,
		confidence: null,
		verdict: null,
		noVerdictReason,
		profile: null,
		strengths: [],
		growthAreas: []
	};
}

/** "Balanced" whenever the band reaches zero; otherwise clear or leaning by distance. */
export function verdictFor(
	position: number,
	band: { low: number; high: number },
	clearPosition: number
): VerdictId {
	if (band.low <= 0 && band.high >= 0) return 'balanced';
	const strength = Math.abs(position) >= clearPosition ? 'clear' : 'leaning';
	return `${strength}-${position > 0 ? 'product' : 'project'}`;
}

/**
 * Strengths: the highest facets at or above the midpoint; growth areas: the
 * lowest below it. Ties keep the rubric's order.
 */
function highlightFacets(facets: FacetScore[], count: number) {
	const scored = facets.filter((facet) => facet.score !== null);
	const strengths = scored
		.filter((facet) => facet.score! >= 50)
		.sort((a, b) => b.score! - a.score!)
		.slice(0, count)
		.map((facet) => facet.id);
	const growthAreas = scored
		.filter((facet) => facet.score! < 50)
		.sort((a, b) => a.score! - b.score!)
		.slice(0, count)
		.map((facet) => facet.id);
	return { strengths, growthAreas };
}
