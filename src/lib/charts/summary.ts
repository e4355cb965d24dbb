/**
 * Text alternatives for the result charts: one sentence that says what the
 * chart shows, and the numbers behind it as a table. Pure, like the builders;
 * every number is rounded to a whole number for display.
 */
import type { ScoreResult } from '../scoring/types.ts';
import {
	facetsByScale,
	formatNumber,
	round,
	scaleLabels,
	scaleOrder,
	type ChartKind
} from './common.ts';
import { positionAxisEnds } from './position.ts';
import { quadrantCaptions, quadrantOf, QUADRANT_SPLIT } from './quadrant.ts';

/** A data table: the first cell of each row names the row. */
export interface DataTable {
	caption: string;
	columns: string[];
	rows: (string | number)[][];
}

/** A chart's text alternative. */
export interface ChartText {
	/** One sentence, used as the canvas's accessible name and as the figure caption. */
	summary: string;
	table: DataTable;
}

/** What a table shows for a score that could not be computed. */
export const NOT_ANSWERED = 'Not answered';

const cell = (value: number | null): string | number =>
	value === null ? NOT_ANSWERED : round(value);

/** The summary and table for the position chart. */
export function describePosition(
	result: Pick<ScoreResult, 'position' | 'band' | 'noVerdictReason'>
): ChartText {
	const { position, band } = result;
	let summary: string;
	if (position === null) {
		summary = ['Your answers do not place you on the axis yet.', result.noVerdictReason]
			.filter(Boolean)
			.join(' ');
	} else {
		const rounded = round(position);
		const where =
			rounded === 0
				? 'Your position is 0, exactly between project and product management'
				: `Your position is ${Math.abs(rounded)} towards ${(rounded > 0 ? positionAxisEnds.max : positionAxisEnds.min).toLowerCase()}`;
		summary = band
			? `${where}; the 90% band runs from ${formatNumber(band.low)} to ${formatNumber(band.high)}.`
			: `${where}.`;
	}
	return {
		summary,
		table: {
			caption: 'Your position from −100 (project management) to +100 (product management)',
			columns: ['Measure', 'Value'],
			rows: [
				['Position', cell(position)],
				['90% band, low end', cell(band?.low ?? null)],
				['90% band, high end', cell(band?.high ?? null)]
			]
		}
	};
}

/** The summary and table for the facets chart; rows in the chart's order. */
export function describeFacets(result: Pick<ScoreResult, 'facets'>): ChartText {
	const facets = facetsByScale(result.facets);
	const scored = facets.flatMap((facet) =>
		facet.score === null ? [] : [{ name: facet.name, score: round(facet.score) }]
	);
	// First wins on ties, so the sentence is stable and matches the chart's order.
	const highest = scored.reduce<(typeof scored)[number] | undefined>(
		(best, facet) => (best === undefined || facet.score > best.score ? facet : best),
		undefined
	);
	const lowest = scored.reduce<(typeof scored)[number] | undefined>(
		(worst, facet) => (worst === undefined || facet.score < worst.score ? facet : worst),
		undefined
	);
	const summary =
		highest && lowest
			? `Your highest facet score is ${highest.name} (${highest.score}) and your lowest is ${lowest.name} (${lowest.score}), out of 100.`
			: 'None of the facets has a score yet.';
	return {
		summary,
		table: {
			caption: 'Facet scores from 0 to 100',
			columns: ['Facet', 'Scale', 'Score'],
			rows: facets.map((facet) => [facet.name, scaleLabels[facet.scale], cell(facet.score)])
		}
	};
}

const quadrantMeaning = {
	hybrid: 'strong on both',
	product: 'strategic stronger, tactical lower',
	project: 'tactical stronger, strategic lower',
	neither: 'neither scale high'
} as const;

/** The summary and table for the quadrant chart. */
export function describeQuadrant(result: Pick<ScoreResult, 'scales'>): ChartText {
	const strategic = result.scales.strategic.score;
	const tactical = result.scales.tactical.score;
	let summary: string;
	if (strategic === null || tactical === null) {
		summary = 'Both scales need answers before your point can be placed.';
	} else {
		const quadrant = quadrantOf(round(strategic), round(tactical));
		summary = `Your strategic score is ${round(strategic)} and your tactical score is ${round(tactical)}, which puts you in the “${quadrantCaptions[quadrant]}” quadrant (${quadrantMeaning[quadrant]}; the lines are at ${QUADRANT_SPLIT}).`;
	}
	return {
		summary,
		table: {
			caption: 'Scale scores from 0 to 100',
			columns: ['Scale', 'Score'],
			rows: scaleOrder.map((scale) => [scaleLabels[scale], cell(result.scales[scale].score)])
		}
	};
}

/** The text alternative for any result chart. */
export function describeChart(kind: ChartKind, result: ScoreResult): ChartText {
	switch (kind) {
		case 'position':
			return describePosition(result);
		case 'facets':
			return describeFacets(result);
		case 'quadrant':
			return describeQuadrant(result);
	}
}

/** A table cell for display: numbers as whole numbers with a true minus sign. */
export function formatCell(value: string | number): string {
	return typeof value === 'number' ? formatNumber(value) : value;
}
