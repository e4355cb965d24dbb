import { error } from '@sveltejs/kit';
import { joinPage } from '$lib/server/join-page';

export async function load(event) {
	const page = await joinPage(event);
	if (!page) error(404, 'Not found');
	// Its own page is never framed: only /embed/join/<code> may be, by the origins listed.
	return page.data;
}
