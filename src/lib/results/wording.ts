/**
 * The sentences the result page leads with. The words come from content
 * (`instrument.yaml` → `wording`); this module only picks and fills them, so
 * the same words appear on screen, in print, in the image and in tests.
 */
import { fill } from '../content/template.ts';
import { formatSigned } from '../numbers.ts';
import type { Wording } from '../content/types.ts';
import type { ScoreResult } from '../scoring/types.ts';

type Outcome = Pick<ScoreResult, 'verdict' | 'profile' | 'lean'>;

/**
 * The verdict in one plain sentence, or why there is none. In between, it says
 * which kind, and a range wholly on one side says so (a slight lean): only a
 * range that includes 0 is "not settled".
 */
export function verdictSentence(result: Outcome, wording: Wording): string {
	if (result.verdict === null) return wording.noVerdict;
	if (result.verdict !== 'in-between') return wording.verdicts[result.verdict].sentence;
	const lean = result.lean ? wording.leans[result.lean] : null;
	if (result.profile === null) return lean?.sentence ?? wording.verdicts['in-between'].sentence;
	const profile = wording.profiles[result.profile].sentence;
	return lean ? `${profile} ${lean.withProfile}` : profile;
}

/** The short label of a result: "Leans product", "Slight lean to project", "Strong on both", … */
export function verdictLabel(result: Outcome, wording: Wording) {
	if (result.verdict === null) return null;
	if (result.verdict !== 'in-between') return wording.verdicts[result.verdict].label;
	if (result.profile) return wording.profiles[result.profile].label;
	return result.lean ? wording.leans[result.lean].label : wording.verdicts['in-between'].label;
}

/** Signed whole-number position as people read it, in `language`: "+31", "−12", "0". */
export function formatPosition(value: number, language: string): string {
	return formatSigned(value, language);
}

/**
 * Where the position is, the range around it, and what that range means, in
 * plain words: no percentages, since a range from one person's answers cannot
 * honestly say how sure anyone should be.
 */
export function rangeSentences(
	result: Pick<ScoreResult, 'verdict' | 'position' | 'band' | 'firmness'>,
	wording: Wording,
	language: string
): string[] | null {
	const { position, band, firmness } = result;
	if (position === null || band === null) return null;
	const sentences = [
		fill(wording.position, {
			position: formatPosition(position, language),
			low: formatPosition(band.low, language),
			high: formatPosition(band.high, language)
		}),
		wording.band
	];
	if (firmness) sentences.push(wording.firmness[firmness]);
	return sentences;
}
