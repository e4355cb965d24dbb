/**
 * Two app processes (the built server) on one PostgreSQL: what one stores the other shows, and
 * the per-address rate limit counts requests to both. Runs with DATABASE_URL and a build
 * (`.ci/run` does both); skipped otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createCohortOver,
	hasBuild,
	signInOver,
	startServer,
	type AppServer
} from '../../helpers/app-server.ts';
import { submission } from '../../helpers/cohort-harness.ts';

const postgres = process.env.DATABASE_URL;

// On CI the build must be there (the e2e step made it): a missing one fails instead of skipping.
describe.skipIf(!postgres || (!hasBuild() && !process.env.CI))(
	'two instances on one PostgreSQL',
	() => {
		let a: AppServer;
		let b: AppServer;
		beforeAll(async () => {
			const env = {
				DATABASE_URL: postgres!,
				RATE_LIMIT_SUBMIT: '6/86400',
				// As behind a load balancer: the client address comes from X-Forwarded-For.
				ADDRESS_HEADER: 'x-forwarded-for',
				XFF_DEPTH: '1'
			};
			// Started at the same moment: the migration lock keeps them from racing.
			[a, b] = await Promise.all([startServer(4861, env), startServer(4862, env)]);
		}, 90_000);
		afterAll(async () => {
			await Promise.all([a?.stop(), b?.stop()]);
		});

		const send = (server: AppServer, code: string, seed: number, address = '203.0.113.1') =>
			fetch(`${server.origin}/api/cohorts/${code}/responses`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
				body: JSON.stringify(submission(seed))
			});

		it('a response submitted to one instance appears on the dashboard served by the other', async () => {
			const cohort = await createCohortOver(a.origin, { name: 'Two instances', minGroupSize: '3' });
			const { cookie, dashboard } = await signInOver(b.origin, cohort.token);
			const before = await (await fetch(b.origin + dashboard, { headers: { cookie } })).text();
			// The dashboard's total, without Svelte's hydration markers (`<!--[-->`).
			const totalOf = (html: string) => html.replace(/<!--.*?-->/g, '');
			expect(totalOf(before)).toMatch(/data-testid="total"><strong>0<\/strong>/);
			expect((await send(a, cohort.joinCode, 1)).status).toBe(201);
			const after = await (await fetch(b.origin + dashboard, { headers: { cookie } })).text();
			expect(totalOf(after)).toMatch(/data-testid="total"><strong>1<\/strong>/);
		});

		it('the rate limit counts requests to both instances together', async () => {
			const cohort = await createCohortOver(b.origin, { name: 'Limits', minGroupSize: '3' });
			const statuses: number[] = [];
			const address = `198.51.100.${process.pid % 250}`;
			for (let i = 0; i < 8; i += 1) {
				statuses.push((await send(i % 2 === 0 ? a : b, cohort.joinCode, 100 + i, address)).status);
			}
			expect(statuses).toEqual([201, 201, 201, 201, 201, 201, 429, 429]);
			const limited = await send(a, cohort.joinCode, 200, address);
			expect(limited.status).toBe(429);
			expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
		});
	}
);
