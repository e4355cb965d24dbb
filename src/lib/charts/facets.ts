/**
 * The facets chart: the ten facet scores (0–100) as horizontal bars, grouped
 * by scale, one colour per scale.
 *
 * On a right-to-left page it is mirrored, consistently: the facet names stand
 * on the right, where a line starts, and the bars grow leftwards from 0 there to
 * 100 on the left. Its axis has no side of its own (0 to 100, named by its
 * title), unlike the position chart, which keeps project on the left.
 */
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import type { ScoreResult } from '../scoring/types.ts';
import {
	axisColours,
	baseOptions,
	facetsByScale,
	fontSize,
	scaleOrder,
	textDirection,
	wrapLabel,
	type BuildOptions,
	type ChartLabels
} from './common.ts';
import type { ChartTheme } from './theme.ts';
import { formatWhole } from '../numbers.ts';

/** The facets chart's config: one bar dataset per scale over the facet names. */
export type FacetsChartConfig = ChartConfiguration<'bar', (number | null)[], string[]>;

/**
 * Builds the Chart.js config for the facets chart. Each scale is its own
 * dataset (so the legend names the colours) holding the scores of its facets
 * and gaps elsewhere; the datasets share each row rather than sitting side by
 * side. A facet with no answers has no bar.
 */
export function buildFacetsChart(
	result: Pick<ScoreResult, 'facets'>,
	labels: Pick<ChartLabels, 'scales' | 'facetAxis'>,
	theme: ChartTheme,
	options: BuildOptions = {}
): FacetsChartConfig {
	const facets = facetsByScale(result.facets);
	const axis = axisColours(theme);
	const { language = 'en' } = options;
	const direction = textDirection(options);
	const mirrored = direction.rtl;

	return {
		type: 'bar',
		data: {
			labels: facets.map((facet) => wrapLabel(facet.name)),
			datasets: scaleOrder.map((scale) => ({
				label: labels.scales[scale],
				data: facets.map((facet) => (facet.scale === scale ? facet.score : null)),
				backgroundColor: theme[scale],
				borderColor: theme[scale],
				grouped: false,
				skipNull: true,
				barPercentage: 0.85,
				categoryPercentage: 0.9
			}))
		},
		options: {
			...baseOptions(theme, options),
			indexAxis: 'y',
			scales: {
				x: {
					type: 'linear',
					min: 0,
					max: 100,
					reverse: mirrored,
					...axis,
					ticks: {
						...axis.ticks,
						stepSize: 25,
						callback: (value) => formatWhole(Number(value), language)
					},
					title: {
						display: true,
						text: labels.facetAxis,
						color: theme.text,
						font: { size: fontSize.titles }
					}
				},
				y: {
					type: 'category',
					position: mirrored ? 'right' : 'left',
					ticks: { ...axis.ticks, autoSkip: false },
					grid: { display: false },
					border: axis.border
				}
			},
			plugins: {
				legend: {
					display: true,
					position: 'top',
					...direction,
					labels: { color: theme.text, boxWidth: 14, font: { size: fontSize.ticks } }
				},
				tooltip: {
					...direction,
					callbacks: {
						title: (items: TooltipItem<'bar'>[]) => {
							const index = items[0]?.dataIndex;
							return index === undefined ? '' : (facets[index]?.name ?? '');
						},
						label: (item: TooltipItem<'bar'>) =>
							`${item.dataset.label ?? ''}: ${formatWhole(item.parsed.x ?? 0, language)}`
					}
				}
			}
		}
	};
}
