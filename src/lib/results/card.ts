/**
 * The summary card's contents, in one place, so the card on the page and the
 * downloadable image say the same thing: the verdict sentence, how firm it is,
 * the map, the two levels in words and the strongest facets. Every word comes
 * from content; nothing is computed that the scorer has not already decided.
 */
import { buildMap, type MapArea, type MapGeometry } from '../charts/map.ts';
import { fill } from '../content/template.ts';
import { formatWhole } from '../numbers.ts';
import type { Content } from '../content/types.ts';
import type { ScaleId, ScoreResult } from '../scoring/types.ts';
import { formatPosition, verdictLabel, verdictSentence } from './wording.ts';

export interface CardLevel {
	scale: ScaleId;
	label: string;
	/** The level as shown ("72", in the content's language), or "–" without one. */
	score: string;
	/** "range 64–80", or null without a band. */
	range: string | null;
}

export interface SummaryCard {
	sentence: string;
	/** How firm a direction is; null for in-between or no verdict. */
	firmness: string | null;
	map: MapGeometry;
	/** The map's text alternative. */
	mapSummary: string;
	/** Project on the left, product on the right, as on the map. */
	levels: [CardLevel, CardLevel];
	/** "Vision and the "why" 88", strongest first: only facets that stand out. */
	strongest: string[];
	/** Said in their place when no facet stands out from the others (with a verdict). */
	noneStandsOut: string | null;
}

/** The words the result uses for each area of the map. */
export function mapAreaLabels(wording: Content['instrument']['wording']): Record<MapArea, string> {
	return {
		product: wording.verdicts.product.label,
		project: wording.verdicts.project.label,
		hybrid: wording.profiles.hybrid.label,
		'low-fit': wording.profiles['low-fit'].label,
		undecided: wording.profiles.undecided.label
	};
}

/** The card for `result`, in `content`'s words. */
export function summaryCard(
	result: ScoreResult,
	content: Pick<Content, 'instrument' | 'resultsPage' | 'language'>
): SummaryCard {
	const { wording, thresholds } = content.instrument;
	const { language } = content;
	const whole = (value: number) => formatWhole(value, language);
	const text = content.resultsPage;
	const areas = mapAreaLabels(wording);
	const map = buildMap(result, thresholds, {
		product: areas.product,
		project: areas.project,
		hybrid: areas.hybrid,
		lowFit: areas['low-fit'],
		axisStrategic: text.map.axisStrategic,
		axisTactical: text.map.axisTactical,
		you: text.map.you
	});
	const { strategic, tactical } = result.scales;
	// The map names the result in the same words as the headline, never an area of its own:
	// a point in the "leans" area with a range that reaches 0 is not called a lean.
	const label = verdictLabel(result, wording);
	const mapSummary =
		result.position === null || result.band === null || label === null
			? text.map.noPoint
			: fill(text.map.summary, {
					strategic: whole(strategic.score!),
					tactical: whole(tactical.score!),
					position: formatPosition(result.position, language),
					low: formatPosition(result.band.low, language),
					high: formatPosition(result.band.high, language),
					result: label
				});
	const level = (scale: ScaleId): CardLevel => {
		const { score, band } = result.scales[scale];
		return {
			scale,
			label: text.levels[scale],
			score: score === null ? '–' : whole(score),
			range: band
				? fill(text.card.levelRange, { low: whole(band.low), high: whole(band.high) })
				: null
		};
	};
	const facetById = new Map(result.facets.map((facet) => [facet.id, facet]));
	return {
		sentence: verdictSentence(result, wording),
		firmness: result.firmness ? wording.firmness[result.firmness] : null,
		map,
		mapSummary,
		levels: [level('tactical'), level('strategic')],
		strongest: result.strengths.flatMap((id) => {
			const facet = facetById.get(id);
			return facet && facet.score !== null
				? [fill(text.card.facetScore, { name: facet.name, score: whole(facet.score) })]
				: [];
		}),
		noneStandsOut:
			result.verdict !== null && result.strengths.length === 0
				? fill(text.card.noneStandsOut, { margin: whole(thresholds.facetStandsOutBy) })
				: null
	};
}
