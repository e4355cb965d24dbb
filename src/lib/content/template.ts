/**
 * Texts with `{name}` placeholders, as content files write them. The schema
 * checks that a text uses only the names its place allows; the page fills
 * them. Tiny and dependency-free: the result page ships it.
 */

const placeholder = /\{([a-zA-Z]+)\}/g;

/** The placeholder names a text uses, in order of first use. */
export function placeholdersOf(text: string): string[] {
	return [...new Set([...text.matchAll(placeholder)].map((match) => match[1]!))];
}

/**
 * Fills every `{name}` from `values`. A name without a value is left as
 * written, so a mistake shows on screen instead of vanishing.
 */
export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
	return text.replace(placeholder, (whole, name: string) =>
		name in values ? String(values[name]) : whole
	);
}

/** A piece of a text: words, or the name of a placeholder. */
export type Piece = { text: string; name?: undefined } | { name: string; text?: undefined };

/**
 * A text cut at its placeholders, in order: `{ text }` for the words, `{ name }` for a
 * placeholder, so a page can put markup (a link, `<strong>`) where a placeholder stands.
 */
export function pieces(text: string): Piece[] {
	return text.split(/(\{[a-zA-Z]+\})/).flatMap((piece): Piece[] => {
		if (piece === '') return [];
		const name = /^\{([a-zA-Z]+)\}$/.exec(piece)?.[1];
		return name ? [{ name }] : [{ text: piece }];
	});
}
