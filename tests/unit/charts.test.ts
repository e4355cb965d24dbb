import type { ChartConfiguration, Plugin } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { formatNumber, wrapLabel } from '../../src/lib/charts/common.ts';
import { buildChartConfig } from '../../src/lib/charts/config.ts';
import { buildFacetsChart } from '../../src/lib/charts/facets.ts';
import { buildPositionChart, positionTickLabel } from '../../src/lib/charts/position.ts';
import { buildQuadrantChart, quadrantOf } from '../../src/lib/charts/quadrant.ts';
import { loadChart } from '../../src/lib/charts/register.ts';
import {
	describeChart,
	describeFacets,
	describePosition,
	describeQuadrant,
	formatCell
} from '../../src/lib/charts/summary.ts';
import { darkTheme, lightTheme, translucent, type ChartTheme } from '../../src/lib/charts/theme.ts';
import { leaningProduct } from '../helpers/score-result.ts';

// ---------------------------------------------------------------- fixture

const result = leaningProduct;

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
	const config = buildPositionChart(result, lightTheme);
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
		expect(positionTickLabel(-50)).toBe('−50');
		const gridColor = x?.grid?.color as (context: { tick?: { value: number } }) => string;
		const lineWidth = x?.grid?.lineWidth as (context: { tick?: { value: number } }) => number;
		expect(gridColor({ tick: { value: 0 } })).toBe(lightTheme.reference);
		expect(gridColor({ tick: { value: 50 } })).toBe(lightTheme.grid);
		expect(lineWidth({ tick: { value: 0 } })).toBeGreaterThan(lineWidth({ tick: { value: 50 } }));
		expect(y?.display).toBe(false);
	});

	it('takes its colours from the theme', () => {
		expect(point?.backgroundColor).toBe(lightTheme.point);
		expect(band?.borderColor).toBe(lightTheme.band);
		expect(band?.backgroundColor).toBe(translucent(lightTheme.band, 0.25));
		expect(scalesOf(config).x?.ticks?.color).toBe(lightTheme.text);
		const dark = buildPositionChart(result, darkTheme);
		expect(dark.data.datasets[0]?.backgroundColor).toBe(darkTheme.point);
		expect(dark.data.datasets[1]?.borderColor).toBe(darkTheme.band);
		expect(scalesOf(dark).x?.ticks?.color).toBe(darkTheme.text);
	});

	it('draws nothing without a position', () => {
		const empty = buildPositionChart({ position: null, band: null }, lightTheme);
		expect(empty.data.datasets.map((dataset) => dataset.data)).toEqual([[], []]);
	});
});

// ---------------------------------------------------------------- facets

describe('facets chart', () => {
	const config = buildFacetsChart(result, lightTheme);
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
		expect(config.options?.plugins?.legend?.display).toBe(true);
		const dark = buildFacetsChart(result, darkTheme);
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
		const sparse = buildFacetsChart({ facets }, lightTheme);
		expect(sparse.data.datasets[1]?.data[7]).toBeNull();
	});
});

// ---------------------------------------------------------------- quadrant

