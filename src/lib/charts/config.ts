/** One entry point for building any result chart's config. */
import type { ChartConfiguration } from 'chart.js';
import type { ScoreResult } from '../scoring/types.ts';
import type { BuildOptions, ChartKind, ChartLabels } from './common.ts';
import { buildFacetsChart } from './facets.ts';
import { buildPositionChart } from './position.ts';
import type { ChartTheme } from './theme.ts';

export type { BuildOptions, ChartKind, ChartLabels } from './common.ts';

/**
 * Builds the Chart.js config for a result chart. Deterministic: the same
 * result, theme and options give an equal config, built afresh every call
 * (Chart.js writes into the config it is given, so configs are never shared).
 */
export function buildChartConfig(
	kind: ChartKind,
	result: ScoreResult,
	labels: ChartLabels,
	theme: ChartTheme,
	options: BuildOptions = {}
): ChartConfiguration {
	switch (kind) {
		case 'position':
			return buildPositionChart(result, labels, theme, options) as ChartConfiguration;
		case 'facets':
			return buildFacetsChart(result, labels, theme, options) as ChartConfiguration;
	}
}
