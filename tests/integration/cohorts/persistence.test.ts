/**
 * Storage that outlives a process: a PGlite directory reopened after a restart still holds every
 * response; a database made by the first migration takes the later ones with its rows intact;
 * PGlite's settings; on PostgreSQL, instances that start at once apply the migrations exactly once.
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

	it('a cohort made before the result timing setting keeps showing results at once', async () => {
		const old = mkdtempSync(join(tmpdir(), 'rolefit-pglite-0000-'));
		try {
			// The database as the first migration left it, with drizzle's record of that migration.
			const first = journal.entries[0]!;
			const init = readFileSync(new URL(`${first.tag}.sql`, migrationsDir), 'utf8');
			const client = await PGlite.create(old);
			for (const statement of init.split('--> statement-breakpoint')) await client.exec(statement);
			await client.exec(`create schema drizzle;
				create table drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint);`);
			await client.query(
				'insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)',
				[createHash('sha256').update(init).digest('hex'), first.when]
			);
			await client.query(
				`insert into cohorts (id, name, join_code, join_code_hash, token_hash, collect_names,
					min_group_size, retention_days) values ($1, 'Old', 'ABCDEFGH', 'h', 't', false, 5, 180)`,
				['00000000-0000-4000-8000-000000000001']
			);
			await client.close();

			const handle = await openDatabase({ DATA_DIR: old });
			const [row] = await handle.db
				.select()
				.from(schema.cohorts)
				.where(eq(schema.cohorts.name, 'Old'));
			const applied = await handle.db.execute(
				'select count(*)::int as n from drizzle.__drizzle_migrations'
			);
			await handle.close();
			expect(row).toMatchObject({ resultTiming: 'immediate', resultsRevealedAt: null });
			expect((applied as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(
				journal.entries.length
			);
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
	it('are applied once when four instances start at the same moment', async () => {
		const admin = new pg.Client({ connectionString: postgres });
		await admin.connect();
		const name = `rolefit_migrate_${process.pid}_${Date.now()}`;
		await admin.query(`create database ${name}`);
		try {
			const url = new URL(postgres!);
			url.pathname = `/${name}`;
			const handles = await Promise.all(
				Array.from({ length: 4 }, () => openDatabase({ DATABASE_URL: url.href }))
			);
			const check = new pg.Client({ connectionString: url.href });
			await check.connect();
			const applied = await check.query(
				'select count(*)::int as n from drizzle.__drizzle_migrations'
			);
			await check.end();
			await Promise.all(handles.map((handle) => handle.close()));
			expect(applied.rows[0].n).toBe(journal.entries.length);
		} finally {
			await admin.query(`drop database if exists ${name}`);
			await admin.end();
		}
	});
});
