import type { ChartConfiguration } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { wrapLabel } from '../../src/lib/charts/common.ts';
import { buildChartConfig } from '../../src/lib/charts/config.ts';
import { buildFacetsChart } from '../../src/lib/charts/facets.ts';
import { buildMap, mapPoint, mapSize, svgPoints } from '../../src/lib/charts/map.ts';
import { buildPositionChart, positionTickLabel } from '../../src/lib/charts/position.ts';
import { loadChart } from '../../src/lib/charts/register.ts';
import {
	describeChart,
	describeFacets,
	describePosition,
	formatCell
} from '../../src/lib/charts/summary.ts';
import { darkTheme, lightTheme, translucent, type ChartTheme } from '../../src/lib/charts/theme.ts';
import { content } from '../helpers/content.ts';
import { leaningProduct } from '../helpers/score-result.ts';

// ---------------------------------------------------------------- fixture

const result = leaningProduct;
/** Every word the charts show, from results-page.yaml. */
const labels = content.resultsPage.charts;
const { thresholds } = content.instrument;

const strategicNames = [
	'Vision and the "why"',
	'Customers and market',
	'Value and outcomes',
	'Deciding under uncertainty',
	'Prioritising and influencing'
];
const tacticalNames = [
	'Planning and the "how"',
	'Resources and budget',
	'Risk, scope and quality',
	'Team coordination and execution',
	'Delivery and status reporting'
];

// ---------------------------------------------------------------- helpers

/** WCAG 2 contrast ratio between two #rrggbb colours. */
function contrast(a: string, b: string): number {
	const luminance = (hex: string) => {
		const n = Number.parseInt(hex.slice(1, 7), 16);
		const [r, g, bl] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
			const s = c / 255;
			return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
		}) as [number, number, number];
		return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
	};
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
}

/** The parts of a scale's options these tests read. */
interface ScaleView {
	type?: string;
	min?: number;
	max?: number;
	display?: boolean;
	title?: { text?: string; color?: string };
	ticks?: { color?: string; stepSize?: number; callback?: (value: number) => unknown };
	grid?: {
		color?: string | ((context: { tick?: { value: number } }) => string);
		lineWidth?: number | ((context: { tick?: { value: number } }) => number);
	};
}

const scalesOf = (config: ChartConfiguration) =>
	config.options?.scales as Record<string, ScaleView>;

/** A 2D context that records what is drawn and otherwise does nothing. */
function recordingContext() {
	const calls: { name: string; args: unknown[]; state: Record<string, unknown> }[] = [];
	const state: Record<string, unknown> = {};
	const ctx: object = new Proxy(state, {
		get(target, property) {
			if (property === 'calls') return calls;
			if (property === 'measureText') return (text: string) => ({ width: text.length * 6 });
			if (property in target) return target[property as string];
			return (...args: unknown[]) => {
				calls.push({ name: String(property), args, state: { ...target } });
			};
		},
		set(target, property, value) {
			target[property as string] = value;
			return true;
		}
	});
	return { ctx, calls, state };
}

// ---------------------------------------------------------------- themes

describe('themes', () => {
	const meaningful = ['text', 'reference', 'strategic', 'tactical', 'band', 'point'] as const;

	it.each([
		['light', lightTheme],
		['dark', darkTheme]
	] as [string, ChartTheme][])(
		'%s: every colour that carries meaning reaches WCAG AA (4.5:1)',
		(_name, theme) => {
			for (const key of meaningful) {
				expect(contrast(theme[key], theme.background), key).toBeGreaterThanOrEqual(4.5);
			}
		}
	);

	it('light sits on white and dark on a near-black background, with different colours', () => {
		expect(lightTheme.background).toBe('#ffffff');
		expect(contrast(darkTheme.background, '#121417')).toBeLessThan(1.1);
		for (const key of Object.keys(lightTheme) as (keyof ChartTheme)[]) {
			expect(darkTheme[key], key).not.toBe(lightTheme[key]);
		}
	});

	it('translucent adds an alpha channel to a #rrggbb colour', () => {
		expect(translucent('#7c3aed', 0.25)).toBe('#7c3aed40');
		expect(translucent('#000000', 1)).toBe('#000000ff');
	});
});

// ---------------------------------------------------------------- position

