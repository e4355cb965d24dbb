/**
 * Every download carries the intended-use notice: the card image (drawn on a recording
 * stand-in for the Canvas 2D context, since Node has no canvas) and the JSON report.
 */
import { describe, expect, it } from 'vitest';
import { summaryCard } from '../../src/lib/results/card.ts';
import { cardImageText, drawCardImage } from '../../src/lib/results/card-image.ts';
import { resultReport } from '../../src/lib/results/report.ts';
import { scoreAnswers } from '../../src/lib/scoring/score.ts';
import { loadLanguages } from '../../src/lib/content/loader.server.ts';
import { allStrategic, content, contentDir } from '../helpers/content.ts';

const notice = content.instrument.wording.notForSelection;
const quizUrl = 'https://rolefit.example/quiz';

/** The image's width and margin, as `card-image.ts` draws it. */
const width = 1080;
const padding = 64;

interface DrawnText {
	text: string;
	x: number;
	y: number;
	/** The font size in pixels. */
	size: number;
	/** How many `save()`s deep: the map is drawn inside one, in its own coordinates. */
	depth: number;
	/** The context's `textAlign` and `direction` when the text was drawn. */
	align: string;
	direction: string;
}

/**
 * A canvas whose 2D context records what is written and measures text as
 * 0.55 × the font size per character (wider than system-ui's average, so a
 * line that fits here fits in a browser).
 */
function recordingCanvas() {
	const texts: DrawnText[] = [];
	const rects: { x: number; y: number; w: number; h: number; depth: number }[] = [];
	let depth = 0;
	const size = (font: string) => Number(/(\d+(?:\.\d+)?)px/.exec(font)![1]);
	const state = {
		font: '10px sans-serif',
		fillStyle: '',
		strokeStyle: '',
		lineWidth: 1,
		textAlign: 'start',
		textBaseline: 'alphabetic',
		direction: 'inherit'
	};
	const methods = {
		measureText: (text: string) => ({ width: text.length * size(state.font) * 0.55 }),
		fillText: (text: string, x: number, y: number) =>
			texts.push({
				text,
				x,
				y,
				size: size(state.font),
				depth,
				align: state.textAlign,
				direction: state.direction
			}),
		fillRect: (x: number, y: number, w: number, h: number) => rects.push({ x, y, w, h, depth }),
		save: () => depth++,
		restore: () => depth--
	};
	const ctx = new Proxy(state, {
		get: (target, key: string) =>
			key in methods
				? methods[key as keyof typeof methods]
				: key in target
					? target[key as keyof typeof target]
					: // Paths, transforms and dashes draw nothing this test reads.
						() => {}
	});
	const canvas = { width: 0, height: 0, getContext: () => ctx };
	return { canvas: canvas as unknown as HTMLCanvasElement, texts, rects, measure: methods };
}

function drawn(text = cardImageText(content, 'own', quizUrl, 'ltr')) {
	const card = summaryCard(scoreAnswers(content, allStrategic()), content);
	const recording = recordingCanvas();
	drawCardImage(recording.canvas, card, text);
	return { card, ...recording };
}

/** The rule that closes the card, the quiz's address and what is written between them. */
function noticeOf(texts: DrawnText[], rects: ReturnType<typeof recordingCanvas>['rects']) {
	const rule = rects.find((r) => r.depth === 0 && r.h === 2 && r.w === width - 2 * padding)!;
	const footer = texts.find((t) => t.text === `RoleFit · ${quizUrl}`)!;
	const lines = texts.filter((t) => t.depth === 0 && t.y > rule.y && t.y < footer.y);
	return { rule, footer, lines };
}

