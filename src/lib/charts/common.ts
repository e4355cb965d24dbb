/**
 * What the result charts share: their names, their words (from content),
 * number formatting and the options every chart starts from.
 */
import type { ResultsPageText } from '../content/types.ts';
import { numberLocale, roundHalfAway } from '../numbers.ts';
import type { FacetScore, ScaleId } from '../scoring/types.ts';
import type { ChartTheme } from './theme.ts';

/** The Chart.js charts the result view can show (the map of the levels is SVG: `map.ts`). */
export type ChartKind = 'position' | 'facets';

/** Every word a chart shows, from `results-page.yaml` (`charts`). */
export type ChartLabels = ResultsPageText['charts'];

/** Options that come from the reader's settings and the page rather than from the result. */
export interface BuildOptions {
	/** `prefers-reduced-motion: reduce`: draw at once, without animation. */
	reducedMotion?: boolean;
	/** The page's language (content's `language`): numbers are written its way. English if unset. */
	language?: string;
	/** The page's direction: legends and tooltips read right to left on an Arabic page. */
	dir?: 'ltr' | 'rtl';
}

/** The scales in the order the charts and tables list them. */
export const scaleOrder: readonly ScaleId[] = ['strategic', 'tactical'];

/**
 * Whole number for display, never `-0`: the rounding the scorer's decisions read (STYLE 18).
 * Numbers as text come from `numbers.ts` (`formatWhole`, `formatSigned`), in the page's language.
 */
export function round(value: number): number {
	return roundHalfAway(value);
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
export function baseOptions(
	theme: ChartTheme,
	{ reducedMotion = false, language = 'en' }: BuildOptions
) {
	return {
		responsive: true,
		maintainAspectRatio: false,
		animation: reducedMotion ? (false as const) : { duration: 400 },
		// What Chart.js formats by itself is written as the page writes numbers.
		locale: numberLocale(language),
		color: theme.text,
		// Hover and touch show tooltips; no 'click', so screen readers do not announce the
		// image as clickable.
		events: [...pointerEvents]
	};
}

/**
 * Legends and tooltips in the page's direction: in right-to-left text their swatch goes on the
 * right and their words are laid out right to left (Chart.js's `rtl` and `textDirection`).
 */
export function textDirection({ dir = 'ltr' }: BuildOptions): {
	rtl: boolean;
	textDirection?: 'rtl';
} {
	// Left to right is the canvas's own default: Chart.js is then left to set nothing.
	return dir === 'rtl' ? { rtl: true, textDirection: 'rtl' } : { rtl: false };
}

/** Options for a value axis: ticks, grid and title in the theme's colours. */
export function axisColours(theme: ChartTheme) {
	return {
		ticks: { color: theme.text, font: { size: fontSize.ticks } },
		grid: { color: theme.grid },
		border: { color: theme.reference }
	};
}
