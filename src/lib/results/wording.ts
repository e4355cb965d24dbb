/**
 * The sentences the result page leads with, built from the score alone so the
 * same words appear on screen, in print and in tests.
 */
import type { ScoreResult, VerdictId } from '../scoring/types.ts';

const verdictSentences: Record<VerdictId, string> = {
	'clear-product': 'Your strengths lean clearly strategic: towards product management.',
	'leaning-product': 'Your strengths lean somewhat strategic: towards product management.',
	balanced: 'Your strengths are balanced between product and project management.',
	'leaning-project': 'Your strengths lean somewhat tactical: towards project management.',
	'clear-project': 'Your strengths lean clearly tactical: towards project management.'
};

/** The verdict in one sentence, or why there is none. */
export function verdictSentence(result: Pick<ScoreResult, 'verdict' | 'noVerdictReason'>): string {
	if (result.verdict === null) return 'We cannot give you a result yet.';
	return verdictSentences[result.verdict];
}

/** Signed, whole-number position as people read it: "+31", "−12", "0". */
export function formatPosition(value: number): string {
	const rounded = Math.round(value);
	if (rounded === 0) return '0';
	return rounded > 0 ? `+${rounded}` : `−${Math.abs(rounded)}`;
}

/** How sure the result is, in words, with the numbers behind them. */
export function certaintySentence(
	result: Pick<ScoreResult, 'verdict' | 'position' | 'band' | 'confidence'>
): string | null {
	const { verdict, position, band, confidence } = result;
	if (verdict === null || position === null || band === null || confidence === null) return null;
	const range = `your 90% band runs from ${formatPosition(band.low)} to ${formatPosition(band.high)}`;
	if (verdict === 'balanced') {
		return `Your position is ${formatPosition(position)} on a scale from −100 (project) to +100 (product), and ${range}: it includes zero, so we cannot say you lean either way.`;
	}
	const percent = Math.min(99, Math.round(confidence * 100));
	const sure =
		confidence >= 0.95 ? 'very sure' : confidence >= 0.8 ? 'fairly sure' : 'somewhat sure';
	return `We are ${sure} of the direction (${percent}%). Your position is ${formatPosition(position)} on a scale from −100 (project) to +100 (product); ${range}.`;
}
