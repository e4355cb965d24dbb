/**
 * Participants' responses: submitting (idempotent by the browser's key), reading one's own
 * result through the private link, deleting it, and the retention sweep.
 */
import { languages } from '$lib/i18n/languages';
import { matchEdition } from '$lib/content/edition';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { parseSubmission, type FieldErrors, type Submission } from '$lib/cohorts/submission';
import { checkAnswers, questionsById, type ScoreResult } from '$lib/scoring';
import { concurrentWrites, database } from './db/index.ts';
import { cohorts, rateLimits, responses } from './db/schema.ts';
import { groupCommit } from './group-commit.ts';
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
	const checked = checkSubmission(body);
	if (!checked.ok) {
		// Refused before it reached the database: its hit is counted on its own.
		if (from) {
			const limited = await hit('submit', from.address);
			if (!limited.ok) return { status: 429, retryAfter: limited.retryAfter };
		}
		return checked.result;
	}
	const { submission, answers } = checked;
	const normalised = normaliseJoinCode(code);
	return store({
		id: randomUUID(),
		codeHash: normalised === null ? null : sha256(normalised),
		keyHash: sha256(submission.key),
		displayName: submission.displayName || null,
		language: submission.language ?? null,
		answers,
		timings: submission.timings ?? null,
		limit: from ? window('submit', from.address) : null
	});
}

