/**
 * The browser's outbox of cohort submissions (src/lib/cohorts/outbox.ts), over an in-memory
 * Storage and a scripted fetch: a submission stays until the server acknowledges it, retries
 * back off and keep their key, nothing is lost or duplicated, damaged storage is set aside.
 */
import { describe, expect, it } from 'vitest';
import {
	backoff,
	enqueue,
	OUTBOX_STORAGE_KEY,
	readOutbox,
	rememberSent,
	send,
	sentResponses,
	type OutboxStorage
} from '../../src/lib/cohorts/outbox.ts';
import type { Submission } from '../../src/lib/cohorts/submission.ts';

function memoryStorage(initial: Record<string, string> = {}) {
	const items = new Map(Object.entries(initial));
	return {
		items,
		getItem: (key: string) => items.get(key) ?? null,
		setItem: (key: string, value: string) => void items.set(key, value)
	} satisfies OutboxStorage & { items: Map<string, string> };
}

const body = (key: string): Submission =>
	({ key, version: '2.0.0', fingerprint: 'f', answers: { a: 1 } }) as unknown as Submission;

/** A fetch that answers from a script, one entry per call, and records every body it was sent. */
function scriptedFetch(script: (Response | Error)[]) {
	const sent: { url: string; body: Submission }[] = [];
	const fetcher = (async (url: string, init: RequestInit) => {
		sent.push({ url, body: JSON.parse(String(init.body)) });
		const next = script.shift();
		if (!next) throw new Error('no more answers scripted');
		if (next instanceof Error) throw next;
		return next;
	}) as unknown as typeof fetch;
	return { fetcher, sent };
}

const stored = (id: string, status = 201) =>
	new Response(JSON.stringify({ id }), { status, headers: { 'content-type': 'application/json' } });

describe('backoff', () => {
	it('doubles from 1 s up to 30 s, with at most 20% jitter', () => {
		expect([1, 2, 3, 4, 5, 6, 7, 10].map((n) => backoff(n, () => 0))).toEqual([
			1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000
		]);
		expect(backoff(1, () => 0.999)).toBe(1200);
		expect(backoff(0, () => 0)).toBe(1000);
	});
});

