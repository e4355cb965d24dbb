/**
 * Quality flags: signs that the answers may not reflect the person well
 * (Meade & Craig 2012; Curran 2016). They never change the scores; they ask
 * the reader to take care.
 */
import type { ScoringPlan } from './plan.ts';
import { median } from './statistics.ts';
import type { Answers, QualityFlag, ScaleId, ScaleScore, Timings } from './types.ts';

/** Fewer agreement answers than this cannot show straight-lining. */
const minAnswersForStraightLining = 5;

/** What the scorer has already counted, so the flags need not walk the answers again. */
export interface FlagInput {
	scales: Record<ScaleId, ScaleScore>;
	/** How often each agreement answer (1–5) was given, at indexes 1–5. */
	answerCounts: readonly number[];
	/** Each statement's keyed value (1–5) by plan index; 0 when unanswered. */
	keyed: Uint8Array;
	answers: Answers;
	timings: Timings | undefined;
}

export function qualityFlags(plan: ScoringPlan, input: FlagInput): QualityFlag[] {
	const { thresholds } = plan;
	const flags: QualityFlag[] = [];

	// Straight-lining (a long string): the same point of the agreement scale, again and again.
	const { answerCounts } = input;
	let answered = 0;
	let mostCommon = 0;
	let mostCommonAnswer = 0;
	for (let answer = 1; answer <= 5; answer += 1) {
		const count = answerCounts[answer]!;
		answered += count;
		if (count > mostCommon) {
			mostCommon = count;
			mostCommonAnswer = answer;
		}
	}
	if (
		answered >= minAnswersForStraightLining &&
		mostCommon / answered >= thresholds.straightLiningShare
	) {
		const label = plan.likertLabels[mostCommonAnswer - 1]!;
		flags.push({
			id: 'straight-lining',
			detail: `${mostCommon} of your ${answered} agreement answers were "${label}".`
		});
	}

	// Contradictions: a statement and its opposite, both agreed with (or both disagreed with).
	let contradicted = 0;
	let checked = 0;
	const { pairs } = plan;
	const { keyed } = input;
	for (let index = 0; index < pairs.length; index += 1) {
		const pair = pairs[index]!;
		const a = keyed[pair[0]]!;
		const b = keyed[pair[1]]!;
		if (a === 0 || b === 0) continue;
		checked += 1;
		if (Math.abs(a - b) >= thresholds.contradictionGap) contradicted += 1;
	}
	if (contradicted >= thresholds.contradictedPairsAtLeast) {
		flags.push({
			id: 'inconsistent',
			detail: `${contradicted} of ${checked} pairs of opposite statements got the same kind of answer.`
		});
	}

	// Rushing: a median under a couple of seconds is faster than reading.
	const { timings, answers } = input;
	if (timings) {
		const seconds = plan.sequence
			.filter((id) => answers[id] !== undefined)
			.map((id) => timings[id])
			.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
		if (seconds.length > 0) {
			const typical = median(seconds);
			if (typical < thresholds.rushingMedianSeconds) {
				flags.push({
					id: 'rushing',
					detail: `Half of your answers took less than ${typical.toFixed(1)} seconds.`
				});
			}
		}
	}

	// Incomplete: a scale with too few statements answered gets no verdict.
	const short: ScaleId[] = [];
	let total = 0;
	let answeredShort = 0;
	(['strategic', 'tactical'] as const).forEach((scale, index) => {
		const { answeredShare } = input.scales[scale];
		if (answeredShare >= thresholds.minAnsweredShare) return;
		const statements = plan.statementTotals[index]!;
		short.push(scale);
		total += statements;
		answeredShort += Math.round(answeredShare * statements);
	});
	if (short.length > 0) {
		flags.push({
			id: 'incomplete',
			detail: `${answeredShort} of ${total} statements were answered on the ${short.join(' and ')} scale${short.length > 1 ? 's' : ''}.`
		});
	}

	return flags;
}
