/**
 * A cohort's life: its settings (the create form, the dashboard's), creating it, finding it by join
 * code, closing, reopening and deleting it. Sessions live in `cohort-sessions.ts`, what its pages show in
 * `cohort-aggregates.ts`, its exports in `cohort-exports.ts`; routes call these modules and
 * nothing below them.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { fieldErrors, type FieldErrors } from '$lib/cohorts/submission';
import { MAX_COHORT_EMBED_ORIGINS, ORIGIN_PROBLEMS, parseOriginList } from '$lib/embed/origins';
import { BASE_LANGUAGE, languages } from '$lib/i18n/languages';
import { database } from './db/index.ts';
import { cohorts, responses, RESULT_TIMINGS } from './db/schema.ts';
import { newJoinCode, normaliseJoinCode, randomToken, sha256 } from './tokens.ts';

export type Cohort = typeof cohorts.$inferSelect;

export const MIN_GROUP_SIZE_FLOOR = 3;

const minGroupSizeSchema = z.coerce
	.number({ error: 'must be a whole number' })
	.int('must be a whole number')
	.min(MIN_GROUP_SIZE_FLOOR, `must be at least ${MIN_GROUP_SIZE_FLOOR}`)
	.max(1000, 'must be at most 1000');

/** When a participant sees their own result: at once, or once the facilitator reveals results. */
export type ResultTiming = (typeof RESULT_TIMINGS)[number];

const languageCodes = languages.map((language) => language.code);

const formSchema = z.object({
	name: z
		.string({ error: 'is required' })
		.trim()
		.min(1, 'Give the cohort a name')
		.max(100, 'Use at most 100 characters'),
	collectNames: z.literal('on', { error: 'must be a checkbox' }).optional(),
	minGroupSize: minGroupSizeSchema,
	closesOn: z
		.string()
		.regex(/^(\d{4}-\d{2}-\d{2})?$/, 'must be a date (YYYY-MM-DD)')
		.optional(),
	retentionDays: z.coerce
		.number({ error: 'must be a whole number' })
		.int('must be a whole number')
		.min(1, 'must be at least 1 day')
		.max(3650, 'must be at most 3650 days'),
	resultTiming: z.enum(RESULT_TIMINGS, {
		error: `must be one of ${RESULT_TIMINGS.map((t) => `"${t}"`).join(', ')}`
	}),
	previous: z.union([z.literal(''), z.uuid('must be a cohort id')]).optional(),
	language: z
		.string()
		.refine((code) => languageCodes.includes(code), `must be one of ${languageCodes.join(', ')}`)
});

export interface CohortInput {
	name: string;
	collectNames: boolean;
	minGroupSize: number;
	/** The end of this day (UTC) closes the cohort; null leaves it open until closed by hand. */
	closesAt: Date | null;
	retentionDays: number;
	resultTiming: ResultTiming;
	/**
	 * The earlier cohort this one is a new run of, or null. The caller checks that the browser
	 * creating it facilitates that cohort (`createCohort` does not know who asks).
	 */
	previousCohortId: string | null;
	/** The language its join link opens in. */
	language: string;
}

export const cohortDefaults = {
	minGroupSize: 5,
	retentionDays: 180,
	resultTiming: 'immediate' as ResultTiming
};

/** Parses the create form; every problem is named by its field. */
export function parseCohortForm(
	form: FormData,
	now: number = Date.now()
): { ok: true; input: CohortInput } | { ok: false; errors: FieldErrors } {
	const raw = Object.fromEntries(
		[
			'name',
			'collectNames',
			'minGroupSize',
			'closesOn',
			'retentionDays',
			'resultTiming',
			'previous',
			'language'
		].flatMap((key) => {
			const value = form.get(key);
			return typeof value === 'string' ? [[key, value]] : [];
		})
	);
	raw.minGroupSize ||= String(cohortDefaults.minGroupSize);
	raw.retentionDays ||= String(cohortDefaults.retentionDays);
	raw.resultTiming ??= cohortDefaults.resultTiming;
	raw.language ??= BASE_LANGUAGE;
	const parsed = formSchema.safeParse(raw);
	if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
	const {
		name,
		collectNames,
		minGroupSize,
		closesOn,
		retentionDays,
		resultTiming,
		previous,
		language
	} = parsed.data;
	let closesAt: Date | null = null;
	if (closesOn) {
		closesAt = new Date(`${closesOn}T23:59:59.999Z`);
		if (Number.isNaN(closesAt.getTime()))
			return { ok: false, errors: { closesOn: 'is not a date' } };
		if (closesAt.getTime() <= now)
			return { ok: false, errors: { closesOn: 'must be in the future' } };
	}
	return {
		ok: true,
		input: {
			name,
			collectNames: collectNames === 'on',
			minGroupSize,
			closesAt,
			retentionDays,
			resultTiming,
			previousCohortId: previous || null,
			language
		}
	};
}

