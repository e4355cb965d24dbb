import { pageText } from '$lib/server/interface-text';

/** The page's words in the language the visitor chose. */
export const load = ({ locals }) => ({ text: pageText('cohort_deleted', locals.language) });
