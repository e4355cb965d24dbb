/**
 * Participants' responses: submitting (idempotent by the browser's key), reading one's own
 * result through the private link, deleting it, and the retention sweep.
 */
import { matchEdition } from '$lib/content/edition';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { parseSubmission, type FieldErrors } from '$lib/cohorts/submission';
import { checkAnswers, questionsById, type ScoreResult } from '$lib/scoring';
import { cohortByCode } from './cohorts.ts';
import { database } from './db/index.ts';
import { cohorts, rateLimits, responses } from './db/schema.ts';
import { hit, window } from './rate-limit.ts';
import { content, scoreStored } from './scored.ts';
import { normaliseJoinCode, sha256, TOKEN_PATTERN } from './tokens.ts';

let questions: ReturnType<typeof questionsById> | undefined;

export type SubmitResult =
	| { status: 201 | 200; id: string }
	| { status: 400; message: string; errors: FieldErrors }
	| { status: 404 }
	| { status: 409; message: string }
	| { status: 429; retryAfter: number };

/**
 * Stores a submission to the cohort with this join code. The same key sent again (a retry after
 * a lost answer) is acknowledged with the stored response (200), never stored twice.
 */
export async function submitResponse(
	code: string,
	body: unknown,
	/** Counts this request against the sender's submit limit (the route passes the address). */
	from?: { address: string | undefined }
): Promise<SubmitResult> {
	const result = await submitChecked(code, body, from);
	if (from && result.counted !== true) {
		// Answers that never reached the combined statement are counted on their own.
		const limited = await hit('submit', from.address);
		if (!limited.ok) return { status: 429, retryAfter: limited.retryAfter };
	}
	return result.result;
}

async function submitChecked(
	code: string,
	body: unknown,
	from?: { address: string | undefined }
): Promise<{ result: SubmitResult; counted?: true }> {
	const done = (result: SubmitResult) => ({ result });
	const parsed = parseSubmission(body);
	if (!parsed.ok)
		return done({ status: 400, message: 'The submission is not valid', errors: parsed.errors });
	const { submission } = parsed;
	questions ??= questionsById(content);
	const checked = checkAnswers(questions, submission.answers);
	if (checked.problems.length > 0) {
		return done({
			status: 400,
			message: 'Some answers are not possible answers',
			errors: Object.fromEntries(
				checked.problems.map((problem) => [`answers.${problem.question}`, problem.message])
			)
		});
	}
	const unknownTimings = Object.keys(submission.timings ?? {}).filter((id) => !questions!.has(id));
	if (unknownTimings.length > 0) {
		return done({
			status: 400,
			message: 'Timings for questions that do not exist',
			errors: Object.fromEntries(
				unknownTimings.map((id) => [
					`timings.${id}`,
					`"${id}" is not a question of this instrument`
				])
			)
		});
	}
	const { version, fingerprint } = content.instrument;
	// A quiz started before a minor update (same questions) is accepted and scored under today's rules.
	if (matchEdition(submission, content.instrument) === 'other') {
		// Checked before the code, so it cannot tell anyone whether a code exists.
		return done({
			status: 409,
			message: `This quiz has changed since it was started (version ${submission.version}, now ${version}): take it again.`
		});
	}
	const keyHash = sha256(submission.key);
	const db = await database();
	const normalised = normaliseJoinCode(code);
	let counted: true | undefined;
	if (normalised !== null) {
		// The common case in one statement, so one round trip and one commit: the sender's hit is
		// counted, and unless it passed the limit, the cohort is found, open, and the row inserted.
		const id = randomUUID();
		const displayName = submission.displayName || null;
		const limit = from ? window('submit', from.address) : null;
		const counter = limit
			? sql`insert into ${rateLimits} (key, window_start, count)
				values (${limit.key}, ${limit.windowStart}, 1)
				on conflict (key, window_start) do update set count = ${rateLimits}.count + 1
				returning count`
			: sql`select 1 as count`;
		const outcome = (await db.execute(sql`
			with hit as (${counter}),
			stored as (
				insert into ${responses} (id, cohort_id, key_hash, display_name, content_version, content_fingerprint, answers, timings)
				select ${id}::uuid, ${cohorts.id}, ${keyHash},
					case when ${cohorts.collectNames} then ${displayName}::text else null end,
					${version}, ${fingerprint}, ${JSON.stringify(checked.answers)}::jsonb,
					${submission.timings ? JSON.stringify(submission.timings) : null}::jsonb
				from ${cohorts}, hit
				where ${cohorts.joinCodeHash} = ${sha256(normalised)}
					and ${cohorts.closedAt} is null
					and (${cohorts.closesAt} is null or ${cohorts.closesAt} > now())
					and hit.count <= ${limit?.limit ?? 1}
				on conflict (key_hash) do nothing
				returning id
			)
			select (select count from hit)::int as count, (select id from stored) as id`)) as unknown as {
			rows: { count: number; id: string | null }[];
		};
		const [row] = outcome.rows;
		counted = true;
		if (limit && row!.count > limit.limit) {
			return { result: { status: 429, retryAfter: limit.retryAfter }, counted };
		}
		if (row!.id) return { result: { status: 201, id }, counted };
	}
	// Not inserted: an unknown code, a closed cohort, or this key stored before.
	const cohort = await cohortByCode(code);
	if (!cohort) return { result: { status: 404 }, counted };
	const [row] = await db
		.select({ id: responses.id, cohortId: responses.cohortId })
		.from(responses)
		.where(eq(responses.keyHash, keyHash))
		.limit(1);
	if (row && row.cohortId === cohort.id) return { result: { status: 200, id: row.id }, counted };
	if (row) {
		return {
			result: { status: 409, message: 'This submission key belongs to another response.' },
			counted
		};
	}
	return {
		result: { status: 409, message: 'This cohort is closed: it no longer takes responses.' },
		counted
	};
}

