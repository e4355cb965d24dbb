/**
 * Cohorts: creating one, finding it by join code, facilitator sign-in and link rotation,
 * closing, deleting, and what its dashboard, present view and exports show. Routes call these
 * functions and nothing below them.
 *
 * Protecting individuals: every aggregate is computed here and withheld here when fewer
 * responses than the cohort's minimum group size would go into it; pages only show what they get.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, lt } from 'drizzle-orm';
import { z } from 'zod';
import { fieldErrors, type FieldErrors } from '$lib/cohorts/submission';
import type { ScoreResult } from '$lib/scoring';
import { verdictLabel } from '$lib/results/wording';
import type { Aggregate, Spread } from '$lib/cohorts/view';
import { scaleHealth, mean, standardDeviation } from './cohort-statistics.ts';
import { database } from './db/index.ts';
import { cohorts, responses, sessions } from './db/schema.ts';
import { content, scoreStored } from './scored.ts';
import { newJoinCode, normaliseJoinCode, randomToken, sha256, TOKEN_PATTERN } from './tokens.ts';

export type Cohort = typeof cohorts.$inferSelect;
export type { Aggregate, Spread };

export const MIN_GROUP_SIZE_FLOOR = 3;
export const HEALTH_PANEL_FROM = 30;
const SESSION_DAYS = 30;
const DAY = 86_400_000;

const formSchema = z.object({
	name: z
		.string({ error: 'is required' })
		.trim()
		.min(1, 'Give the cohort a name')
		.max(100, 'Use at most 100 characters'),
	collectNames: z.literal('on', { error: 'must be a checkbox' }).optional(),
	minGroupSize: z.coerce
		.number({ error: 'must be a whole number' })
		.int('must be a whole number')
		.min(MIN_GROUP_SIZE_FLOOR, `must be at least ${MIN_GROUP_SIZE_FLOOR}`)
		.max(1000, 'must be at most 1000'),
	closesOn: z
		.string()
		.regex(/^(\d{4}-\d{2}-\d{2})?$/, 'must be a date (YYYY-MM-DD)')
		.optional(),
	retentionDays: z.coerce
		.number({ error: 'must be a whole number' })
		.int('must be a whole number')
		.min(1, 'must be at least 1 day')
		.max(3650, 'must be at most 3650 days')
});

export interface CohortInput {
	name: string;
	collectNames: boolean;
	minGroupSize: number;
	/** The end of this day (UTC) closes the cohort; null leaves it open until closed by hand. */
	closesAt: Date | null;
	retentionDays: number;
}

export const cohortDefaults = { minGroupSize: 5, retentionDays: 180 };

/** Parses the create form; every problem is named by its field. */
export function parseCohortForm(
	form: FormData,
	now: number = Date.now()
): { ok: true; input: CohortInput } | { ok: false; errors: FieldErrors } {
	const raw = Object.fromEntries(
		['name', 'collectNames', 'minGroupSize', 'closesOn', 'retentionDays'].flatMap((key) => {
			const value = form.get(key);
			return typeof value === 'string' ? [[key, value]] : [];
		})
	);
	raw.minGroupSize ||= String(cohortDefaults.minGroupSize);
	raw.retentionDays ||= String(cohortDefaults.retentionDays);
	const parsed = formSchema.safeParse(raw);
	if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
	const { name, collectNames, minGroupSize, closesOn, retentionDays } = parsed.data;
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
		input: { name, collectNames: collectNames === 'on', minGroupSize, closesAt, retentionDays }
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
				retentionDays: input.retentionDays
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
}

/** The cohort with this join code (typed any way), or null: unknown and malformed alike. */
export async function cohortByCode(input: string): Promise<(PublicCohort & { id: string }) | null> {
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
		open: isOpen(cohort)
	};
}

export interface Session {
	cohortId: string;
	/** The cookie value (a random token); only its hash is stored. */
	sessionId: string;
	expiresAt: Date;
}

async function newSession(cohortId: string, now: number): Promise<Session> {
	const db = await database();
	const sessionId = randomToken();
	const expiresAt = new Date(now + SESSION_DAYS * DAY);
	await db.insert(sessions).values({ idHash: sha256(sessionId), cohortId, expiresAt });
	return { cohortId, sessionId, expiresAt };
}

/**
 * Swaps a facilitator token for a session: null for a wrong, unknown or malformed token (all
 * looked up the same way, through the hash).
 */
export async function signIn(token: string, now: number = Date.now()): Promise<Session | null> {
	const db = await database();
	const hash = sha256(token);
	const [cohort] = await db
		.select({ id: cohorts.id })
		.from(cohorts)
		.where(eq(cohorts.tokenHash, hash))
		.limit(1);
	if (!cohort || !TOKEN_PATTERN.test(token)) return null;
	return newSession(cohort.id, now);
}

