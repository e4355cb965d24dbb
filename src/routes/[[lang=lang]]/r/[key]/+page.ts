import { contentIn } from '$lib/i18n/content';

/** The response (from the server) and the content in the page's language to show its result in. */
export const load = async ({ data, params }) => ({
	...data,
	content: await contentIn(params.lang)
});
