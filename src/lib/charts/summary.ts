/**
 * Text alternatives for the result charts: one sentence that says what the
 * chart shows, and the numbers behind it as a table. Pure, like the builders;
 * every number is rounded to a whole number for display, and every word comes
 * from content (`results-page.yaml`, `charts`).
 */
import { fill } from '../content/template.ts';
import type { ScoreResult } from '../scoring/types.ts';
import { formatWhole } from '../numbers.ts';
import { facetsByScale, round, type ChartKind, type ChartLabels } from './common.ts';

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

const cell = (value: number | null, labels: Pick<ChartLabels, 'notAnswered'>): string | number =>
	value === null ? labels.notAnswered : round(value);

/** The summary and table for the position chart. */
export function describePosition(
	result: Pick<ScoreResult, 'position' | 'band' | 'noVerdictReason'>,
	labels: ChartLabels,
	language: string
): ChartText {
	const { position, band } = result;
	let summary: string;
	if (position === null || band === null) {
		summary = [labels.positionNone, result.noVerdictReason].filter(Boolean).join(' ');
	} else {
		const rounded = round(position);
		const range = { low: formatWhole(band.low, language), high: formatWhole(band.high, language) };
		summary =
			rounded === 0
				? fill(labels.positionSummaryZero, range)
				: fill(labels.positionSummary, {
						distance: formatWhole(Math.abs(rounded), language),
						// Written for the sentence in each language (German nouns keep their capital).
						end: rounded > 0 ? labels.towards.product : labels.towards.project,
						...range
					});
	}
	const [rowPosition, rowLow, rowHigh] = labels.positionRows;
	return {
		summary,
		table: {
			caption: labels.positionCaption,
			columns: [...labels.positionColumns],
			rows: [
				[rowPosition, cell(position, labels)],
				[rowLow, cell(band?.low ?? null, labels)],
				[rowHigh, cell(band?.high ?? null, labels)]
			]
		}
	};
}

/** The summary and table for the facets chart; rows in the chart's order. */
export function describeFacets(
	result: Pick<ScoreResult, 'facets'>,
	labels: ChartLabels,
	language: string
): ChartText {
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
			? fill(labels.facetsSummary, {
					highest: highest.name,
					high: formatWhole(highest.score, language),
					lowest: lowest.name,
					low: formatWhole(lowest.score, language)
				})
			: labels.facetsNone;
	return {
		summary,
		table: {
			caption: labels.facetsCaption,
			columns: [...labels.facetsColumns],
			rows: facets.map((facet) => [
				facet.name,
				labels.scales[facet.scale],
				cell(facet.score, labels)
			])
		}
	};
}

/** The text alternative for any result chart. */
export function describeChart(
	kind: ChartKind,
	result: ScoreResult,
	labels: ChartLabels,
	language: string
): ChartText {
	switch (kind) {
		case 'position':
			return describePosition(result, labels, language);
		case 'facets':
			return describeFacets(result, labels, language);
	}
}

/** A table cell for display: numbers as whole numbers in the page's language, a true minus sign. */
export function formatCell(value: string | number, language: string): string {
	return typeof value === 'number' ? formatWhole(value, language) : value;
}
