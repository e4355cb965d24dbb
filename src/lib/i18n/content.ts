/**
 * The content in a page's language, for pages that score in the browser: each language is a
 * chunk of its own, so a page downloads only the language it shows, and only what a result reads
 * (`ResultContent`: not the quiz's words).
 */
import loaders from 'virtual:rolefit/content-loaders';
import type { ResultContent } from '$lib/content/types';

/** `lang` as the address gives it (`[[lang]]`): undefined for English. */
export async function contentIn(lang: string | undefined): Promise<ResultContent> {
	// English, the base, by its code (not through languages.ts, which would bring every
	// language's name along to the results page).
	const load = loaders[lang ?? 'en'] ?? loaders.en!;
	return (await load()).default;
}