describe('position chart', () => {
	const config = buildPositionChart(result, labels, lightTheme);
	const [point, band] = config.data.datasets;

	it('is a horizontal bar chart: the band a floating bar, the position a point', () => {
		expect(config.type).toBe('bar');
		expect(config.options?.indexAxis).toBe('y');
		expect(point?.type).toBe('scatter');
		expect(point?.data).toEqual([{ x: 35, y: 0 }]);
		expect(band?.type).toBe('bar');
		expect(band?.data).toEqual([[13, 57]]);
		expect(config.data.labels).toEqual(['You']);
	});

	it('runs from −100 (project management) to +100 (product management) with a zero line', () => {
		const { x, y } = scalesOf(config);
		expect(x).toMatchObject({ type: 'linear', min: -100, max: 100 });
		expect(x?.ticks?.stepSize).toBe(50);
		expect(x?.ticks?.callback?.(-100)).toEqual(['−100', 'Project management']);
		expect(x?.ticks?.callback?.(100)).toEqual(['+100', 'Product management']);
		expect(x?.ticks?.callback?.(0)).toBe('0');
		expect(positionTickLabel(-50, labels.ends, 'en')).toBe('−50');
		const gridColor = x?.grid?.color as (context: { tick?: { value: number } }) => string;
		const lineWidth = x?.grid?.lineWidth as (context: { tick?: { value: number } }) => number;
		expect(gridColor({ tick: { value: 0 } })).toBe(lightTheme.reference);
		expect(gridColor({ tick: { value: 50 } })).toBe(lightTheme.grid);
		expect(lineWidth({ tick: { value: 0 } })).toBeGreaterThan(lineWidth({ tick: { value: 50 } }));
		expect(y?.display).toBe(false);
	});

	it('takes its words from content', () => {
		expect(point?.label).toBe('Your position');
		expect(band?.label).toBe('Your range');
		const own = buildPositionChart(
			result,
			{ ends: { project: 'West', product: 'East' }, point: 'Here', range: 'Spread' },
			lightTheme
		);
		expect(own.data.datasets.map((dataset) => dataset.label)).toEqual(['Here', 'Spread']);
		expect(scalesOf(own).x?.ticks?.callback?.(100)).toEqual(['+100', 'East']);
	});

	it('takes its colours from the theme', () => {
		expect(point?.backgroundColor).toBe(lightTheme.point);
		expect(band?.borderColor).toBe(lightTheme.band);
		expect(band?.backgroundColor).toBe(translucent(lightTheme.band, 0.25));
		expect(scalesOf(config).x?.ticks?.color).toBe(lightTheme.text);
		const dark = buildPositionChart(result, labels, darkTheme);
		expect(dark.data.datasets[0]?.backgroundColor).toBe(darkTheme.point);
		expect(dark.data.datasets[1]?.borderColor).toBe(darkTheme.band);
		expect(scalesOf(dark).x?.ticks?.color).toBe(darkTheme.text);
	});

	it('draws nothing without a position', () => {
		const empty = buildPositionChart({ position: null, band: null }, labels, lightTheme);
		expect(empty.data.datasets.map((dataset) => dataset.data)).toEqual([[], []]);
	});
});

// ---------------------------------------------------------------- facets

