/**
 * A reference scorer: the scoring math written out again as plainly as
 * possible, from the doc comment of src/lib/scoring/score.ts, so that the
 * compiled engine (`scoreWithPlan`) can be checked against it
 * (tests/unit/reference-scorer.test.ts) and `npm run bench` can report how
 * much faster the engine is.
 *
 * It deliberately shares no code with src/lib/scoring: it walks the content
 * on every call (finding each item's scale, each option's weights and each
 * pair's statements by id), keeps every observation in a list and computes
 * means and variances in two passes, the way the first engine did.
 */
import type { Content } from '../../src/lib/content/types.ts';
import type { Answers, Timings } from '../../src/lib/scoring/types.ts';

type Scale = 'strategic' | 'tactical';
const scales: Scale[] = ['strategic', 'tactical'];

export interface ReferenceBand {
	low: number;
	high: number;
}

export interface ReferenceResult {
	levels: Record<Scale, number | null>;
	levelBands: Record<Scale, ReferenceBand | null>;
	answered: Record<Scale, number>;
	facets: Record<string, number | null>;
	position: number | null;
	band: ReferenceBand | null;
	standardError: number | null;
	verdict: 'product' | 'in-between' | 'project' | null;
	lean: 'product' | 'project' | null;
	profile: 'hybrid' | 'low-fit' | 'undecided' | null;
	firmness: 'firm' | 'tentative' | null;
	flags: { id: string; detail: string }[];
	strengths: string[];
	growthAreas: string[];
}

/** Halves away from zero: 2.5 → 3, −2.5 → −3. */
function round(value: number): number {
	return Math.sign(value) * Math.floor(Math.abs(value) + 0.5);
}

/** Levels (0–100) round halves away from the middle: 41.5 → 41, 58.5 → 59. */
function roundLevel(value: number): number {
	return 50 + round(value - 50);
}

const clamp = (value: number, low: number, high: number) =>
	value < low ? low : value > high ? high : value;

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const mean = (values: number[]) => sum(values) / values.length;

/** The spread of values taken as equally likely (divides by n). */
function populationVariance(values: number[]): number {
	const average = mean(values);
	return mean(values.map((value) => (value - average) ** 2));
}

/**
 * The spread of a sample (divides by n − 1); 0 for fewer than two values.
 * Written as (Σx² − (Σx)² / n) / (n − 1), the engine's order of operations:
 * a band edge can land exactly on .5 (a variance of 1/7 over 7 answers gives
 * 36 − 23.5), and a two-pass formula rounds such a case the other way.
 */