/** The cohort a session cookie opens, or null (no cookie, wrong cookie, expired, other cohort). */
export async function cohortForSession(
	cohortId: string,
	sessionId: string | undefined,
	now: number = Date.now()
): Promise<Cohort | null> {
	const hash = sha256(sessionId ?? '');
	const db = await database();
	const [row] = await db
		.select({ cohort: cohorts })
		.from(sessions)
		.innerJoin(cohorts, eq(cohorts.id, sessions.cohortId))
		.where(and(eq(sessions.idHash, hash), gt(sessions.expiresAt, new Date(now))))
		.limit(1);
	if (!row || row.cohort.id !== cohortId || !sessionId) return null;
	return row.cohort;
}

/**
 * A new facilitator link: the old token and every signed-in browser stop working at once; the
 * browser that asked gets a new session.
 */
export async function rotateToken(
	cohortId: string,
	now: number = Date.now()
): Promise<{ token: string; session: Session }> {
	const db = await database();
	const token = randomToken();
	await db.transaction(async (tx) => {
		await tx
			.update(cohorts)
			.set({ tokenHash: sha256(token) })
			.where(eq(cohorts.id, cohortId));
		await tx.delete(sessions).where(eq(sessions.cohortId, cohortId));
	});
	return { token, session: await newSession(cohortId, now) };
}

export async function setClosed(cohortId: string, closed: boolean, now: number = Date.now()) {
	const db = await database();
	await db
		.update(cohorts)
		.set(closed ? { closedAt: new Date(now) } : { closedAt: null, closesAt: null })
		.where(eq(cohorts.id, cohortId));
}

/** Deletes the cohort with every response and session in it (foreign keys cascade). */
export async function deleteCohort(cohortId: string): Promise<void> {
	const db = await database();
	await db.delete(cohorts).where(eq(cohorts.id, cohortId));
}

export async function deleteExpiredSessions(now: number = Date.now()): Promise<number> {
	const db = await database();
	const deleted = await db
		.delete(sessions)
		.where(lt(sessions.expiresAt, new Date(now)))
		.returning({ id: sessions.idHash });
	return deleted.length;
}

interface Scored {
	id: string;
	submittedAt: Date;
	displayName: string | null;
	contentVersion: string;
	answers: Record<string, number>;
	result: ScoreResult | null;
}

async function scoredResponses(cohortId: string): Promise<Scored[]> {
	const db = await database();
	const rows = await db
		.select({
			id: responses.id,
			submittedAt: responses.submittedAt,
			displayName: responses.displayName,
			contentVersion: responses.contentVersion,
			contentFingerprint: responses.contentFingerprint,
			answers: responses.answers,
			timings: responses.timings
		})
		.from(responses)
		.where(eq(responses.cohortId, cohortId))
		.orderBy(asc(responses.submittedAt), asc(responses.id));
	return rows.map((row) => ({
		id: row.id,
		submittedAt: row.submittedAt,
		displayName: row.displayName,
		contentVersion: row.contentVersion,
		answers: row.answers,
		result: scoreStored(row)
	}));
}

const round1 = (value: number) => Math.round(value * 10) / 10;

function spread(id: string, name: string, values: number[]): Spread {
	return {
		id,
		name,
		n: values.length,
		mean: values.length ? round1(mean(values)) : 0,
		sd: round1(standardDeviation(values))
	};
}

