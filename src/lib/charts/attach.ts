/**
 * The attachment that puts a result chart on a `<canvas>`: it loads Chart.js,
 * draws the chart and destroys it when the canvas goes away or the spec
 * changes (Svelte then attaches again with the new spec).
 *
 * Paper gets an image, not the canvas: once drawn, each chart is also drawn
 * off-screen in the light theme, without animation, at twice the resolution,
 * into its figure's `img.print-image`, which only print shows. Browsers print
 * a live canvas unpredictably (Chromium records it as a page-sized vector
 * form, which can push a chart onto a page of its own).
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
	/** The page's language (numbers are written its way) and direction (legends, tooltips). */
	language: string;
	dir: 'ltr' | 'rtl';
}

/** Asks every mounted chart to draw now, e.g. before printing. */
const drawAllEvent = 'rolefit:draw-charts';

/** The print images being made, so that printing can wait for them. */
const printImages = new Set<Promise<void>>();

/**
 * Draws every chart on the page now, even those not scrolled into view yet,
 * and resolves once they are painted and their print images are ready: the
 * Print button awaits it.
 */
export async function drawAllCharts(): Promise<void> {
	window.dispatchEvent(new Event(drawAllEvent));
	await loadChart();
	await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
	await Promise.all(printImages);
}

/** How much sharper than the screen the print image is. */
const PRINT_SCALE = 2;

/**
 * Draws the chart once more, off-screen, in the light theme and without
 * animation, and puts it in `image` as a PNG. Resolves when the image is ready.
 */
async function makePrintImage(
	ChartClass: typeof Chart,
	spec: ChartSpec,
	canvas: HTMLCanvasElement,
	image: HTMLImageElement
): Promise<void> {
	const { width, height } = canvas.getBoundingClientRect();
	if (width === 0 || height === 0) return;
	const paper = document.createElement('canvas');
	// Off the page, a canvas has no direction to inherit: give it the page's, so that its text
	// is laid out as on screen.
	paper.dir = spec.dir;
	paper.width = Math.round(width);
	paper.height = Math.round(height);
	const config = buildChartConfig(spec.kind, spec.result, spec.labels, lightTheme, {
		reducedMotion: true,
		language: spec.language,
		dir: spec.dir
	});
	const chart = new ChartClass(paper, {
		...config,
		options: {
			...config.options,
			responsive: false,
			animation: false,
			devicePixelRatio: PRINT_SCALE
		}
	});
	try {
		const url = paper.toDataURL('image/png');
		if (!url?.startsWith('data:image/png')) return;
		image.src = url;
		await image.decode?.().catch(() => {});
	} finally {
		chart.destroy();
	}
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
		const figure = canvas.closest('figure');
		const image = figure?.querySelector<HTMLImageElement>('img.print-image');
		// A chart printed before it was drawn shows its data table instead.
		const table = figure?.querySelector('details');
		let openedForPrint = false;

		const draw = (theme: ChartTheme, reducedMotion: boolean) => {
			if (!ChartClass) return;
			chart?.destroy();
			chart = new ChartClass(
				canvas,
				buildChartConfig(spec.kind, spec.result, spec.labels, theme, {
					reducedMotion,
					language: spec.language,
					dir: spec.dir
				})
			);
		};
		const beforePrint = () => {
			if (!chart && table && !table.open) openedForPrint = table.open = true;
		};
		const afterPrint = () => {
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
					if (image) {
						const ready = makePrintImage(loaded, spec, canvas, image)
							.then(() => {
								if (attached && image.src) canvas.dataset.printImage = 'ready';
							})
							.catch((error: unknown) => console.error('Could not draw the chart for print', error))
							.finally(() => printImages.delete(ready));
						printImages.add(ready);
					}
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
