import { allowFraming, deploymentEmbedOrigins } from '$lib/server/embed';
import { pageText } from '$lib/server/interface-text';
import { joinPage } from '$lib/server/join-page';

/**
 * A cohort's join page in a frame, on the origins its facilitator listed. A code no cohort has
 * is said inside the frame (and to the page around, `rolefit:error`) on the deployment's own
 * embed origins, where a broken link is the deployment's to explain; elsewhere it is not framed.
 */
export async function load(event) {
	const page = await joinPage(event);
	const origins = page ? page.embedOrigins : deploymentEmbedOrigins();
	allowFraming(event.locals, origins);
	const embed = { origins, text: pageText('embed', event.locals.language) };
	if (!page) return { found: false as const, embed };
	return { found: true as const, ...page.data, embed };
}
