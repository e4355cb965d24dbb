/**
 * Submissions that arrive together are stored by one statement (`src/lib/server/group-commit.ts`
 * and `storeAll` in `responses.ts`), and each is answered as if it had come alone: duplicates,
 * other cohorts, unknown codes, a closed cohort, a key of another cohort, names, the rate limit.
 * Nobody is answered before the statement holding their submission has returned, committed, and a
 * write that fails loses nobody. On in-memory PGlite, and on PostgreSQL with DATABASE_URL.
 *
 * To put submissions in one write, every write slot is first filled with a lone submission whose
 * statement is held; what is sent meanwhile queues, and goes in the next write once they return.
 */
import { eq } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
	closeDatabase,
	concurrentWrites,
	database,
	schema
} from '../../../src/lib/server/db/index.ts';
import { countResponses } from '../../../src/lib/server/responses.ts';
import {
	dashboardAction,
	newCohort,
	submission,
	submit,
	warmUp,
	type CreatedCohort,
	type Outcome
} from '../../helpers/cohort-harness.ts';

beforeAll(() => warmUp(), 120_000);
afterEach(() => {
	vi.restoreAllMocks();
	vi.unstubAllEnvs();
});
afterAll(() => closeDatabase());

const postgres = process.env.DATABASE_URL;
const dialect = new PgDialect();

interface Written {
	key_hash: string;
}

/** The submissions a statement writes, or null for any other statement. */
function submissionsIn(query: SQL): Written[] | null {
	const { sql: text, params } = dialect.sqlToQuery(query);
	if (!text.includes('insert into "responses"')) return null;
	return JSON.parse(params[0] as string) as Written[];
}

type Execute = (query: SQL) => Promise<unknown>;

/**
 * Sends what `send` sends so that it reaches the database in one write, and answers the outcomes
 * and the number of submissions in each write, in order (the lone ones first). `write` runs each
 * submission write (by default as it would have run) and may fail it.
 */
async function inOneWrite(
	cohort: CreatedCohort,
	send: () => Promise<Outcome>[],
	write: (query: SQL, items: Written[], execute: Execute) => Promise<unknown> = (query, _, run) =>
		run(query)
) {
	const db = await database();
	const original = db.execute.bind(db) as Execute;
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	const sizes: number[] = [];
	vi.spyOn(db, 'execute').mockImplementation((async (query: SQL) => {
		const items = submissionsIn(query);
		if (items === null) return original(query);
		sizes.push(items.length);
		await held;
		return write(query, items, original);
	}) as never);
	const lone: Promise<Outcome>[] = [];
	for (let i = 0; i < concurrentWrites(); i += 1) {
		lone.push(submit(cohort.joinCode, submission(900 + i)));
		await vi.waitFor(() => expect(sizes).toHaveLength(i + 1));
	}
	const sent = send();
	// Long enough for every request to be read and queued behind the held writes.
	await new Promise((resolve) => setTimeout(resolve, 200));
	expect(sizes).toHaveLength(concurrentWrites());
	release();
	expect((await Promise.all(lone)).map((o) => o.status)).toEqual(lone.map(() => 201));
	return { outcomes: await Promise.all(sent), sizes };
}

const idOf = (outcome: Outcome) => (outcome.body as { id: string }).id;

async function namesOf(cohortId: string) {
	const db = await database();
	const rows = await db
		.select({ name: schema.responses.displayName })
		.from(schema.responses)
		.where(eq(schema.responses.cohortId, cohortId));
	return rows.map((row) => row.name).sort();
}

