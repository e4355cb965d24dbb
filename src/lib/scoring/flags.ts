/**
 * Quality flags: signs that the answers may not reflect the person well.
 * They never change the scores; they ask the reader to take care.
 */
import type { Content } from '../content/types.ts';
import { median } from './statistics.ts';
import type { Answers, QualityFlag, ScaleId, ScaleScore, Timings } from './types.ts';

/** Fewer agreement answers than this cannot show straight-lining. */
const minAnswersForStraightLining = 5;

export function qualityFlags(
	content: Content,
	answers: Answers,
	timings: Timings | undefined,
	scales: Record<ScaleId, ScaleScore>
): QualityFlag[] {
	const { thresholds } = content.instrument;
	const flags: QualityFlag[] = [];

	// Straight-lining: the same point of the agreement scale, again and again.
	const counts = [0, 0, 0, 0, 0, 0];
	let answered = 0;
	for (const item of content.items) {
		const answer = answers[item.id];
		if (answer === undefined) continue;
		counts[answer]! += 1;
		answered += 1;
	}
	const mostCommon = Math.max(...counts);
	if (
		answered >= minAnswersForStraightLining &&
		mostCommon / answered >= thresholds.straightLiningShare
	) {
		const label = content.instrument.likertLabels[counts.indexOf(mostCommon) - 1]!;
		flags.push({
			id: 'straight-lining',
			detail: `${mostCommon} of your ${answered} agreement answers were "${label}".`
		});
	}

	// Contradictions: two items that should agree, answered far apart.
	const keyedOf = new Map(content.items.map((item) => [item.id, item.keyed]));
	let contradicted = 0;
	let checked = 0;
	for (const pair of content.consistencyPairs) {
		const [first, second] = pair.items.map((id) => {
			const answer = answers[id];
			return answer === undefined ? undefined : keyedOf.get(id) === 'plus' ? answer : 6 - answer;
		});
		if (first === undefined || second === undefined) continue;
		checked += 1;
		if (Math.abs(first - second) >= thresholds.contradictionGap) contradicted += 1;
	}
	if (contradicted >= thresholds.contradictedPairsAtLeast) {
		flags.push({
			id: 'inconsistent',
			detail: `${contradicted} of ${checked} pairs of similar statements got opposite answers.`
		});
	}

	// Rushing: a median under a couple of seconds is faster than reading.
	if (timings) {
		const seconds = content.sequence
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

	// Incomplete: a scale with too few answers gets no verdict.
	const short = (Object.keys(scales) as ScaleId[]).filter(
		(id) => scales[id].answeredShare < thresholds.minAnsweredShare
	);
	if (short.length > 0) {
		const total = short.reduce((sum, id) => sum + scales[id].total, 0);
		const answeredShort = short.reduce((sum, id) => sum + scales[id].answered, 0);
		flags.push({
			id: 'incomplete',
			detail: `${answeredShort} of ${total} questions were answered on the ${short.join(' and ')} scale${short.length > 1 ? 's' : ''}.`
		});
	}

	return flags;
}
