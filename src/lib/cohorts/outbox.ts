/**
 * The browser's outbox of cohort submissions: a finished quiz is written here first, then sent;
 * it leaves only once the server has acknowledged it (201 stored, or 200 stored before). A
 * network failure, a 5xx or a 429 keeps it, to be retried with exponential backoff; the key it
 * carries makes every retry safe (the server stores it once). Pure logic over a Storage-like
 * object and a fetch function, so it is tested in Node.
 */
import type { Submission } from './submission.ts';

export const OUTBOX_STORAGE_KEY = 'rolefit.outbox';

export type OutboxStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * This browser's `localStorage`, or where it is refused, a stand-in in memory for the page's
 * life. A join page framed by another site, in a browser that blocks third-party cookies, may
 * not touch storage at all (Chromium throws on `localStorage`); its outbox then still holds and
 * retries a response while the page is open, only not across a reload.
 */
export function outboxStorage(): OutboxStorage {
	try {
		if (globalThis.localStorage) return globalThis.localStorage;
	} catch {
		// Refused: fall through to memory.
	}
	const kept = new Map<string, string>();
	return {
		getItem: (key) => kept.get(key) ?? null,
		setItem: (key, value) => void kept.set(key, String(value))
	};
}

export interface Pending {
	code: string;
	body: Submission;
	attempts: number;
	/** When to try next (ms timestamp). */
	nextAt: number;
	lastError?: string;
}

export type SendOutcome =
	| { status: 'sent'; key: string; id: string }
	// `httpStatus`: the server's answer (none when it could not be reached), for a page that says
	// why in its own language rather than with `error` or `message` (English, or the server's).
	| { status: 'waiting'; key: string; nextAt: number; error: string; httpStatus?: number }
	| { status: 'rejected'; key: string; message: string; httpStatus: number };

/** 1 s, 2 s, 4 s … at most 30 s, with up to 20% jitter so that a room of retries spreads out. */
export function backoff(attempts: number, random: () => number = Math.random): number {
	const base = Math.min(30_000, 1000 * 2 ** Math.max(0, attempts - 1));
	return Math.round(base * (1 + 0.2 * random()));
}

/**
 * What is waiting, oldest first. Damaged storage reads as empty; an entry with a code and a
 * keyed body but no usable schedule is kept and due now (dropping it would lose a response).
 */
export function readOutbox(storage: OutboxStorage): Pending[] {
	try {
		const parsed: unknown = JSON.parse(storage.getItem(OUTBOX_STORAGE_KEY) ?? '[]');
		return Array.isArray(parsed)
			? parsed
					.filter(
						(entry): entry is Pending =>
							typeof entry === 'object' &&
							entry !== null &&
							typeof entry.code === 'string' &&
							typeof entry.body?.key === 'string'
					)
					.map((entry) => ({
						...entry,
						attempts: Number.isFinite(entry.attempts) ? entry.attempts : 0,
						nextAt: Number.isFinite(entry.nextAt) ? entry.nextAt : 0
					}))
			: [];
	} catch {
		return [];
	}
}

function writeOutbox(storage: OutboxStorage, entries: Pending[]): boolean {
	try {
		storage.setItem(OUTBOX_STORAGE_KEY, JSON.stringify(entries));
		return true;
	} catch {
		return false;
	}
}

/** Adds a submission (once per key); false when storage refused it (it is then only in memory). */
export function enqueue(storage: OutboxStorage, code: string, body: Submission, now = Date.now()) {
	const entries = readOutbox(storage).filter((entry) => entry.body.key !== body.key);
	entries.push({ code, body, attempts: 0, nextAt: now });
	return writeOutbox(storage, entries);
}

function update(storage: OutboxStorage, key: string, change: (entry: Pending) => Pending | null) {
	const entries = readOutbox(storage).flatMap((entry) => {
		if (entry.body.key !== key) return [entry];
		const next = change(entry);
		return next ? [next] : [];
	});
	writeOutbox(storage, entries);
}

/** Sends one pending submission and records the outcome in storage. */
export async function send(
	storage: OutboxStorage,
	entry: Pending,
	fetcher: typeof fetch,
	now: () => number = Date.now
): Promise<SendOutcome> {
	const key = entry.body.key;
	let response: Response;
	try {
		response = await fetcher(`/api/cohorts/${encodeURIComponent(entry.code)}/responses`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(entry.body)
		});
	} catch {
		return wait(storage, entry, 'No connection to the server', now());
	}
	if (response.status === 200 || response.status === 201) {
		// Stored: an answer whose body cannot be read is still an acknowledgement.
		const id = await response
			.json()
			.then((value: { id?: unknown }) => (typeof value?.id === 'string' ? value.id : ''))
			.catch(() => '');
		update(storage, key, () => null);
		return { status: 'sent', key, id };
	}
	if (response.status >= 500 || response.status === 429 || response.status === 408) {
		const retryAfter = Number(response.headers.get('retry-after'));
		return wait(
			storage,
			entry,
			`The server answered ${response.status}`,
			now(),
			Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
			response.status
		);
	}
	// 4xx: sending it again would get the same answer. Keep nothing that cannot succeed.
	let message = `The server refused the submission (${response.status})`;
	try {
		message = ((await response.json()) as { message?: string }).message ?? message;
	} catch {
		// not JSON: keep the generic message
	}
	update(storage, key, () => null);
	return { status: 'rejected', key, message, httpStatus: response.status };
}

function wait(
	storage: OutboxStorage,
	entry: Pending,
	error: string,
	now: number,
	delay?: number,
	httpStatus?: number
): SendOutcome {
	const attempts = entry.attempts + 1;
	const nextAt = now + (delay ?? backoff(attempts));
	update(storage, entry.body.key, (stored) => ({ ...stored, attempts, nextAt, lastError: error }));
	return { status: 'waiting', key: entry.body.key, nextAt, error, httpStatus };
}

export const SENT_STORAGE_KEY = 'rolefit.cohort-responses';

/** Remembers, in this browser only, the private key of a response that reached the server. */
export function rememberSent(storage: OutboxStorage, code: string, key: string) {
	try {
		const sent = sentResponses(storage).filter((entry) => entry.key !== key);
		sent.push({ code, key });
		storage.setItem(SENT_STORAGE_KEY, JSON.stringify(sent.slice(-20)));
	} catch {
		// storage refused: the page still shows the private link once
	}
}

/** Responses this browser sent, newest last. */
export function sentResponses(storage: OutboxStorage): { code: string; key: string }[] {
	try {
		const parsed: unknown = JSON.parse(storage.getItem(SENT_STORAGE_KEY) ?? '[]');
		return Array.isArray(parsed)
			? parsed.filter(
					(entry): entry is { code: string; key: string } =>
						typeof entry?.code === 'string' && typeof entry?.key === 'string'
				)
			: [];
	} catch {
		return [];
	}
}