describe('submissions written together', () => {
	it('are answered each as if it had come alone', async () => {
		const plain = await newCohort();
		const named = await newCohort({ collectNames: 'on' });
		const closed = await newCohort();
		expect((await dashboardAction(closed, 'close')).status).toBe(200);
		const earlier = submission(1);
		const first = await submit(plain.joinCode, earlier);
		expect(first.status).toBe(201);

		const twice = submission(2, { displayName: 'Ann' });
		const { outcomes, sizes } = await inOneWrite(plain, () => [
			submit(plain.joinCode, twice),
			submit(plain.joinCode, twice), // the same key twice in one write
			submit(named.joinCode, submission(3, { displayName: 'Bea' })), // another cohort
			submit(plain.joinCode, submission(4, { displayName: 'Cy' })),
			submit('ZZZZZZZZ', submission(5)), // unknown code
			submit('???', submission(6)), // malformed code
			submit(closed.joinCode, submission(7)),
			submit(named.joinCode, earlier), // a key stored in another cohort
			submit(plain.joinCode, earlier) // a retry of one stored by an earlier write
		]);

		expect(sizes).toEqual([...Array.from({ length: concurrentWrites() }, () => 1), 9]);
		expect(outcomes.map((o) => o.status)).toEqual([201, 200, 201, 201, 404, 404, 409, 409, 200]);
		expect(idOf(outcomes[1]!)).toBe(idOf(outcomes[0]!));
		expect(outcomes[1]!.body).toMatchObject({ stored: 'already' });
		expect(outcomes[5]!.body).toEqual(outcomes[4]!.body);
		expect(outcomes[6]!.body).toMatchObject({ message: expect.stringMatching(/closed/) });
		expect(outcomes[7]!.body).toMatchObject({ message: expect.stringMatching(/another response/) });
		expect(idOf(outcomes[8]!)).toBe(idOf(first));

		// Earlier, the lone ones that held the write slots, Ann once and Cy, all without their names;
		// Bea's kept, as her cohort collects names.
		expect(await countResponses(plain.cohortId)).toBe(3 + concurrentWrites());
		expect(await namesOf(plain.cohortId)).toEqual(
			Array.from({ length: 3 + concurrentWrites() }, () => null)
		);
		expect(await namesOf(named.cohortId)).toEqual(['Bea']);
		expect(await countResponses(closed.cohortId)).toBe(0);
	});

	it('count every hit against the sender’s limit, in the order they came', async () => {
		vi.stubEnv('RATE_LIMIT_SUBMIT', '3/86400');
		const cohort = await newCohort();
		// Unique to this run: the counters stay for the day, and PostgreSQL may be reused.
		const run = `${process.pid.toString(16)}:${(Date.now() % 0xffff).toString(16)}`;
		const [address, other] = [`2001:db8::1:${run}`, `2001:db8::2:${run}`];
		const sent = await submit(cohort.joinCode, submission(10), address); // 1 of 3
		expect(sent.status).toBe(201);
		const { outcomes } = await inOneWrite(cohort, () => [
			submit(cohort.joinCode, submission(11), address), // 2
			submit(cohort.joinCode, submission(12), other), // another sender
			submit(cohort.joinCode, submission(13), address), // 3
			submit(cohort.joinCode, submission(14), address), // 4: over
			submit(cohort.joinCode, submission(15), address) // 5: over
		]);
		expect(outcomes.map((o) => o.status)).toEqual([201, 201, 201, 429, 429]);
		expect(Number(outcomes[3]!.response?.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(await countResponses(cohort.cohortId)).toBe(4 + concurrentWrites());
		// The next one alone is still over: the refused ones were counted too.
		expect((await submit(cohort.joinCode, submission(16), address)).status).toBe(429);
	});

	it('are answered only once the statement that stores them has returned, committed', async () => {
		const cohort = await newCohort();
		// Another connection on PostgreSQL; PGlite has only one.
		const client = postgres ? new pg.Client({ connectionString: postgres }) : undefined;
		await client?.connect();
		const countOutside = async () => {
			if (!client) return countResponses(cohort.cohortId);
			const { rows } = await client.query(
				'select count(*)::int as n from responses where cohort_id = $1',
				[cohort.cohortId]
			);
			return rows[0].n as number;
		};
		const answered: boolean[] = [];
		let answeredBefore: boolean[] = [];
		let seenAfter = -1;
		try {
			const { outcomes } = await inOneWrite(
				cohort,
				() =>
					Array.from({ length: 6 }, (_, i) => {
						const outcome = submit(cohort.joinCode, submission(20 + i));
						void outcome.then(() => (answered[i] = true));
						return outcome;
					}),
				async (query, items, run) => {
					if (items.length > 1) answeredBefore = [...answered];
					const result = await run(query);
					if (items.length > 1) seenAfter = await countOutside();
					return result;
				}
			);
			expect(outcomes.every((o) => o.status === 201)).toBe(true);
		} finally {
			await client?.end();
		}
		expect(answeredBefore.some(Boolean)).toBe(false);
		expect(seenAfter).toBe(6 + concurrentWrites());
	});

	it('lose nobody when their write fails: each is written again on its own', async () => {
		const cohort = await newCohort();
		const same = submission(30);
		const { outcomes, sizes } = await inOneWrite(
			cohort,
			() => [
				...Array.from({ length: 4 }, (_, i) => submit(cohort.joinCode, submission(31 + i))),
				submit(cohort.joinCode, same),
				submit(cohort.joinCode, same)
			],
			async (query, items, run) => {
				if (items.length > 1) throw new Error('connection lost');
				return run(query);
			}
		);
		expect(sizes.slice(concurrentWrites())).toEqual([6, 1, 1, 1, 1, 1, 1]);
		expect(outcomes.map((o) => o.status)).toEqual([201, 201, 201, 201, 201, 200]);
		expect(idOf(outcomes[5]!)).toBe(idOf(outcomes[4]!));
		expect(await countResponses(cohort.cohortId)).toBe(5 + concurrentWrites());
	});

	it('committed but unanswered (the answer lost on the way back): acknowledged with the stored ids, stored once', async () => {
		const cohort = await newCohort();
		const { outcomes } = await inOneWrite(
			cohort,
			() => Array.from({ length: 5 }, (_, i) => submit(cohort.joinCode, submission(40 + i))),
			async (query, items, run) => {
				const result = await run(query);
				if (items.length > 1) throw new Error('connection lost after the commit');
				return result;
			}
		);
		const db = await database();
		const rows = await db
			.select({ id: schema.responses.id })
			.from(schema.responses)
			.where(eq(schema.responses.cohortId, cohort.cohortId));
		const stored = new Set(rows.map((row) => row.id));
		expect(outcomes.map((o) => o.status)).toEqual([200, 200, 200, 200, 200]);
		expect(outcomes.every((o) => stored.has(idOf(o)))).toBe(true);
		expect(new Set(outcomes.map(idOf)).size).toBe(5);
		expect(await countResponses(cohort.cohortId)).toBe(5 + concurrentWrites());
	});

	it('one that cannot be written fails alone, and the others are stored', async () => {
		const cohort = await newCohort();
		const bad = submission(50);
		const { sha256 } = await import('../../../src/lib/server/tokens.ts');
		const badHash = sha256(bad.key);
		const { outcomes, sizes } = await inOneWrite(
			cohort,
			() => [
				submit(cohort.joinCode, submission(51)),
				// The route throws, and SvelteKit answers 500.
				submit(cohort.joinCode, bad).catch((error: Error) => ({
					status: 500,
					body: error.message
				})),
				submit(cohort.joinCode, submission(52))
			],
			async (query, items, run) => {
				if (items.some((item) => item.key_hash === badHash)) throw new Error('cannot store');
				return run(query);
			}
		);
		expect(sizes.slice(concurrentWrites())).toEqual([3, 1, 1, 1]);
		expect(outcomes).toMatchObject([
			{ status: 201 },
			{ status: 500, body: 'cannot store' },
			{ status: 201 }
		]);
		expect(await countResponses(cohort.cohortId)).toBe(2 + concurrentWrites());
	});
});
