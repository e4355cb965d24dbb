import { languageOf } from '$lib/i18n/languages';
import { sourcesPage } from '$lib/server/content';
import { sourcesText } from '$lib/server/interface-text';

export const prerender = true;

export const load = ({ url }) => {
	const language = languageOf(url.pathname);
	const page = sourcesPage(language);
	return { ...page, text: sourcesText(language, page.thresholds, page.version) };
};
