/**
 * The attachment that puts a result chart on a `<canvas>`: it loads Chart.js,
 * draws the chart and destroys it when the canvas goes away or the spec
 * changes (Svelte then attaches again with the new spec).
 */
import type { Chart } from 'chart.js';
import type { Attachment } from 'svelte/attachments';
import type { ScoreResult } from '../scoring/types.ts';
import type { ChartKind } from './common.ts';
import { buildChartConfig } from './config.ts';
import { loadChart } from './register.ts';
import { lightTheme, type ChartTheme } from './theme.ts';

/** Everything a chart is drawn from. */
export interface ChartSpec {
	kind: ChartKind;
	result: ScoreResult;
	theme: ChartTheme;
	reducedMotion: boolean;
}

/**
 * An attachment factory: `<canvas {@attach resultChart(spec)}>`.
 *
 * Printing redraws the chart in the light theme without animation (paper is
 * white whatever the screen theme, and browsers do not resize canvases for
 * print on their own), and draws it back afterwards.
 */
export function resultChart(spec: ChartSpec): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		let ChartClass: typeof Chart | undefined;
		let chart: Chart | undefined;
		let attached = true;

		const draw = (theme: ChartTheme, reducedMotion: boolean) => {
			if (!ChartClass) return;
			chart?.destroy();
			chart = new ChartClass(
				canvas,
				buildChartConfig(spec.kind, spec.result, theme, { reducedMotion })
			);
		};
		const beforePrint = () => draw(lightTheme, true);
		const afterPrint = () => draw(spec.theme, true);

		loadChart().then(
			(loaded) => {
				// The canvas may have gone, or the spec changed, while Chart.js loaded.
				if (!attached) return;
				ChartClass = loaded;
				draw(spec.theme, spec.reducedMotion);
			},
			(error: unknown) => {
				// The caption and the table still carry everything the chart shows.
				console.error('Could not load the chart library', error);
			}
		);
		window.addEventListener('beforeprint', beforePrint);
		window.addEventListener('afterprint', afterPrint);

		return () => {
			attached = false;
			window.removeEventListener('beforeprint', beforePrint);
			window.removeEventListener('afterprint', afterPrint);
			chart?.destroy();
			chart = undefined;
		};
	};
}
