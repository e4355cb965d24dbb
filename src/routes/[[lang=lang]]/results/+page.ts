import { contentIn } from '$lib/i18n/content';

// The page is a static shell: the result is computed in the browser from the link.
export const prerender = true;

/** The content in the page's language (its own chunk; the shell's words come from it too). */
export const load = async ({ params }) => ({ content: await contentIn(params.lang) });
