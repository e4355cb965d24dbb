/**
 * Per-address rate limits on creating cohorts, joining and submitting: fixed windows counted in
 * the database, so every app instance on one PostgreSQL shares the same counters. The address is
 * stored only as a SHA-256 hash, and counters older than a day are swept (`lifecycle.ts`).
 *
 * Limits can be changed with `RATE_LIMIT_CREATE`, `RATE_LIMIT_JOIN`, `RATE_LIMIT_SUBMIT`
 * (`<requests>/<seconds>`, e.g. `30/60`), read once at start.
 *
 * Counting never fails for want of an address: a request whose address cannot be told is counted
 * under `unknown`, with every other such request.
 */
import { lt, sql } from 'drizzle-orm';
import { database } from './db/index.ts';
import { rateLimits } from './db/schema.ts';
import { sha256 } from './tokens.ts';
import { redact } from '../../server/log.js';

export type Bucket = 'create' | 'join' | 'submit';

interface Limit {
	limit: number;
	windowSeconds: number;
}

const defaults: Record<Bucket, Limit> = {
	create: { limit: 20, windowSeconds: 3600 },
	join: { limit: 60, windowSeconds: 60 },
	submit: { limit: 30, windowSeconds: 60 }
};

/** The limit on `bucket` (from the environment, or the default). */
export function fromEnv(bucket: Bucket): Limit {
	const raw = process.env[`RATE_LIMIT_${bucket.toUpperCase()}`];
	const match = raw ? /^(\d+)\/(\d+)$/.exec(raw.trim()) : null;
	if (!match) return defaults[bucket];
	return { limit: Number(match[1]), windowSeconds: Math.max(1, Number(match[2])) };
}

export type RateLimitResult = { ok: true } | { ok: false; retryAfter: number };

let warned = false;

/**
 * The sender's address, as adapter-node tells it, or undefined when it cannot: its
 * `getClientAddress` answers undefined once the connection is gone (a client that left in the
 * middle of its body), and throws when `ADDRESS_HEADER` names a header the request lacks (then
 * once, a warning). Read it before the body: a refused body may close the connection.
 */
export function clientAddress(getClientAddress: () => string): string | undefined {
	try {
		const address: unknown = getClientAddress();
		return typeof address === 'string' && address !== '' ? address : undefined;
	} catch (error) {
		if (!warned) {
			warned = true;
			const why = redact(error instanceof Error ? error.message : String(error));
			console.warn(`Rate limits: no client address (${why}); such requests share one counter`);
		}
		return undefined;
	}
}

/**
 * Where a hit from `address` in `bucket` at `now` is counted, and what the count may reach:
 * for a caller that counts the hit inside a statement of its own (`responses.ts` counts a
 * submission and stores it in one round trip).
 */
export function window(bucket: Bucket, address: string | undefined, now: number = Date.now()) {
	const { limit, windowSeconds } = fromEnv(bucket);
	const seconds = Math.floor(now / 1000);
	const windowStart = seconds - (seconds % windowSeconds);
	return {
		key: `${bucket}:${typeof address === 'string' && address !== '' ? sha256(address) : 'unknown'}`,
		windowStart,
		limit,
		/** The answer once the count has passed the limit. */
		retryAfter: Math.max(1, windowStart + windowSeconds - seconds)
	};
}

/**
 * Counts one request from `address` (undefined: not known) in `bucket`. Not ok once the window's limit is passed;
 * `retryAfter` is the whole seconds until the window ends (at least 1).
 */
export async function hit(
	bucket: Bucket,
	address: string | undefined,
	now: number = Date.now()
): Promise<RateLimitResult> {
	const { key, windowStart, limit, retryAfter } = window(bucket, address, now);
	const db = await database();
	const [row] = await db
		.insert(rateLimits)
		.values({ key, windowStart, count: 1 })
		.onConflictDoUpdate({
			target: [rateLimits.key, rateLimits.windowStart],
			set: { count: sql`${rateLimits.count} + 1` }
		})
		.returning({ count: rateLimits.count });
	if (row!.count <= limit) return { ok: true };
	return { ok: false, retryAfter };
}

/** Deletes counters whose window started more than a day ago. */
export async function sweepRateLimits(now: number = Date.now()): Promise<number> {
	const db = await database();
	const deleted = await db
		.delete(rateLimits)
		.where(lt(rateLimits.windowStart, Math.floor(now / 1000) - 86_400))
		.returning({ key: rateLimits.key });
	return deleted.length;
}
