import { languageOf } from '$lib/i18n/languages';
import { landingFacts } from '$lib/server/content';
import { startText } from '$lib/server/interface-text';

export const prerender = true;

export const load = ({ url }) => {
	const language = languageOf(url.pathname);
	const facts = landingFacts(language);
	return { ...facts, text: startText(language, facts) };
};
