/**
 * The map of the two levels: a pure geometry builder, drawn as SVG on the
 * page (`ResultMap.svelte`) and on a canvas for the downloadable image.
 *
 * The square of all (strategic, tactical) pairs is turned 45° so that one
 * direction holds everywhere: across is the position (strategic − tactical,
 * project on the left, product on the right, as on the position chart), and
 * up is how high both levels are (both high at the top, both low at the
 * bottom). So the product corner is on the right, the project corner on the
 * left, "strong on both" at the top and "drawn to neither" at the bottom.
 *
 * The areas come from the content's thresholds, never from numbers here: a
 * lean needs the position `directionAtLeast` from the middle; in between,
 * both levels at `hybridAtLeast` or more is strong on both, both at
 * `lowFitAtMost` or less drawn to neither.
 */
import type { Thresholds } from '../content/types.ts';
import type { ScoreResult } from '../scoring/types.ts';

/** An (x, y) point in the map's own pixels (y grows downward, as in SVG and canvas). */
export type MapPoint = readonly [number, number];

/** The named areas of the map. */
export type MapArea = 'product' | 'project' | 'hybrid' | 'low-fit' | 'undecided';

/** The words the map shows: area names from the result wording, the rest from the page's. */
export interface MapLabels {
	product: string;
	project: string;
	hybrid: string;
	lowFit: string;
	axisStrategic: string;
	axisTactical: string;
	you: string;
}

export interface MapText {
	text: string;
	x: number;
	y: number;
	/**
	 * Which of the text's sides is at `x`, in the map's own left-to-right terms: `start` the
	 * left, `end` the right. The sides of the map never flip (see `anchorIn` for right-to-left).
	 */
	anchor: 'start' | 'middle' | 'end';
}

export interface MapGeometry {
	width: number;
	height: number;
	/** The outline of every possible pair of levels. */
	outline: MapPoint[];
	/** The shaded areas, each a polygon. */
	areas: { id: Exclude<MapArea, 'undecided'>; points: MapPoint[] }[];
	/** The dashed lines where a lean starts, one on each side. */
	guides: [MapPoint, MapPoint][];
	/**
	 * The line where the position is 0: a range wholly on one side of it is a lean to that
	 * side, one that crosses it is not settled (the words say the same).
	 */
	middle: [MapPoint, MapPoint];
	/**
	 * The position's range, as a bar across at the point's height (the same range, in the
	 * same direction, as the position chart), or null without one.
	 */
	band: MapPoint[] | null;
	/** The person's point, or null when a level is missing. */
	point: MapPoint | null;
	/** The "You" label beside the point. */
	you: MapText | null;
	/** Area names and axis names, around the outline. */
	labels: MapText[];
}

/** The map's size in its own pixels: the outline is twice as wide as it is high. */
export const mapSize = { width: 400, height: 232, plotWidth: 340, plotHeight: 170 } as const;
const left = (mapSize.width - mapSize.plotWidth) / 2;
/** Half the height of the range's bar, in the map's pixels. */
const bandHalfHeight = 7;
const top = (mapSize.height - mapSize.plotHeight) / 2;

/** Where a pair of levels (0–100 each) sits on the map, in pixels. */
export function mapPoint(strategic: number, tactical: number): MapPoint {
	const across = strategic - tactical; // −100 (project) … +100 (product)
	const up = (strategic + tactical) / 2; // 0 (both low) … 100 (both high)
	return [
		left + ((across + 100) / 200) * mapSize.plotWidth,
		top + (1 - up / 100) * mapSize.plotHeight
	];
}

/** A polygon in (strategic, tactical) space. */
type LevelPolygon = [number, number][];

/**
 * Clips a convex polygon to the half-plane `a·s + b·t ≤ c` (one step of
 * Sutherland–Hodgman): enough for the few straight cuts the areas need.
 */
function clip(polygon: LevelPolygon, a: number, b: number, c: number): LevelPolygon {
	const inside = ([s, t]: [number, number]) => a * s + b * t <= c + 1e-9;
	const out: LevelPolygon = [];
	polygon.forEach((current, index) => {
		const previous = polygon[(index + polygon.length - 1) % polygon.length]!;
		const crossing = (): [number, number] => {
			const [s1, t1] = previous;
			const [s2, t2] = current;
			const k = (c - a * s1 - b * t1) / (a * (s2 - s1) + b * (t2 - t1));
			return [s1 + k * (s2 - s1), t1 + k * (t2 - t1)];
		};
		if (inside(current)) {
			if (!inside(previous)) out.push(crossing());
			out.push(current);
		} else if (inside(previous)) {
			out.push(crossing());
		}
	});
	return out;
}

