import { error, redirect } from '@sveltejs/kit';
import { signIn } from '$lib/server/cohort-sessions';
import { dashboardPath, setSessionCookie } from '$lib/server/facilitator';

/**
 * The facilitator link (or the read-only co-facilitator link, same path): swaps the token for a
 * session cookie of that role and redirects to the dashboard, so the token leaves the address bar
 * and the history at once.
 */
export async function GET({ params, cookies, url }) {
	const session = await signIn(params.token);
	if (!session) error(404, 'Not found');
	setSessionCookie(cookies, session, url);
	redirect(303, dashboardPath(session.cohortId));
}
