/**
 * Anchors for the technical manual's headings, so that other pages can link to a section
 * (the cohort page links to `/method#evidence-status-and-safe-use`). An anchor is the heading's
 * text without its section number, so renumbering the sections keeps every link working.
 */

/** "4. How precise: the range" → "how-precise-the-range". */
export function anchorOf(headingHtml: string): string {
	return headingHtml
		.replace(/<[^>]*>/g, '')
		.replace(/&[a-z0-9#]+;/gi, ' ')
		.trim()
		.replace(/^\d+(\.\d+)*\.?\s+/, '')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** Gives every `<h2>`–`<h4>` without an id one from its text; a repeated anchor gets "-2", "-3". */
export function withHeadingAnchors(html: string): string {
	const seen = new Map<string, number>();
	return html.replace(/<h([2-4])>([\s\S]*?)<\/h\1>/g, (_heading, level: string, inner: string) => {
		const base = anchorOf(inner) || 'section';
		const count = (seen.get(base) ?? 0) + 1;
		seen.set(base, count);
		const id = count === 1 ? base : `${base}-${count}`;
		return `<h${level} id="${id}">${inner}</h${level}>`;
	});
}
