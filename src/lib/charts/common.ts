/**
 * What the result charts share: their names, their words (from content),
 * number formatting and the options every chart starts from.
 */
import type { ResultsPageText } from '../content/types.ts';
import type { FacetScore, ScaleId } from '../scoring/types.ts';
import type { ChartTheme } from './theme.ts';

/** The Chart.js charts the result view can show (the map of the levels is SVG: `map.ts`). */
export type ChartKind = 'position' | 'facets';

/** Every word a chart shows, from `results-page.yaml` (`charts`). */
export type ChartLabels = ResultsPageText['charts'];

/** Options that come from the reader's settings rather than from the result. */
export interface BuildOptions {
	/** `prefers-reduced-motion: reduce`: draw at once, without animation. */
	reducedMotion?: boolean;
}

/** The scales in the order the charts and tables list them. */
export const scaleOrder: readonly ScaleId[] = ['strategic', 'tactical'];

/** Whole number for display, never `-0`. */
export function round(value: number): number {
	return Math.round(value) || 0;
}

/** A whole number as text, with a true minus sign (read as "minus" by screen readers). */
export function formatNumber(value: number): string {
	const rounded = round(value);
	return rounded < 0 ? `\u2212${-rounded}` : String(rounded);
}

/** The facets grouped by scale (strategic first), each group in the result's order. */
export function facetsByScale(facets: readonly FacetScore[]): FacetScore[] {
	return scaleOrder.flatMap((scale) => facets.filter((facet) => facet.scale === scale));
}

/**
 * Breaks a label into lines of at most `width` characters at spaces, so long
 * facet names fit beside the bars on a 320 px screen. A single word longer
 * than `width` keeps a line of its own.
 */
export function wrapLabel(text: string, width = 18): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line && line.length + 1 + word.length > width) {
			lines.push(line);
			line = word;
		} else {
			line = line ? `${line} ${word}` : word;
		}
	}
	if (line) lines.push(line);
	return lines;
}

/** Font sizes (px) shared by the charts. */
export const fontSize = { ticks: 12, titles: 12, captions: 12 } as const;

const pointerEvents: (keyof HTMLElementEventMap)[] = [
	'mousemove',
	'mouseout',
	'touchstart',
	'touchmove'
];

/**
 * The options every result chart starts from. The canvas fills a container
 * whose height the component reserves in CSS (no layout shift, and a phone
 * gets a usable height rather than a squashed aspect ratio), hence
 * `maintainAspectRatio: false`.
 */
export function baseOptions(theme: ChartTheme, { reducedMotion = false }: BuildOptions) {
	return {
		responsive: true,
		maintainAspectRatio: false,
		animation: reducedMotion ? (false as const) : { duration: 400 },
		locale: 'en-GB',
		color: theme.text,
		// Hover and touch show tooltips; no 'click', so screen readers do not announce the
		// image as clickable.
		events: [...pointerEvents]
	};
}

/** Options for a value axis: ticks, grid and title in the theme's colours. */
export function axisColours(theme: ChartTheme) {
	return {
		ticks: { color: theme.text, font: { size: fontSize.ticks } },
		grid: { color: theme.grid },
		border: { color: theme.reference }
	};
}
