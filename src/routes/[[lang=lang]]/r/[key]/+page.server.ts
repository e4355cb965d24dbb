import { error, redirect } from '@sveltejs/kit';
import { inLanguage, languageOf } from '$lib/i18n/languages';
import { pageText } from '$lib/server/interface-text';
import { ownResponse, deleteResponseByKey } from '$lib/server/responses';

/** A participant's private page: their own response, its result, and deleting it. */
export async function load({ params, locals }) {
	const own = await ownResponse(params.key);
	if (!own) error(404, 'Not found');
	return { own, text: pageText('response_own', locals.language) };
}

export const actions = {
	delete: async ({ params, url }) => {
		// Deleting twice, or a wrong key, ends the same way: nothing is stored under it. A page of
		// its own, because this one (its load) no longer has anything to show.
		await deleteResponseByKey(params.key);
		redirect(303, inLanguage('/r/deleted', languageOf(url.pathname)));
	}
};
