/**
 * The content in a page's language, for pages that score in the browser: each language is a
 * chunk of its own, so a page downloads only the language it shows.
 */
import loaders from 'virtual:rolefit/content-loaders';
import type { Content } from '$lib/content/types';
import { BASE_LANGUAGE } from './languages.ts';

/** `lang` as the address gives it (`[[lang]]`): undefined for English. */
export async function contentIn(lang: string | undefined): Promise<Content> {
	const load = loaders[lang ?? BASE_LANGUAGE] ?? loaders[BASE_LANGUAGE]!;
	return (await load()).default;
}