describe('quadrant chart', () => {
	const config = buildQuadrantChart(result, lightTheme);

	it('is a scatter of one point at (tactical, strategic) on two 0–100 axes', () => {
		expect(config.type).toBe('scatter');
		expect(config.data.datasets[0]?.data).toEqual([{ x: 37, y: 72 }]);
		const { x, y } = scalesOf(config);
		expect(x).toMatchObject({ type: 'linear', min: 0, max: 100 });
		expect(y).toMatchObject({ type: 'linear', min: 0, max: 100 });
		expect(x?.title?.text).toBe('Tactical (project management)');
		expect(y?.title?.text).toBe('Strategic (product management)');
		expect(config.data.datasets[0]?.backgroundColor).toBe(lightTheme.point);
		expect(x?.title?.color).toBe(lightTheme.text);
	});

	it('names the quadrants by which scales are high', () => {
		expect(quadrantOf(80, 80)).toBe('hybrid');
		expect(quadrantOf(80, 20)).toBe('product');
		expect(quadrantOf(20, 80)).toBe('project');
		expect(quadrantOf(20, 20)).toBe('neither');
		expect(quadrantOf(50, 49)).toBe('product');
	});

	it('draws the quadrant lines at 50 and the four captions with an inline plugin', () => {
		expect(config.plugins).toHaveLength(1);
		const plugin = config.plugins?.[0] as Plugin<'scatter'>;
		expect(plugin.id).toBe('quadrantGuides');
		const { ctx, calls } = recordingContext();
		// A 200 × 200 chart area where value v sits at 2v px (y grows downwards).
		const chart = {
			ctx,
			chartArea: { left: 0, right: 200, top: 0, bottom: 200 },
			scales: {
				x: { getPixelForValue: (v: number) => v * 2 },
				y: { getPixelForValue: (v: number) => 200 - v * 2 }
			},
			options: { font: { family: 'Inter' } }
		};
		const hook = plugin.beforeDatasetsDraw as unknown as (chart: unknown) => void;
		hook(chart);

		const moves = calls.filter((c) => c.name === 'moveTo' || c.name === 'lineTo');
		expect(moves.map((c) => c.args)).toEqual([
			[100, 0],
			[100, 200],
			[0, 100],
			[200, 100]
		]);
		expect(calls.find((c) => c.name === 'stroke')?.state['strokeStyle']).toBe(lightTheme.reference);
		const texts = calls.filter((c) => c.name === 'fillText');
		const at = (caption: string) => {
			const call = texts.find((c) => c.args[0] === caption);
			return [call?.args[1], call?.args[2], call?.state['textAlign']];
		};
		expect(texts).toHaveLength(4);
		expect(at('Product side')).toEqual([6, 6, 'left']);
		expect(at('Both strong')).toEqual([194, 6, 'right']);
		expect(at('Neither strong')).toEqual([6, 194, 'left']);
		expect(at('Project side')).toEqual([194, 194, 'right']);
		expect(texts[0]?.state['font']).toContain('Inter');
		expect(texts[0]?.state['fillStyle']).toBe(lightTheme.reference);
	});

	it('uses the dark theme for the guides in dark mode', () => {
		const dark = buildQuadrantChart(result, darkTheme);
		const { ctx, calls } = recordingContext();
		const chart = {
			ctx,
			chartArea: { left: 0, right: 100, top: 0, bottom: 100 },
			scales: {
				x: { getPixelForValue: (v: number) => v },
				y: { getPixelForValue: (v: number) => v }
			},
			options: {}
		};
		(dark.plugins?.[0]?.beforeDatasetsDraw as unknown as (chart: unknown) => void)(chart);
		expect(calls.find((c) => c.name === 'stroke')?.state['strokeStyle']).toBe(darkTheme.reference);
	});

	it('has no point when a scale has no score', () => {
		const scales = { ...result.scales, tactical: { ...result.scales.tactical, score: null } };
		expect(buildQuadrantChart({ scales }, lightTheme).data.datasets[0]?.data).toEqual([]);
	});
});

// ---------------------------------------------------------------- common options

describe('every chart', () => {
	const kinds = ['position', 'facets', 'quadrant'] as const;

	it.each(kinds)('%s: responsive, fills its reserved box, animates unless reduced', (kind) => {
		const config = buildChartConfig(kind, result, lightTheme);
		expect(config.options?.responsive).toBe(true);
		expect(config.options?.maintainAspectRatio).toBe(false);
		expect(config.options?.animation).toBeTruthy();
		expect(config.options?.events).not.toContain('click');
		const still = buildChartConfig(kind, result, lightTheme, { reducedMotion: true });
		expect(still.options?.animation).toBe(false);
	});

	it.each(kinds)('%s: deterministic, and light and dark differ', (kind) => {
		const light = JSON.stringify(buildChartConfig(kind, result, lightTheme));
		expect(JSON.stringify(buildChartConfig(kind, result, lightTheme))).toBe(light);
		expect(JSON.stringify(buildChartConfig(kind, result, darkTheme))).not.toBe(light);
	});
});

