/**
 * The database connection, chosen once from the environment (as the `sv` drizzle add-on does):
 *
 * - `DATABASE_URL=postgres://…`: PostgreSQL through node-postgres (`pg`, pure JavaScript), a pool
 *   of `DATABASE_POOL_MAX` connections (default 10). Several app instances may share it.
 * - otherwise: embedded PGlite (PostgreSQL compiled to WebAssembly) in `DATA_DIR` (default
 *   `./data`); `DATA_DIR=memory://` keeps it in memory (tests). One process per directory.
 *
 * The first call to `database()` opens the connection and applies pending migrations (the SQL
 * files drizzle-kit wrote into `./migrations`, bundled into the server at build time), holding a
 * PostgreSQL advisory lock so that instances starting at once apply them one after the other.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.ts';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

interface Handle {
	db: Database;
	kind: 'pglite' | 'postgres';
	close: () => Promise<void>;
}

/** An arbitrary, fixed key for `pg_advisory_lock`: "rolefit migrations". */
const MIGRATION_LOCK = 727_001;

interface MigrationMeta {
	sql: string[];
	bps: boolean;
	folderMillis: number;
	hash: string;
}

const journal = import.meta.glob<{
	entries: { tag: string; when: number; breakpoints: boolean }[];
}>('./migrations/meta/_journal.json', { eager: true, import: 'default' })[
	'./migrations/meta/_journal.json'
]!;
const sqlFiles = import.meta.glob<string>('./migrations/*.sql', {
	eager: true,
	query: '?raw',
	import: 'default'
});

/** The migrations as drizzle's own `readMigrationFiles` reads them, from the bundled files. */
function migrations(): MigrationMeta[] {
	return journal.entries.map((entry) => {
		const query = sqlFiles[`./migrations/${entry.tag}.sql`];
		if (query === undefined) throw new Error(`Migration ${entry.tag}.sql is missing`);
		return {
			sql: query.split('--> statement-breakpoint'),
			bps: entry.breakpoints,
			folderMillis: entry.when,
			hash: createHash('sha256').update(query).digest('hex')
		};
	});
}

/** Applies pending migrations through drizzle's migrator (the same table `drizzle-kit migrate` uses). */
async function migrate(db: Database) {
	const internal = db as unknown as {
		dialect: { migrate: (m: MigrationMeta[], session: unknown, config: object) => Promise<void> };
		session: unknown;
	};
	await internal.dialect.migrate(migrations(), internal.session, {});
}

/** Opens a connection and brings its schema up to date. */
export async function openDatabase(
	env: { DATABASE_URL?: string; DATA_DIR?: string; DATABASE_POOL_MAX?: string } = process.env
): Promise<Handle> {
	if (env.DATABASE_URL) {
		const { default: pg } = await import('pg');
		const { drizzle } = await import('drizzle-orm/node-postgres');
		const pool = new pg.Pool({
			connectionString: env.DATABASE_URL,
			max: Number(env.DATABASE_POOL_MAX ?? 10)
		});
		// One connection holds the lock for the whole migration: session locks belong to a connection.
		const client = await pool.connect();
		try {
			const migrator = drizzle({ client, schema }) as unknown as Database;
			await migrator.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
			try {
				await migrate(migrator);
			} finally {
				await migrator.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
			}
		} finally {
			client.release();
		}
		const db = drizzle({ client: pool, schema }) as unknown as Database;
		return { db, kind: 'postgres', close: () => pool.end() };
	}
	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	const dataDir = env.DATA_DIR ?? './data';
	const client = await PGlite.create({
		dataDir: dataDir === 'memory://' ? undefined : dataDir,
		// New WAL files are not filled with zeros first (PostgreSQL's `wal_init_zero`, meant for
		// file systems where that buys nothing): PGlite runs on the server's own thread, and writing
		// 16 MB of zeros held every request for about 50 ms each time a file was added.
		startParams: [...PGlite.defaultStartParams, '-c', 'wal_init_zero=off']
	});
	const db = drizzle({ client, schema }) as unknown as Database;
	await migrate(db);
	return { db, kind: 'pglite', close: () => client.close() };
}

/**
 * How many writes the app keeps in flight at once (`group-commit.ts`). Embedded PGlite runs one
 * statement at a time, so a second write would only wait behind the first, with fewer rows in it;
 * PostgreSQL can take the next write while the last one commits, on a second connection.
 */
export function concurrentWrites(env: { DATABASE_URL?: string } = process.env): number {
	return env.DATABASE_URL ? 2 : 1;
}

let opening: Promise<Handle> | undefined;

/** The app's database, opened (and migrated) on first use. */
export async function database(): Promise<Database> {
	return (await handle()).db;
}

/** Which engine `database()` runs on. */
export async function databaseKind(): Promise<Handle['kind']> {
	return (await handle()).kind;
}

function handle(): Promise<Handle> {
	opening ??= openDatabase().catch((error: unknown) => {
		opening = undefined;
		throw error;
	});
	return opening;
}

/** Closes the app's connection; the next `database()` opens a new one (tests, shutdown). */
export async function closeDatabase(): Promise<void> {
	const current = opening;
	opening = undefined;
	if (current) await (await current).close();
}

export { schema };