describe('facets chart', () => {
	const config = buildFacetsChart(result, labels, lightTheme);
	const [strategic, tactical] = config.data.datasets;

	it('is a horizontal bar chart of the ten facets, grouped by scale', () => {
		expect(config.type).toBe('bar');
		expect(config.options?.indexAxis).toBe('y');
		expect(config.data.labels?.map((label) => label.join(' '))).toEqual([
			...strategicNames,
			...tacticalNames
		]);
		expect(strategic?.data).toEqual([85, 73, 67, 58, 75, null, null, null, null, null]);
		expect(tactical?.data).toEqual([null, null, null, null, null, 42, 25, 50, 46, 22]);
		expect(strategic?.grouped).toBe(false);
	});

	it('colours and names each scale, on a 0–100 axis', () => {
		expect(strategic?.label).toBe('Strategic (product management)');
		expect(strategic?.backgroundColor).toBe(lightTheme.strategic);
		expect(tactical?.label).toBe('Tactical (project management)');
		expect(tactical?.backgroundColor).toBe(lightTheme.tactical);
		expect(scalesOf(config).x).toMatchObject({ type: 'linear', min: 0, max: 100 });
		expect(scalesOf(config).x?.title?.text).toBe('Score (0–100)');
		expect(config.options?.plugins?.legend?.display).toBe(true);
		const dark = buildFacetsChart(result, labels, darkTheme);
		expect(dark.data.datasets.map((dataset) => dataset.backgroundColor)).toEqual([
			darkTheme.strategic,
			darkTheme.tactical
		]);
	});

	it('wraps long facet names so they fit beside the bars on a phone', () => {
		expect(wrapLabel('Team coordination and execution')).toEqual([
			'Team coordination',
			'and execution'
		]);
		expect(wrapLabel('Extraordinarily-long-single-word x', 10)).toEqual([
			'Extraordinarily-long-single-word',
			'x'
		]);
	});

	it('leaves a gap for a facet without answers', () => {
		const facets = result.facets.map((f) => (f.id === 'tactical.risk' ? { ...f, score: null } : f));
		const sparse = buildFacetsChart({ facets }, labels, lightTheme);
		expect(sparse.data.datasets[1]?.data[7]).toBeNull();
	});
});

// ---------------------------------------------------------------- map of the two levels

describe('map of the two levels', () => {
	const words = {
		product: 'Leans product',
		project: 'Leans project',
		hybrid: 'Strong on both',
		lowFit: 'Drawn to neither',
		axisStrategic: 'Strategic level →',
		axisTactical: '← Tactical level',
		you: 'You'
	};
	const map = buildMap(result, thresholds, words);
	const x = (point: readonly [number, number] | null) => point?.[0] ?? NaN;
	const y = (point: readonly [number, number] | null) => point?.[1] ?? NaN;

	it('puts product to the right, project to the left, both high on top, both low below', () => {
		const product = mapPoint(100, 0);
		const project = mapPoint(0, 100);
		const both = mapPoint(100, 100);
		const neither = mapPoint(0, 0);
		expect(x(product)).toBeGreaterThan(x(both));
		expect(x(project)).toBeLessThan(x(both));
		expect(y(both)).toBeLessThan(y(product));
		expect(y(neither)).toBeGreaterThan(y(product));
		// Across is the position, as on the position chart: equal positions line up vertically.
		expect(x(mapPoint(70, 40))).toBeCloseTo(x(mapPoint(40, 10)));
		expect(mapPoint(50, 50)).toEqual([mapSize.width / 2, mapSize.height / 2]);
	});

	it('places the point at the rounded levels with "You" beside it, and the position range as a bar across it', () => {
		expect(result.scales.strategic.score).toBe(72);
		expect(result.scales.tactical.score).toBe(37);
		const [px, py] = mapPoint(72, 37);
		expect(map.point?.[0]).toBeCloseTo(px, 0);
		expect(map.point?.[1]).toBeCloseTo(py, 0);
		expect(map.you?.text).toBe('You');
		expect(Math.abs(x([map.you!.x, map.you!.y]) - px)).toBeLessThan(20);
		// The bar runs across from the position's low end to its high end (13 to 57), where
		// a point at that position would be, centred on the point's height.
		const across = (position: number) => x(mapPoint(50 + position / 2, 50 - position / 2));
		expect(map.band).toHaveLength(4);
		expect(Math.min(...map.band!.map(([bx]) => bx))).toBeCloseTo(across(result.band!.low), 0);
		expect(Math.max(...map.band!.map(([bx]) => bx))).toBeCloseTo(across(result.band!.high), 0);
		const heights = map.band!.map(([, by]) => by);
		expect((Math.min(...heights) + Math.max(...heights)) / 2).toBeCloseTo(py, 0);
	});

	it('draws its areas at the content thresholds, not at 50', () => {
		const d = thresholds.directionAtLeast;
		const [left, right] = map.guides;
		// The lines where a lean starts sit at position −d and +d.
		expect(left?.[0]?.[0]).toBeCloseTo(x(mapPoint(0, d)), 0);
		expect(right?.[0]?.[0]).toBeCloseTo(x(mapPoint(d, 0)), 0);
		const hybrid = map.areas.find((area) => area.id === 'hybrid')!;
		const lowest = Math.max(...hybrid.points.map((point) => point[1]));
		expect(lowest).toBeCloseTo(y(mapPoint(thresholds.hybridAtLeast, thresholds.hybridAtLeast)), 0);
		const lowFit = map.areas.find((area) => area.id === 'low-fit')!;
		const highest = Math.min(...lowFit.points.map((point) => point[1]));
		expect(highest).toBeCloseTo(y(mapPoint(thresholds.lowFitAtMost, thresholds.lowFitAtMost)), 0);
		// The middle line, where the position is 0, runs from both-high to both-low.
		expect(map.middle).toEqual([mapPoint(100, 100), mapPoint(0, 0)]);
		// A changed threshold moves the map.
		const wider = buildMap(result, { ...thresholds, directionAtLeast: 40 }, words);
		expect(wider.guides[1]?.[0]?.[0]).toBeCloseTo(x(mapPoint(40, 0)), 0);
	});

	it('labels the areas and axes around the outline with the words it is given', () => {
		const text = (label: string) => map.labels.find((l) => l.text === label)!;
		expect(text('Leans project').x).toBeLessThan(text('Strong on both').x);
		expect(text('Strong on both').x).toBeLessThan(text('Leans product').x);
		expect(text('Strong on both').y).toBeLessThan(text('Drawn to neither').y);
		expect(text('← Tactical level').x).toBeLessThan(text('Strategic level →').x);
		for (const label of map.labels) {
			expect(label.x).toBeGreaterThanOrEqual(0);
			expect(label.x).toBeLessThanOrEqual(mapSize.width);
			expect(label.y).toBeLessThanOrEqual(mapSize.height);
		}
		expect(svgPoints(map.outline).split(' ')).toHaveLength(4);
	});

	it('has no point and no range when a level is missing', () => {
		const scales = {
			...result.scales,
			tactical: { ...result.scales.tactical, score: null, band: null }
		};
		const empty = buildMap({ scales, band: result.band }, thresholds, words);
		expect(empty.point).toBeNull();
		expect(empty.you).toBeNull();
		expect(empty.band).toBeNull();
		expect(empty.areas).toHaveLength(4);
	});
});

