/**
 * drizzle-kit: `npm run db:generate` writes a SQL migration for a schema change into
 * src/lib/server/db/migrations (commit it); the app applies pending ones at start-up.
 * `db:migrate` and `db:studio` work on `DATABASE_URL` when it is set, else on the PGlite directory.
 */
import { defineConfig } from 'drizzle-kit';

const url = process.env.DATABASE_URL;

export default defineConfig({
	schema: './src/lib/server/db/schema.ts',
	out: './src/lib/server/db/migrations',
	dialect: 'postgresql',
	...(url
		? { dbCredentials: { url } }
		: { driver: 'pglite', dbCredentials: { url: process.env.DATA_DIR ?? './data' } })
});
