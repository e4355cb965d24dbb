/**
 * The position chart: where the person sits on the axis from project
 * management (−100) to product management (+100), as a point over a floating
 * bar that spans its range (the band).
 *
 * The axis keeps its direction in every language, project on the left and
 * product on the right, as on the map and as the map's text alternative says:
 * on a right-to-left page it is not mirrored. Both ends are labelled with words,
 * so it never depends on which side a reader starts from.
 */
import type { ChartConfiguration, ScriptableScaleContext, TooltipItem } from 'chart.js';
import type { ScoreResult } from '../scoring/types.ts';
import { formatSigned, formatWholeRange } from '../numbers.ts';
import {
	axisColours,
	baseOptions,
	textDirection,
	type BuildOptions,
	type ChartLabels
} from './common.ts';
import { translucent, type ChartTheme } from './theme.ts';

/** The words the position chart shows: its two ends and its two datasets. */
export type PositionLabels = Pick<ChartLabels, 'ends' | 'point' | 'range'>;

/** The single data point: x is the position, y the index of the one category. */
export interface PositionPoint {
	x: number;
	y: number;
}

/** The position chart's config: a horizontal floating bar plus a scatter point. */
export type PositionChartConfig = ChartConfiguration<
	'bar' | 'scatter',
	(PositionPoint | [number, number])[],
	string
>;

/**
 * The labels under the x axis: the ends say what they mean, on a second line so
 * the short numbers beside them still fit on a narrow screen.
 */
export function positionTickLabel(
	value: number,
	ends: PositionLabels['ends'],
	language: string
): string | string[] {
	const number = formatSigned(value, language);
	if (value <= -100) return [number, ends.project];
	if (value >= 100) return [number, ends.product];
	return number;
}

/** Builds the Chart.js config for the position chart. */
export function buildPositionChart(
	result: Pick<ScoreResult, 'position' | 'band'>,
	labels: PositionLabels,
	theme: ChartTheme,
	options: BuildOptions = {}
): PositionChartConfig {
	const { position, band } = result;
	const { language = 'en' } = options;
	const axis = axisColours(theme);
	const direction = textDirection(options);
	const isZero = (context: ScriptableScaleContext) => context.tick?.value === 0;

	return {
		type: 'bar',
		data: {
			labels: ['You'],
			datasets: [
				{
					type: 'scatter',
					label: labels.point,
					data: position === null ? [] : [{ x: position, y: 0 }],
					backgroundColor: theme.point,
					borderColor: theme.background,
					borderWidth: 2,
					pointRadius: 8,
					pointHoverRadius: 9,
					// Drawn last, over the band.
					order: 0
				},
				{
					type: 'bar',
					label: labels.range,
					data: band === null ? [] : [[band.low, band.high]],
					backgroundColor: translucent(theme.band, 0.25),
					borderColor: theme.band,
					borderWidth: 2,
					borderSkipped: false,
					borderRadius: 4,
					barPercentage: 0.7,
					categoryPercentage: 1,
					order: 1
				}
			]
		},
		options: {
			...baseOptions(theme, options),
			indexAxis: 'y',
			scales: {
				x: {
					type: 'linear',
					min: -100,
					max: 100,
					// Never mirrored: project stays on the left, product on the right (see above).
					reverse: false,
					...axis,
					ticks: {
						...axis.ticks,
						stepSize: 50,
						autoSkip: false,
						// The end labels stay inside the chart instead of being cut off.
						align: 'inner',
						callback: (value) => positionTickLabel(Number(value), labels.ends, language)
					},
					grid: {
						color: (context) => (isZero(context) ? theme.reference : theme.grid),
						lineWidth: (context) => (isZero(context) ? 2 : 1)
					}
				},
				y: { type: 'category', display: false }
			},
			plugins: {
				legend: { display: false },
				tooltip: {
					...direction,
					callbacks: {
						title: () => '',
						label: (item: TooltipItem<'bar' | 'scatter'>) =>
							item.datasetIndex === 0
								? `${labels.point}: ${formatSigned(item.parsed.x ?? 0, language)}`
								: `${labels.range}: ${formatWholeRange(band?.low ?? 0, band?.high ?? 0, language, { signed: true })}`
					}
				}
			}
		}
	};
}
