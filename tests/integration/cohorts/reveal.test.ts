/**
 * Facilitator pacing: a cohort shows each participant's own result at once (as always) or once
 * the facilitator reveals results. The setting on the create form, the public status endpoint
 * (`{ revealed }` only; an unknown code gets the submission endpoint's 404), the dashboard's
 * reveal and hide actions and their access check. In-memory PGlite, or PostgreSQL with
 * DATABASE_URL (`npm run test:db`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { closeDatabase, database, schema } from '../../../src/lib/server/db/index.ts';
import {
	createCohort,
	dashboardAction,
	dashboardOf,
	joinPage,
	newCohort,
	ownPage,
	revealStatus,
	submission,
	submit,
	warmUp,
	sessionOf
} from '../../helpers/cohort-harness.ts';

beforeAll(() => warmUp(), 120_000);
afterAll(() => closeDatabase());

async function storedTiming(joinCode: string) {
	const db = await database();
	const [row] = await db
		.select({
			resultTiming: schema.cohorts.resultTiming,
			resultsRevealedAt: schema.cohorts.resultsRevealedAt
		})
		.from(schema.cohorts)
		.where(eq(schema.cohorts.joinCode, joinCode));
	return row!;
}

const joinCodeOf = (outcome: { data?: unknown }) =>
	(outcome.data as { created: { joinCode: string } }).created.joinCode;

describe('the result timing setting', () => {
	it('defaults to "at once" when the form leaves it out, as before the setting existed', async () => {
		const created = await createCohort({ name: 'No choice' });
		expect(created.status).toBe(200);
		expect(await storedTiming(joinCodeOf(created))).toEqual({
			resultTiming: 'immediate',
			resultsRevealedAt: null
		});
	});

	it('stores each choice; the join page tells the participant which', async () => {
		for (const [choice, onReveal] of [
			['immediate', false],
			['on-reveal', true]
		] as const) {
			const created = await createCohort({ name: `Timing ${choice}`, resultTiming: choice });
			expect(created.status).toBe(200);
			const joinCode = joinCodeOf(created);
			expect((await storedTiming(joinCode)).resultTiming).toBe(choice);
			const page = await joinPage(joinCode);
			expect(page.data).toMatchObject({
				cohort: { resultsOnReveal: onReveal, revealed: !onReveal }
			});
		}
	});

	it('answers 400 naming the field for an unknown choice, keeping what was typed', async () => {
		for (const value of ['later', '']) {
			const outcome = await createCohort({ name: 'Bad timing', resultTiming: value });
			expect(outcome.status).toBe(400);
			const data = outcome.data as { errors: Record<string, string>; values: object };
			expect(Object.keys(data.errors)).toEqual(['resultTiming']);
			expect(data.values).toMatchObject({ name: 'Bad timing', resultTiming: value });
		}
	});
});

describe('the status endpoint and the reveal', () => {
	it('says only whether results are revealed, before and after the reveal and when hidden again', async () => {
		const cohort = await newCohort({ resultTiming: 'on-reveal' });
		await submit(cohort.joinCode, submission(1));
		const before = await revealStatus(cohort.joinCode);
		expect(before.status).toBe(200);
		expect(before.body).toEqual({ revealed: false });
		expect(before.response!.headers.get('cache-control')).toBe('no-store');
		expect((await dashboardOf(cohort)).data).toMatchObject({
			pacing: { onReveal: true, revealed: false }
		});

		expect(await dashboardAction(cohort, 'reveal')).toMatchObject({
			status: 200,
			data: { done: 'revealed' }
		});
		expect((await revealStatus(cohort.joinCode)).body).toEqual({ revealed: true });
		expect((await revealStatus(cohort.joinCode.toLowerCase())).body).toEqual({ revealed: true });
		expect((await joinPage(cohort.joinCode)).data).toMatchObject({ cohort: { revealed: true } });
		expect((await dashboardOf(cohort)).data).toMatchObject({ pacing: { revealed: true } });
		expect((await storedTiming(cohort.joinCode)).resultsRevealedAt).toBeInstanceOf(Date);

		expect((await dashboardAction(cohort, 'hide')).data).toEqual({ done: 'hidden' });
		expect((await revealStatus(cohort.joinCode)).body).toEqual({ revealed: false });
	});

	it('a cohort that shows results at once is revealed from the start and has nothing to reveal', async () => {
		const cohort = await newCohort();
		expect((await revealStatus(cohort.joinCode)).body).toEqual({ revealed: true });
		const refused = await dashboardAction(cohort, 'reveal');
		expect(refused.status).toBe(400);
		expect((refused.data as { errors: Record<string, string> }).errors).toHaveProperty('reveal');
	});

	it('answers an unknown or malformed code with the same 404 as the submission endpoint', async () => {
		const submitted = await submit('ZZZZZZZZ', submission(2));
		expect(submitted.status).toBe(404);
		for (const code of ['ZZZZZZZZ', 'not a code', '']) {
			const outcome = await revealStatus(code);
			expect(outcome.status).toBe(404);
			expect(outcome.body).toEqual(submitted.body);
		}
	});

	it('refuses reveal and hide without the session, with the 404 of an unknown cohort', async () => {
		const cohort = await newCohort({ resultTiming: 'on-reveal' });
		const other = await newCohort({ resultTiming: 'on-reveal' });
		for (const session of ['wrong', sessionOf(other)!]) {
			for (const action of ['reveal', 'hide'] as const) {
				const outcome = await dashboardAction(cohort, action, {}, session);
				expect(outcome).toMatchObject({ status: 404, body: { message: 'Not found' } });
			}
		}
		expect((await revealStatus(cohort.joinCode)).body).toEqual({ revealed: false });
	});

	it('the private link shows the result before the reveal, as before', async () => {
		const cohort = await newCohort({ resultTiming: 'on-reveal' });
		const body = submission(3);
		expect((await submit(cohort.joinCode, body)).status).toBe(201);
		const page = await ownPage(body.key);
		expect(page.status).toBe(200);
		expect((page.data as { own: { result: unknown } }).own.result).not.toBeNull();
	});
});
