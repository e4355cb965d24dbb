import { render, screen, waitFor, within } from '@testing-library/svelte';
import type { ChartConfiguration } from 'chart.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import content from 'virtual:rolefit/content';
import ResultChart from '$lib/charts/ResultChart.svelte';
import { darkTheme, lightTheme } from '$lib/charts/theme';
import { leaningProduct } from '../helpers/score-result.ts';

// jsdom has no canvas: a stand-in Chart class records what it was given.
const charts = vi.hoisted(() => {
	class FakeChart {
		static instances: FakeChart[] = [];
		destroy = vi.fn();
		constructor(
			public canvas: HTMLCanvasElement,
			public config: ChartConfiguration
		) {
			FakeChart.instances.push(this);
		}
	}
	return { FakeChart, loadChart: vi.fn(async () => FakeChart) };
});

vi.mock('$lib/charts/register', () => ({ loadChart: charts.loadChart }));

const { FakeChart } = charts;

// ---------------------------------------------------------------- fixture

const result = leaningProduct;
/** The charts' words, from results-page.yaml. */
const labels = content.resultsPage.charts;
/** An English page, left to right. */
const english = { language: 'en', dir: 'ltr' as const };

const positionSummary =
	'Your position is 35 towards product management; the range runs from 13 to 57.';

// ---------------------------------------------------------------- matchMedia

/** A controllable `matchMedia`: set a query's answer and listeners hear a change. */
function fakeMatchMedia(initial: Record<string, boolean> = {}) {
	const answers = { ...initial };
	const lists = new Map<string, EventTarget>();
	const matchMedia = (query: string) => {
		let list = lists.get(query);
		if (!list) {
			list = Object.defineProperties(new EventTarget(), {
				media: { value: query },
				matches: { get: () => answers[query] ?? false }
			});
			lists.set(query, list);
		}
		return list as MediaQueryList;
	};
	vi.stubGlobal('matchMedia', matchMedia);
	return {
		set(query: string, value: boolean) {
			answers[query] = value;
			lists.get(query)?.dispatchEvent(new Event('change'));
		}
	};
}

const DARK = '(prefers-color-scheme: dark)';
const REDUCED = '(prefers-reduced-motion: reduce)';

beforeEach(() => {
	FakeChart.instances = [];
	charts.loadChart.mockClear();
});

afterEach(() => {
	vi.unstubAllGlobals();
});

// ---------------------------------------------------------------- tests