describe('the outbox', () => {
	it('keeps a submission through failures, with the same key, and sends it exactly once', async () => {
		const storage = memoryStorage();
		expect(enqueue(storage, 'ABCDEFGH', body('k'.repeat(22)), 0)).toBe(true);
		const { fetcher, sent } = scriptedFetch([
			new TypeError('Failed to fetch'),
			new Response('busy', { status: 503 }),
			new Response('slow down', { status: 429, headers: { 'retry-after': '7' } }),
			stored('r1', 200)
		]);
		let now = 0;
		const clock = () => now;

		const first = await send(storage, readOutbox(storage)[0]!, fetcher, clock);
		expect(first).toMatchObject({ status: 'waiting', error: 'No connection to the server' });
		expect(readOutbox(storage)[0]).toMatchObject({ attempts: 1 });
		const afterOne = readOutbox(storage)[0]!.nextAt;
		expect(afterOne).toBeGreaterThanOrEqual(1000);
		expect(afterOne).toBeLessThanOrEqual(1200);

		now = afterOne;
		const second = await send(storage, readOutbox(storage)[0]!, fetcher, clock);
		expect(second).toMatchObject({
			status: 'waiting',
			error: 'The server answered 503',
			httpStatus: 503
		});
		expect(readOutbox(storage)[0]!.nextAt - now).toBeGreaterThanOrEqual(2000);

		now = readOutbox(storage)[0]!.nextAt;
		const third = await send(storage, readOutbox(storage)[0]!, fetcher, clock);
		// Retry-After wins over the backoff.
		expect(third).toMatchObject({ status: 'waiting', nextAt: now + 7000 });

		now += 7000;
		const fourth = await send(storage, readOutbox(storage)[0]!, fetcher, clock);
		expect(fourth).toEqual({ status: 'sent', key: 'k'.repeat(22), id: 'r1' });
		expect(readOutbox(storage)).toEqual([]);
		// Every attempt carried the same key: the server stores it once.
		expect(new Set(sent.map((request) => request.body.key))).toEqual(new Set(['k'.repeat(22)]));
		expect(sent.map((request) => request.url)).toEqual(
			Array(4).fill('/api/cohorts/ABCDEFGH/responses')
		);
	});

	it('enqueues a key once, and keeps the others while one is sent', async () => {
		const storage = memoryStorage();
		enqueue(storage, 'C1', body('a'.repeat(22)), 0);
		enqueue(storage, 'C1', body('a'.repeat(22)), 5);
		enqueue(storage, 'C2', body('b'.repeat(22)), 0);
		expect(readOutbox(storage).map((entry) => entry.body.key)).toEqual([
			'a'.repeat(22),
			'b'.repeat(22)
		]);
		const { fetcher } = scriptedFetch([stored('x')]);
		await send(storage, readOutbox(storage)[1]!, fetcher);
		expect(readOutbox(storage).map((entry) => entry.body.key)).toEqual(['a'.repeat(22)]);
	});

	it('drops what no retry can change (a 4xx) and says why', async () => {
		const storage = memoryStorage();
		enqueue(storage, 'C1', body('a'.repeat(22)));
		const { fetcher } = scriptedFetch([
			new Response(JSON.stringify({ message: 'This cohort is closed' }), { status: 409 })
		]);
		expect(await send(storage, readOutbox(storage)[0]!, fetcher)).toEqual({
			status: 'rejected',
			key: 'a'.repeat(22),
			message: 'This cohort is closed',
			// The status too, for a page that says why in its own language.
			httpStatus: 409
		});
		expect(readOutbox(storage)).toEqual([]);
	});

	it('says so when storage refuses a submission (it then lives only in memory)', () => {
		const full: OutboxStorage = {
			getItem: () => null,
			setItem: () => {
				throw new DOMException('full', 'QuotaExceededError');
			}
		};
		expect(enqueue(full, 'C1', body('a'.repeat(22)))).toBe(false);
	});

	it.each([
		['not JSON', '{"code":'],
		['not a list', '{"code":"C1"}'],
		['null', 'null'],
		['entries of the wrong shape', '[1, "x", null, {"code": 5}, {"code": "C1", "body": {}}]']
	])('sets aside a damaged outbox (%s) without throwing', (_, raw) => {
		const storage = memoryStorage({ [OUTBOX_STORAGE_KEY]: raw });
		expect(readOutbox(storage)).toEqual([]);
		// A new submission still goes in, and the damage does not come back.
		expect(enqueue(storage, 'C1', body('a'.repeat(22)))).toBe(true);
		expect(readOutbox(storage)).toHaveLength(1);
	});

	it('keeps the good entries of a partly damaged outbox', () => {
		const good = { code: 'C1', body: body('a'.repeat(22)), attempts: 2, nextAt: 10 };
		const storage = memoryStorage({
			[OUTBOX_STORAGE_KEY]: JSON.stringify([good, { code: 'C2' }, 'junk'])
		});
		expect(readOutbox(storage)).toEqual([good]);
	});
});

describe('found by these tests', () => {
	it('keeps an entry whose schedule is missing, due now (it was never sent)', () => {
		const storage = memoryStorage({
			[OUTBOX_STORAGE_KEY]: JSON.stringify([{ code: 'C1', body: body('a'.repeat(22)) }])
		});
		expect(readOutbox(storage)).toEqual([
			{ code: 'C1', body: body('a'.repeat(22)), attempts: 0, nextAt: 0 }
		]);
	});

	it('takes a 201 whose body cannot be read as stored, and forgets the entry', async () => {
		const storage = memoryStorage();
		enqueue(storage, 'C1', body('a'.repeat(22)));
		const { fetcher } = scriptedFetch([new Response('not json', { status: 201 })]);
		expect(await send(storage, readOutbox(storage)[0]!, fetcher)).toEqual({
			status: 'sent',
			key: 'a'.repeat(22),
			id: ''
		});
		expect(readOutbox(storage)).toEqual([]);
	});
});

describe('responses sent from this browser', () => {
	it('remembers each key once, the newest last, at most 20', () => {
		const storage = memoryStorage();
		for (let i = 0; i < 25; i++) rememberSent(storage, 'C1', `key-${i}`);
		rememberSent(storage, 'C2', 'key-3');
		const sent = sentResponses(storage);
		expect(sent).toHaveLength(20);
		expect(sent.at(-1)).toEqual({ code: 'C2', key: 'key-3' });
		expect(sent.filter((entry) => entry.key === 'key-3')).toHaveLength(1);
	});

	it('reads damaged storage as nothing sent', () => {
		expect(sentResponses(memoryStorage({ 'rolefit.cohort-responses': '{' }))).toEqual([]);
		expect(sentResponses(memoryStorage({ 'rolefit.cohort-responses': '[null, 3]' }))).toEqual([]);
	});
});
