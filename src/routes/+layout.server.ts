import { inLanguage, languageInfo, languageOf, languages } from '$lib/i18n/languages';
import { layoutText } from '$lib/server/interface-text';

/**
 * Every page's frame in its language: the language (for the draft notice), this page in every
 * language (the switcher and the `hreflang` alternates) and the frame's words. Read from the
 * address, so prerendered pages have it too, and worked out here so the browser needs no list of
 * languages for it.
 */
export const load = ({ url }) => {
	const code = languageOf(url.pathname);
	return {
		language: languageInfo(code),
		versions: languages.map((language) => ({
			code: language.code,
			name: language.name,
			href: inLanguage(url.pathname, language.code)
		})),
		frame: layoutText(code)
	};
};
