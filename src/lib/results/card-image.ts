/**
 * The summary card as a PNG image, drawn in the browser with the Canvas 2D API
 * from the same data as the card on the page (`card.ts`) and the same map
 * geometry (`charts/map.ts`). No library: loaded only when someone asks for
 * the image, so it costs the page nothing until then.
 *
 * In a right-to-left language the text is drawn with `ctx.direction = 'rtl'`, so the browser
 * shapes and orders it as it would on the page (numbers and Latin words inside Arabic stay in
 * their place), and each line starts at the right margin. The map and the two level boxes keep
 * their sides, as on the page: project on the left, product on the right.
 */
import type { MapGeometry, MapPoint } from '../charts/map.ts';
import { lightTheme, translucent } from '../charts/theme.ts';
import { fill } from '../content/template.ts';
import type { Content } from '../content/types.ts';
import type { SummaryCard } from './card.ts';

/**
 * What the image shows besides the card: a title line, the intended-use notice
 * and a footer (the quiz's address).
 */
export interface CardImageText {
	heading: string;
	strongestHeading: string;
	/** What the result must not be used for: an image travels without the page around it. */
	notice: string;
	footer: string;
	/** The page's direction: the text's, and the side every line starts from. */
	dir: 'ltr' | 'rtl';
}

/** The image's words besides the card, all from `content`. */
export function cardImageText(
	content: Pick<Content, 'instrument' | 'resultsPage'>,
	audience: 'own' | 'shared',
	quizUrl: string,
	dir: 'ltr' | 'rtl'
): CardImageText {
	const text = content.resultsPage;
	return {
		heading: audience === 'shared' ? text.card.sharedHeading : text.card.heading,
		strongestHeading: text.card.strongest,
		notice: content.instrument.wording.notForSelection,
		footer: fill(text.actions.imageFooter, { url: quizUrl }),
		dir
	};
}

const width = 1080;
const padding = 64;
const inner = width - 2 * padding;
const font = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
const colours = { ...lightTheme, muted: '#4f5560', panel: '#f1f2ee' };

/** Breaks `text` into lines no wider than `max` pixels in the context's current font. */
export function wrapText(ctx: CanvasRenderingContext2D, text: string, max: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const candidate = line ? `${line} ${word}` : word;
		if (line && ctx.measureText(candidate).width > max) {
			lines.push(line);
			line = word;
		} else {
			line = candidate;
		}
	}
	if (line) lines.push(line);
	return lines;
}