describe('ResultChart', () => {
	it('names the canvas image by its summary and captions the figure with it', async () => {
		fakeMatchMedia();
		render(ResultChart, { kind: 'position', result, labels, ...english, id: 'position-chart' });

		const image = screen.getByRole('img', { name: positionSummary });
		expect(image.tagName).toBe('CANVAS');
		const figure = screen.getByRole('figure');
		expect(figure).toHaveAttribute('id', 'position-chart');
		expect(within(figure).getByText(positionSummary, { selector: 'figcaption' })).toBeVisible();

		await waitFor(() => expect(FakeChart.instances).toHaveLength(1));
		expect(FakeChart.instances[0]?.canvas).toBe(image);
	});

	it('can keep its caption out of sight where the page says it already', () => {
		fakeMatchMedia();
		render(ResultChart, { kind: 'position', result, labels, ...english, quietCaption: true });
		const caption = screen.getByText(positionSummary, { selector: 'figcaption' });
		expect(caption).toHaveClass('visually-hidden');
		// Still the image's name, and still the figure's caption for screen readers.
		expect(screen.getByRole('img', { name: positionSummary })).toBeInTheDocument();
		expect(caption.parentElement?.tagName).toBe('FIGURE');
	});

	it('puts the numbers in a table with a caption and header cells', () => {
		fakeMatchMedia();
		render(ResultChart, { kind: 'facets', result, labels, ...english });

		const table = screen.getByRole('table', { name: 'Facet scores from 0 to 100' });
		const headers = within(table).getAllByRole('columnheader');
		expect(headers.map((th) => th.textContent)).toEqual(['Facet', 'Scale', 'Score']);
		expect(headers.every((th) => th.getAttribute('scope') === 'col')).toBe(true);

		const rows = within(table).getAllByRole('row').slice(1);
		expect(rows).toHaveLength(10);
		const first = within(rows[0]!).getByRole('rowheader', { name: 'Vision and the "why"' });
		expect(first).toHaveAttribute('scope', 'row');
		expect(
			within(rows[0]!)
				.getAllByRole('cell')
				.map((td) => td.textContent)
		).toEqual(['Strategic (product management)', '85']);
		expect(
			within(rows[9]!)
				.getAllByRole('cell')
				.map((td) => td.textContent)
		).toEqual(['Tactical (project management)', '22']);
	});

	it('shows negative numbers in the table with a minus sign', () => {
		fakeMatchMedia();
		render(ResultChart, {
			kind: 'position',
			...english,
			result: { ...result, position: -20.4, band: { low: -45.2, high: 4.9 } },
			labels
		});
		const table = screen.getByRole('table', { name: /Your position from −100/ });
		expect(within(table).getByRole('row', { name: 'Position −20' })).toBeInTheDocument();
		expect(within(table).getByRole('row', { name: 'Range, low end −45' })).toBeInTheDocument();
	});

	it('draws the chart from the builder, in the light theme with animation by default', async () => {
		fakeMatchMedia();
		render(ResultChart, { kind: 'position', result, labels, ...english });

		await waitFor(() => expect(FakeChart.instances).toHaveLength(1));
		expect(charts.loadChart).toHaveBeenCalledTimes(1);
		const { config } = FakeChart.instances[0]!;
		expect(config.type).toBe('bar');
		expect(config.data.datasets[0]?.data).toEqual([{ x: 35, y: 0 }]);
		expect(config.data.datasets[1]?.label).toBe(labels.range);
		expect(config.data.datasets[0]?.backgroundColor).toBe(lightTheme.point);
		expect(config.options?.animation).not.toBe(false);
	});

	it('follows dark mode and reduced motion, and redraws when they change', async () => {
		const media = fakeMatchMedia({ [DARK]: true, [REDUCED]: true });
		render(ResultChart, { kind: 'position', result, labels, ...english });

		await waitFor(() => expect(FakeChart.instances).toHaveLength(1));
		const first = FakeChart.instances[0]!;
		expect(first.config.data.datasets[0]?.backgroundColor).toBe(darkTheme.point);
		expect(first.config.options?.animation).toBe(false);

		media.set(DARK, false);
		await waitFor(() => expect(FakeChart.instances).toHaveLength(2));
		expect(first.destroy).toHaveBeenCalledTimes(1);
		expect(FakeChart.instances[1]?.config.data.datasets[0]?.backgroundColor).toBe(lightTheme.point);
	});

	it('prints an image of the chart in the light theme, drawn off-screen without animation', async () => {
		fakeMatchMedia({ [DARK]: true });
		vi.spyOn(HTMLCanvasElement.prototype, 'getBoundingClientRect').mockReturnValue(
			DOMRect.fromRect({ width: 300, height: 128 })
		);
		const toDataURL = vi
			.spyOn(HTMLCanvasElement.prototype, 'toDataURL')
			.mockReturnValue('data:image/png;base64,iVBORw0KGgo=');
		render(ResultChart, { kind: 'position', result, labels, ...english });
		await waitFor(() => expect(FakeChart.instances).toHaveLength(2));

		const [screenChart, paperChart] = FakeChart.instances;
		expect(screenChart!.config.data.datasets[0]?.backgroundColor).toBe(darkTheme.point);
		const printed = paperChart!.config;
		expect(paperChart!.canvas).not.toBe(screen.getByRole('img', { name: positionSummary }));
		expect(printed.data.datasets[0]?.backgroundColor).toBe(lightTheme.point);
		expect(printed.options).toMatchObject({
			animation: false,
			responsive: false,
			devicePixelRatio: 2
		});
		expect([paperChart!.canvas.width, paperChart!.canvas.height]).toEqual([300, 128]);
		expect(toDataURL).toHaveBeenCalledWith('image/png');
		// The off-screen chart goes; the image stays, for print only.
		expect(paperChart!.destroy).toHaveBeenCalledTimes(1);
		expect(screenChart!.destroy).not.toHaveBeenCalled();
		const image = document.querySelector('figure img.print-image')!;
		expect(image).toHaveAttribute('src', 'data:image/png;base64,iVBORw0KGgo=');
		// Decorative on paper: the caption beside it says what it shows.
		expect(image).toHaveAttribute('alt', '');
		await waitFor(() =>
			expect(screen.getByRole('img', { name: positionSummary })).toHaveAttribute(
				'data-print-image',
				'ready'
			)
		);

		// Printing draws nothing more: paper shows the image.
		window.dispatchEvent(new Event('beforeprint'));
		window.dispatchEvent(new Event('afterprint'));
		expect(FakeChart.instances).toHaveLength(2);
		vi.restoreAllMocks();
	});

	it('prints the table in place of a chart that was never drawn', async () => {
		fakeMatchMedia();
		charts.loadChart.mockImplementationOnce(() => new Promise(() => {}));
		render(ResultChart, { kind: 'position', result, labels, ...english });
		const table = document.querySelector('figure details')!;
		expect(table).not.toHaveAttribute('open');
		window.dispatchEvent(new Event('beforeprint'));
		expect(table).toHaveAttribute('open');
		window.dispatchEvent(new Event('afterprint'));
		expect(table).not.toHaveAttribute('open');
	});

	it('destroys the chart on unmount', async () => {
		fakeMatchMedia();
		const { unmount } = render(ResultChart, { kind: 'facets', result, labels, ...english });
		await waitFor(() => expect(FakeChart.instances).toHaveLength(1));
		const chart = FakeChart.instances[0]!;
		expect(chart.destroy).not.toHaveBeenCalled();

		unmount();
		expect(chart.destroy).toHaveBeenCalledTimes(1);
		// Printing after unmount draws nothing.
		window.dispatchEvent(new Event('beforeprint'));
		expect(FakeChart.instances).toHaveLength(1);
	});

	it('never draws when unmounted before Chart.js has loaded', async () => {
		fakeMatchMedia();
		let resolve: (value: typeof FakeChart) => void = () => {};
		charts.loadChart.mockImplementationOnce(
			() => new Promise<typeof FakeChart>((done) => (resolve = done))
		);
		const { unmount } = render(ResultChart, { kind: 'position', result, labels, ...english });
		unmount();
		resolve(FakeChart);
		await Promise.resolve();
		await Promise.resolve();
		expect(FakeChart.instances).toHaveLength(0);
	});

	it('works without matchMedia (light theme, animated)', async () => {
		vi.stubGlobal('matchMedia', undefined);
		render(ResultChart, { kind: 'position', result, labels, ...english });
		expect(screen.getByRole('img', { name: positionSummary })).toBeInTheDocument();
		await waitFor(() => expect(FakeChart.instances).toHaveLength(1));
		expect(FakeChart.instances[0]?.config.data.datasets[0]?.backgroundColor).toBe(lightTheme.point);
	});
});