function sampleVariance(values: number[]): number {
	if (values.length < 2) return 0;
	const total = sum(values);
	const squares = sum(values.map((value) => value * value));
	return Math.max(0, (squares - (total * total) / values.length) / (values.length - 1));
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Agreement answers 1–5 become 0–1, reverse-keyed statements flipped. */
function keyed(content: Content, itemId: string, answer: number): number {
	const item = content.items.find((candidate) => candidate.id === itemId)!;
	return item.keyed === 'plus' ? answer : 6 - answer;
}

/** The smallest error variances an observation is taken to have. */
function floors(content: Content) {
	const errorShare = 1 - content.instrument.measurement.assumedAnswerReliability;
	const scenarioSpreads = content.scenarios.map((scenario) =>
		populationVariance(scenario.options.map((option) => option.weights.strategic))
	);
	return {
		statement: errorShare * populationVariance([0, 0.25, 0.5, 0.75, 1]),
		scenario: scenarioSpreads.length === 0 ? 0 : errorShare * mean(scenarioSpreads)
	};
}

export function referenceScore(
	content: Content,
	answers: Answers,
	timings?: Timings
): ReferenceResult {
	const { thresholds, measurement, likertLabels } = content.instrument;
	const z = measurement.bandZ;
	const floor = floors(content);

	// Observations, statement by statement and scenario by scenario.
	const statementObservations: Record<Scale, number[]> = { strategic: [], tactical: [] };
	const facetObservations: Record<string, number[]> = {};
	for (const facet of content.facets) facetObservations[facet.id] = [];
	for (const item of content.items) {
		const answer = answers[item.id];
		if (answer === undefined) continue;
		const observation = (keyed(content, item.id, answer) - 1) / 4;
		const facet = content.facets.find((candidate) => candidate.id === item.facet)!;
		statementObservations[facet.scale].push(observation);
		facetObservations[facet.id]!.push(observation);
	}
	const picks: { strategic: number; tactical: number }[] = [];
	for (const scenario of content.scenarios) {
		const answer = answers[scenario.id];
		if (answer === undefined) continue;
		picks.push(scenario.options[answer - 1]!.weights);
	}

	const w = measurement.scenarioWeight;
	const totals = {} as Record<Scale, number>;
	const statementTotals = {} as Record<Scale, number>;
	const answered = {} as Record<Scale, number>;
	const levels = {} as Record<Scale, number | null>;
	const levelBands = {} as Record<Scale, ReferenceBand | null>;
	const variances = {} as Record<Scale, number>;
	const pickVariance = Math.max(
		sampleVariance(picks.map((pick) => pick.strategic)),
		floor.scenario
	);
	for (const scale of scales) {
		statementTotals[scale] = content.items.filter((item) => item.scale === scale).length;
		totals[scale] = statementTotals[scale] + content.scenarios.length;
		const statements = statementObservations[scale];
		// A weighted mean: 1 for a statement, w for a pick.
		const weighted = [
			...statements.map((value) => ({ value, weight: 1 })),
			...picks.map((pick) => ({ value: pick[scale], weight: w }))
		];
		answered[scale] = weighted.length;
		const totalWeight = sum(weighted.map((o) => o.weight));
		if (totalWeight === 0) {
			levels[scale] = null;
			levelBands[scale] = null;
			continue;
		}
		const level = roundLevel((100 * sum(weighted.map((o) => o.weight * o.value))) / totalWeight);
		const statementVariance = Math.max(sampleVariance(statements), floor.statement);
		// The variance of a weighted mean: Σ weight² × error variance, over (Σ weight)².
		variances[scale] =
			(statements.length * statementVariance + picks.length * w * w * pickVariance) /
			totalWeight ** 2;
		const halfWidth = z * 100 * Math.sqrt(variances[scale]);
		levels[scale] = level;
		levelBands[scale] = {
			low: roundLevel(clamp(level - halfWidth, 0, 100)),
			high: roundLevel(clamp(level + halfWidth, 0, 100))
		};
	}

	const facets: Record<string, number | null> = {};
	for (const facet of content.facets) {
		const observations = facetObservations[facet.id]!;
		facets[facet.id] =
			observations.length === 0
				? null
				: roundLevel((100 * sum(observations)) / observations.length);
	}

	const statementsAnswered = {
		strategic: statementObservations.strategic.length,
		tactical: statementObservations.tactical.length
	};
	const flags = referenceFlags(
		content,
		answers,
		timings,
		statementsAnswered,
		statementTotals,
		likertLabels
	);

	const short = scales.filter(
		(scale) => statementsAnswered[scale] / statementTotals[scale] < thresholds.minAnsweredShare
	);
	if (short.length > 0) {
		return {
			levels,
			levelBands,
			answered,
			facets,
			position: null,
			band: null,
			standardError: null,
			verdict: null,
			lean: null,
			profile: null,
			firmness: null,
			flags,
			strengths: [],
			growthAreas: []
		};
	}

	const strategic = levels.strategic!;
	const tactical = levels.tactical!;
	const position = strategic - tactical;
	// One pick counts on both scales with opposite signs: Cov(S, T) = −picks × w² × var / (WS × WT),
	// W being a scale's total weight.
	const weightOf = (scale: Scale) => statementsAnswered[scale] + w * picks.length;
	const covariance =
		-(picks.length * w * w * pickVariance) / (weightOf('strategic') * weightOf('tactical'));
	const standardError = 100 * Math.sqrt(variances.strategic + variances.tactical - 2 * covariance);
	const band = {
		low: round(clamp(position - z * standardError, -100, 100)),
		high: round(clamp(position + z * standardError, -100, 100))
	};

	// Read from the rounded position and band alone.
	const distance = thresholds.directionAtLeast;
	let verdict: ReferenceResult['verdict'] = 'in-between';
	if (band.low > 0 && position >= distance) verdict = 'product';
	if (band.high < 0 && position <= -distance) verdict = 'project';
	const lean: ReferenceResult['lean'] = band.low > 0 ? 'product' : band.high < 0 ? 'project' : null;

	let profile: ReferenceResult['profile'] = null;
	let firmness: ReferenceResult['firmness'] = null;
	if (verdict === 'in-between') {
		if (strategic >= thresholds.hybridAtLeast && tactical >= thresholds.hybridAtLeast) {
			profile = 'hybrid';
		} else if (strategic <= thresholds.lowFitAtMost && tactical <= thresholds.lowFitAtMost) {
			profile = 'low-fit';
		} else if (lean === null) {
			profile = 'undecided';
		}
	} else {
		const nearEdge = verdict === 'product' ? band.low : -band.high;
		firmness = nearEdge >= distance ? 'firm' : 'tentative';
	}

	// Strengths: highest facets at least the margin above the mean of the others; growth areas:
	// lowest at least the margin below it; ties in rubric order.
	const scored = content.facets
		.map((facet, order) => ({ id: facet.id, score: facets[facet.id]!, order }))
		.filter((facet) => facets[facet.id] !== null);
	const othersMean = (facet: { id: string }) =>
		mean(scored.filter((other) => other.id !== facet.id).map((other) => other.score));
	const margin = thresholds.facetStandsOutBy;
	const strengths = scored
		.filter((facet) => scored.length > 1 && facet.score - othersMean(facet) >= margin)
		.sort((a, b) => b.score - a.score || a.order - b.order)
		.slice(0, thresholds.facetsToHighlight)
		.map((facet) => facet.id);
	const growthAreas = scored
		.filter((facet) => scored.length > 1 && othersMean(facet) - facet.score >= margin)
		.sort((a, b) => a.score - b.score || a.order - b.order)
		.slice(0, thresholds.facetsToHighlight)
		.map((facet) => facet.id);

	return {
		levels,
		levelBands,
		answered,
		facets,
		position,
		band,
		standardError,
		verdict,
		lean,
		profile,
		firmness,
		flags,
		strengths,
		growthAreas
	};
}

function referenceFlags(
	content: Content,
	answers: Answers,
	timings: Timings | undefined,
	answered: Record<Scale, number>,
	totals: Record<Scale, number>,
	labels: readonly string[]
): ReferenceResult['flags'] {
	const { thresholds } = content.instrument;
	const flags: ReferenceResult['flags'] = [];

	// Straight-lining: at least 5 agreement answers, the commonest (lowest value on a tie) ≥ share.
	const given = content.items.flatMap((item) =>
		answers[item.id] === undefined ? [] : [answers[item.id]!]
	);
	const counts = [1, 2, 3, 4, 5].map((value) => given.filter((answer) => answer === value).length);
	const most = Math.max(...counts);
	if (given.length >= 5 && most / given.length >= thresholds.straightLiningShare) {
		const label = labels[counts.indexOf(most)];
		flags.push({
			id: 'straight-lining',
			detail: `${most} of your ${given.length} agreement answers were "${label}".`
		});
	}

	// Inconsistent: pairs of opposite statements whose keyed answers are at least the gap apart.
	let checked = 0;
	let contradicted = 0;
	for (const pair of content.consistencyPairs) {
		const [first, second] = pair.items;
		if (answers[first] === undefined || answers[second] === undefined) continue;
		checked += 1;
		const gap = Math.abs(
			keyed(content, first, answers[first]!) - keyed(content, second, answers[second]!)
		);
		if (gap >= thresholds.contradictionGap) contradicted += 1;
	}
	if (contradicted >= thresholds.contradictedPairsAtLeast) {
		flags.push({
			id: 'inconsistent',
			detail: `${contradicted} of ${checked} pairs of opposite statements got the same kind of answer.`
		});
	}

	// Rushing: the median time over answered questions (finite numbers only) below the limit.
	if (timings) {
		const seconds = content.sequence
			.filter((id) => answers[id] !== undefined)
			.map((id) => timings[id])
			.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
		if (seconds.length > 0 && median(seconds) < thresholds.rushingMedianSeconds) {
			flags.push({
				id: 'rushing',
				detail: `Half of your answers took less than ${median(seconds).toFixed(1)} seconds.`
			});
		}
	}

	// Incomplete: a scale with too small a share of its statements answered.
	const short = scales.filter(
		(scale) => answered[scale] / totals[scale] < thresholds.minAnsweredShare
	);
	if (short.length > 0) {
		const total = sum(short.map((scale) => totals[scale]));
		const count = sum(short.map((scale) => answered[scale]));
		flags.push({
			id: 'incomplete',
			detail: `${count} of ${total} statements were answered on the ${short.join(' and ')} scale${short.length > 1 ? 's' : ''}.`
		});
	}
	return flags;
}