const box = (low: number, high: number): LevelPolygon => [
	[low, low],
	[high, low],
	[high, high],
	[low, high]
];

const toMap = (polygon: LevelPolygon): MapPoint[] => polygon.map(([s, t]) => mapPoint(s, t));

/** Rounds pixels to a tenth: shorter SVG, equal output for equal input. */
const tidy = (points: MapPoint[]): MapPoint[] =>
	points.map(([x, y]) => [Math.round(x * 10) / 10, Math.round(y * 10) / 10] as const);

/**
 * The map for a result: its areas from `thresholds`, the point at the rounded
 * levels the page shows (STYLE 18) and the range of both levels as a region.
 */
export function buildMap(
	result: Pick<ScoreResult, 'scales' | 'band'>,
	thresholds: Pick<Thresholds, 'directionAtLeast' | 'hybridAtLeast' | 'lowFitAtMost'>,
	labels: MapLabels
): MapGeometry {
	const d = thresholds.directionAtLeast;
	const all = box(0, 100);
	const middle = (polygon: LevelPolygon) => clip(clip(polygon, 1, -1, d), -1, 1, d);
	const areas: MapGeometry['areas'] = [
		{ id: 'project', points: tidy(toMap(clip(all, 1, -1, -d))) },
		{ id: 'product', points: tidy(toMap(clip(all, -1, 1, -d))) },
		{ id: 'hybrid', points: tidy(toMap(middle(box(thresholds.hybridAtLeast, 100)))) },
		{ id: 'low-fit', points: tidy(toMap(middle(box(0, thresholds.lowFitAtMost)))) }
	];
	const guide = (side: 1 | -1): [MapPoint, MapPoint] => {
		// Where the line across = side·d meets the outline, top and bottom.
		const edge = middle(all).filter(([s, t]) => Math.abs(s - t - side * d) < 1e-6);
		const [a, b] = tidy(toMap(edge));
		return [a!, b!];
	};

	const { strategic, tactical } = result.scales;
	const point =
		strategic.score === null || tactical.score === null
			? null
			: tidy([mapPoint(strategic.score, tactical.score)])[0]!;
	// The position's range across, at the point's height: where it lies against the middle
	// line is what the words say (a lean when wholly on one side, not settled when across it).
	const band =
		point && result.band
			? tidy(
					[result.band.low, result.band.high, result.band.high, result.band.low].map(
						(across, corner): MapPoint => [
							left + ((across + 100) / 200) * mapSize.plotWidth,
							point[1] + (corner < 2 ? -bandHalfHeight : bandHalfHeight)
						]
					)
				)
			: null;
	// The label goes on the roomier side of the point, a little above it.
	const you: MapText | null = point
		? {
				text: labels.you,
				x: point[0] + (point[0] > mapSize.width / 2 ? -12 : 12),
				y: point[1] - 10,
				anchor: point[0] > mapSize.width / 2 ? 'end' : 'start'
			}
		: null;

	const right = left + mapSize.plotWidth;
	const bottom = top + mapSize.plotHeight;
	return {
		width: mapSize.width,
		height: mapSize.height,
		outline: tidy(toMap(all)),
		areas,
		guides: [guide(-1), guide(1)],
		middle: tidy(
			toMap([
				[100, 100],
				[0, 0]
			])
		) as [MapPoint, MapPoint],
		band,
		point,
		you,
		labels: [
			{ text: labels.project, x: left - 20, y: top - 8, anchor: 'start' },
			{ text: labels.hybrid, x: mapSize.width / 2, y: top - 8, anchor: 'middle' },
			{ text: labels.product, x: right + 20, y: top - 8, anchor: 'end' },
			{ text: labels.axisTactical, x: left - 20, y: bottom + 22, anchor: 'start' },
			{ text: labels.lowFit, x: mapSize.width / 2, y: bottom + 22, anchor: 'middle' },
			{ text: labels.axisStrategic, x: right + 20, y: bottom + 22, anchor: 'end' }
		]
	};
}

/**
 * The SVG `text-anchor` that keeps a label where the map puts it in a page of direction `dir`.
 * SVG reads `start` and `end` in the text's direction: in right-to-left text, `start` is the
 * right edge, so the map's left-to-right anchors swap. (The map itself is not mirrored: product
 * stays on the right, as its text alternative and the position chart say, in every language.)
 */
export function anchorIn(anchor: MapText['anchor'], dir: 'ltr' | 'rtl'): MapText['anchor'] {
	if (dir === 'ltr' || anchor === 'middle') return anchor;
	return anchor === 'start' ? 'end' : 'start';
}

/** SVG `points` text for a polygon. */
export function svgPoints(points: readonly MapPoint[]): string {
	return points.map(([x, y]) => `${x},${y}`).join(' ');
}
