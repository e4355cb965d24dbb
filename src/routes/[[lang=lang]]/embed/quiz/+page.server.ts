import { languageOf } from '$lib/i18n/languages';
import { questionnaire } from '$lib/server/content';
import { allowFraming, deploymentEmbedOrigins } from '$lib/server/embed';
import { pageText } from '$lib/server/interface-text';

// Rendered per request: who may frame it is a setting of the running server (EMBED_ORIGINS).
export const prerender = false;

/** The quiz for a frame on the sites the deployment allows (`$lib/server/embed`). */
export function load({ url, locals }) {
	const origins = deploymentEmbedOrigins();
	allowFraming(locals, origins);
	return {
		...questionnaire(languageOf(url.pathname)),
		embed: { origins, text: pageText('embed', locals.language) }
	};
}
