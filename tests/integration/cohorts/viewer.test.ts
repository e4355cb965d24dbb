/**
 * The read-only co-facilitator link: made (and replaced) by the facilitator on the dashboard,
 * signed in through the same /f/ path with a session of its own role; it opens the dashboard and
 * the present view, and gets the 404 of an unknown cohort for exports and every setting and
 * lifecycle action. Replacing it ends its old link and sessions, and only those. In-memory PGlite,
 * or PostgreSQL with DATABASE_URL (`npm run test:db`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { closeDatabase, database, schema } from '../../../src/lib/server/db/index.ts';
import { countResponses } from '../../../src/lib/server/responses.ts';
import {
	CookieJar,
	dashboardAction,
	dashboardOf,
	exportOf,
	newCohort,
	presentOf,
	signIn,
	submission,
	submit,
	warmUp,
	type CreatedCohort,
	sessionOf
} from '../../helpers/cohort-harness.ts';

beforeAll(() => warmUp(), 120_000);
afterAll(() => closeDatabase());

/** Makes (or replaces) the co-facilitator link as the facilitator; returns its token. */
async function viewerToken(cohort: CreatedCohort) {
	const made = await dashboardAction(cohort, 'rotateViewer');
	expect(made.status).toBe(200);
	const data = made.data as { done: string; viewerLink: string };
	expect(data.done).toBe('viewer-rotated');
	return data.viewerLink.split('/f/')[1]!;
}

/** Signs a co-facilitator in with the token: the cohort as they see it, with their cookie jar. */
async function asViewer(cohort: CreatedCohort, token: string): Promise<CreatedCohort> {
	const jar = new CookieJar();
	const signedIn = await signIn(token, jar);
	expect(signedIn).toMatchObject({ status: 303, location: `/cohorts/${cohort.cohortId}` });
	return { ...cohort, jar };
}

describe('the co-facilitator link', () => {
	it('stores only its hash and signs in a read-only session for the dashboard and present view', async () => {
		const cohort = await newCohort({ minGroupSize: '3' });
		const facilitatorView = await dashboardOf(cohort);
		expect(facilitatorView.data).toMatchObject({ role: 'facilitator', hasViewerLink: false });
		const token = await viewerToken(cohort);
		expect((await dashboardOf(cohort)).data).toMatchObject({ hasViewerLink: true });
		const db = await database();
		const [row] = await db
			.select()
			.from(schema.cohorts)
			.where(eq(schema.cohorts.id, cohort.cohortId));
		expect(row!.viewerTokenHash).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify(row)).not.toContain(token);

		const viewer = await asViewer(cohort, token);
		const cookie = viewer.jar.values.get(`rolefit_f_${cohort.cohortId}`)!;
		expect(cookie.options).toMatchObject({ httpOnly: true, sameSite: 'strict' });
		for (let i = 0; i < 3; i += 1) await submit(cohort.joinCode, submission(10 + i));
		const dashboard = await dashboardOf(viewer, '?flagged=include');
		expect(dashboard.status).toBe(200);
		expect(dashboard.data).toMatchObject({ role: 'viewer', hasViewerLink: false });
		const present = await presentOf(viewer, '?flagged=include');
		expect(present.status).toBe(200);
		expect((present.data as { present: { aggregate: unknown } }).present.aggregate).not.toBeNull();
	});

	it('refuses exports and every setting and lifecycle action with the 404 of an unknown cohort', async () => {
		const cohort = await newCohort({ minGroupSize: '3', resultTiming: 'on-reveal' });
		// Three of the same answers (fresh keys): no figure is withheld, so the export is offered.
		for (let i = 0; i < 3; i += 1) await submit(cohort.joinCode, submission(20));
		const viewer = await asViewer(cohort, await viewerToken(cohort));
		for (const format of ['csv', 'json']) {
			expect(await exportOf(viewer, format)).toMatchObject({
				status: 404,
				body: { message: 'Not found' }
			});
		}
		expect((await exportOf(cohort, 'csv')).status).toBe(200);
		const session = sessionOf(viewer);
		for (const action of [
			'close',
			'reopen',
			'reveal',
			'hide',
			'rotate',
			'rotateViewer',
			'minimum',
			'delete'
		] as const) {
			const outcome = await dashboardAction(cohort, action, { confirm: 'Onboarding' }, session);
			expect(outcome, action).toMatchObject({ status: 404, body: { message: 'Not found' } });
		}
		// Nothing changed: still open, not revealed, every response kept, both links working.
		const [row] = await (
			await database()
		)
			.select()
			.from(schema.cohorts)
			.where(eq(schema.cohorts.id, cohort.cohortId));
		expect(row).toMatchObject({ closedAt: null, resultsRevealedAt: null });
		expect(await countResponses(cohort.cohortId)).toBe(3);
		expect((await signIn(cohort.token)).status).toBe(303);
		expect((await dashboardOf(viewer)).status).toBe(200);
	});

	it('replacing it ends the old link and its sessions, and only those', async () => {
		const cohort = await newCohort();
		const first = await viewerToken(cohort);
		const viewer = await asViewer(cohort, first);
		const second = await viewerToken(cohort);
		expect(second).not.toBe(first);
		expect(await signIn(first)).toMatchObject({ status: 404, body: { message: 'Not found' } });
		expect((await dashboardOf(viewer)).status).toBe(404);
		expect((await dashboardOf(cohort)).status).toBe(200); // the facilitator stays in
		const again = await asViewer(cohort, second);
		expect((await dashboardOf(again)).status).toBe(200);

		// Replacing the facilitator link leaves the co-facilitator's link and sessions alone.
		const rotated = await dashboardAction(cohort, 'rotate');
		expect(rotated.status).toBe(200);
		expect((await dashboardOf(again)).status).toBe(200);
		expect((await signIn(second)).status).toBe(303);
		expect((await signIn(cohort.token)).status).toBe(404);
	});

	it("a viewer's session opens no other cohort", async () => {
		const cohort = await newCohort();
		const other = await newCohort();
		const viewer = await asViewer(cohort, await viewerToken(cohort));
		const session = sessionOf(viewer);
		expect((await dashboardOf(other, '', session)).status).toBe(404);
		expect((await presentOf(other, '', session)).status).toBe(404);
	});
});
