/**
 * Storage that outlives a process: a PGlite directory reopened after a restart still holds every
 * response; on PostgreSQL, instances that start at once apply the migrations exactly once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/lib/server/db/index.ts';
import { countResponses } from '../../../src/lib/server/responses.ts';
import { newCohort, submission, submit } from '../../helpers/cohort-harness.ts';

const postgres = process.env.DATABASE_URL;

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
			expect(applied.rows[0].n).toBe(1);
		} finally {
			await admin.query(`drop database if exists ${name}`);
			await admin.end();
		}
	});
});
