/**
 * The scoring engine: a pure function of the content and one person's answers.
 *
 * Every answer becomes an observation between 0 and 1: an agreement statement
 * gives (keyed value − 1) / 4, where a reverse-keyed statement's value is
 * flipped (6 − value); a scenario gives the chosen option's weight on each
 * scale. A scale's level is the mean of its observations × 100, a facet's the
 * mean of its statements'. The position is strategic − tactical.
 *
 * Its band comes from a measurement model (technical manual, "Uncertainty"):
 * the position is a weighted sum of observations whose error variances are the
 * person's own spread, never less than a floor set by an assumed reliability,
 * and a scenario's one pick enters both scales with opposite signs, so its
 * error counts twice over in the difference (Hicks 1970).
 *
 * Everything a person sees is rounded once, and every decision reads the
 * rounded numbers (STYLE 18). The content is compiled once into a plan.
 */
import { compileScoringPlan, type ScoringPlan } from './plan.ts';
import { explanationSelector } from './explain.ts';
import { qualityFlags } from './flags.ts';
import { clamp, roundHalfAway, sampleVariance } from './statistics.ts';
import type { Content, LikertItem, Scenario, Thresholds } from '../content/types.ts';
import { optionCountOf } from '../content/questionnaire.ts';
import type {
	Answers,
	Band,
	FacetScore,
	FirmnessId,
	ProfileId,
	ScaleId,
	ScaleScore,
	ScoreResult,
	Timings,
	VerdictId
} from './types.ts';

export const scaleIds: readonly ScaleId[] = ['strategic', 'tactical'];

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

/** Scores one person's answers (the plan is compiled on first use per content). */
export function scoreAnswers(content: Content, answers: Answers, timings?: Timings): ScoreResult {
	let scorer = scorers.get(content);
	if (!scorer) {
		scorer = createScorer(content);
		scorers.set(content, scorer);
	}
	return scorer(answers, timings);
}

/** What one person's answers add up to on one scale, before any rounding. */
interface Tally {
	/** Statements answered, their observations' sum and sum of squares. */
	statements: number;
	sum: number;
	squares: number;
}

/**
 * The direction verdict from the rounded position and band: a direction needs
 * the band to leave 0 and the position to be at least `directionAtLeast` away.
 */
export function verdictFor(position: number, band: Band, directionAtLeast: number): VerdictId {
	if (band.low > 0 && position >= directionAtLeast) return 'product';
	if (band.high < 0 && position <= -directionAtLeast) return 'project';
	return 'in-between';
}

/** What kind of in-between: both levels high, both low, or neither. */
export function profileFor(
	strategic: number,
	tactical: number,
	thresholds: Pick<Thresholds, 'hybridAtLeast' | 'lowFitAtMost'>
): ProfileId {
	if (strategic >= thresholds.hybridAtLeast && tactical >= thresholds.hybridAtLeast) {
		return 'hybrid';
	}
	if (strategic <= thresholds.lowFitAtMost && tactical <= thresholds.lowFitAtMost) {
		return 'low-fit';
	}
	return 'undecided';
}

/** Firm when even the band's edge nearest 0 is a direction's distance away. */
export function firmnessFor(band: Band, verdict: 'product' | 'project', directionAtLeast: number) {
	const nearEdge = verdict === 'product' ? band.low : -band.high;
	return (nearEdge >= directionAtLeast ? 'firm' : 'tentative') satisfies FirmnessId;
}

/** Compiles the content once and returns a function that scores answers against it. */
export function createScorer(content: Content): Scorer {
	const plan = compileScoringPlan(content);
	const explain = explanationSelector(content);
	return (answers, timings) => {
		const result = scoreWithPlan(plan, answers, timings);
		result.explanations = explain(result);
		return result;
	};
}