function aggregateOf(rows: { answers: Record<string, number>; result: ScoreResult }[]): Aggregate {
	const { wording } = content.instrument;
	const points = rows
		.flatMap(({ result }) => {
			const strategic = result.scales.strategic.score;
			const tactical = result.scales.tactical.score;
			return strategic === null || tactical === null ? [] : [{ strategic, tactical }];
		})
		.sort((a, b) => a.strategic - b.strategic || a.tactical - b.tactical);
	const verdicts = (['product', 'in-between', 'project'] as const).map((id) => ({
		id,
		label: wording.verdicts[id].label,
		count: rows.filter((row) => row.result.verdict === id).length
	}));
	const noVerdict = rows.filter((row) => row.result.verdict === null).length;
	if (noVerdict > 0) verdicts.push({ id: 'none', label: 'No verdict', count: noVerdict } as never);
	// In between splits into hybrid, low-fit, not settled, and a slight lean with neither
	// (a hybrid or low-fit result may lean too; it is counted once, under its profile).
	const profiles = [
		...(['hybrid', 'low-fit', 'undecided'] as const).map((id) => ({
			id: id as string,
			label: wording.profiles[id].label,
			count: rows.filter((row) => row.result.profile === id).length
		})),
		...(['product', 'project'] as const).map((side) => ({
			id: `lean-${side}`,
			label: wording.leans[side].label,
			count: rows.filter(
				(row) =>
					row.result.verdict === 'in-between' &&
					row.result.profile === null &&
					row.result.lean === side
			).length
		}))
	];
	const scales = content.scales.map((scale) =>
		spread(
			scale.id,
			scale.name,
			rows.flatMap((row) => row.result.scales[scale.id].score ?? [])
		)
	);
	const facets = content.facets.map((facet, index) => ({
		...spread(
			facet.id,
			facet.name,
			rows.flatMap((row) => row.result.facets[index]?.score ?? [])
		),
		scale: facet.scale
	}));
	let health: Aggregate['health'] = null;
	if (rows.length >= HEALTH_PANEL_FROM) {
		health = content.scales.map((scale) => {
			const items = content.items.filter((item) => item.scale === scale.id);
			const data = rows.map((row) =>
				items.map((item) => {
					const answer = row.answers[item.id];
					return answer === undefined ? NaN : item.keyed === 'plus' ? answer : 6 - answer;
				})
			);
			const health = scaleHealth(
				items.map((item) => item.id),
				data
			);
			return {
				scale: scale.id,
				name: scale.name,
				health: {
					...health,
					alpha: health.alpha === null ? null : Math.round(health.alpha * 100) / 100,
					items: health.items.map((item) => ({
						id: item.id,
						itemTotal: item.itemTotal === null ? null : Math.round(item.itemTotal * 100) / 100
					}))
				}
			};
		});
	}
	return { n: rows.length, points, verdicts, profiles, scales, facets, health };
}

export interface DashboardView {
	cohort: {
		id: string;
		name: string;
		joinCode: string;
		collectNames: boolean;
		minGroupSize: number;
		retentionDays: number;
		createdAt: string;
		closesAt: string | null;
		closedAt: string | null;
		open: boolean;
	};
	/** Every stored response. */
	total: number;
	/** Responses given to another version of the quiz (kept, not scored with this one). */
	otherVersion: number;
	/** Responses with at least one quality flag. */
	flagged: number;
	includeFlagged: boolean;
	/** Responses per day (UTC), oldest first. */
	perDay: { day: string; count: number }[];
	latestAt: string | null;
	/** Null while fewer responses than the minimum would go into it. */
	aggregate: Aggregate | null;
	/** Why the aggregate is withheld, in plain words. */
	withheld: string | null;
	/** Only when display names were collected and the aggregate is shown. */
	individuals:
		| {
				name: string;
				strategic: number | null;
				tactical: number | null;
				verdict: string;
				flags: number;
		  }[]
		| null;
	notice: string;
}

/** The dashboard of a cohort (the caller has checked access). */
export async function dashboard(
	cohort: Cohort,
	options: { includeFlagged?: boolean; individuals?: boolean } = {}
): Promise<DashboardView> {
	const includeFlagged = options.includeFlagged ?? false;
	const rows = await scoredResponses(cohort.id);
	const scored = rows.filter((row): row is Scored & { result: ScoreResult } => row.result !== null);
	const flagged = scored.filter((row) => row.result.flags.length > 0).length;
	const used = includeFlagged ? scored : scored.filter((row) => row.result.flags.length === 0);
	const perDay = new Map<string, number>();
	for (const row of rows) {
		const day = row.submittedAt.toISOString().slice(0, 10);
		perDay.set(day, (perDay.get(day) ?? 0) + 1);
	}
	const shown = used.length >= cohort.minGroupSize;
	let withheld: string | null = null;
	if (!shown) {
		withheld =
			used.length === scored.length
				? `Group results appear once ${cohort.minGroupSize} people have responded (${used.length} so far), so that nobody's answers can be singled out.`
				: `Group results appear once ${cohort.minGroupSize} responses without quality flags are in (${used.length} so far); include flagged responses to count them too.`;
	}
	const { wording } = content.instrument;
	return {
		cohort: {
			id: cohort.id,
			name: cohort.name,
			joinCode: cohort.joinCode,
			collectNames: cohort.collectNames,
			minGroupSize: cohort.minGroupSize,
			retentionDays: cohort.retentionDays,
			createdAt: cohort.createdAt.toISOString(),
			closesAt: cohort.closesAt?.toISOString() ?? null,
			closedAt: cohort.closedAt?.toISOString() ?? null,
			open: isOpen(cohort)
		},
		total: rows.length,
		otherVersion: rows.length - scored.length,
		flagged,
		includeFlagged,
		perDay: [...perDay].map(([day, count]) => ({ day, count })),
		latestAt: rows.at(-1)?.submittedAt.toISOString() ?? null,
		aggregate: shown ? aggregateOf(used) : null,
		withheld,
		individuals:
			shown && cohort.collectNames && options.individuals !== false
				? used
						.map((row) => ({
							name: row.displayName ?? '(no name given)',
							strategic: row.result.scales.strategic.score,
							tactical: row.result.scales.tactical.score,
							verdict: verdictLabel(row.result, wording) ?? 'No verdict',
							flags: row.result.flags.length
						}))
						.sort((a, b) => a.name.localeCompare(b.name))
				: null,
		notice: wording.notForSelection
	};
}