export interface CreatedCohort {
	id: string;
	joinCode: string;
	/** The facilitator token: shown once, in the facilitator link; only its hash is kept. */
	token: string;
}

export async function createCohort(input: CohortInput): Promise<CreatedCohort> {
	const db = await database();
	const id = randomUUID();
	const token = randomToken();
	// A clash of join codes (1 in 10^12 per pair) is retried with a new one.
	for (let attempt = 0; ; attempt += 1) {
		const joinCode = newJoinCode();
		const inserted = await db
			.insert(cohorts)
			.values({
				id,
				name: input.name,
				joinCode,
				joinCodeHash: sha256(joinCode),
				tokenHash: sha256(token),
				collectNames: input.collectNames,
				minGroupSize: input.minGroupSize,
				closesAt: input.closesAt,
				retentionDays: input.retentionDays,
				resultTiming: input.resultTiming,
				previousCohortId: input.previousCohortId,
				language: input.language
			})
			.onConflictDoNothing({ target: cohorts.joinCodeHash })
			.returning({ id: cohorts.id });
		if (inserted.length === 1) return { id, joinCode, token };
		if (attempt > 5) throw new Error('Could not find a free join code');
	}
}

/** Whether participants can still submit. */
export function isOpen(cohort: Pick<Cohort, 'closedAt' | 'closesAt'>, now: number = Date.now()) {
	return cohort.closedAt === null && (cohort.closesAt === null || cohort.closesAt.getTime() > now);
}

/** What a participant may know about a cohort before joining. */
export interface PublicCohort {
	joinCode: string;
	name: string;
	collectNames: boolean;
	retentionDays: number;
	minGroupSize: number;
	open: boolean;
	/** The participant's own result waits for the facilitator's reveal. */
	resultsOnReveal: boolean;
	/** Whether the participant may see their own result now: at once, or revealed. */
	revealed: boolean;
}

/** A cohort as its join pages need it: what participants may know, and what the server uses. */
export type JoinableCohort = PublicCohort & {
	id: string;
	/** The origins that may frame its join page (`frame-ancestors`); none when empty. */
	embedOrigins: string[];
};

/** The cohort with this join code (typed any way), or null: unknown and malformed alike. */
export async function cohortByCode(input: string): Promise<JoinableCohort | null> {
	const code = normaliseJoinCode(input);
	// A malformed code still costs one lookup, so it answers in the same time as an unknown one.
	const hash = sha256(code ?? input);
	const db = await database();
	const [cohort] = await db.select().from(cohorts).where(eq(cohorts.joinCodeHash, hash)).limit(1);
	if (!cohort || code === null) return null;
	return {
		id: cohort.id,
		joinCode: cohort.joinCode,
		name: cohort.name,
		collectNames: cohort.collectNames,
		retentionDays: cohort.retentionDays,
		minGroupSize: cohort.minGroupSize,
		open: isOpen(cohort),
		resultsOnReveal: cohort.resultTiming === 'on-reveal',
		revealed: isRevealed(cohort),
		embedOrigins: cohort.embedOrigins
	};
}

/** Whether participants may see their own result: always at once, or once revealed. */
export function isRevealed(cohort: Pick<Cohort, 'resultTiming' | 'resultsRevealedAt'>) {
	return cohort.resultTiming === 'immediate' || cohort.resultsRevealedAt !== null;
}

/** Reveals participants' own results (or hides them again, for those who have not seen them). */
export async function setRevealed(cohortId: string, revealed: boolean, now: number = Date.now()) {
	const db = await database();
	await db
		.update(cohorts)
		.set({ resultsRevealedAt: revealed ? new Date(now) : null })
		.where(eq(cohorts.id, cohortId));
}

