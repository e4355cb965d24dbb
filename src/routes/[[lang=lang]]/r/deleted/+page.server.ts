import { pageText } from '$lib/server/interface-text';

/** The page's words in its language. */
export const load = ({ locals }) => ({ text: pageText('response_deleted', locals.language) });
