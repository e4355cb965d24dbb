/**
 * Facilitator sign-in: the facilitator link's token is swapped for a session (only hashes are
 * stored), a session opens one cohort's dashboard, and replacing the link ends every session.
 */
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Cohort } from './cohorts.ts';
import { database } from './db/index.ts';
import { cohorts, sessions } from './db/schema.ts';
import { randomToken, sha256, TOKEN_PATTERN } from './tokens.ts';

const SESSION_DAYS = 30;
const DAY = 86_400_000;

export interface Session {
	cohortId: string;
	/** The cookie value (a random token); only its hash is stored. */
	sessionId: string;
	expiresAt: Date;
}

async function newSession(cohortId: string, now: number): Promise<Session> {
	const db = await database();
	const sessionId = randomToken();
	const expiresAt = new Date(now + SESSION_DAYS * DAY);
	await db.insert(sessions).values({ idHash: sha256(sessionId), cohortId, expiresAt });
	return { cohortId, sessionId, expiresAt };
}

/**
 * Swaps a facilitator token for a session: null for a wrong, unknown or malformed token (all
 * looked up the same way, through the hash).
 */
export async function signIn(token: string, now: number = Date.now()): Promise<Session | null> {
	const db = await database();
	const hash = sha256(token);
	const [cohort] = await db
		.select({ id: cohorts.id })
		.from(cohorts)
		.where(eq(cohorts.tokenHash, hash))
		.limit(1);
	if (!cohort || !TOKEN_PATTERN.test(token)) return null;
	return newSession(cohort.id, now);
}

/** The cohort a session cookie opens, or null (no cookie, wrong cookie, expired, other cohort). */
export async function cohortForSession(
	cohortId: string,
	sessionId: string | undefined,
	now: number = Date.now()
): Promise<Cohort | null> {
	const hash = sha256(sessionId ?? '');
	const db = await database();
	const [row] = await db
		.select({ cohort: cohorts })
		.from(sessions)
		.innerJoin(cohorts, eq(cohorts.id, sessions.cohortId))
		.where(and(eq(sessions.idHash, hash), gt(sessions.expiresAt, new Date(now))))
		.limit(1);
	if (!row || row.cohort.id !== cohortId || !sessionId) return null;
	return row.cohort;
}

/**
 * A new facilitator link: the old token and every signed-in browser stop working at once; the
 * browser that asked gets a new session.
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
		await tx.delete(sessions).where(eq(sessions.cohortId, cohortId));
	});
	return { token, session: await newSession(cohortId, now) };
}

export async function deleteExpiredSessions(now: number = Date.now()): Promise<number> {
	const db = await database();
	const deleted = await db
		.delete(sessions)
		.where(lt(sessions.expiresAt, new Date(now)))
		.returning({ id: sessions.idHash });
	return deleted.length;
}