export async function setClosed(cohortId: string, closed: boolean, now: number = Date.now()) {
	const db = await database();
	await db
		.update(cohorts)
		.set(closed ? { closedAt: new Date(now) } : { closedAt: null, closesAt: null })
		.where(eq(cohorts.id, cohortId));
}

/**
 * Changes the minimum group size. It may be raised at any time but lowered only while the cohort
 * holds no response: figures shown under a lower minimum could be set beside those shown before.
 * The check and the change are one statement, so a response arriving meanwhile cannot slip by.
 */
export async function setMinGroupSize(
	cohortId: string,
	form: FormData
): Promise<{ ok: true; minGroupSize: number } | { ok: false; errors: FieldErrors }> {
	const value = form.get('minGroupSize');
	const parsed = z
		.object({ minGroupSize: minGroupSizeSchema })
		.safeParse({ minGroupSize: typeof value === 'string' && value !== '' ? value : undefined });
	if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
	const wanted = parsed.data.minGroupSize;
	const db = await database();
	const changed = await db
		.update(cohorts)
		.set({ minGroupSize: wanted })
		.where(
			and(
				eq(cohorts.id, cohortId),
				sql`(${wanted} >= ${cohorts.minGroupSize} or not exists (select 1 from ${responses} where ${responses.cohortId} = ${cohorts.id}))`
			)
		)
		.returning({ id: cohorts.id });
	if (changed.length === 1) return { ok: true, minGroupSize: wanted };
	const [current] = await db
		.select({ minGroupSize: cohorts.minGroupSize })
		.from(cohorts)
		.where(eq(cohorts.id, cohortId));
	return {
		ok: false,
		errors: {
			minGroupSize: `can be raised but not lowered once responses have arrived (it is ${current?.minGroupSize ?? '?'})`
		}
	};
}

const originProblems: readonly string[] = Object.values(ORIGIN_PROBLEMS);

/**
 * The embed box's problem (`parseOriginList`'s), in English, quoting the entry it is about so that
 * the facilitator finds it in what they typed; `fieldProblem` translates it, the entry kept.
 */
export function embedOriginsProblem({ entry, problem }: { entry: string; problem: string }) {
	return originProblems.includes(problem)
		? `"${entry}" ${problem}`
		: `${problem} ("${entry}" is one too many)`;
}

/**
 * Sets the origins allowed to frame the cohort's join page, from the dashboard's text box (one a
 * line; commas and spaces separate them too). An empty box allows none.
 */
export async function setEmbedOrigins(
	cohortId: string,
	form: FormData
): Promise<{ ok: true; embedOrigins: string[] } | { ok: false; errors: FieldErrors }> {
	const text = form.get('embedOrigins');
	if (typeof text !== 'string') return { ok: false, errors: { embedOrigins: 'is required' } };
	const parsed = parseOriginList(text, { max: MAX_COHORT_EMBED_ORIGINS });
	if (!parsed.ok) return { ok: false, errors: { embedOrigins: embedOriginsProblem(parsed) } };
	const db = await database();
	await db.update(cohorts).set({ embedOrigins: parsed.origins }).where(eq(cohorts.id, cohortId));
	return { ok: true, embedOrigins: parsed.origins };
}

/** How far back `previousRuns` follows the chain of runs (it also stops at a loop). */
const RUNS_BACK = 12;

/**
 * The earlier runs a cohort follows on from, most recent first: its previous run, that one's, and
 * so on. Closed runs stay until deleted (their responses until their retention ends).
 */
export async function previousRuns(
	cohort: Pick<Cohort, 'id' | 'previousCohortId'>,
	depth: number = RUNS_BACK
) {
	const db = await database();
	const runs: Cohort[] = [];
	const seen = new Set([cohort.id]);
	let next = cohort.previousCohortId;
	while (next && !seen.has(next) && runs.length < depth) {
		seen.add(next);
		const [run] = await db.select().from(cohorts).where(eq(cohorts.id, next)).limit(1);
		if (!run) break;
		runs.push(run);
		next = run.previousCohortId;
	}
	return runs;
}

/** Deletes the cohort with every response and session in it (foreign keys cascade). */
export async function deleteCohort(cohortId: string): Promise<void> {
	const db = await database();
	await db.delete(cohorts).where(eq(cohorts.id, cohortId));
}