/** The checks that need no database: the body's shape, its answers, its edition. */
function checkSubmission(
	body: unknown
):
	| { ok: true; submission: Submission; answers: Record<string, number> }
	| { ok: false; result: SubmitResult } {
	const refuse = (result: SubmitResult) => ({ ok: false as const, result });
	const parsed = parseSubmission(body);
	if (!parsed.ok)
		return refuse({ status: 400, message: 'The submission is not valid', errors: parsed.errors });
	const { submission } = parsed;
	questions ??= questionsById(content);
	const checked = checkAnswers(questions, submission.answers);
	if (checked.problems.length > 0) {
		return refuse({
			status: 400,
			message: 'Some answers are not possible answers',
			errors: Object.fromEntries(
				checked.problems.map((problem) => [`answers.${problem.question}`, problem.message])
			)
		});
	}
	const unknownTimings = Object.keys(submission.timings ?? {}).filter((id) => !questions!.has(id));
	if (unknownTimings.length > 0) {
		return refuse({
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
	if (submission.language !== undefined && !spoken.has(submission.language)) {
		return refuse({
			status: 400,
			message: 'The submission is not valid',
			errors: { language: `must be one of ${[...spoken].join(', ')}` }
		});
	}
	// A quiz started before a minor update (same questions) is accepted and scored under today's rules.
	if (matchEdition(submission, content.instrument) === 'other') {
		// Checked before the code, so it cannot tell anyone whether a code exists.
		const { version } = content.instrument;
		return refuse({
			status: 409,
			message: `This quiz has changed since it was started (version ${submission.version}, now ${version}): take it again.`
		});
	}
	return { ok: true, submission, answers: checked.answers };
}

/** The languages a response may have been answered in. */
const spoken = new Set(languages.map((language) => language.code));

/** A checked submission, ready to be written. */
interface Pending {
	/** The id its row gets if this write stores it. */
	id: string;
	/** SHA-256 of the normalised join code; null when the code is malformed (no cohort has it). */
	codeHash: string | null;
	keyHash: string;
	displayName: string | null;
	language: string | null;
	answers: Record<string, number>;
	timings: Record<string, number> | null;
	/** Where the sender's hit is counted, when it is. */
	limit: ReturnType<typeof window> | null;
}

/** Submissions that arrive together are stored together (see `group-commit.ts`). */
const store = groupCommit(storeAll, { maxItems: 100, concurrency: () => concurrentWrites() });

type Rows<Row> = { rows: Row[] };

/**
 * Stores submissions in one statement, so one round trip and one commit for all of them: each
 * sender's hit is counted, and unless it passed the limit, the cohort is found, open, and the row
 * inserted. Those not inserted (an unknown code, a closed cohort, a key stored before, perhaps by
 * an earlier one of these) are told apart by a second, read-only statement.
 *
 * Counters and rows are written in the order of their keys, so that two writes at once (on
 * PostgreSQL, or two instances) take their locks in the same order and never deadlock; of two
 * submissions with the same key, the first to arrive is the one stored.
 */
async function storeAll(pending: Pending[]): Promise<SubmitResult[]> {
	const db = await database();
	const { version, fingerprint } = content.instrument;
	// Each sender's count is the counter's new value less the hits on it that come later in this
	// write: as if the hits had come one after another, in arrival order.
	const counterOf = ({ key, windowStart }: NonNullable<Pending['limit']>) =>
		`${windowStart} ${key}`;
	const remaining = new Map<string, number>();
	for (const { limit } of pending) {
		if (limit) remaining.set(counterOf(limit), (remaining.get(counterOf(limit)) ?? 0) + 1);
	}
	const input = JSON.stringify(
		pending.map((p, n) => {
			const row = {
				n,
				id: p.id,
				code_hash: p.codeHash,
				key_hash: p.keyHash,
				display_name: p.displayName,
				language: p.language,
				answers: p.answers,
				...(p.timings ? { timings: p.timings } : {})
			};
			if (!p.limit) return row;
			const later = remaining.get(counterOf(p.limit))! - 1;
			remaining.set(counterOf(p.limit), later);
			const { key, windowStart, limit } = p.limit;
			return { ...row, limit_key: key, window_start: windowStart, lim: limit, later };
		})
	);
	const { rows } = (await db.execute(sql`
		with input as (
			select * from jsonb_to_recordset(${input}::jsonb) as i(n int, id uuid, code_hash text,
				key_hash text, display_name text, language text, answers jsonb, timings jsonb, limit_key text,
				window_start int, lim int, later int)
		),
		counted as (
			insert into ${rateLimits} (key, window_start, count)
			select limit_key, window_start, count(*) from input
			where limit_key is not null
			group by limit_key, window_start
			order by limit_key, window_start
			on conflict (key, window_start) do update set count = ${rateLimits.count} + excluded.count
			returning key, window_start, count
		),
		hits as (
			select i.n, c.count - i.later as count, i.lim
			from input i join counted c on c.key = i.limit_key and c.window_start = i.window_start
		),
		stored as (
			insert into ${responses} (id, cohort_id, key_hash, display_name, content_version, content_fingerprint, answers, timings, language)
			select i.id, ${cohorts.id}, i.key_hash,
				case when ${cohorts.collectNames} then i.display_name else null end,
				${version}, ${fingerprint}, i.answers, i.timings, i.language
			from input i
				join ${cohorts} on ${cohorts.joinCodeHash} = i.code_hash
				left join hits h on h.n = i.n
			where ${cohorts.closedAt} is null
				and (${cohorts.closesAt} is null or ${cohorts.closesAt} > now())
				and (h.count is null or h.count <= h.lim)
			order by i.key_hash, i.n
			on conflict (key_hash) do nothing
			returning id
		)
		select i.n, h.count, s.id is not null as stored
		from input i left join hits h on h.n = i.n left join stored s on s.id = i.id`)) as unknown as Rows<{
		n: number;
		count: number | null;
		stored: boolean;
	}>;
	const written = new Map(rows.map((row) => [row.n, row]));
	const results: (SubmitResult | undefined)[] = pending.map(({ id, limit }, n) => {
		const row = written.get(n);
		if (!row) throw new Error(`submission ${n} of ${pending.length} has no outcome`);
		if (limit && row.count !== null && row.count > limit.limit)
			return { status: 429, retryAfter: limit.retryAfter };
		if (row.stored) return { status: 201, id };
		return undefined;
	});
	const unresolved = pending.flatMap((p, n) => (results[n] ? [] : [{ n, ...p }]));
	if (unresolved.length > 0) await answerNotStored(unresolved, results);
	return results.map((result, n) => {
		if (!result) throw new Error(`submission ${n} of ${pending.length} has no outcome`);
		return result;
	});
}

/** Why submissions were not inserted: an unknown code, a closed cohort, or a key stored before. */
async function answerNotStored(
	unresolved: (Pending & { n: number })[],
	results: (SubmitResult | undefined)[]
) {
	const db = await database();
	const lookup = JSON.stringify(
		unresolved.map(({ n, codeHash, keyHash }) => ({ n, code_hash: codeHash, key_hash: keyHash }))
	);
	const found = (await db.execute(sql`
		select i.n, ${cohorts.id} as cohort_id, r.id as response_id, r.cohort_id as response_cohort_id
		from jsonb_to_recordset(${lookup}::jsonb) as i(n int, code_hash text, key_hash text)
			left join ${cohorts} on ${cohorts.joinCodeHash} = i.code_hash
			left join ${responses} r on r.key_hash = i.key_hash`)) as unknown as Rows<{
		n: number;
		cohort_id: string | null;
		response_id: string | null;
		response_cohort_id: string | null;
	}>;
	for (const row of found.rows) {
		results[row.n] =
			row.cohort_id === null
				? { status: 404 }
				: row.response_id === null
					? { status: 409, message: 'This cohort is closed: it no longer takes responses.' }
					: row.response_cohort_id === row.cohort_id
						? { status: 200, id: row.response_id }
						: { status: 409, message: 'This submission key belongs to another response.' };
	}
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