export interface OwnResponse {
	cohortName: string;
	submittedAt: string;
	displayName: string | null;
	contentVersion: string;
	answers: Record<string, number>;
	result: ScoreResult | null;
	retentionDays: number;
	deleteAfter: string;
}

/** The response behind a participant's private key, or null (unknown and malformed alike). */
export async function responseByKey(key: string): Promise<OwnResponse | null> {
	const db = await database();
	const [row] = await db
		.select({ response: responses, cohortName: cohorts.name, retentionDays: cohorts.retentionDays })
		.from(responses)
		.innerJoin(cohorts, eq(cohorts.id, responses.cohortId))
		.where(eq(responses.keyHash, sha256(key)))
		.limit(1);
	if (!row || !TOKEN_PATTERN.test(key)) return null;
	const { response } = row;
	return {
		cohortName: row.cohortName,
		submittedAt: response.submittedAt.toISOString(),
		displayName: response.displayName,
		contentVersion: response.contentVersion,
		answers: response.answers,
		result: scoreStored(response),
		retentionDays: row.retentionDays,
		deleteAfter: new Date(
			response.submittedAt.getTime() + row.retentionDays * 86_400_000
		).toISOString()
	};
}

/** Deletes the response behind a private key; false when there is none. */
export async function deleteResponseByKey(key: string): Promise<boolean> {
	const db = await database();
	const deleted = await db
		.delete(responses)
		.where(eq(responses.keyHash, sha256(key)))
		.returning({ id: responses.id });
	return deleted.length > 0;
}

/** Deletes every response older than its cohort's retention period. */
export async function sweepExpiredResponses(now: number = Date.now()): Promise<number> {
	const db = await database();
	const deleted = await db
		.delete(responses)
		.where(
			sql`exists (select 1 from ${cohorts} where ${cohorts.id} = ${responses.cohortId} and ${responses.submittedAt} < ${new Date(now).toISOString()}::timestamptz - make_interval(days => ${cohorts.retentionDays}))`
		)
		.returning({ id: responses.id });
	return deleted.length;
}

/** How many responses a cohort holds (tests and the bench check rows against acknowledgements). */
export async function countResponses(cohortId: string): Promise<number> {
	const db = await database();
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(responses)
		.where(eq(responses.cohortId, cohortId));
	return row!.n;
}

/**
 * What the participant's private page shows: the result (scored now, shown with the shared result view) and a link
 * fragment for the full result page, which scores it again in the browser.
 */
export async function ownResponse(key: string) {
	const own = await responseByKey(key);
	if (!own) return null;
	const { encodeShare, shareQuestionsOf } = await import('$lib/share/codec');
	const { questionnaireOf } = await import('$lib/content/questionnaire');
	const r = own.result;
	return {
		cohortName: own.cohortName,
		submittedAt: own.submittedAt,
		deleteAfter: own.deleteAfter,
		retentionDays: own.retentionDays,
		displayName: own.displayName,
		contentVersion: own.contentVersion,
		/** The scored result and its answers, for the shared result view (null: another version). */
		result: r ?? null,
		answers: r ? own.answers : null,
		resultFragment: r
			? encodeShare(
					content.instrument,
					shareQuestionsOf(questionnaireOf(content).questions),
					own.answers
				)
			: null
	};
}
