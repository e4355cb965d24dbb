/**
 * The scoring engine: a pure function of the content and one person's answers.
 *
 * Every answer becomes an observation between 0 and 1: an agreement statement
 * gives (keyed value − 1) / 4, where a reverse-keyed statement's value is
 * flipped (6 − value); a scenario gives the chosen option's weight on each
 * scale. A scale's level is the weighted mean of its observations × 100, each
 * scenario pick weighing `scenarioWeight` of a statement (a forced choice moves
 * the position without carrying a level on its own); a facet's level is the
 * mean of its statements'. The position is strategic − tactical.
 *
 * Its band comes from a measurement model (technical manual, "Uncertainty"):
 * the position is a weighted sum of observations whose error variances are the
 * person's own spread, never less than a floor set by an assumed reliability,
 * and a scenario's one pick enters both scales with opposite signs, so its
 * error counts twice over in the difference (Hicks 1970).
 *
 * Everything a person sees is rounded once (levels halves away from 50, the
 * position's range halves away from 0, so mirror images show mirror numbers),
 * and every decision reads the rounded numbers (STYLE 18) and nothing else: two
 * people shown the same levels, position and ranges get the same verdict,
 * profile and lean. The content is compiled once into a plan.
 */
import { compileScoringPlan, type ScoringPlan } from './plan.ts';
import { explanationSelector } from './explain.ts';
import { qualityFlags } from './flags.ts';
import { clamp, roundHalfAway, roundLevel, sampleVariance } from './statistics.ts';
import type { ResultContent, LikertItem, Scenario, Thresholds } from '../content/types.ts';
import { optionCountOf } from '../content/questionnaire.ts';
import type {
	Answers,
	Band,
	FacetScore,
	FirmnessId,
	LeanId,
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

const scorers = new WeakMap<ResultContent, Scorer>();

/** Scores one person's answers (the plan is compiled on first use per content). */
export function scoreAnswers(
	content: ResultContent,
	answers: Answers,
	timings?: Timings
): ScoreResult {
	let scorer = scorers.get(content);
	if (!scorer) {
		scorer = createScorer(content);
		scorers.set(content, scorer);
	}
	return scorer(answers, timings);
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

/** The side the rounded band lies wholly on, or null when it includes 0. */
export function leanFor(band: Band): LeanId | null {
	if (band.low > 0) return 'product';
	if (band.high < 0) return 'project';
	return null;
}

/**
 * What kind of in-between: both levels high, both low, or (only when the band
 * includes 0, so nothing points to a side) not settled; null for a slight lean
 * with neither both levels high nor both low, which the lean describes.
 */
export function profileFor(
	strategic: number,
	tactical: number,
	lean: LeanId | null,
	thresholds: Pick<Thresholds, 'hybridAtLeast' | 'lowFitAtMost'>
): ProfileId | null {
	if (strategic >= thresholds.hybridAtLeast && tactical >= thresholds.hybridAtLeast) {
		return 'hybrid';
	}
	if (strategic <= thresholds.lowFitAtMost && tactical <= thresholds.lowFitAtMost) {
		return 'low-fit';
	}
	return lean === null ? 'undecided' : null;
}

/** Firm when even the band's edge nearest 0 is a direction's distance away. */
export function firmnessFor(band: Band, verdict: 'product' | 'project', directionAtLeast: number) {
	const nearEdge = verdict === 'product' ? band.low : -band.high;
	return (nearEdge >= directionAtLeast ? 'firm' : 'tentative') satisfies FirmnessId;
}

/** Compiles the content once and returns a function that scores answers against it. */
export function createScorer(content: ResultContent): Scorer {
	const plan = compileScoringPlan(content);
	const explain = explanationSelector(content);
	return (answers, timings) => {
		const result = scoreWithPlan(plan, answers, timings);
		result.explanations = explain(result);
		return result;
	};
}

/**
 * Scratch space for one call of `scoreWithPlan`, reused so that scoring a
 * person allocates nothing but the result (a typed array of more than a few
 * bytes costs a buffer outside the heap). Scoring is synchronous and never
 * re-entered, and every call clears what it uses before reading it.
 */
const scratch = {
	keyed: new Uint8Array(64),
	facetSums: new Float64Array(16),
	facetCounts: new Uint16Array(16),
	answerCounts: [0, 0, 0, 0, 0, 0]
};

/** Scores answers against a compiled plan; the result's explanations are left empty. */
export function scoreWithPlan(plan: ScoringPlan, answers: Answers, timings?: Timings): ScoreResult {
	const { thresholds, measurement, statements, scenarios, floors } = plan;
	const statementCount = statements.length;
	const facetCount = plan.facets.length;
	if (scratch.keyed.length < statementCount) scratch.keyed = new Uint8Array(statementCount);
	if (scratch.facetSums.length < facetCount) {
		scratch.facetSums = new Float64Array(facetCount);
		scratch.facetCounts = new Uint16Array(facetCount);
	}
	const { keyed, facetSums, facetCounts, answerCounts } = scratch;
	facetSums.fill(0, 0, facetCount);
	facetCounts.fill(0, 0, facetCount);
	for (let answer = 0; answer <= 5; answer += 1) answerCounts[answer] = 0;

	// Statements answered on each scale, their observations' sum and sum of squares.
	let strategicStatements = 0;
	let strategicSum = 0;
	let strategicSquares = 0;
	let tacticalStatements = 0;
	let tacticalSum = 0;
	let tacticalSquares = 0;
	for (let index = 0; index < statementCount; index += 1) {
		const statement = statements[index]!;
		const answer = answers[statement.id];
		if (answer === undefined) {
			keyed[index] = 0;
			continue;
		}
		if (!Number.isInteger(answer) || answer < 1 || answer > 5) {
			throw new RangeError(
				`answer to "${statement.id}" must be an integer from 1 to 5, got ${answer}`
			);
		}
		const value = statement.plus ? answer : 6 - answer;
		const observation = (value - 1) / 4;
		if (statement.scale === 0) {
			strategicStatements += 1;
			strategicSum += observation;
			strategicSquares += observation * observation;
		} else {
			tacticalStatements += 1;
			tacticalSum += observation;
			tacticalSquares += observation * observation;
		}
		facetSums[statement.facet]! += observation;
		facetCounts[statement.facet]! += 1;
		keyed[index] = value;
		answerCounts[answer]! += 1;
	}

	// A scenario's pick is one observation that both scales share.
	let picks = 0;
	let strategicWeights = 0;
	let tacticalWeights = 0;
	let pickSquares = 0;
	for (let index = 0; index < scenarios.length; index += 1) {
		const scenario = scenarios[index]!;
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
		pickSquares += weight * weight;
	}

	// Each scale's total weight: one per statement, `scenarioWeight` per pick.
	const pickWeight = measurement.scenarioWeight;
	const strategicWeight = strategicStatements + pickWeight * picks;
	const tacticalWeight = tacticalStatements + pickWeight * picks;

	// Error variances of one observation: the person's own spread, never below the floor.
	const pickVariance = Math.max(
		sampleVariance(picks, strategicWeights, pickSquares),
		floors.scenario
	);
	// The picks' share of a level's error variance: Σ weight² × variance.
	const pickError = pickWeight * pickWeight * picks * pickVariance;
	const strategicVariance =
		(strategicStatements *
			Math.max(
				sampleVariance(strategicStatements, strategicSum, strategicSquares),
				floors.statement
			) +
			pickError) /
		strategicWeight ** 2;
	const tacticalVariance =
		(tacticalStatements *
			Math.max(sampleVariance(tacticalStatements, tacticalSum, tacticalSquares), floors.statement) +
			pickError) /
		tacticalWeight ** 2;

	const strategic =
		strategicWeight > 0
			? roundLevel((100 * (strategicSum + pickWeight * strategicWeights)) / strategicWeight)
			: null;
	const tactical =
		tacticalWeight > 0
			? roundLevel((100 * (tacticalSum + pickWeight * tacticalWeights)) / tacticalWeight)
			: null;
	const scales: Record<ScaleId, ScaleScore> = {
		strategic: scaleScore(
			strategic,
			measurement.bandZ,
			strategicVariance,
			strategicStatements + picks,
			plan.totals[0],
			strategicStatements / plan.statementTotals[0]
		),
		tactical: scaleScore(
			tactical,
			measurement.bandZ,
			tacticalVariance,
			tacticalStatements + picks,
			plan.totals[1],
			tacticalStatements / plan.statementTotals[1]
		)
	};

	const facets: FacetScore[] = new Array(facetCount);
	for (let index = 0; index < facetCount; index += 1) {
		const facet = plan.facets[index]!;
		const count = facetCounts[index]!;
		facets[index] = {
			id: facet.id,
			scale: facet.scale,
			name: facet.name,
			score: count > 0 ? roundLevel((100 * facetSums[index]!) / count) : null,
			answered: count,
			total: facet.total
		};
	}

	const flags = qualityFlags(plan, { scales, answerCounts, keyed, answers, timings });

	const strategicShort = scales.strategic.answeredShare < thresholds.minAnsweredShare;
	const tacticalShort = scales.tactical.answeredShare < thresholds.minAnsweredShare;
	if (strategicShort || tacticalShort) {
		return {
			instrument: plan.instrument,
			scales,
			facets,
			flags,
			explanations: [],
			position: null,
			band: null,
			standardError: null,
			verdict: null,
			lean: null,
			profile: null,
			firmness: null,
			noVerdictReason: noVerdictReason(plan, scales, strategicShort, tacticalShort),
			// Facets of a half-answered quiz would mislead, so none are highlighted.
			strengths: [],
			growthAreas: []
		};
	}

	const position = strategic! - tactical!;
	// Var(S − T) = Var(S) + Var(T) − 2 Cov(S, T); a pick adds to S what it takes from T.
	const covariance = -pickError / (strategicWeight * tacticalWeight);
	const standardError = 100 * Math.sqrt(strategicVariance + tacticalVariance - 2 * covariance);
	const halfWidth = measurement.bandZ * standardError;
	const band = {
		low: roundHalfAway(clamp(position - halfWidth, -100, 100)),
		high: roundHalfAway(clamp(position + halfWidth, -100, 100))
	};
	// Read from the rounded position and band alone (the content check keeps the
	// scenarios' reach below the threshold, so no answered count is needed).
	const verdict = verdictFor(position, band, thresholds.directionAtLeast);
	const lean = leanFor(band);

	return {
		instrument: plan.instrument,
		scales,
		facets,
		flags,
		explanations: [],
		position,
		band,
		standardError,
		verdict,
		lean,
		profile: verdict === 'in-between' ? profileFor(strategic!, tactical!, lean, thresholds) : null,
		firmness:
			verdict === 'in-between' ? null : firmnessFor(band, verdict, thresholds.directionAtLeast),
		noVerdictReason: null,
		strengths: standOutFacets(facets, thresholds, true),
		growthAreas: standOutFacets(facets, thresholds, false)
	};
}

/** A scale's level with its band (level ± z standard errors, within 0–100). */
function scaleScore(
	level: number | null,
	z: number,
	variance: number,
	answered: number,
	total: number,
	answeredShare: number
): ScaleScore {
	let band: Band | null = null;
	if (level !== null) {
		const halfWidth = z * 100 * Math.sqrt(variance);
		band = {
			low: roundLevel(clamp(level - halfWidth, 0, 100)),
			high: roundLevel(clamp(level + halfWidth, 0, 100))
		};
	}
	return { score: level, band, answered, total, answeredShare };
}

function noVerdictReason(
	plan: ScoringPlan,
	scales: Record<ScaleId, ScaleScore>,
	strategicShort: boolean,
	tacticalShort: boolean
): string {
	const share = Math.round(plan.thresholds.minAnsweredShare * 100);
	const reasons: string[] = [];
	([0, 1] as const).forEach((index) => {
		if (!(index === 0 ? strategicShort : tacticalShort)) return;
		const total = plan.statementTotals[index]!;
		const answered = Math.round(scales[scaleIds[index]!].answeredShare * total);
		reasons.push(
			`Only ${answered} of the ${total} statements on the ${plan.scaleNames[index]} scale were answered; a result needs at least ${share}%.`
		);
	});
	return reasons.join(' ');
}

/**
 * Strengths (`high`): the highest facets that stand `facetStandsOutBy` points
 * or more above the mean of the person's other facets; growth areas: the
 * lowest that stand as far below it. At most `facetsToHighlight` of each,
 * ties in the rubric's order. Equal facets never stand out from each other, so
 * answers that favour no facet highlight none.
 */
function standOutFacets(
	facets: FacetScore[],
	thresholds: Pick<Thresholds, 'facetsToHighlight' | 'facetStandsOutBy'>,
	high: boolean
): string[] {
	let scored = 0;
	let sum = 0;
	for (const facet of facets) {
		if (facet.score === null) continue;
		scored += 1;
		sum += facet.score;
	}
	if (scored < 2) return [];
	const picked: FacetScore[] = [];
	for (const facet of facets) {
		const score = facet.score;
		if (score === null) continue;
		const othersMean = (sum - score) / (scored - 1);
		const margin = high ? score - othersMean : othersMean - score;
		if (margin < thresholds.facetStandsOutBy) continue;
		// After every picked facet that ranks the same or better (earlier wins a tie).
		let at = picked.length;
		while (at > 0 && (high ? picked[at - 1]!.score! < score : picked[at - 1]!.score! > score)) {
			at -= 1;
		}
		if (at >= thresholds.facetsToHighlight) continue;
		picked.splice(at, 0, facet);
		if (picked.length > thresholds.facetsToHighlight) picked.pop();
	}
	return picked.map((facet) => facet.id);
}
