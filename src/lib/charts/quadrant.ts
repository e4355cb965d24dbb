/**
 * The quadrant chart: the strategic score (y) against the tactical score (x),
 * both 0–100, with lines at the midpoint that split the plane into four
 * quadrants, each captioned with what it means.
 */
import type { ChartConfiguration, Plugin, TooltipItem } from 'chart.js';
import type { ScoreResult } from '../scoring/types.ts';
import {
	axisColours,
	baseOptions,
	fontSize,
	formatNumber,
	scaleLabels,
	type BuildOptions
} from './common.ts';
import type { ChartTheme } from './theme.ts';

/** Where the quadrant lines cross both axes. */
export const QUADRANT_SPLIT = 50;

/** The four quadrants, by which scales are at or above the split. */
export type Quadrant = 'hybrid' | 'product' | 'project' | 'neither';

/** The caption drawn in each quadrant. */
export const quadrantCaptions: Readonly<Record<Quadrant, string>> = {
	hybrid: 'Both strong',
	product: 'Product side',
	project: 'Project side',
	neither: 'Neither strong'
};

/** The quadrant a pair of scores falls in; a score at the split counts as high. */
export function quadrantOf(strategic: number, tactical: number): Quadrant {
	const highStrategic = strategic >= QUADRANT_SPLIT;
	const highTactical = tactical >= QUADRANT_SPLIT;
	if (highStrategic) return highTactical ? 'hybrid' : 'product';
	return highTactical ? 'project' : 'neither';
}

/** What the quadrant guides draw with. */
export interface QuadrantGuidesOptions {
	/** Value on both axes where the lines cross. */
	at: number;
	lineColor: string;
	textColor: string;
	captions: Readonly<Record<Quadrant, string>>;
	/** Caption size in px. */
	fontSize: number;
}

/**
 * A tiny inline plugin that draws the two quadrant lines and the four
 * captions under the data (no annotation plugin needed). Strategic is up,
 * tactical is right: product top left, hybrid top right, neither bottom left,
 * project bottom right.
 */
export function quadrantGuides(options: QuadrantGuidesOptions): Plugin<'scatter'> {
	return {
		id: 'quadrantGuides',
		beforeDatasetsDraw(chart) {
			const { ctx, chartArea: area, scales } = chart;
			const x = scales['x'];
			const y = scales['y'];
			if (!x || !y) return;
			const cx = x.getPixelForValue(options.at);
			const cy = y.getPixelForValue(options.at);
			const inset = 6;

			ctx.save();
			ctx.strokeStyle = options.lineColor;
			ctx.lineWidth = 1.5;
			ctx.setLineDash([6, 4]);
			ctx.beginPath();
			ctx.moveTo(cx, area.top);
			ctx.lineTo(cx, area.bottom);
			ctx.moveTo(area.left, cy);
			ctx.lineTo(area.right, cy);
			ctx.stroke();

			ctx.setLineDash([]);
			ctx.fillStyle = options.textColor;
			const family = chart.options.font?.family ?? 'sans-serif';
			ctx.font = `600 ${options.fontSize}px ${family}`;
			const caption = (
				text: string,
				px: number,
				py: number,
				align: 'left' | 'right',
				top: boolean
			) => {
				ctx.textAlign = align;
				ctx.textBaseline = top ? 'top' : 'bottom';
				ctx.fillText(text, px, py);
			};
			caption(options.captions.product, area.left + inset, area.top + inset, 'left', true);
			caption(options.captions.hybrid, area.right - inset, area.top + inset, 'right', true);
			caption(options.captions.neither, area.left + inset, area.bottom - inset, 'left', false);
			caption(options.captions.project, area.right - inset, area.bottom - inset, 'right', false);
			ctx.restore();
		}
	};
}

/** The quadrant chart's config: one scatter point at (tactical, strategic). */
export type QuadrantChartConfig = ChartConfiguration<'scatter', { x: number; y: number }[]>;

/** Builds the Chart.js config for the quadrant chart. */
export function buildQuadrantChart(
	result: Pick<ScoreResult, 'scales'>,
	theme: ChartTheme,
	options: BuildOptions = {}
): QuadrantChartConfig {
	const strategic = result.scales.strategic.score;
	const tactical = result.scales.tactical.score;
	const axis = axisColours(theme);
	const scale = (label: string) => ({
		type: 'linear' as const,
		min: 0,
		max: 100,
		...axis,
		ticks: { ...axis.ticks, stepSize: 25 },
		title: { display: true, text: label, color: theme.text, font: { size: fontSize.titles } }
	});

	return {
		type: 'scatter',
		data: {
			datasets: [
				{
					label: 'You',
					data: strategic === null || tactical === null ? [] : [{ x: tactical, y: strategic }],
					backgroundColor: theme.point,
					borderColor: theme.background,
					borderWidth: 2,
					pointRadius: 8,
					pointHoverRadius: 9
				}
			]
		},
		options: {
			...baseOptions(theme, options),
			scales: { x: scale(scaleLabels.tactical), y: scale(scaleLabels.strategic) },
			plugins: {
				legend: { display: false },
				tooltip: {
					callbacks: {
						label: (item: TooltipItem<'scatter'>) =>
							`You: strategic ${formatNumber(item.parsed.y ?? 0)}, tactical ${formatNumber(item.parsed.x ?? 0)}`
					}
				}
			}
		},
		plugins: [
			quadrantGuides({
				at: QUADRANT_SPLIT,
				lineColor: theme.reference,
				textColor: theme.reference,
				captions: quadrantCaptions,
				fontSize: fontSize.captions
			})
		]
	};
}