function polygon(ctx: CanvasRenderingContext2D, points: readonly MapPoint[]) {
	ctx.beginPath();
	points.forEach(([x, y], index) => (index === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
	ctx.closePath();
}

/** Draws the map at the origin, in the map's own pixels (scale the context first). */
function drawMap(ctx: CanvasRenderingContext2D, map: MapGeometry) {
	const fills: Record<string, string> = {
		product: translucent(colours.strategic, 0.14),
		project: translucent(colours.tactical, 0.14),
		hybrid: translucent(colours.reference, 0.16),
		'low-fit': translucent(colours.reference, 0.16)
	};
	polygon(ctx, map.outline);
	ctx.fillStyle = '#ffffff';
	ctx.fill();
	for (const area of map.areas) {
		polygon(ctx, area.points);
		ctx.fillStyle = fills[area.id]!;
		ctx.fill();
	}
	ctx.setLineDash([5, 4]);
	ctx.strokeStyle = colours.reference;
	ctx.lineWidth = 1.2;
	for (const [[x1, y1], [x2, y2]] of map.guides) {
		ctx.beginPath();
		ctx.moveTo(x1, y1);
		ctx.lineTo(x2, y2);
		ctx.stroke();
	}
	ctx.setLineDash([]);
	// Where the position is 0, solid: a range wholly on one side of it is a lean.
	ctx.beginPath();
	ctx.moveTo(...map.middle[0]);
	ctx.lineTo(...map.middle[1]);
	ctx.stroke();
	polygon(ctx, map.outline);
	ctx.strokeStyle = colours.reference;
	ctx.lineWidth = 1.5;
	ctx.stroke();
	if (map.band) {
		polygon(ctx, map.band);
		ctx.fillStyle = translucent(colours.band, 0.22);
		ctx.fill();
		ctx.strokeStyle = colours.band;
		ctx.lineWidth = 1.5;
		ctx.stroke();
	}
	ctx.fillStyle = colours.text;
	ctx.font = `600 12px ${font}`;
	ctx.textBaseline = 'alphabetic';
	for (const label of map.labels) {
		ctx.textAlign =
			label.anchor === 'middle' ? 'center' : label.anchor === 'end' ? 'right' : 'left';
		ctx.fillText(label.text, label.x, label.y);
	}
	if (map.point) {
		const [x, y] = map.point;
		ctx.beginPath();
		ctx.arc(x, y, 6.5, 0, 2 * Math.PI);
		ctx.fillStyle = colours.point;
		ctx.fill();
		ctx.strokeStyle = '#ffffff';
		ctx.lineWidth = 2;
		ctx.stroke();
	}
	if (map.you) {
		ctx.font = `700 14px ${font}`;
		ctx.textAlign = map.you.anchor === 'end' ? 'right' : 'left';
		ctx.fillStyle = colours.text;
		ctx.fillText(map.you.text, map.you.x, map.you.y);
	}
}

/**
 * Draws the card on `canvas` (which it sizes) and returns it. Text is laid out
 * first, so the image is exactly as tall as its contents.
 */
export function drawCardImage(
	canvas: HTMLCanvasElement,
	card: SummaryCard,
	text: CardImageText
): HTMLCanvasElement {
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new Error('no 2D canvas');
	const mapScale = inner / card.map.width;
	const sentenceFont = `700 52px ${font}`;
	const bodyFont = `400 30px ${font}`;
	ctx.font = sentenceFont;
	const sentence = wrapText(ctx, card.sentence, inner);
	ctx.font = bodyFont;
	const firmness = card.firmness ? wrapText(ctx, card.firmness, inner) : [];
	// The strongest facets, or that none stands out: as the card on the page says it.
	const strongestText = card.strongest.length
		? card.strongest.join(' · ')
		: (card.noneStandsOut ?? '');
	const strongest = strongestText ? wrapText(ctx, strongestText, inner) : [];
	const noticeFont = `400 24px ${font}`;
	ctx.font = noticeFont;
	const notice = wrapText(ctx, text.notice, inner);

	const heights = {
		heading: 60,
		sentence: sentence.length * 64 + 12,
		firmness: firmness.length ? firmness.length * 40 + 12 : 0,
		map: card.map.height * mapScale + 24,
		levels: 150,
		strongest: strongest.length ? 48 + strongest.length * 40 + 16 : 0,
		// A rule, the notice, then the address.
		notice: 28 + notice.length * 32,
		footer: 40
	};
	canvas.width = width;
	canvas.height = Math.ceil(
		2 * padding + Object.values(heights).reduce((sum, value) => sum + value, 0)
	);

	ctx.fillStyle = '#ffffff';
	ctx.fillRect(0, 0, canvas.width, canvas.height);
	ctx.textBaseline = 'top';
	// A canvas made off the page has no direction to inherit: say it, before any text is drawn
	// (sizing the canvas above reset the context).
	ctx.direction = text.dir;
	const rtl = text.dir === 'rtl';
	/** Lines start on the left, or on the right in right-to-left text. */
	const align: CanvasTextAlign = rtl ? 'right' : 'left';
	/** Where a line starts in a block from `x`, `w` wide. */
	const startOf = (x: number, w: number) => (rtl ? x + w : x);
	const start = startOf(padding, inner);
	ctx.textAlign = align;
	let y = padding;

	ctx.fillStyle = colours.muted;
	ctx.font = `600 30px ${font}`;
	ctx.fillText(text.heading, start, y);
	y += heights.heading;

	ctx.fillStyle = colours.text;
	ctx.font = sentenceFont;
	sentence.forEach((line, index) => ctx.fillText(line, start, y + index * 64));
	y += heights.sentence;

	ctx.font = bodyFont;
	ctx.fillStyle = colours.muted;
	firmness.forEach((line, index) => ctx.fillText(line, start, y + index * 40));
	y += heights.firmness;

	ctx.save();
	ctx.translate(padding, y);
	ctx.scale(mapScale, mapScale);
	drawMap(ctx, card.map);
	ctx.restore();
	ctx.textBaseline = 'top';
	y += heights.map;

	const gap = 24;
	const boxWidth = (inner - gap) / 2;
	card.levels.forEach((level, index) => {
		const x = padding + index * (boxWidth + gap);
		ctx.fillStyle = colours.panel;
		ctx.fillRect(x, y, boxWidth, heights.levels - 24);
		ctx.fillStyle = level.scale === 'strategic' ? colours.strategic : colours.tactical;
		// The coloured edge on the side lines start from.
		ctx.fillRect(rtl ? x + boxWidth - 10 : x, y, 10, heights.levels - 24);
		ctx.textAlign = align;
		const textStart = startOf(x + 28, boxWidth - 56);
		ctx.fillStyle = colours.muted;
		ctx.font = `400 26px ${font}`;
		ctx.fillText(level.label, textStart, y + 14);
		ctx.fillStyle = colours.text;
		ctx.font = `700 44px ${font}`;
		ctx.fillText(level.score, textStart, y + 46);
		if (level.range) {
			const after = ctx.measureText(level.score).width + 16;
			ctx.fillStyle = colours.muted;
			ctx.font = `400 26px ${font}`;
			ctx.fillText(level.range, rtl ? textStart - after : textStart + after, y + 60);
		}
	});
	y += heights.levels;

	if (strongest.length) {
		ctx.fillStyle = colours.muted;
		ctx.font = `600 26px ${font}`;
		ctx.fillText(text.strongestHeading, start, y);
		ctx.fillStyle = colours.text;
		ctx.font = bodyFont;
		strongest.forEach((line, index) => ctx.fillText(line, start, y + 40 + index * 40));
		y += heights.strongest;
	}

	ctx.fillStyle = colours.reference;
	ctx.fillRect(padding, y + 8, inner, 2);
	ctx.fillStyle = colours.text;
	ctx.font = noticeFont;
	notice.forEach((line, index) => ctx.fillText(line, start, y + 24 + index * 32));
	y += heights.notice;

	ctx.fillStyle = colours.muted;
	ctx.font = `400 24px ${font}`;
	ctx.fillText(text.footer, start, y + 4);
	return canvas;
}

/** The card as PNG bytes. */
export function cardImageBlob(card: SummaryCard, text: CardImageText): Promise<Blob> {
	const canvas = drawCardImage(document.createElement('canvas'), card, text);
	return new Promise((resolve, reject) =>
		canvas.toBlob(
			(blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no image'))),
			'image/png'
		)
	);
}

/** Draws the card and hands it to the browser as a download named `file`. */
export async function downloadCardImage(
	card: SummaryCard,
	text: CardImageText,
	file: string
): Promise<void> {
	const blob = await cardImageBlob(card, text);
	const url = URL.createObjectURL(blob);
	const link = Object.assign(document.createElement('a'), { href: url, download: file });
	document.body.append(link);
	link.click();
	link.remove();
	// Give the browser a moment to start the download before the URL goes.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
