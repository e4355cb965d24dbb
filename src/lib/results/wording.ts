/**
 * The sentences the result page leads with. The words come from content
 * (`instrument.yaml` → `wording`); this module only picks and fills them, so
 * the same words appear on screen, in print, in the image and in tests.
 */
import { fill } from '../content/template.ts';
import type { Wording } from '../content/types.ts';
import type { ScoreResult } from '../scoring/types.ts';

/** The verdict in one plain sentence (with its kind when in between), or why there is none. */
export function verdictSentence(
	result: Pick<ScoreResult, 'verdict' | 'profile'>,
	wording: Wording
): string {
	if (result.verdict === null) return wording.noVerdict;
	if (result.verdict === 'in-between' && result.profile) {
		return wording.profiles[result.profile].sentence;
	}
	return wording.verdicts[result.verdict].sentence;
}

/** The short label of a result: "Leans product", "Strong on both", … */
export function verdictLabel(result: Pick<ScoreResult, 'verdict' | 'profile'>, wording: Wording) {
	if (result.verdict === null) return null;
	if (result.verdict === 'in-between' && result.profile) {
		return wording.profiles[result.profile].label;
	}
	return wording.verdicts[result.verdict].label;
}

/** Signed whole-number position as people read it: "+31", "−12", "0". */
export function formatPosition(value: number): string {
	if (value === 0) return '0';
	return value > 0 ? `+${value}` : `−${Math.abs(value)}`;
}

/**
 * Where the position is, the range around it, and what that range means, in
 * plain words: no percentages, since a range from one person's answers cannot
 * honestly say how sure anyone should be.
 */
export function rangeSentences(
	result: Pick<ScoreResult, 'verdict' | 'position' | 'band' | 'firmness'>,
	wording: Wording
): string[] | null {
	const { position, band, firmness } = result;
	if (position === null || band === null) return null;
	const sentences = [
		fill(wording.position, {
			position: formatPosition(position),
			low: formatPosition(band.low),
			high: formatPosition(band.high)
		}),
		wording.band
	];
	if (firmness) sentences.push(wording.firmness[firmness]);
	return sentences;
}
