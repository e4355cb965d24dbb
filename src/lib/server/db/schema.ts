/**
 * The one database schema (Drizzle, PostgreSQL dialect): the same tables on embedded PGlite and on
 * PostgreSQL. `npm run db:generate` writes the SQL migration for a change into `./migrations`.
 *
 * What is stored, and why: a cohort's settings and the SHA-256 of its facilitator token (never
 * the token); each response's raw answers with the content version they were given to (scores
 * are computed on read, never stored or trusted from the browser); facilitator sessions (hashes
 * only); and rate-limit counters. Nothing the app needs lives only in a process's memory.
 */
import { sql } from 'drizzle-orm';
import {
	type AnyPgColumn,
	boolean,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';

/** The choices of a cohort's `resultTiming`, in the order the create form offers them. */
export const RESULT_TIMINGS = ['immediate', 'on-reveal'] as const;

export const cohorts = pgTable(
	'cohorts',
	{
		id: uuid('id').primaryKey(),
		name: text('name').notNull(),
		/** Shown to the facilitator and typed by participants: 8 characters, unambiguous alphabet. */
		joinCode: text('join_code').notNull(),
		/** SHA-256 (hex) of the join code: lookups go through it, never through the code itself. */
		joinCodeHash: text('join_code_hash').notNull(),
		/** SHA-256 (hex) of the facilitator token; the token itself is never stored. */
		tokenHash: text('token_hash').notNull(),
		/**
		 * SHA-256 (hex) of the read-only co-facilitator token (dashboard and present view only);
		 * null until the facilitator makes that link.
		 */
		viewerTokenHash: text('viewer_token_hash'),
		collectNames: boolean('collect_names').notNull(),
		minGroupSize: integer('min_group_size').notNull(),
		closesAt: timestamp('closes_at', { withTimezone: true }),
		closedAt: timestamp('closed_at', { withTimezone: true }),
		retentionDays: integer('retention_days').notNull(),
		/**
		 * When a participant sees their own result: `immediate` (as soon as they finish) or
		 * `on-reveal` (once the facilitator reveals results). Cohorts made before the setting existed
		 * show results at once, as they always did.
		 */
		resultTiming: text('result_timing', { enum: RESULT_TIMINGS }).notNull().default('immediate'),
		/** When the facilitator revealed results (`on-reveal` cohorts); null while they wait. */
		resultsRevealedAt: timestamp('results_revealed_at', { withTimezone: true }),
		/**
		 * The earlier cohort this one is a new run of (the same course or programme, a new group),
		 * set by a facilitator of both when creating it: the runs can then be compared side by side.
		 * Deleting the earlier cohort leaves this one without it.
		 */
		previousCohortId: uuid('previous_cohort_id').references((): AnyPgColumn => cohorts.id, {
			onDelete: 'set null'
		}),
		/**
		 * The language the facilitator runs the cohort in: its join link opens in it (participants
		 * may switch). Cohorts made before languages existed are English.
		 */
		language: text('language').notNull().default('en'),
		/**
		 * The origins the facilitator allows to frame the cohort's join page (its `frame-ancestors`),
		 * as `parseOriginList` writes them. Cohorts made before embedding existed allow none.
		 */
		embedOrigins: jsonb('embed_origins').$type<string[]>().notNull().default([]),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		uniqueIndex('cohorts_join_code_hash').on(table.joinCodeHash),
		uniqueIndex('cohorts_token_hash').on(table.tokenHash),
		uniqueIndex('cohorts_viewer_token_hash').on(table.viewerTokenHash)
	]
);

export const responses = pgTable(
	'responses',
	{
		id: uuid('id').primaryKey(),
		cohortId: uuid('cohort_id')
			.notNull()
			.references(() => cohorts.id, { onDelete: 'cascade' }),
		/**
		 * SHA-256 (hex) of the client-generated submission key. The key is the idempotency key (sent
		 * twice, stored once) and the participant's private link to see or delete the response.
		 */
		keyHash: text('key_hash').notNull(),
		displayName: text('display_name'),
		/** The content version and fingerprint the answers were given to. */
		contentVersion: text('content_version').notNull(),
		contentFingerprint: text('content_fingerprint').notNull(),
		/** Raw answers: question id → value. */
		answers: jsonb('answers').$type<Record<string, number>>().notNull(),
		/** Seconds per question (for the rushing check), when the browser sent them. */
		timings: jsonb('timings').$type<Record<string, number>>(),
		/** The language the quiz was answered in (its words; the answers mean the same); null before. */
		language: text('language'),
		submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		uniqueIndex('responses_key_hash').on(table.keyHash),
		index('responses_cohort_submitted').on(table.cohortId, table.submittedAt)
	]
);

/** The roles a session signs in with: the facilitator's link, or the read-only co-facilitator's. */
export const SESSION_ROLES = ['facilitator', 'viewer'] as const;

/** A facilitator's (or co-facilitator's) browser, signed in by visiting their link once. */
export const sessions = pgTable(
	'sessions',
	{
		/** SHA-256 (hex) of the session cookie's value. */
		idHash: text('id_hash').primaryKey(),
		cohortId: uuid('cohort_id')
			.notNull()
			.references(() => cohorts.id, { onDelete: 'cascade' }),
		/** `viewer`: the co-facilitator link's read-only session (dashboard and present view). */
		role: text('role', { enum: SESSION_ROLES }).notNull().default('facilitator'),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
	},
	(table) => [index('sessions_cohort').on(table.cohortId)]
);

/** Fixed-window request counters, shared by every app instance. */
export const rateLimits = pgTable(
	'rate_limits',
	{
		/** `<bucket>:<client address>` */
		key: text('key').notNull(),
		/** The window's start, in whole seconds since the epoch. */
		windowStart: integer('window_start').notNull(),
		count: integer('count')
			.notNull()
			.default(sql`1`)
	},
	(table) => [primaryKey({ columns: [table.key, table.windowStart] })]
);
