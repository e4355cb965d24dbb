/**
 * Reads explanation files: YAML front matter, then paragraphs that cite
 * sources as `[S003]` or `[S001, S003]`. Node-only (runs in the loader).
 */
import { marked } from 'marked';
import { parse as parseYaml } from 'yaml';

/** `[S003]` or `[S001, S003]`: the citation marker explanations use. */
export const citationPattern = /\[(S\d{3}(?:\s*,\s*S\d{3})*)\]/g;

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
 * Renders one paragraph to inline HTML; each citation becomes a link to its
 * entry on the sources page, named by the source's title for screen readers.
 */
export function renderParagraph(paragraph: string, sourceTitles: ReadonlyMap<string, string>) {
	const withLinks = paragraph.replace(citationPattern, (_marker, list: string) => {
		const links = list.split(',').map((raw) => {
			const id = raw.trim();
			const title = sourceTitles.get(id) ?? id;
			return `<a class="citation" href="/sources#${id}" title="${escapeAttribute(title)}" aria-label="Source ${id}: ${escapeAttribute(title)}">${id}</a>`;
		});
		return `<span class="citations">[${links.join(', ')}]</span>`;
	});
	return marked.parseInline(withLinks, { async: false });
}