/** The projector view: aggregates only, never a name or a row. */
export async function presentView(cohort: Cohort, includeFlagged = false) {
	const view = await dashboard(cohort, { individuals: false, includeFlagged });
	return {
		name: view.cohort.name,
		joinCode: view.cohort.joinCode,
		open: view.cohort.open,
		total: view.total,
		minGroupSize: view.cohort.minGroupSize,
		aggregate: view.aggregate,
		withheld: view.withheld,
		notice: view.notice
	};
}

export type ExportFormat = 'csv' | 'json';

export type ExportResult =
	| { ok: true; body: string; contentType: string; filename: string }
	| { ok: false; message: string };

/**
 * One row per response: id, submitted at, display name (if collected), content version, levels,
 * facet scores, position, band, verdict, profile, flags, and the raw answers when asked.
 * Withheld below the minimum group size, like the dashboard's aggregates.
 */
export async function exportCohort(
	cohort: Cohort,
	format: ExportFormat,
	options: { raw?: boolean } = {}
): Promise<ExportResult> {
	const rows = await scoredResponses(cohort.id);
	if (rows.length < cohort.minGroupSize) {
		return {
			ok: false,
			message: `The export is available once ${cohort.minGroupSize} people have responded (${rows.length} so far).`
		};
	}
	const { csvLine } = await import('$lib/csv/escape');
	const questionIds = content.sequence;
	const records = rows.map((row) => {
		const r = row.result;
		const record: Record<string, unknown> = {
			id: row.id,
			submittedAt: row.submittedAt.toISOString()
		};
		if (cohort.collectNames) record.displayName = row.displayName;
		Object.assign(record, {
			contentVersion: row.contentVersion,
			strategic: r?.scales.strategic.score ?? null,
			tactical: r?.scales.tactical.score ?? null,
			facets: Object.fromEntries(content.facets.map((f, i) => [f.id, r?.facets[i]?.score ?? null])),
			position: r?.position ?? null,
			band: r?.band ?? null,
			verdict: r?.verdict ?? null,
			lean: r?.lean ?? null,
			profile: r?.profile ?? null,
			flags: r?.flags.map((flag) => flag.id) ?? []
		});
		if (options.raw) record.answers = row.answers;
		return { record, row };
	});
	const stamp = new Date().toISOString().slice(0, 10);
	const base = `rolefit-cohort-${cohort.joinCode}-${stamp}`;
	const notice = content.instrument.wording.notForSelection;
	if (format === 'json') {
		return {
			ok: true,
			contentType: 'application/json; charset=utf-8',
			filename: `${base}.json`,
			body: JSON.stringify(
				{
					notice,
					cohort: { name: cohort.name, joinCode: cohort.joinCode },
					contentVersion: content.instrument.version,
					responses: records.map(({ record }) => record)
				},
				null,
				2
			)
		};
	}
	const header = [
		'id',
		'submitted_at',
		...(cohort.collectNames ? ['display_name'] : []),
		'content_version',
		'strategic',
		'tactical',
		...content.facets.map((facet) => `facet_${facet.id}`),
		'position',
		'band_low',
		'band_high',
		'verdict',
		'lean',
		'profile',
		'flags',
		...(options.raw ? questionIds.map((id) => `answer_${id}`) : [])
	];
	// The header is line 1: a notice above it breaks spreadsheets and CSV parsers. The notice
	// travels in the JSON export and stands beside the export links on the dashboard.
	const lines = [csvLine(header)];
	for (const { row } of records) {
		const r = row.result;
		lines.push(
			csvLine([
				row.id,
				row.submittedAt.toISOString(),
				...(cohort.collectNames ? [row.displayName ?? ''] : []),
				row.contentVersion,
				r?.scales.strategic.score ?? null,
				r?.scales.tactical.score ?? null,
				...content.facets.map((_, i) => r?.facets[i]?.score ?? null),
				r?.position ?? null,
				r?.band?.low ?? null,
				r?.band?.high ?? null,
				r?.verdict ?? null,
				r?.lean ?? null,
				r?.profile ?? null,
				r?.flags.map((flag) => flag.id).join(' ') ?? '',
				...(options.raw ? questionIds.map((id) => row.answers[id] ?? null) : [])
			])
		);
	}
	return {
		ok: true,
		contentType: 'text/csv; charset=utf-8',
		filename: `${base}.csv`,
		body: lines.join('\r\n') + '\r\n'
	};
}
