/**
 * Storage that outlives a process: a PGlite directory reopened after a restart still holds every
 * response; a database made by the first migration takes the later ones with its rows intact and
 * given each later column's default, on PGlite and on PostgreSQL; PGlite's settings; on
 * PostgreSQL, instances that start at once apply the migrations exactly once.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, schema } from '../../../src/lib/server/db/index.ts';
import { countResponses } from '../../../src/lib/server/responses.ts';
import { newCohort, submission, submit } from '../../helpers/cohort-harness.ts';

const postgres = process.env.DATABASE_URL;

const migrationsDir = new URL('../../../src/lib/server/db/migrations/', import.meta.url);
const journal = JSON.parse(readFileSync(new URL('meta/_journal.json', migrationsDir), 'utf8')) as {
	entries: { tag: string; when: number }[];
};

/** Runs one SQL statement, with parameters when given: PGlite's client or node-postgres'. */
type Query = (statement: string, params?: unknown[]) => Promise<unknown>;

/**
 * Brings an empty database to where the first migration left it, with drizzle's record of that
 * migration and a cohort made then (named Old), for the later migrations to take it on.
 */
async function asFirstMigrationLeftIt(query: Query) {
	const first = journal.entries[0]!;
	const init = readFileSync(new URL(`${first.tag}.sql`, migrationsDir), 'utf8');
	for (const statement of init.split('--> statement-breakpoint')) await query(statement);
	await query('create schema drizzle');
	await query(`create table drizzle.__drizzle_migrations
		(id serial primary key, hash text not null, created_at bigint)`);
	await query('insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)', [
		createHash('sha256').update(init).digest('hex'),
		first.when
	]);
	await query(
		`insert into cohorts (id, name, join_code, join_code_hash, token_hash, collect_names,
			min_group_size, retention_days) values ($1, 'Old', 'ABCDEFGH', 'h', 't', false, 5, 180)`,
		['00000000-0000-4000-8000-000000000001']
	);
}

/** The cohort made before the later migrations, read after them, and how many are recorded. */
async function afterMigrating(handle: Awaited<ReturnType<typeof openDatabase>>) {
	const [row] = await handle.db.select().from(schema.cohorts).where(eq(schema.cohorts.name, 'Old'));
	const applied = await handle.db.execute(
		'select count(*)::int as n from drizzle.__drizzle_migrations'
	);
	return { row, applied: (applied as unknown as { rows: { n: number }[] }).rows[0]!.n };
}

/**
 * What each later migration gives a cohort made before it: results shown at once, no
 * co-facilitator link and no earlier run, English, and no site allowed to frame its join page.
 */
const asBefore = {
	resultTiming: 'immediate',
	resultsRevealedAt: null,
	viewerTokenHash: null,
	previousCohortId: null,
	language: 'en',
	embedOrigins: []
};

describe.skipIf(postgres)('PGlite in a directory', () => {
	const dir = mkdtempSync(join(tmpdir(), 'rolefit-pglite-'));
	afterAll(async () => {
		await closeDatabase();
		rmSync(dir, { recursive: true, force: true });
	});

	it('still holds every response after the database is closed and reopened', async () => {
		process.env.DATA_DIR = dir;
		const cohort = await newCohort();
		const outcomes = await Promise.all(
			Array.from({ length: 25 }, (_, i) => submit(cohort.joinCode, submission(i)))
		);
		expect(outcomes.every((o) => o.status === 201)).toBe(true);
		await closeDatabase(); // as at shutdown
		expect(await countResponses(cohort.cohortId)).toBe(25); // reopened from the directory
		await closeDatabase();
		expect(await countResponses(cohort.cohortId)).toBe(25);
	}, 60_000);

	it('a cohort made by the first migration keeps working as before after the later ones', async () => {
		const old = mkdtempSync(join(tmpdir(), 'rolefit-pglite-0000-'));
		try {
			const client = await PGlite.create(old);
			await asFirstMigrationLeftIt((statement, params) =>
				params ? client.query(statement, params) : client.exec(statement)
			);
			await client.close();

			const handle = await openDatabase({ DATA_DIR: old });
			const { row, applied } = await afterMigrating(handle);
			await handle.close();
			expect(row).toMatchObject(asBefore);
			expect(applied).toBe(journal.entries.length);
		} finally {
			rmSync(old, { recursive: true, force: true });
		}
	}, 60_000);

	it('adds WAL files without filling them with zeros first (a stall of the whole server)', async () => {
		const handle = await openDatabase({ DATA_DIR: 'memory://' });
		const { rows } = (await handle.db.execute(
			`select current_setting('wal_init_zero') as value`
		)) as unknown as { rows: { value: string }[] };
		await handle.close();
		expect(rows[0]!.value).toBe('off');
	}, 60_000);
});

describe.skipIf(!postgres)('PostgreSQL migrations', () => {
	/** Runs `use` on a database of its own, created empty and dropped afterwards. */
	async function withDatabase(use: (url: string) => Promise<void>) {
		const admin = new pg.Client({ connectionString: postgres });
		await admin.connect();
		const name = `rolefit_migrate_${process.pid}_${Date.now()}`;
		await admin.query(`create database ${name}`);
		try {
			const url = new URL(postgres!);
			url.pathname = `/${name}`;
			await use(url.href);
		} finally {
			await admin.query(`drop database if exists ${name}`);
			await admin.end();
		}
	}

	it('take a cohort made by the first migration to the last, working as before', async () => {
		await withDatabase(async (url) => {
			const client = new pg.Client({ connectionString: url });
			await client.connect();
			await asFirstMigrationLeftIt((statement, params) => client.query(statement, params));
			await client.end();

			const handle = await openDatabase({ DATABASE_URL: url });
			const { row, applied } = await afterMigrating(handle);
			await handle.close();
			expect(row).toMatchObject(asBefore);
			expect(applied).toBe(journal.entries.length);
		});
	});

	it('are applied once when four instances start at the same moment', async () => {
		await withDatabase(async (url) => {
			const handles = await Promise.all(
				Array.from({ length: 4 }, () => openDatabase({ DATABASE_URL: url }))
			);
			const check = new pg.Client({ connectionString: url });
			await check.connect();
			const applied = await check.query(
				'select count(*)::int as n from drizzle.__drizzle_migrations'
			);
			await check.end();
			await Promise.all(handles.map((handle) => handle.close()));
			expect(applied.rows[0].n).toBe(journal.entries.length);
		});
	});
});
