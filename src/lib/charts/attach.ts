/**
 * The attachment that puts a result chart on a `<canvas>`: it loads Chart.js,
 * draws the chart and destroys it when the canvas goes away or the spec
 * changes (Svelte then attaches again with the new spec).
 */
import type { Chart } from 'chart.js';
import type { Attachment } from 'svelte/attachments';
import type { ScoreResult } from '../scoring/types.ts';
import type { ChartKind, ChartLabels } from './common.ts';
import { buildChartConfig } from './config.ts';
import { loadChart } from './register.ts';
import { lightTheme, type ChartTheme } from './theme.ts';

/** Everything a chart is drawn from. */
export interface ChartSpec {
	kind: ChartKind;
	result: ScoreResult;
	labels: ChartLabels;
	theme: ChartTheme;
	reducedMotion: boolean;
}

/** Asks every mounted chart to draw now, e.g. before printing. */
const drawAllEvent = 'rolefit:draw-charts';

/**
 * Draws every chart on the page now, even those not scrolled into view yet,
 * and resolves once they are painted: the Print button awaits it.
 */
export async function drawAllCharts(): Promise<void> {
	window.dispatchEvent(new Event(drawAllEvent));
	await loadChart();
	await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/**
 * Resolves when the canvas comes near the viewport, or when all charts are
 * asked to draw. Chart.js is large; loading it only when a chart is about to
 * be seen keeps it off the critical path of the results page.
 */
function nearViewport(canvas: HTMLCanvasElement, signal: AbortSignal): Promise<void> {
	return new Promise((resolve) => {
		if (typeof IntersectionObserver === 'undefined') return resolve();
		const observer = new IntersectionObserver(
			(entries) => {
				if (entries.some((entry) => entry.isIntersecting)) done();
			},
			{ rootMargin: '300px 0px' }
		);
		const done = () => {
			observer.disconnect();
			window.removeEventListener(drawAllEvent, done);
			resolve();
		};
		observer.observe(canvas);
		window.addEventListener(drawAllEvent, done);
		signal.addEventListener('abort', () => {
			observer.disconnect();
			window.removeEventListener(drawAllEvent, done);
		});
	});
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
		const detached = new AbortController();
		// A chart printed before it was drawn shows its data table instead.
		const table = canvas.closest('figure')?.querySelector('details');
		let openedForPrint = false;

		const draw = (theme: ChartTheme, reducedMotion: boolean) => {
			if (!ChartClass) return;
			chart?.destroy();
			chart = new ChartClass(
				canvas,
				buildChartConfig(spec.kind, spec.result, spec.labels, theme, { reducedMotion })
			);
		};
		const beforePrint = () => {
			if (chart) draw(lightTheme, true);
			else if (table && !table.open) openedForPrint = table.open = true;
		};
		const afterPrint = () => {
			if (chart) draw(spec.theme, true);
			if (table && openedForPrint) openedForPrint = table.open = false;
		};

		nearViewport(canvas, detached.signal)
			.then(loadChart)
			.then(
				(loaded) => {
					// The canvas may have gone, or the spec changed, while Chart.js loaded.
					if (!attached) return;
					ChartClass = loaded;
					draw(spec.theme, spec.reducedMotion);
					canvas.dataset.drawn = 'true';
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
			detached.abort();
			window.removeEventListener('beforeprint', beforePrint);
			window.removeEventListener('afterprint', afterPrint);
			chart?.destroy();
			chart = undefined;
		};
	};
}
