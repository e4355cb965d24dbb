/**
 * Every cohort endpoint and action, called as SvelteKit calls them, on in-memory PGlite (or on
 * PostgreSQL when DATABASE_URL is set: `npm run test:db`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { closeDatabase, database, schema } from '../../../src/lib/server/db/index.ts';
import { countResponses } from '../../../src/lib/server/responses.ts';
import { cohortByCode } from '../../../src/lib/server/cohorts.ts';
import { sweep } from '../../../src/lib/server/lifecycle.ts';
import { SUBMISSION_BODY_LIMIT } from '../../../src/lib/cohorts/submission.ts';
import { allStrategic, allTactical, slightProductLean } from '../../helpers/content.ts';
import {
	content,
	CookieJar,
	createCohort,
	dashboardAction,
	dashboardOf,
	deleteOwn,
	exportOf,
	joinPage,
	joinWithCode,
	newCohort,
	ownPage,
	presentOf,
	sessionOf,
	signIn,
	submission,
	submit,
	submitRaw,
	warmUp,
	type CreatedCohort
} from '../../helpers/cohort-harness.ts';

beforeAll(() => warmUp(), 120_000);
afterAll(() => closeDatabase());

type Dashboard = Awaited<
	ReturnType<typeof import('../../../src/lib/server/cohort-aggregates.ts').dashboard>
>;
const viewOf = (outcome: { data?: unknown }) => (outcome.data as { view: Dashboard }).view;
type Guide = { patterns: string[]; references: { id: string }[] };

describe('create a cohort', () => {
	it('creates one with a join code and a facilitator link, storing only the token hash', async () => {
		const created = await createCohort({ name: 'Class of 2026', minGroupSize: '5' });
		expect(created.status).toBe(200);
		const info = (created.data as { created: Record<string, string> }).created;
		expect(info.joinCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
		const token = info.facilitatorLink!.split('/f/')[1]!;
		expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
		const db = await database();
		const [row] = await db
			.select()
			.from(schema.cohorts)
			.where(eq(schema.cohorts.joinCode, info.joinCode!));
		expect(row!.retentionDays).toBe(180);
		expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify(row)).not.toContain(token);
	});

	it('answers 400 naming each bad field', async () => {
		const outcome = await createCohort({
			name: '',
			minGroupSize: '2',
			retentionDays: 'soon',
			closesOn: '2001-01-01'
		});
		expect(outcome.status).toBe(400);
		const { errors } = outcome.data as { errors: Record<string, string> };
		expect(Object.keys(errors).sort()).toEqual(['minGroupSize', 'name', 'retentionDays']);
		const past = await createCohort({ name: 'x', closesOn: '2001-01-01' });
		expect((past.data as { errors: Record<string, string> }).errors).toHaveProperty('closesOn');
	});

	it('rate-limits creation per address with 429', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 22; i += 1) {
			statuses.push((await createCohort({ name: `n${i}` }, '192.0.2.77')).status);
		}
		expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
		expect(statuses.at(-1)).toBe(429);
	});
});

describe('facilitator link and session', () => {
	it('swaps the token for a strict HttpOnly cookie and redirects without it', async () => {
		const cohort = await newCohort();
		// Its own cookie per cohort, sent under /cohorts: the page that compares cohorts gets them all.
		const cookie = cohort.jar.values.get(`rolefit_f_${cohort.cohortId}`)!;
		expect(cookie.options).toMatchObject({
			httpOnly: true,
			sameSite: 'strict',
			secure: false,
			path: '/cohorts'
		});
		expect([...cohort.jar.values.keys()]).toEqual([`rolefit_f_${cohort.cohortId}`]);
		expect((await signIn(cohort.token)).location).toBe(`/cohorts/${cohort.cohortId}`);
	});

	it('still opens the dashboard with a session cookie of the earlier, single name', async () => {
		const cohort = await newCohort();
		const other = await newCohort();
		const legacy = new CookieJar();
		legacy.set('rolefit_facilitator', sessionOf(cohort)!, { path: `/cohorts/${cohort.cohortId}` });
		expect((await dashboardOf({ ...cohort, jar: legacy })).status).toBe(200);
		// It opens its own cohort only.
		expect((await dashboardOf({ ...other, jar: legacy })).status).toBe(404);
		expect((await dashboardAction({ ...cohort, jar: legacy }, 'close')).status).toBe(200);
	});

	it('answers 404 for wrong, malformed and missing tokens alike', async () => {
		for (const token of ['x'.repeat(43), 'nope', '', '../etc']) {
			const outcome = await signIn(token);
			expect(outcome.status).toBe(404);
			expect(outcome.body).toEqual({ message: 'Not found' });
		}
	});

	it('gives a 404 to a dashboard without the right session, as for an unknown cohort', async () => {
		const cohort = await newCohort();
		const other = await newCohort();
		expect((await dashboardOf(cohort, '', undefined as never)).status).toBe(200);
		expect((await dashboardOf(cohort, '', 'wrong')).status).toBe(404);
		expect((await dashboardOf(cohort, '', sessionOf(other))).status).toBe(404);
		expect(
			(await dashboardOf({ ...cohort, cohortId: '00000000-0000-4000-8000-000000000000' })).status
		).toBe(404);
		expect((await dashboardAction(cohort, 'close', {}, 'wrong')).status).toBe(404);
		expect((await exportOf({ ...cohort, jar: other.jar }, 'csv')).status).toBe(404);
	});

	it('rotation kills the old link and every other session at once', async () => {
		const cohort = await newCohort();
		const second = await signIn(cohort.token);
		expect(second.status).toBe(303);
		const oldSession = sessionOf(cohort)!;
		const rotated = await dashboardAction(cohort, 'rotate');
		expect(rotated.status).toBe(200);
		const link = (rotated.data as { facilitatorLink: string }).facilitatorLink;
		expect((await signIn(cohort.token)).status).toBe(404);
		expect((await dashboardOf(cohort, '', oldSession)).status).toBe(404);
		expect((await dashboardOf(cohort)).status).toBe(200); // the rotating browser stays in
		expect((await signIn(link.split('/f/')[1]!)).status).toBe(303);
	});
});

describe('join', () => {
	it('finds a cohort by its code, typed loosely, and 404s unknown codes', async () => {
		const cohort = await newCohort();
		const typed = cohort.joinCode.toLowerCase().replace(/(....)/, '$1-');
		expect((await joinWithCode(typed)).location).toBe(`/join/${cohort.joinCode}`);
		const page = await joinPage(cohort.joinCode);
		expect(page.status).toBe(200);
		expect(page.data).toMatchObject({ cohort: { name: 'Onboarding', open: true } });
		expect((await joinWithCode('ZZZZZZZZ')).status).toBe(404);
		expect((await joinWithCode('')).status).toBe(400);
		expect((await joinPage('ZZZZZZZZ')).status).toBe(404);
		expect((await joinPage('not a code')).status).toBe(404);
	});
});

describe('submit', () => {
	it('stores raw answers and the content version; resubmission is stored once', async () => {
		const cohort = await newCohort();
		const body = submission(1);
		const first = await submit(cohort.joinCode, body);
		expect(first.status).toBe(201);
		const again = await submit(cohort.joinCode, body);
		expect(again.status).toBe(200);
		expect((again.body as { id: string }).id).toBe((first.body as { id: string }).id);
		expect(await countResponses(cohort.cohortId)).toBe(1);
		const db = await database();
		const [row] = await db
			.select()
			.from(schema.responses)
			.where(eq(schema.responses.cohortId, cohort.cohortId));
		expect(row!.answers).toEqual(body.answers);
		expect(row!.contentVersion).toBe(content.instrument.version);
		expect(row!.keyHash).not.toBe(body.key);
	});

	it('ignores scores sent by the browser (they are not part of the body)', async () => {
		const cohort = await newCohort();
		const outcome = await submit(cohort.joinCode, { ...submission(2), verdict: 'product' });
		expect(outcome.status).toBe(400);
		expect((outcome.body as { errors: Record<string, string> }).errors).toHaveProperty('body');
	});

	it('answers 400 naming the field for malformed input', async () => {
		const cohort = await newCohort();
		const cases: [string, string][] = [
			['{"key": ', 'body'],
			[
				JSON.stringify({ ...submission(3), answers: { 'no-such-item': 3 } }),
				'answers.no-such-item'
			],
			[
				JSON.stringify({
					...submission(3),
					answers: { [content.items[0]!.id]: 6 }
				}),
				`answers.${content.items[0]!.id}`
			],
			[JSON.stringify({ ...submission(3), key: 'short' }), 'key'],
			[JSON.stringify({ ...submission(3), answers: {} }), 'answers'],
			[JSON.stringify({ ...submission(3), answers: 'all 3' }), 'answers'],
			[
				JSON.stringify({ ...submission(3), timings: { [content.items[0]!.id]: -1 } }),
				`timings.${content.items[0]!.id}`
			],
			[JSON.stringify([1, 2]), 'body']
		];
		for (const [body, field] of cases) {
			const outcome = await submitRaw(cohort.joinCode, body);
			expect(outcome.status, body).toBe(400);
			expect((outcome.body as { errors: Record<string, string> }).errors, body).toHaveProperty([
				field
			]);
		}
		expect(await countResponses(cohort.cohortId)).toBe(0);
	});

	it('refuses oversized bodies (413) and other content types (415)', async () => {
		const cohort = await newCohort();
		const big = JSON.stringify({ ...submission(4), pad: 'x'.repeat(SUBMISSION_BODY_LIMIT) });
		expect((await submitRaw(cohort.joinCode, big)).status).toBe(413);
		const asForm = await submitRaw(cohort.joinCode, 'key=1', {
			contentType: 'application/x-www-form-urlencoded'
		});
		expect(asForm.status).toBe(415);
	});

	it('404s an unknown code exactly like a malformed one', async () => {
		const unknown = await submit('ZZZZZZZZ', submission(5));
		const malformed = await submit('???', submission(5));
		expect(unknown.status).toBe(404);
		expect(malformed).toMatchObject({ status: 404, body: unknown.body });
	});

	it('409s another content version and a closed cohort; reopening takes responses again', async () => {
		const cohort = await newCohort();
		const old = await submit(cohort.joinCode, submission(6, { version: '1.0.0' }));
		expect(old.status).toBe(409);
		const stored = submission(7);
		expect((await submit(cohort.joinCode, stored)).status).toBe(201);
		expect((await dashboardAction(cohort, 'close')).status).toBe(200);
		expect((await submit(cohort.joinCode, submission(8))).status).toBe(409);
		expect((await submit(cohort.joinCode, stored)).status).toBe(200); // a late retry still acks
		expect((await dashboardAction(cohort, 'reopen')).status).toBe(200);
		expect((await submit(cohort.joinCode, submission(8))).status).toBe(201);
	});

	it('rate-limits submissions per address with 429 and Retry-After', async () => {
		const cohort = await newCohort();
		const statuses: number[] = [];
		let retryAfter: string | null = null;
		for (let i = 0; i < 31; i += 1) {
			const outcome = await submit(cohort.joinCode, submission(100 + i), '198.51.100.9');
			statuses.push(outcome.status);
			retryAfter = outcome.response?.headers.get('retry-after') ?? null;
		}
		expect(statuses.slice(0, 30).every((s) => s === 201)).toBe(true);
		expect(statuses[30]).toBe(429);
		expect(Number(retryAfter)).toBeGreaterThan(0);
	});

	it('stores exactly 200 rows for 200 concurrent submissions (and one for 20 copies of one)', async () => {
		const cohort = await newCohort();
		const outcomes = await Promise.all(
			Array.from({ length: 200 }, (_, i) => submit(cohort.joinCode, submission(1000 + i)))
		);
		expect(outcomes.every((o) => o.status === 201)).toBe(true);
		expect(await countResponses(cohort.cohortId)).toBe(200);
		const same = submission(5000);
		const copies = await Promise.all(
			Array.from({ length: 20 }, () => submit(cohort.joinCode, same))
		);
		expect(copies.filter((o) => o.status === 201)).toHaveLength(1);
		expect(copies.every((o) => o.status === 201 || o.status === 200)).toBe(true);
		expect(await countResponses(cohort.cohortId)).toBe(201);
	});
});

describe('dashboard and present view', () => {
	it('withholds every aggregate below the minimum, then shows them', async () => {
		const cohort = await newCohort({ minGroupSize: '3' });
		const answers = allStrategic();
		for (let i = 0; i < 2; i += 1) await submit(cohort.joinCode, submission(200 + i, { answers }));
		let view = viewOf(await dashboardOf(cohort, '?flagged=include'));
		expect(view.total).toBe(2);
		expect(view.aggregate).toBeNull();
		expect(view.withheld).toMatch(/3 people/);
		// Below the minimum the guide reads nothing about the group: only the general questions.
		const guide = ((await dashboardOf(cohort, '?flagged=include')).data as { guide: Guide }).guide;
		expect(guide.patterns).toEqual(['mixed']);
		const present = (await presentOf(cohort, '?flagged=include')).data as {
			present: { aggregate: unknown };
		};
		expect(present.present.aggregate).toBeNull();
		expect((await exportOf(cohort, 'csv')).status).toBe(409);

		await submit(cohort.joinCode, submission(202, { answers }));
		view = viewOf(await dashboardOf(cohort, '?flagged=include'));
		expect(view.aggregate!.n).toBe(3);
		expect(view.aggregate!.points).toHaveLength(3);
		expect(view.aggregate!.verdicts.reduce((sum, v) => sum + v.count!, 0)).toBe(3);
		expect(view.aggregate!.facets).toHaveLength(content.facets.length);
		expect(view.notice).toBe(content.instrument.wording.notForSelection);
		expect(view.individuals).toBeNull(); // names were not collected
		const shown = (await presentOf(cohort, '?flagged=include')).data as {
			present: Record<string, unknown>;
		};
		expect(shown.present.aggregate).not.toBeNull();
		expect(JSON.stringify(shown.present)).not.toMatch(/individual|displayName/);
	});

	it('counts a slight lean as a lean, never as "not settled", in the aggregate and the export; accepts a 2.0.0 quiz', async () => {
		const cohort = await newCohort({ minGroupSize: '3' });
		const answers = slightProductLean(content);
		for (let i = 0; i < 2; i += 1) {
			expect((await submit(cohort.joinCode, submission(300 + i, { answers }))).status).toBe(201);
		}
		// Started before the 2.1 update (same questions): accepted and scored under 2.1.
		const earlier = submission(302, { answers, version: '2.0.0' });
		expect((await submit(cohort.joinCode, earlier)).status).toBe(201);
		const view = viewOf(await dashboardOf(cohort, '?flagged=include'));
		const count = (id: string) => view.aggregate!.profiles.find((p) => p.id === id)?.count;
		expect(count('lean-product')).toBe(3);
		expect(count('undecided')).toBe(0);
		expect(view.aggregate!.profiles.find((p) => p.id === 'lean-product')!.label).toBe(
			content.instrument.wording.leans.product.label
		);
		// The facilitator guide reads the same counts: three slight leans to product out of three.
		const guide = ((await dashboardOf(cohort, '?flagged=include')).data as { guide: Guide }).guide;
		expect(guide.patterns).toContain('mostly-product');
		expect(guide.references.map((work) => work.id)).toEqual(['M16', 'M01', 'M17']);
		const csv = (await exportOf(cohort, 'csv')).body as string;
		const [header, ...rows] = csv.trim().split('\r\n');
		const leanColumn = header!.split(',').indexOf('lean');
		expect(leanColumn).toBeGreaterThan(0);
		expect(rows.map((row) => row.split(',')[leanColumn])).toEqual([
			'product',
			'product',
			'product'
		]);
	});

	it('offers to leave flagged responses out only when neither group, nor the flagged ones, would single someone out', async () => {
		const cohort = await newCohort({ minGroupSize: '3' });
		const same = Object.fromEntries(content.sequence.map((id) => [id, 1]));
		for (let i = 0; i < 3; i += 1)
			await submit(cohort.joinCode, submission(300 + i, { answers: same }));
		// Nobody is unflagged: leaving the flagged out would leave nothing, so every response counts,
		// and neither the switch nor the flagged count is shown.
		let view = viewOf(await dashboardOf(cohort));
		expect(view).toMatchObject({ counted: 'all', flaggedSwitch: null });
		expect(view.aggregate!.n).toBe(3);
		for (let i = 0; i < 3; i += 1) {
			const answers = i % 2 ? allTactical() : allStrategic();
			await submit(cohort.joinCode, submission(310 + i, { answers }));
		}
		// 3 flagged, 3 not: both groups and their difference reach the minimum.
		view = viewOf(await dashboardOf(cohort));
		expect(view).toMatchObject({
			counted: 'unflagged',
			flaggedSwitch: { flagged: 3, included: false },
			leftOut: { total: 3, flagged: 3, otherVersion: 0 }
		});
		expect(view.aggregate!.n).toBe(3);
		view = viewOf(await dashboardOf(cohort, '?flagged=include'));
		expect(view).toMatchObject({ counted: 'all', flaggedSwitch: { included: true } });
		expect(view.aggregate!.n).toBe(6);
		expect((await dashboardOf(cohort, '?flagged=maybe')).status).toBe(400);
	});

	it('shows individual rows with names only when names were collected', async () => {
		const cohort = await newCohort({ minGroupSize: '3', collectNames: 'on' });
		for (const [i, name] of ['Ada', 'Grace', 'Linus'].entries()) {
			await submit(cohort.joinCode, submission(400 + i, { displayName: name }));
		}
		const view = viewOf(await dashboardOf(cohort, '?flagged=include'));
		expect(view.individuals!.map((p) => p.name)).toEqual(['Ada', 'Grace', 'Linus']);
		const anonymous = await newCohort({ minGroupSize: '3' });
		await submit(anonymous.joinCode, submission(410, { displayName: 'Eve' }));
		const db = await database();
		const rows = await db
			.select()
			.from(schema.responses)
			.where(eq(schema.responses.cohortId, anonymous.cohortId));
		expect(rows[0]!.displayName).toBeNull();
	});

	it('shows the instrument-health panel from 30 responses, α with its interval and what it means', async () => {
		const cohort = await newCohort({ minGroupSize: '3' });
		for (let i = 0; i < 29; i += 1) await submit(cohort.joinCode, submission(500 + i));
		expect(viewOf(await dashboardOf(cohort, '?flagged=include')).aggregate!.health).toBeNull();
		await submit(cohort.joinCode, submission(529));
		const health = viewOf(await dashboardOf(cohort, '?flagged=include')).aggregate!.health!;
		expect(health.map((h) => h.scale)).toEqual(content.scales.map((s) => s.id));
		for (const scale of health) {
			const items = content.items.filter((item) => item.scale === scale.scale);
			expect(scale.health!.items.map((item) => item.text)).toEqual(items.map((item) => item.text));
			// Answers at random do not hang together: α near 0, its whole range below 0.7.
			const { alpha, interval, respondents } = scale.health!;
			expect(respondents).toBe(30);
			expect(interval!.lower).toBeLessThanOrEqual(alpha!);
			expect(interval!.upper).toBeGreaterThanOrEqual(alpha!);
			expect(interval!.upper).toBeLessThan(0.7);
			expect(scale.reading).toBe('low');
		}
	});
});

describe('exports', () => {
	it('CSV and JSON: one row per response, the header first, formula-safe names', async () => {
		const cohort = await newCohort({ minGroupSize: '3', collectNames: 'on' });
		// The same verdict for all three, so that no count is withheld (and the rows may go).
		const answers = allStrategic();
		const names = ['=HYPERLINK("http://x")', 'Bo', undefined];
		for (const [i, displayName] of names.entries()) {
			await submit(cohort.joinCode, submission(600 + i, { answers, displayName }));
		}
		const csv = await exportOf(cohort, 'csv');
		expect(csv.status).toBe(200);
		expect(csv.response!.headers.get('content-disposition')).toMatch(
			/attachment; filename=".*\.csv"/
		);
		const lines = (csv.body as string).trimEnd().split('\r\n');
		// The header is the first line (no notice before it: spreadsheets and parsers read line 1).
		expect(lines[0]).toMatch(
			/^id,submitted_at,display_name,content_version,strategic,tactical,facet_/
		);
		expect(csv.body).not.toContain(content.instrument.wording.notForSelection.slice(0, 20));
		expect(lines).toHaveLength(4);
		expect(csv.body).toContain(`"'=HYPERLINK(""http://x"")"`);
		const raw = await exportOf(cohort, 'csv', '?raw=1');
		expect((raw.body as string).split('\r\n')[0]).toContain(`answer_${content.sequence[0]}`);
		const json = await exportOf(cohort, 'json', '?raw=1');
		const parsed = json.body as { notice: string; responses: Record<string, unknown>[] };
		expect(parsed.notice).toBe(content.instrument.wording.notForSelection);
		expect(parsed.responses).toHaveLength(3);
		expect(parsed.responses[0]).toHaveProperty('answers');
		expect(parsed.responses[0]).toHaveProperty('verdict');
		expect((await exportOf(cohort, 'xlsx')).status).toBe(400);
		expect((await exportOf(cohort, 'csv', '?raw=yes')).status).toBe(400);
	});
});

describe('data lifecycle', () => {
	it('a participant sees and deletes their own response through the private key', async () => {
		const cohort = await newCohort();
		const body = submission(700);
		await submit(cohort.joinCode, body);
		const page = await ownPage(body.key);
		expect(page.status).toBe(200);
		expect(page.data).toMatchObject({ own: { cohortName: 'Onboarding' } });
		expect((await ownPage('A'.repeat(22))).status).toBe(404);
		// The deleted response's page can no longer load: the action leads to a page of its own.
		expect((await deleteOwn(body.key)).status).toBe(303);
		expect(await countResponses(cohort.cohortId)).toBe(0);
		expect((await ownPage(body.key)).status).toBe(404);
	});

	it('deleting a cohort removes it with every response and session', async () => {
		const cohort = await newCohort();
		await submit(cohort.joinCode, submission(800));
		expect((await dashboardAction(cohort, 'delete', { confirm: 'wrong' })).status).toBe(400);
		const deleted = await dashboardAction(cohort, 'delete', { confirm: 'Onboarding' });
		expect(deleted).toMatchObject({ status: 303, location: '/cohorts/deleted' });
		const db = await database();
		for (const table of [schema.responses, schema.sessions]) {
			expect(await db.select().from(table).where(eq(table.cohortId, cohort.cohortId))).toEqual([]);
		}
		expect(
			await db.select().from(schema.cohorts).where(eq(schema.cohorts.id, cohort.cohortId))
		).toEqual([]);
		expect((await joinPage(cohort.joinCode)).status).toBe(404);
	});

	it('the retention sweep deletes responses older than their cohort keeps them', async () => {
		const cohort = await newCohort({ retentionDays: '2' });
		const keep = await newCohort({ retentionDays: '30' });
		await submit(cohort.joinCode, submission(900));
		await submit(keep.joinCode, submission(901));
		await sweep(Date.now() + 1 * 86_400_000);
		expect(await countResponses(cohort.cohortId)).toBe(1);
		await sweep(Date.now() + 3 * 86_400_000);
		expect(await countResponses(cohort.cohortId)).toBe(0);
		expect(await countResponses(keep.cohortId)).toBe(1);
	});
});

describe('languages', () => {
	it('keeps the language the facilitator runs the cohort in, and refuses one RoleFit does not speak', async () => {
		const cohort = await newCohort({ language: 'es' });
		expect(viewOf(await dashboardOf(cohort)).cohort.language).toBe('es');
		expect(viewOf(await dashboardOf(await newCohort())).cohort.language).toBe('en');
		const refused = await createCohort({ name: 'x', language: 'fr' });
		expect(refused.status).toBe(400);
		expect(Object.keys((refused.data as { errors: Record<string, string> }).errors)).toEqual([
			'language'
		]);
	});

	it('stores the language each response was given in, and refuses an unknown one naming it', async () => {
		const cohort = await newCohort();
		expect((await submit(cohort.joinCode, submission(40, { language: 'ar' }))).status).toBe(201);
		const db = await database();
		const [row] = await db
			.select()
			.from(schema.responses)
			.where(eq(schema.responses.cohortId, cohort.cohortId));
		expect(row!.language).toBe('ar');
		const unknown = await submit(cohort.joinCode, submission(41, { language: 'xx' }));
		expect(unknown.status).toBe(400);
		expect((unknown.body as { errors: Record<string, string> }).errors).toHaveProperty('language');
	});

	it('says responses came in several languages only once the figures are shown, never which', async () => {
		const cohort = await newCohort({ minGroupSize: '3' });
		await submit(cohort.joinCode, submission(50, { language: 'en' }));
		await submit(cohort.joinCode, submission(51, { language: 'de' }));
		// Two responses, under the minimum of 3: nothing about them, their languages included.
		expect(viewOf(await dashboardOf(cohort)).multilingual).toBe(false);
		await submit(cohort.joinCode, submission(52));
		const view = viewOf(await dashboardOf(cohort));
		expect(view.multilingual).toBe(true);
		expect(JSON.stringify(view)).not.toMatch(/"de"|Deutsch/);

		const english = await newCohort({ minGroupSize: '3' });
		for (const seed of [53, 54, 55]) {
			await submit(english.joinCode, submission(seed, { language: 'en' }));
		}
		expect(viewOf(await dashboardOf(english)).multilingual).toBe(false);
	});
});

describe('embed origins', () => {
	/** The origins the join page would name in its frame-ancestors. */
	const allowed = async (cohort: CreatedCohort) =>
		(await cohortByCode(cohort.joinCode))!.embedOrigins;
	type Embed = { origins: string[]; max: number; snippet: string } | null;
	const embedOf = async (cohort: CreatedCohort) =>
		((await dashboardOf(cohort)).data as { embed: Embed }).embed;

	it('a new cohort allows none; the facilitator saves origins, written as browsers report them', async () => {
		const cohort = await newCohort();
		expect(await allowed(cohort)).toEqual([]);
		const saved = await dashboardAction(cohort, 'embed', {
			embedOrigins: 'https://LMS.example.edu/\r\n  http://intranet.example.com:8080 \n\n'
		});
		const origins = ['https://lms.example.edu', 'http://intranet.example.com:8080'];
		expect(saved).toEqual({ status: 200, data: { done: 'embed', embedOrigins: origins } });
		expect(await allowed(cohort)).toEqual(origins);
		// The dashboard fills the box with them, and offers the code to paste (English: no language).
		expect(await embedOf(cohort)).toEqual({
			origins,
			max: 5,
			snippet: `<div data-rolefit-join="${cohort.joinCode}"></div>\n<script src="http://localhost/embed.js" async></script>`
		});
	});

	it("names the cohort's language in the code to paste when it is not English", async () => {
		const cohort = await newCohort({ language: 'de' });
		expect((await embedOf(cohort))!.snippet).toBe(
			`<div data-rolefit-join="${cohort.joinCode}" data-rolefit-lang="de"></div>\n<script src="http://localhost/embed.js" async></script>`
		);
	});

	it('answers 400 naming the field and the entry for a path, a wildcard or a sixth origin, and keeps the list', async () => {
		const cohort = await newCohort();
		await dashboardAction(cohort, 'embed', { embedOrigins: 'https://lms.example.edu' });
		// Lines end in CR LF, as a browser sends a text box's.
		const six = ['a', 'b', 'c', 'd', 'e', 'f']
			.map((host) => `https://${host}.example`)
			.join('\r\n');
		const cases: [string, string][] = [
			[
				'https://lms.example.edu\r\nhttps://x.example/page',
				'"https://x.example/page" must be an origin only, without a path, query or #fragment'
			],
			['https://*.example.edu', '"https://*.example.edu" must name one origin, without *'],
			[six, 'must list at most 5 origins ("https://f.example" is one too many)']
		];
		for (const [typed, problem] of cases) {
			const refused = await dashboardAction(cohort, 'embed', { embedOrigins: typed });
			// What was typed comes back, for the box to show it again.
			expect(refused, typed).toEqual({
				status: 400,
				data: { errors: { embedOrigins: problem }, embedOriginsText: typed }
			});
			expect(await allowed(cohort)).toEqual(['https://lms.example.edu']);
		}
		// A form without the field changes nothing either.
		expect((await dashboardAction(cohort, 'embed', {})).status).toBe(400);
		expect(await allowed(cohort)).toEqual(['https://lms.example.edu']);
	});

	it('an empty box allows none again', async () => {
		const cohort = await newCohort();
		await dashboardAction(cohort, 'embed', { embedOrigins: 'https://lms.example.edu' });
		expect(await allowed(cohort)).toEqual(['https://lms.example.edu']);
		const cleared = await dashboardAction(cohort, 'embed', { embedOrigins: ' \n ' });
		expect(cleared).toEqual({ status: 200, data: { done: 'embed', embedOrigins: [] } });
		expect(await allowed(cohort)).toEqual([]);
	});

	it('refuses the co-facilitator (and a browser without a session) with the 404 of an unknown cohort', async () => {
		const cohort = await newCohort();
		await dashboardAction(cohort, 'embed', { embedOrigins: 'https://lms.example.edu' });
		const made = await dashboardAction(cohort, 'rotateViewer');
		const viewer = { ...cohort, jar: new CookieJar() };
		const token = (made.data as { viewerLink: string }).viewerLink.split('/f/')[1]!;
		expect((await signIn(token, viewer.jar)).status).toBe(303);
		const posted = { embedOrigins: 'https://elsewhere.example' };
		expect(await dashboardAction(viewer, 'embed', posted)).toMatchObject({ status: 404 });
		expect(await dashboardAction(cohort, 'embed', posted, 'wrong')).toMatchObject({ status: 404 });
		expect(await allowed(cohort)).toEqual(['https://lms.example.edu']);
		// Nor does their dashboard show the setting.
		expect(await embedOf(viewer)).toBeNull();
	});

	it('tells a facilitator using RoleFit in Spanish the problem in Spanish, the entry kept', async () => {
		const cohort = await newCohort();
		const path = await dashboardAction(
			cohort,
			'embed',
			{ embedOrigins: 'https://x.example/page' },
			undefined,
			'es'
		);
		expect(path).toMatchObject({
			status: 400,
			data: {
				errors: {
					embedOrigins:
						'"https://x.example/page" debe ser solo un origen, sin ruta, consulta ni #fragmento'
				}
			}
		});
		const six = ['a', 'b', 'c', 'd', 'e', 'f'].map((host) => `https://${host}.example`).join(' ');
		const tooMany = await dashboardAction(cohort, 'embed', { embedOrigins: six }, undefined, 'es');
		expect((tooMany.data as { errors: Record<string, string> }).errors).toEqual({
			embedOrigins: 'debe incluir como máximo 5 orígenes ("https://f.example" sobra)'
		});
	});
});