/** Scores answers against a compiled plan; the result's explanations are left empty. */
export function scoreWithPlan(plan: ScoringPlan, answers: Answers, timings?: Timings): ScoreResult {
	const { thresholds, measurement } = plan;
	const tallies: [Tally, Tally] = [
		{ statements: 0, sum: 0, squares: 0 },
		{ statements: 0, sum: 0, squares: 0 }
	];
	const facetSums = new Float64Array(plan.facets.length);
	const facetCounts = new Uint16Array(plan.facets.length);
	const keyed = new Uint8Array(plan.statements.length);
	const answerCounts = [0, 0, 0, 0, 0, 0];

	plan.statements.forEach((statement, index) => {
		const answer = answers[statement.id];
		if (answer === undefined) return;
		if (!Number.isInteger(answer) || answer < 1 || answer > 5) {
			throw new RangeError(
				`answer to "${statement.id}" must be an integer from 1 to 5, got ${answer}`
			);
		}
		const value = statement.plus ? answer : 6 - answer;
		const observation = (value - 1) / 4;
		const tally = tallies[statement.scale]!;
		tally.statements += 1;
		tally.sum += observation;
		tally.squares += observation * observation;
		facetSums[statement.facet]! += observation;
		facetCounts[statement.facet]! += 1;
		keyed[index] = value;
		answerCounts[answer]! += 1;
	});

	// A scenario's pick is one observation that both scales share.
	let picks = 0;
	let strategicWeights = 0;
	let tacticalWeights = 0;
	let strategicSquares = 0;
	for (const scenario of plan.scenarios) {
		const answer = answers[scenario.id];
		if (answer === undefined) continue;
		if (!Number.isInteger(answer) || answer < 1 || answer > scenario.strategic.length) {
			throw new RangeError(
				`answer to "${scenario.id}" must be an option number from 1 to ${scenario.strategic.length}, got ${answer}`
			);
		}
		const weight = scenario.strategic[answer - 1]!;
		picks += 1;
		strategicWeights += weight;
		tacticalWeights += scenario.tactical[answer - 1]!;
		strategicSquares += weight * weight;
	}

	const [strategicTally, tacticalTally] = tallies;
	const answered = [strategicTally.statements + picks, tacticalTally.statements + picks];
	const rawLevels = [
		answered[0]! > 0 ? (100 * (strategicTally.sum + strategicWeights)) / answered[0]! : null,
		answered[1]! > 0 ? (100 * (tacticalTally.sum + tacticalWeights)) / answered[1]! : null
	];

	// Error variances of one observation: the person's own spread, never below the floor.
	const statementVariance = tallies.map((tally) =>
		Math.max(sampleVariance(tally.statements, tally.sum, tally.squares), plan.floors.statement)
	);
	const scenarioVariance = Math.max(
		sampleVariance(picks, strategicWeights, strategicSquares),
		plan.floors.scenario
	);
	const scaleVariance = (scale: 0 | 1) =>
		(tallies[scale].statements * statementVariance[scale]! + picks * scenarioVariance) /
		answered[scale]! ** 2;

	const scales = {} as Record<ScaleId, ScaleScore>;
	const levels: (number | null)[] = [null, null];
	([0, 1] as const).forEach((index) => {
		const raw = rawLevels[index]!;
		const total = plan.totals[index]!;
		const level = raw === null ? null : roundHalfAway(raw);
		levels[index] = level;
		const halfWidth =
			level === null ? 0 : measurement.bandZ * 100 * Math.sqrt(scaleVariance(index));
		scales[scaleIds[index]!] = {
			score: level,
			band:
				level === null
					? null
					: {
							low: roundHalfAway(clamp(level - halfWidth, 0, 100)),
							high: roundHalfAway(clamp(level + halfWidth, 0, 100))
						},
			answered: answered[index]!,
			total,
			answeredShare: answered[index]! / total
		};
	});

	const facets: FacetScore[] = plan.facets.map((facet, index) => ({
		id: facet.id,
		scale: facet.scale,
		name: facet.name,
		score:
			facetCounts[index]! > 0
				? roundHalfAway((100 * facetSums[index]!) / facetCounts[index]!)
				: null,
		answered: facetCounts[index]!,
		total: facet.total
	}));

	const flags = qualityFlags(plan, {
		scales,
		answerCounts,
		keyed,
		answers,
		timings
	});

	const base = {
		instrument: plan.instrument,
		scales,
		facets,
		flags,
		explanations: []
	};

	const short = ([0, 1] as const).filter(
		(index) => scales[scaleIds[index]!].answeredShare < thresholds.minAnsweredShare
	);
	if (short.length > 0) {
		return {
			...base,
			position: null,
			band: null,
			standardError: null,
			verdict: null,
			profile: null,
			firmness: null,
			noVerdictReason: short
				.map((index) => {
					const { answered: count, total } = scales[scaleIds[index]!];
					return `Only ${count} of the ${total} questions on the ${plan.scaleNames[index]} scale were answered; a result needs at least ${Math.round(thresholds.minAnsweredShare * 100)}%.`;
				})
				.join(' '),
			// Facets of a half-answered quiz would mislead, so none are highlighted.
			strengths: [],
			growthAreas: []
		};
	}

	const strategic = levels[0]!;
	const tactical = levels[1]!;
	const position = strategic - tactical;
	// Var(S − T) = Var(S) + Var(T) − 2 Cov(S, T); a pick adds to S what it takes from T.
	const covariance = -(picks * scenarioVariance) / (answered[0]! * answered[1]!);
	const standardError = 100 * Math.sqrt(scaleVariance(0) + scaleVariance(1) - 2 * covariance);
	const halfWidth = measurement.bandZ * standardError;
	const band = {
		low: roundHalfAway(clamp(position - halfWidth, -100, 100)),
		high: roundHalfAway(clamp(position + halfWidth, -100, 100))
	};
	const verdict = verdictFor(position, band, thresholds.directionAtLeast);

	return {
		...base,
		position,
		band,
		standardError,
		verdict,
		profile: verdict === 'in-between' ? profileFor(strategic, tactical, thresholds) : null,
		firmness:
			verdict === 'in-between' ? null : firmnessFor(band, verdict, thresholds.directionAtLeast),
		noVerdictReason: null,
		...highlightFacets(facets, thresholds.facetsToHighlight)
	};
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