// ---------------------------------------------------------------- text alternatives

describe('summaries and tables', () => {
	it('position: rounded position, direction and band', () => {
		const text = describePosition(result);
		expect(text.summary).toBe(
			'Your position is 35 towards product management; the 90% band runs from 13 to 57.'
		);
		expect(text.table).toEqual({
			caption: 'Your position from −100 (project management) to +100 (product management)',
			columns: ['Measure', 'Value'],
			rows: [
				['Position', 35],
				['90% band, low end', 13],
				['90% band, high end', 57]
			]
		});
	});

	it('position: towards project management, with minus signs', () => {
		const text = describePosition({
			position: -20.4,
			band: { low: -45.2, high: 4.9 },
			noVerdictReason: null
		});
		expect(text.summary).toBe(
			'Your position is 20 towards project management; the 90% band runs from −45 to 5.'
		);
		expect(text.table.rows.map((row) => formatCell(row[1] ?? ''))).toEqual(['−20', '−45', '5']);
	});

	it('position: no verdict says why', () => {
		const reason = 'Only 3 of the 24 questions on the Tactical scale were answered.';
		const text = describePosition({ position: null, band: null, noVerdictReason: reason });
		expect(text.summary).toBe(`Your answers do not place you on the axis yet. ${reason}`);
		expect(text.table.rows[0]).toEqual(['Position', 'Not answered']);
	});

	it('facets: highest and lowest, and a row per facet in chart order', () => {
		const text = describeFacets(result);
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

	it('quadrant: both scores and the quadrant they fall in', () => {
		const text = describeQuadrant(result);
		expect(text.summary).toBe(
			'Your strategic score is 72 and your tactical score is 37, which puts you in the “Product side” quadrant (strategic stronger, tactical lower; the lines are at 50).'
		);
		expect(text.table).toEqual({
			caption: 'Scale scores from 0 to 100',
			columns: ['Scale', 'Score'],
			rows: [
				['Strategic (product management)', 72],
				['Tactical (project management)', 37]
			]
		});
	});

	it('describeChart picks the text for each kind', () => {
		expect(describeChart('position', result)).toEqual(describePosition(result));
		expect(describeChart('facets', result)).toEqual(describeFacets(result));
		expect(describeChart('quadrant', result)).toEqual(describeQuadrant(result));
	});

	it('formats whole numbers with a true minus sign and never −0', () => {
		expect(formatNumber(-0.4)).toBe('0');
		expect(formatNumber(-7.6)).toBe('−8');
		expect(formatNumber(12.5)).toBe('13');
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

	it.each(['position', 'facets', 'quadrant'] as const)(
		'%s: the config mounts in the registered Chart.js and destroys cleanly',
		async (kind) => {
			const Chart = await loadChart();
			const { ctx, calls } = recordingContext();
			// No DOM here, so Chart.js uses its basic platform on this stand-in canvas.
			const canvas = { width: 320, height: 320, getContext: () => ctx };
			Object.assign(ctx, { canvas });
			const config = buildChartConfig(kind, result, lightTheme, { reducedMotion: true });
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
			if (kind === 'quadrant') {
				expect(calls.filter((c) => c.name === 'fillText').map((c) => c.args[0])).toEqual(
					expect.arrayContaining(['Product side', 'Both strong', 'Neither strong', 'Project side'])
				);
			}
			chart.destroy();
			expect(Chart.getChart(canvas as unknown as HTMLCanvasElement)).toBeUndefined();
		}
	);
});
