/**
 * Reads explanation files: YAML front matter, then paragraphs that cite
 * sources as `[S003]` or `[S001, S003]`, method references as `[M05]`, or
 * say `[ours]` when they are our own advice and rest on no source.
 * Node-only (runs in the loader).
 */
import { fill } from './template.ts';
import { marked } from 'marked';
import { parse as parseYaml } from 'yaml';

/** `[S003]`, `[S001, S003]` or `[M05, S002]`: the citation marker explanations use. */
export const citationPattern = /\[((?:S\d{3}|M\d{2})(?:\s*,\s*(?:S\d{3}|M\d{2}))*)\]/g;

/** `[ours]`: the paragraph is our own advice, cited to nothing. */
export const oursPattern = /\[ours\]/g;

/** Is this paragraph marked as our own advice? */
export function isOurs(paragraph: string): boolean {
	return /\[ours\]/.test(paragraph);
}

export interface SplitMarkdown {
	frontMatter: unknown;
	body: string;
	/** 1-based line of the body's first line, for messages. */
	bodyLine: number;
}

/** Splits `---\nyaml\n---\nbody`; throws a plain Error with a readable reason. */
export function splitFrontMatter(source: string): SplitMarkdown {
	const normalised = source.replace(/\r\n?/g, '\n');
	const match = /^---\n([\s\S]*?)\n---\n?/.exec(normalised);
	if (!match) {
		throw new Error('must start with front matter between two "---" lines');
	}
	const frontMatter: unknown = parseYaml(match[1] ?? '');
	const consumed = match[0];
	return {
		frontMatter,
		body: normalised.slice(consumed.length),
		bodyLine: consumed.split('\n').length
	};
}

/** Splits a body into paragraphs (blank-line separated), skipping headings. */
export function paragraphsOf(body: string): string[] {
	return body
		.split(/\n\s*\n/)
		.map((block) => block.trim())
		.filter((block) => block.length > 0 && !block.startsWith('#'));
}

/**
 * Splits a body into `## Heading` sections. Text before the first heading is
 * returned under the empty key.
 */
export function sectionsOf(body: string): Map<string, string> {
	const sections = new Map<string, string>();
	let current = '';
	let lines: string[] = [];
	for (const line of body.split('\n')) {
		const heading = /^##\s+(.+?)\s*$/.exec(line);
		if (heading) {
			sections.set(current, lines.join('\n'));
			current = heading[1] ?? '';
			lines = [];
		} else {
			lines.push(line);
		}
	}
	sections.set(current, lines.join('\n'));
	return sections;
}

/** The text with its citation markers (and the space before each) taken out. */
export function withoutCitations(text: string): string {
	return text.replace(new RegExp(`\\s*${citationPattern.source}`, 'g'), '');
}

/** The source ids a paragraph cites, in order of first appearance. */
export function citationsOf(paragraph: string): string[] {
	const ids: string[] = [];
	for (const match of paragraph.matchAll(citationPattern)) {
		for (const id of (match[1] ?? '').split(',')) {
			const trimmed = id.trim();
			if (!ids.includes(trimmed)) ids.push(trimmed);
		}
	}
	return ids;
}

function escapeAttribute(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * How citations read in one language: where the sources page is, how a citation is named to
 * screen readers (`{id}`, `{title}`), and the note an `[ours]` paragraph ends with.
 */
export interface CitationStyle {
	sourcesPath: string;
	sourceLink: string;
	methodLink: string;
	ours: string;
}

/**
 * Renders one paragraph to inline HTML; each citation becomes a link to its
 * entry on the sources page, named by the source's title for screen readers.
 */
export function renderParagraph(
	paragraph: string,
	sourceTitles: ReadonlyMap<string, string>,
	style: CitationStyle
) {
	return marked.parseInline(linkCitations(paragraph, sourceTitles, style), { async: false });
}

/** Renders a whole Markdown document (the technical manual) with linked citations. */
export function renderDocument(
	markdown: string,
	sourceTitles: ReadonlyMap<string, string>,
	style: CitationStyle
) {
	return marked.parse(linkCitations(markdown, sourceTitles, style), { async: false });
}

/** Turns citation markers into links to the sources page, and `[ours]` into its label. */
function linkCitations(
	text: string,
	sourceTitles: ReadonlyMap<string, string>,
	style: CitationStyle
): string {
	return text
		.replace(oursPattern, `<span class="ours">${escapeAttribute(style.ours)}</span>`)
		.replace(citationPattern, (_marker, list: string) => {
			const links = list.split(',').map((raw) => {
				const id = raw.trim();
				const title = sourceTitles.get(id) ?? id;
				const label = fill(id.startsWith('M') ? style.methodLink : style.sourceLink, { id, title });
				return `<a class="citation" href="${style.sourcesPath}#${id}" title="${escapeAttribute(title)}" aria-label="${escapeAttribute(label)}">${id}</a>`;
			});
			return `<span class="citations">[${links.join(', ')}]</span>`;
		});
}
