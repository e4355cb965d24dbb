import { languageOf } from '$lib/i18n/languages';
import { questionnaire } from '$lib/server/content';

// A static shell: the quiz runs in the browser and its answers stay there. The
// questions arrive as page data (JSON in the HTML), not as JavaScript to parse.
export const prerender = true;

export const load = ({ url }) => questionnaire(languageOf(url.pathname));
