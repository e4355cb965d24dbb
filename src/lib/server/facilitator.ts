/**
 * The facilitator's side of a request: the session cookie (set once the facilitator link has
 * been visited, scoped to the cohort's own path) and the access check every load and action
 * repeats.
 */
import { error, type Cookies } from '@sveltejs/kit';
import { cohortForSession, type Role, type Session } from './cohort-sessions.ts';
import type { Cohort } from './cohorts.ts';

export const FACILITATOR_COOKIE = 'rolefit_facilitator';

/** The dashboard's path; the cookie is sent only under it. */
export const dashboardPath = (cohortId: string) => `/cohorts/${cohortId}`;

export function setSessionCookie(cookies: Cookies, session: Session, url: URL) {
	cookies.set(FACILITATOR_COOKIE, session.sessionId, {
		path: dashboardPath(session.cohortId),
		httpOnly: true,
		sameSite: 'strict',
		secure: url.protocol === 'https:',
		expires: session.expiresAt
	});
}

export function clearSessionCookie(cookies: Cookies, cohortId: string) {
	cookies.delete(FACILITATOR_COOKIE, { path: dashboardPath(cohortId) });
}

/**
 * The cohort this request may manage (a facilitator's session), or a 404 exactly like that of a
 * cohort that does not exist: without the right session nobody learns whether the id is real. A
 * co-facilitator's read-only session gets the same 404: exports, settings and every action.
 */
export async function requireCohort(
	cohortId: string,
	session: string | undefined
): Promise<Cohort> {
	const found = await cohortForSession(cohortId, session);
	if (!found || found.role !== 'facilitator') error(404, 'Not found');
	return found.cohort;
}

/**
 * The cohort this request may look at (the dashboard and the present view), for a facilitator
 * or a read-only co-facilitator, with the role; the same 404 otherwise.
 */
export async function requireViewer(
	cohortId: string,
	session: string | undefined
): Promise<{ cohort: Cohort; role: Role }> {
	const found = await cohortForSession(cohortId, session);
	if (!found) error(404, 'Not found');
	return found;
}
