import { languageOf } from '$lib/i18n/languages';
import { sourcesPage } from '$lib/server/content';

export const prerender = true;

export const load = ({ url }) => sourcesPage(languageOf(url.pathname));
