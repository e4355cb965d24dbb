import { inLanguage, languageInfo, languages } from '$lib/i18n/languages';
import { layoutText, pageText } from '$lib/server/interface-text';

/**
 * The error page's words, its "failed ({status})" sentence cut where the status goes: the page
 * puts the status in, and every page is spared the template code it would take to fill it (the
 * router fetches the error page on start, everywhere).
 */
function errorText(code: string) {
	const { failed, ...text } = pageText('error', code);
	const [failedBefore = '', failedAfter = ''] = failed.split('{status}');
	return { ...text, failedBefore, failedAfter };
}

/** Where the switcher sends a visitor: it remembers the choice, then opens `to`. */
const switchTo = (code: string, to: string) => `/language/${code}?to=${encodeURIComponent(to)}`;

/**
 * Every page's frame in its language: the language (for the draft notice), this page in every
 * language (the switcher, and for pages with an address per language the `hreflang` alternates)
 * and the frame's words. Worked out here so the browser needs no list of languages for it.
 *
 * A page with an address per language (`[[lang=lang]]`) is prerendered or rendered from its
 * address alone; the facilitator's pages, one address for every language, keep their query when
 * the language changes.
 */
export const load = ({ url, route, locals }) => {
	const code = locals.language;
	const translated = route.id?.startsWith('/[[lang=lang]]') ?? false;
	return {
		language: languageInfo(code),
		versions: languages.map((language) => {
			const href = translated ? inLanguage(url.pathname, language.code) : url.pathname + url.search;
			return {
				code: language.code,
				name: language.name,
				href,
				switch: switchTo(language.code, href)
			};
		}),
		/** Whether each language has an address of its own (for `hreflang`). */
		alternates: translated,
		frame: layoutText(code),
		/** The error page's words (it has no load of its own). */
		errorText: errorText(code)
	};
};
