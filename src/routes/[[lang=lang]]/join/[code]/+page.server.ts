import { error } from '@sveltejs/kit';
import { joinPage } from '$lib/server/join-page';

export async function load({ params, url, getClientAddress, setHeaders, locals }) {
	const page = await joinPage({
		code: params.code,
		url,
		language: locals.language,
		getClientAddress,
		setHeaders
	});
	if (!page) error(404, 'Not found');
	// Its own page is never framed: only /embed/join/<code> may be, by the origins listed.
	return page.data;
}
