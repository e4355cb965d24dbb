/**
 * Colours for the result charts. Every colour that carries meaning (text, the
 * reference lines, bars, the band's outline and the point) has at least 4.5:1
 * contrast with the theme's background; the grid is decoration and stays faint.
 * Blue (strategic) against orange (tactical) stays distinct for the common
 * forms of colour blindness.
 */
export interface ChartTheme {
	/** The page background the chart sits on (also the ring around the point). */
	background: string;
	/** Tick labels, axis titles, legend and captions. */
	text: string;
	/** Grid lines (decorative). */
	grid: string;
	/** Lines that mean something: the zero line and the quadrant lines. */
	reference: string;
	/** The strategic scale (product management). */
	strategic: string;
	/** The tactical scale (project management). */
	tactical: string;
	/** The outline of the 90% band; its fill is the same colour, translucent. */
	band: string;
	/** The person's own point. */
	point: string;
}

/** For light backgrounds (white paper, light mode). */
export const lightTheme: ChartTheme = {
	background: '#ffffff',
	text: '#1f2328',
	grid: '#d1d9e0',
	reference: '#59636e',
	strategic: '#0a5bc4',
	tactical: '#b34700',
	band: '#7c3aed',
	point: '#1f2328'
};

/** For dark backgrounds around #121417 (dark mode). */
export const darkTheme: ChartTheme = {
	background: '#121417',
	text: '#e6edf3',
	grid: '#2f353d',
	reference: '#9198a1',
	strategic: '#58a6ff',
	tactical: '#f0883e',
	band: '#b694ff',
	point: '#ffffff'
};

/**
 * A `#rrggbb` colour with an alpha channel (0–1), as `#rrggbbaa`.
 * Used for fills that sit under something more important.
 */
export function translucent(colour: string, alpha: number): string {
	const channel = Math.round(Math.min(1, Math.max(0, alpha)) * 255);
	return `${colour.slice(0, 7)}${channel.toString(16).padStart(2, '0')}`;
}
