/**
 * The facilitator's side of a request: the session cookies (one per cohort, set once its
 * facilitator or co-facilitator link has been visited) and the access check every load and action
 * repeats.
 *
 * Each cohort's session has its own cookie, `rolefit_f_<cohort id>`, sent under `/cohorts`: the
 * dashboards get theirs, and the page that sets a facilitator's cohorts side by side gets all of
 * them (only those cookies: a session still opens its own cohort and nothing else).
 */
import { error, type Cookies } from '@sveltejs/kit';
import { cohortForSession, type Role, type Session } from './cohort-sessions.ts';
import type { Cohort } from './cohorts.ts';

const COOKIE_PREFIX = 'rolefit_f_';
const COOKIE_PATH = '/cohorts';
/**
 * The cookie of sessions signed in before each cohort had its own: one name, sent only under the
 * cohort's own path. Still read until it expires (30 days), so nobody is signed out by the change.
 */
const LEGACY_COOKIE = 'rolefit_facilitator';
const LEGACY = '*';

/** A request's facilitator sessions: cohort id → session id (the legacy cookie under `*`). */
export type FacilitatorSessions = Readonly<Record<string, string>>;

/** The dashboard's path. */
export const dashboardPath = (cohortId: string) => `/cohorts/${cohortId}`;

export const sessionCookieName = (cohortId: string) => `${COOKIE_PREFIX}${cohortId}`;

/** Every facilitator session cookie the request carries. */
export function sessionsFrom(cookies: Pick<Cookies, 'getAll'>): FacilitatorSessions {
	const sessions: Record<string, string> = {};
	for (const { name, value } of cookies.getAll()) {
		if (name.startsWith(COOKIE_PREFIX)) sessions[name.slice(COOKIE_PREFIX.length)] = value;
		else if (name === LEGACY_COOKIE) sessions[LEGACY] = value;
	}
	return sessions;
}

/** The session cookie that may open this cohort, if the request carries one. */
export const sessionFor = (sessions: FacilitatorSessions, cohortId: string) =>
	sessions[cohortId] ?? sessions[LEGACY];

export function setSessionCookie(cookies: Cookies, session: Session, url: URL) {
	cookies.set(sessionCookieName(session.cohortId), session.sessionId, {
		path: COOKIE_PATH,
		httpOnly: true,
		sameSite: 'strict',
		secure: url.protocol === 'https:',
		expires: session.expiresAt
	});
}

export function clearSessionCookie(cookies: Cookies, cohortId: string) {
	cookies.delete(sessionCookieName(cohortId), { path: COOKIE_PATH });
	cookies.delete(LEGACY_COOKIE, { path: dashboardPath(cohortId) });
}

/**
 * The cohort this request may manage (a facilitator's session), or a 404 exactly like that of a
 * cohort that does not exist: without the right session nobody learns whether the id is real. A
 * co-facilitator's read-only session gets the same 404: exports, settings and every action.
 */
export async function requireCohort(
	cohortId: string,
	sessions: FacilitatorSessions
): Promise<Cohort> {
	const found = await cohortForSession(cohortId, sessionFor(sessions, cohortId));
	if (!found || found.role !== 'facilitator') error(404, 'Not found');
	return found.cohort;
}

/**
 * The cohort this request may look at (the dashboard and the present view), for a facilitator
 * or a read-only co-facilitator, with the role; the same 404 otherwise.
 */
export async function requireViewer(
	cohortId: string,
	sessions: FacilitatorSessions
): Promise<{ cohort: Cohort; role: Role }> {
	const found = await cohortForSession(cohortId, sessionFor(sessions, cohortId));
	if (!found) error(404, 'Not found');
	return found;
}