describe('the card image', () => {
	it('takes its words from content, the intended-use notice among them', () => {
		const text = cardImageText(content, 'shared', quizUrl, 'ltr');
		expect(text).toEqual({
			heading: content.resultsPage.card.sharedHeading,
			strongestHeading: content.resultsPage.card.strongest,
			notice,
			footer: `RoleFit · ${quizUrl}`,
			dir: 'ltr'
		});
		expect(cardImageText(content, 'own', quizUrl, 'ltr').heading).toBe(
			content.resultsPage.card.heading
		);
	});

	it('draws the whole notice, wrapped to the card’s width, between the rule and the footer', () => {
		const { canvas, texts, rects } = drawn();
		const { rule, footer, lines } = noticeOf(texts, rects);

		// Word for word, in more than one line (the notice is longer than the card is wide).
		expect(lines.map((t) => t.text).join(' ')).toBe(notice);
		expect(lines.length).toBeGreaterThan(1);
		for (const line of lines) {
			expect(line.x).toBe(padding);
			expect(line.text.length * line.size * 0.55).toBeLessThanOrEqual(width - 2 * padding);
		}

		// Below the rule that closes the card, above the quiz's address, inside the image.
		expect(rule.y + rule.h).toBeLessThanOrEqual(lines[0]!.y);
		expect(lines.at(-1)!.y).toBeLessThan(footer.y);
		expect(footer.y + footer.size * 1.2).toBeLessThanOrEqual(canvas.height);
	});

	it('never draws a line of the full-width column over another', () => {
		const { canvas, texts } = drawn();
		// The two level boxes sit side by side and are indented; everything else starts at the margin.
		const column = texts.filter((t) => t.depth === 0 && t.x === padding).sort((a, b) => a.y - b.y);
		expect(column.map((t) => t.text)).toContain(`RoleFit · ${quizUrl}`);
		// A line of text takes 1.2 times its font size.
		const bottom = (t: DrawnText) => t.y + t.size * 1.2;
		column.slice(1).forEach((below, index) => {
			const above = column[index]!;
			expect(bottom(above), `"${above.text}" runs into "${below.text}"`).toBeLessThanOrEqual(
				below.y
			);
		});
		expect(bottom(column.at(-1)!)).toBeLessThanOrEqual(canvas.height - padding);
	});

	it('grows the image by the notice’s lines, so a longer notice still fits', () => {
		const short = drawn();
		const long = drawn({
			...cardImageText(content, 'own', quizUrl, 'ltr'),
			notice: `${notice} ${notice}`
		});
		const count = (d: typeof short) => noticeOf(d.texts, d.rects).lines.length;
		expect(count(long)).toBeGreaterThan(count(short));
		expect(long.canvas.height - short.canvas.height).toBe((count(long) - count(short)) * 32);
	});

	it('in Arabic, draws every line right to left from the right margin, the map keeping its sides', async () => {
		const ar = (await loadLanguages(contentDir)).find(
			(edition) => edition.language.code === 'ar'
		)!.content;
		const card = summaryCard(scoreAnswers(ar, allStrategic()), ar);
		const { canvas, texts } = recordingCanvas();
		drawCardImage(canvas, card, cardImageText(ar, 'own', quizUrl, 'rtl'));

		// Every word is shaped and ordered by the browser in a right-to-left paragraph.
		expect(texts.length).toBeGreaterThan(0);
		for (const text of texts) expect(text.direction, text.text).toBe('rtl');
		// The full-width column starts at the right margin, right-aligned.
		const column = texts.filter((t) => t.depth === 0 && t.x === width - padding);
		expect(column[0]!.text).toBe(ar.resultsPage.card.heading);
		expect(column.map((t) => t.text).join(' ')).toContain(card.sentence);
		for (const line of column) expect(line.align).toBe('right');
		expect(texts.filter((t) => t.depth === 0 && t.x === padding)).toEqual([]);
		// The map's labels keep their sides: project on the left, product on the right.
		const mapLabel = (name: string) => texts.find((t) => t.depth === 1 && t.text === name)!;
		const project = mapLabel(ar.instrument.wording.verdicts.project.label);
		const product = mapLabel(ar.instrument.wording.verdicts.product.label);
		expect(project.align).toBe('left');
		expect(product.align).toBe('right');
		expect(project.x).toBeLessThan(product.x);
		// The levels say their numbers in the card's words (Latin digits, CLDR's default for ar).
		expect(texts.map((t) => t.text)).toContain(card.levels[1].score);
		expect(card.levels[1].score).toMatch(/^\d+$/);
	});
});

describe('the JSON report', () => {
	it('carries the notice beside the result', () => {
		const answers = allStrategic();
		const result = scoreAnswers(content, answers);
		const report = resultReport(result, answers, 'https://rolefit.example/results#x', content);
		const file = JSON.parse(JSON.stringify(report, null, 2));
		expect(file.notice).toBe(notice);
		expect(file).toMatchObject({ kind: 'rolefit-result', verdict: 'product', answers });
	});
});