// ---------------------------------------------------------------- common options

describe('every chart', () => {
	const kinds = ['position', 'facets'] as const;

	it.each(kinds)('%s: responsive, fills its reserved box, animates unless reduced', (kind) => {
		const config = buildChartConfig(kind, result, labels, lightTheme);
		expect(config.options?.responsive).toBe(true);
		expect(config.options?.maintainAspectRatio).toBe(false);
		expect(config.options?.animation).toBeTruthy();
		expect(config.options?.events).not.toContain('click');
		const still = buildChartConfig(kind, result, labels, lightTheme, { reducedMotion: true });
		expect(still.options?.animation).toBe(false);
	});

	it.each(kinds)('%s: deterministic, and light and dark differ', (kind) => {
		const light = JSON.stringify(buildChartConfig(kind, result, labels, lightTheme));
		expect(JSON.stringify(buildChartConfig(kind, result, labels, lightTheme))).toBe(light);
		expect(JSON.stringify(buildChartConfig(kind, result, labels, darkTheme))).not.toBe(light);
	});
});

// ---------------------------------------------------------------- text alternatives

describe('summaries and tables', () => {
	it('position: rounded position, direction and range', () => {
		const text = describePosition(result, labels, 'en');
		expect(text.summary).toBe(
			'Your position is 35 towards product management; the range runs from 13 to 57.'
		);
		expect(text.table).toEqual({
			caption: 'Your position from −100 (project management) to +100 (product management)',
			columns: ['Measure', 'Value'],
			rows: [
				['Position', 35],
				['Range, low end', 13],
				['Range, high end', 57]
			]
		});
	});

	it('position: towards project management, with minus signs', () => {
		const text = describePosition(
			{
				position: -20.4,
				band: { low: -45.2, high: 4.9 },
				noVerdictReason: null
			},
			labels,
			'en'
		);
		expect(text.summary).toBe(
			'Your position is 20 towards project management; the range runs from −45 to 5.'
		);
		expect(text.table.rows.map((row) => formatCell(row[1] ?? '', 'en'))).toEqual([
			'−20',
			'−45',
			'5'
		]);
	});

	it('position: no verdict says why', () => {
		const reason = 'Only 3 of the 24 questions on the Tactical scale were answered.';
		const text = describePosition(
			{ position: null, band: null, noVerdictReason: reason },
			labels,
			'en'
		);
		expect(text.summary).toBe(`Your answers do not place you on the axis yet. ${reason}`);
		expect(text.table.rows[0]).toEqual(['Position', 'Not answered']);
	});

	it('facets: highest and lowest, and a row per facet in chart order', () => {
		const text = describeFacets(result, labels, 'en');
		expect(text.summary).toBe(
			'Your highest facet score is Vision and the "why" (85) and your lowest is Delivery and status reporting (22), out of 100.'
		);
		expect(text.table.caption).toBe('Facet scores from 0 to 100');
		expect(text.table.columns).toEqual(['Facet', 'Scale', 'Score']);
		expect(text.table.rows).toHaveLength(10);
		expect(text.table.rows[0]).toEqual([
			'Vision and the "why"',
			'Strategic (product management)',
			85
		]);
		expect(text.table.rows[1]).toEqual([
			'Customers and market',
			'Strategic (product management)',
			73
		]);
		expect(text.table.rows[9]).toEqual([
			'Delivery and status reporting',
			'Tactical (project management)',
			22
		]);
	});

	it('position: exactly in the middle says so', () => {
		const text = describePosition(
			{ position: 0, band: { low: -20, high: 20 }, noVerdictReason: null },
			labels,
			'en'
		);
		expect(text.summary).toBe(
			'Your position is 0, exactly between project and product management; the range runs from −20 to 20.'
		);
	});

	it('takes every word from the labels it is given', () => {
		const own = {
			...labels,
			positionSummary: '{distance} to {end} ({low}..{high})',
			facetsNone: 'Nothing yet.'
		};
		expect(describePosition(result, own, 'en').summary).toBe('35 to product management (13..57)');
		expect(describeFacets({ facets: [] }, own, 'en').summary).toBe('Nothing yet.');
	});

	it('describeChart picks the text for each kind', () => {
		expect(describeChart('position', result, labels, 'en')).toEqual(
			describePosition(result, labels, 'en')
		);
		expect(describeChart('facets', result, labels, 'en')).toEqual(
			describeFacets(result, labels, 'en')
		);
	});
});

