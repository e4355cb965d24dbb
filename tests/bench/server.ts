/**
 * `npm run bench:server`: submissions against the built server (`src/server/index.js`), with
 * autocannon, 30 s at 50 connections, on embedded PGlite and, when DATABASE_URL is set, on
 * PostgreSQL. Each request is a new participant (a fresh submission key). Prints requests/s,
 * p50/p99 and slowest latency and errors, then checks that the rows stored equal the submissions
 * acknowledged (201): exit 1 when they differ. Goal: ≥ 1,000 submissions/s on PGlite and
 * ≥ 2,000/s on PostgreSQL, p99 ≤ 50 ms.
 *
 * The measured run follows a warm-up at the same load (5 s; not in the figures, but in the check
 * of acknowledged against stored): the server's first seconds compile its JavaScript and PGlite's
 * WebAssembly, and are slower than anything after. BENCH_SECONDS, BENCH_WARMUP (0: none) and
 * BENCH_CONNECTIONS change the run; the rate limit is lifted for it. On PostgreSQL the line says
 * whether commits were flushed to disk (`fsync`, `synchronous_commit`): `tests/db/with-postgres.sh`
 * turns fsync off unless PG_FSYNC=on.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { loadContent } from '../../src/lib/content/loader.server.ts';
import { newSubmissionKey } from '../../src/lib/cohorts/submission.ts';
import { createCohortOver, hasBuild, startServer } from '../helpers/app-server.ts';
import { contentDir, randomRespondent, seededRandom } from '../helpers/content.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const warmup = Number(process.env.BENCH_WARMUP ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

if (!hasBuild()) {
	console.error('No build: run npm run build first (npm run bench:server does).');
	process.exit(2);
}

const content = await loadContent(contentDir);
const random = seededRandom(7);
const answerSets = Array.from({ length: 64 }, () => randomRespondent(random, content));

type Counter = (
	code: string,
	hashes: string[]
) => Promise<{ stored: number; storedAcknowledged: number }>;

async function run(label: string, env: Record<string, string>, count: Counter) {
	const server = await startServer(4890, { ...env, RATE_LIMIT_SUBMIT: '1000000000/60' });
	const acknowledged: string[] = [];
	let sent = 0;
	let code: string;
	try {
		code = (await createCohortOver(server.origin, { name: `bench ${label}`, minGroupSize: '3' }))
			.joinCode;
		let n = 0;
		const result = await autocannon({
			url: `${server.origin}/api/cohorts/${code}/responses`,
			connections,
			duration: seconds,
			...(warmup > 0 ? { warmup: { connections, duration: warmup } } : {}),
			requests: [
				{
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					// One request at a time per connection: its context remembers the key in flight.
					setupRequest: (request, context) => {
						const key = newSubmissionKey();
						(context as { key?: string }).key = key;
						sent += 1;
						return {
							...request,
							body: JSON.stringify({
								key,
								version: content.instrument.version,
								fingerprint: content.instrument.fingerprint,
								answers: answerSets[n++ % answerSets.length]
							})
						};
					},
					onResponse: (status, _body, context) => {
						if (status === 201) acknowledged.push((context as { key: string }).key);
					}
				}
			]
		});
		const errors = result.errors + result.timeouts + result.non2xx;
		console.log(
			`${label.padEnd(10)} ${result.requests.average.toFixed(0).padStart(6)} req/s  ` +
				`p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  max ${result.latency.max} ms  ` +
				`errors ${errors} (non-2xx ${result.non2xx}, socket ${result.errors}, timeouts ${result.timeouts})  ` +
				`${result.requests.total} requests in ${seconds} s`
		);
	} finally {
		await server.stop();
	}
	// autocannon stops at the deadline without waiting for the requests still in flight; the
	// server finishes them. Every acknowledged key must be stored, and nothing else but those.
	const hashes = acknowledged.map((key) => createHash('sha256').update(key).digest('hex'));
	const { stored, storedAcknowledged } = await count(code, hashes);
	const inFlight = sent - acknowledged.length;
	const ok = storedAcknowledged === acknowledged.length && stored - acknowledged.length <= inFlight;
	console.log(
		`${''.padEnd(10)} acknowledged ${acknowledged.length}, all stored: ${storedAcknowledged === acknowledged.length}; ` +
			`rows ${stored} = acknowledged + ${stored - acknowledged.length} of the ${inFlight} unanswered when the run stopped: ${ok ? 'OK' : 'MISMATCH'}`
	);
	return ok;
}

const countSql = `select count(*)::int as n, (count(*) filter (where r.key_hash = any($2)))::int as a
	from responses r join cohorts c on c.id = r.cohort_id where c.join_code = $1`;

console.log(
	`bench:server: ${seconds} s ${warmup > 0 ? `after a ${warmup} s warm-up` : 'without a warm-up'}, ` +
		`${connections} connections, ` +
		'POST /api/cohorts/<code>/responses'
);
let ok = true;
const dir = mkdtempSync(join(tmpdir(), 'rolefit-bench-'));
try {
	ok &&= await run('PGlite', { DATA_DIR: dir, DATABASE_URL: '' }, async (code, hashes) => {
		const db = await PGlite.create(dir);
		const { rows } = await db.query<{ n: number; a: number }>(countSql, [code, hashes]);
		// PGlite's own default, which the app keeps: commits are written, not flushed to disk.
		const fsync = await db.query<{ value: string }>(`select current_setting('fsync') as value`);
		console.log(`${''.padEnd(10)} (PGlite: fsync=${fsync.rows[0]!.value})`);
		await db.close();
		return { stored: rows[0]!.n, storedAcknowledged: rows[0]!.a };
	});
} finally {
	rmSync(dir, { recursive: true, force: true });
}
const url = process.env.DATABASE_URL;
if (url) {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	const setting = async (name: string) =>
		(await client.query(`select current_setting($1) as value`, [name])).rows[0].value as string;
	console.log(
		`PostgreSQL: fsync=${await setting('fsync')}, synchronous_commit=${await setting('synchronous_commit')}`
	);
	await client.end();
	ok &&= await run('PostgreSQL', { DATABASE_URL: url }, async (code, hashes) => {
		const client = new pg.Client({ connectionString: url });
		await client.connect();
		const { rows } = await client.query(countSql, [code, hashes]);
		await client.end();
		return { stored: rows[0].n, storedAcknowledged: rows[0].a };
	});
} else {
	console.log(
		'PostgreSQL: skipped (set DATABASE_URL, or: bash tests/db/with-postgres.sh npm run bench:server)'
	);
}
console.log(
	'Goal: ≥ 1,000 submissions/s on PGlite, ≥ 2,000/s on PostgreSQL, p99 ≤ 50 ms (reported, not gated).'
);
process.exit(ok ? 0 : 1);
