/**
 * Citations on the results page: small numbered links grouped per section,
 * each leading to its entry in the list at the bottom of the result.
 *
 * The explanations arrive as HTML rendered at build time, with each citation
 * marker turned into `<span class="citations">[<a class="citation" …>S003</a>]</span>`
 * (`src/lib/content/markdown.server.ts`). The page takes those spans out of
 * the running text and shows the section's citations once, as numbers.
 */
import type { MethodReference, Source } from '../content/types.ts';

/** The rendered citation markers, with the space before each. */
const inlineCitations = /\s*<span class="citations">\[(?:[^<]|<a [^>]*>[^<]*<\/a>)*\]<\/span>/g;

/** Explanation HTML without its inline citation markers (the section lists them as numbers). */
export function withoutInlineCitations(html: string): string {
	return html.replace(inlineCitations, '');
}

/** One entry of the numbered list at the bottom. */
export interface NumberedSource {
	number: number;
	id: string;
	kind: 'source' | 'reference';
	source?: Source;
	reference?: MethodReference;
}

export interface CitationIndex {
	/** Number by source or reference id. */
	numbers: ReadonlyMap<string, number>;
	/** The articles about the roles, numbered from 1 in order of first citation. */
	sources: NumberedSource[];
	/** The method references, numbered on after the articles. */
	references: NumberedSource[];
}

/**
 * Numbers every cited id: the sources about the roles first, in the order the
 * page first cites them, then the method references, so each list at the
 * bottom counts up without gaps. `groups` are the page's sections, in order.
 */
export function numberCitations(
	groups: readonly (readonly string[])[],
	bibliography: { sources: readonly Source[]; methodReferences: readonly MethodReference[] }
): CitationIndex {
	const sourceById = new Map(bibliography.sources.map((source) => [source.id, source]));
	const referenceById = new Map(bibliography.methodReferences.map((work) => [work.id, work]));
	const order = [...new Set(groups.flat())];
	const sources = order.filter((id) => sourceById.has(id));
	const references = order.filter((id) => referenceById.has(id));
	const numbers = new Map<string, number>();
	[...sources, ...references].forEach((id, index) => numbers.set(id, index + 1));
	return {
		numbers,
		sources: sources.map((id) => ({
			number: numbers.get(id)!,
			id,
			kind: 'source',
			source: sourceById.get(id)!
		})),
		references: references.map((id) => ({
			number: numbers.get(id)!,
			id,
			kind: 'reference',
			reference: referenceById.get(id)!
		}))
	};
}

/** The numbers a section cites, ascending, without repeats. */
export function sectionNumbers(index: CitationIndex, cited: readonly string[]): number[] {
	const numbers = cited.flatMap((id) => index.numbers.get(id) ?? []);
	return [...new Set(numbers)].sort((a, b) => a - b);
}

/** The id of a bottom-list entry's element, for the numbered links. */
export const citationAnchor = (id: string) => `cite-${id}`;

/**
 * Follows a numbered link to its entry at the bottom without touching the
 * address: the fragment carries the answers, so a `#cite-…` there would be
 * read as a (broken) link to a result. The entry is scrolled to and focused.
 */
export function jumpToCitation(event: MouseEvent, id: string): void {
	const target = document.getElementById(citationAnchor(id));
	if (!target) return;
	event.preventDefault();
	// The list sits in a closed <details> until a number opens it.
	const list = target.closest('details');
	if (list) list.open = true;
	target.scrollIntoView({ block: 'center' });
	target.focus({ preventScroll: true });
}