// ---------------------------------------------------------------- Chart.js itself

describe('loadChart', () => {
	it('loads Chart.js once, with only the pieces the charts use', async () => {
		const promise = loadChart();
		expect(loadChart()).toBe(promise);
		const Chart = await promise;
		expect(Chart.registry.controllers.get('bar')).toBeDefined();
		expect(Chart.registry.controllers.get('scatter')).toBeDefined();
		expect(Chart.registry.controllers.get('line')).toBeUndefined();
		expect(Chart.registry.controllers.get('doughnut')).toBeUndefined();
		expect(Chart.registry.scales.get('time')).toBeUndefined();
		expect(Chart.registry.plugins.get('title')).toBeUndefined();
	});

	it.each(['position', 'facets'] as const)(
		'%s: the config mounts in the registered Chart.js and destroys cleanly',
		async (kind) => {
			const Chart = await loadChart();
			const { ctx } = recordingContext();
			// No DOM here, so Chart.js uses its basic platform on this stand-in canvas.
			const canvas = { width: 320, height: 320, getContext: () => ctx };
			Object.assign(ctx, { canvas });
			const config = buildChartConfig(kind, result, labels, lightTheme, { reducedMotion: true });
			const chart = new Chart(canvas as unknown as HTMLCanvasElement, config);
			expect((chart.config as { type?: string }).type).toBe(config.type);
			const meta = chart.getDatasetMeta(0);
			expect(meta.data.length).toBeGreaterThan(0);
			for (const element of meta.data) {
				expect(Number.isFinite(element.x) && Number.isFinite(element.y)).toBe(true);
			}
			if (kind === 'position') {
				// The point sits at 35 on the −100…100 axis, on the band's row.
				const x = chart.scales['x']!;
				expect(meta.data[0]?.x).toBeCloseTo(x.getPixelForValue(35));
				expect(meta.data[0]?.y).toBeCloseTo(chart.getDatasetMeta(1).data[0]!.y);
			}
			chart.destroy();
			expect(Chart.getChart(canvas as unknown as HTMLCanvasElement)).toBeUndefined();
		}
	);
});
