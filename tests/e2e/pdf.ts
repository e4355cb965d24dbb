/**
 * Just enough PDF reading for the print tests: how many pages Chromium's PDF has, whether any
 * page is blank, and how many images it holds. Chromium (Skia) writes each page's content as one
 * Flate-compressed stream, so each page is inflated and searched for what draws something.
 */
import { inflateSync } from 'node:zlib';

export interface PdfPage {
	/** Text drawn on the page (`Tj`/`TJ` operators). */
	textRuns: number;
	/** Images and forms drawn on the page (`Do` operators). */
	drawnObjects: number;
}

export interface PdfSummary {
	pages: PdfPage[];
	/** Raster images in the file (the charts' canvases end up as these). */
	images: number;
}

/** The text of object `id` (between `id 0 obj` and its `endobj`), as latin1. */
function objectText(pdf: Buffer, text: string, id: string): { start: number; body: string } {
	const start = text.search(new RegExp(`(^|\\s)${id} 0 obj\\b`));
	if (start < 0) throw new Error(`object ${id} not found`);
	const end = text.indexOf('endobj', start);
	return { start, body: text.slice(start, end) };
}

/** The decompressed content stream of object `id`. */
function streamOf(pdf: Buffer, text: string, id: string): string {
	const { start, body } = objectText(pdf, text, id);
	const length = Number(/\/Length (\d+)/.exec(body)?.[1]);
	const marker = /stream\r?\n/.exec(body);
	if (!marker || !Number.isFinite(length)) throw new Error(`object ${id} has no stream`);
	const from = start + marker.index + marker[0].length;
	const raw = pdf.subarray(from, from + length);
	return (/FlateDecode/.test(body) ? inflateSync(raw) : raw).toString('latin1');
}

/** Pages, what each draws, and the images of a PDF made by Chromium. */
export function readPdf(pdf: Buffer): PdfSummary {
	const text = pdf.toString('latin1');
	const pageIds = [...text.matchAll(/(\d+) 0 obj\s*<<\s*\/Type \/Page\b/g)].map((m) => m[1]!);
	const pages = pageIds.map((id) => {
		const { body } = objectText(pdf, text, id);
		const contents = /\/Contents (\d+) 0 R/.exec(body)?.[1];
		const stream = contents ? streamOf(pdf, text, contents) : '';
		return {
			textRuns: (stream.match(/\b(Tj|TJ)\b/g) ?? []).length,
			drawnObjects: (stream.match(/\bDo\b/g) ?? []).length
		};
	});
	const declared = Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(text)?.[1] ?? pages.length);
	if (declared !== pages.length) {
		throw new Error(`the PDF declares ${declared} pages but ${pages.length} were found`);
	}
	return { pages, images: (text.match(/\/Subtype \/Image\b/g) ?? []).length };
}
