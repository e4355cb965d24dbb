/**
 * Facilitator sign-in: the facilitator link's token (or the read-only co-facilitator link's) is
 * swapped for a session with that role (only hashes are stored), a session opens one cohort's
 * dashboard, and replacing a link ends every session signed in with it.
 */
import { and, eq, gt, inArray, lt, or } from 'drizzle-orm';
import type { Cohort } from './cohorts.ts';
import { database } from './db/index.ts';
import { cohorts, sessions, SESSION_ROLES } from './db/schema.ts';
import { randomToken, sha256, TOKEN_PATTERN } from './tokens.ts';

const SESSION_DAYS = 30;
const DAY = 86_400_000;

/** `facilitator`: everything; `viewer` (the co-facilitator link): the dashboard and present view. */
export type Role = (typeof SESSION_ROLES)[number];

export interface Session {
	cohortId: string;
	role: Role;
	/** The cookie value (a random token); only its hash is stored. */
	sessionId: string;
	expiresAt: Date;
}

async function newSession(cohortId: string, role: Role, now: number): Promise<Session> {
	const db = await database();
	const sessionId = randomToken();
	const expiresAt = new Date(now + SESSION_DAYS * DAY);
	await db.insert(sessions).values({ idHash: sha256(sessionId), cohortId, role, expiresAt });
	return { cohortId, role, sessionId, expiresAt };
}

/**
 * Swaps a facilitator or co-facilitator token for a session of that role: null for a wrong,
 * unknown or malformed token (all looked up the same way, through the hash).
 */
export async function signIn(token: string, now: number = Date.now()): Promise<Session | null> {
	const db = await database();
	const hash = sha256(token);
	const [cohort] = await db
		.select({ id: cohorts.id, tokenHash: cohorts.tokenHash })
		.from(cohorts)
		.where(or(eq(cohorts.tokenHash, hash), eq(cohorts.viewerTokenHash, hash)))
		.limit(1);
	if (!cohort || !TOKEN_PATTERN.test(token)) return null;
	return newSession(cohort.id, cohort.tokenHash === hash ? 'facilitator' : 'viewer', now);
}

/**
 * The cohort a session cookie opens and the role it was signed in with, or null (no cookie,
 * wrong cookie, expired, other cohort).
 */
export async function cohortForSession(
	cohortId: string,
	sessionId: string | undefined,
	now: number = Date.now()
): Promise<{ cohort: Cohort; role: Role } | null> {
	const hash = sha256(sessionId ?? '');
	const db = await database();
	const [row] = await db
		.select({ cohort: cohorts, role: sessions.role })
		.from(sessions)
		.innerJoin(cohorts, eq(cohorts.id, sessions.cohortId))
		.where(and(eq(sessions.idHash, hash), gt(sessions.expiresAt, new Date(now))))
		.limit(1);
	if (!row || row.cohort.id !== cohortId || !sessionId) return null;
	return row;
}

/**
 * Every cohort these session cookies open (cohort id → session id, as the cookies name them;
 * `*` for the earlier single cookie, which may open any one), with each session's role. A
 * session whose cookie names another cohort opens nothing. Oldest cohort first.
 */
export async function cohortsForSessions(
	sessionIds: Readonly<Record<string, string>>,
	now: number = Date.now()
): Promise<{ cohort: Cohort; role: Role }[]> {
	const claimed = new Map(
		Object.entries(sessionIds).map(([cohortId, sessionId]) => [sha256(sessionId), cohortId])
	);
	if (claimed.size === 0) return [];
	const db = await database();
	const rows = await db
		.select({ cohort: cohorts, role: sessions.role, idHash: sessions.idHash })
		.from(sessions)
		.innerJoin(cohorts, eq(cohorts.id, sessions.cohortId))
		.where(
			and(inArray(sessions.idHash, [...claimed.keys()]), gt(sessions.expiresAt, new Date(now)))
		)
		.orderBy(cohorts.createdAt);
	const found = new Map<string, { cohort: Cohort; role: Role }>();
	for (const { cohort, role, idHash } of rows) {
		const named = claimed.get(idHash);
		if (named !== cohort.id && named !== '*') continue;
		// Signed in twice (an old cookie beside a new one): the stronger role counts.
		if (found.get(cohort.id)?.role !== 'facilitator') found.set(cohort.id, { cohort, role });
	}
	return [...found.values()];
}

/**
 * A new facilitator link: the old token and every browser signed in with it stop working at
 * once; the browser that asked gets a new session. The co-facilitator link has its own rotation.
 */
export async function rotateToken(
	cohortId: string,
	now: number = Date.now()
): Promise<{ token: string; session: Session }> {
	const db = await database();
	const token = randomToken();
	await db.transaction(async (tx) => {
		await tx
			.update(cohorts)
			.set({ tokenHash: sha256(token) })
			.where(eq(cohorts.id, cohortId));
		await tx
			.delete(sessions)
			.where(and(eq(sessions.cohortId, cohortId), eq(sessions.role, 'facilitator')));
	});
	return { token, session: await newSession(cohortId, 'facilitator', now) };
}

/**
 * A new read-only co-facilitator link (the first, or a replacement): the old one and every
 * browser signed in with it stop working at once. Returns the token, shown once.
 */
export async function rotateViewerToken(cohortId: string): Promise<string> {
	const db = await database();
	const token = randomToken();
	await db.transaction(async (tx) => {
		await tx
			.update(cohorts)
			.set({ viewerTokenHash: sha256(token) })
			.where(eq(cohorts.id, cohortId));
		await tx
			.delete(sessions)
			.where(and(eq(sessions.cohortId, cohortId), eq(sessions.role, 'viewer')));
	});
	return token;
}

export async function deleteExpiredSessions(now: number = Date.now()): Promise<number> {
	const db = await database();
	const deleted = await db
		.delete(sessions)
		.where(lt(sessions.expiresAt, new Date(now)))
		.returning({ id: sessions.idHash });
	return deleted.length;
}
