/**
 * Cohorts end to end, on the built server (its database in memory, see playwright.config.ts):
 * a facilitator creates a cohort and signs in with the private link; five people join, each in a
 * browser of their own, take the shared quiz and see their result at once; the dashboard, its
 * exports and the present view stay withheld until the group's minimum, on the server as well as
 * on the page; the fifth submission meets a server that is down (its POST is aborted, the first
 * time after the server stored it) and arrives once it is back, exactly once; the present view
 * follows without a reload; the CSV export has its header first and one escaped row per
 * response; a participant's private link shows and deletes their response. axe on every screen.
 *
 * Cohorts are named uniquely per run, so nothing depends on what an earlier run left.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import {
	allStrategic,
	answerAt,
	newContext,
	total,
	unique,
	expectedResult,
	expectNoViolations,
	expectQuestion,
	expectReview
} from './helpers.ts';
import type { Answers } from '../../src/lib/scoring/types.ts';

interface Created {
	name: string;
	joinCode: string;
	joinLink: string;
	facilitatorLink: string;
}

/** Fills in /cohorts/new and reads the links it shows (works with and without JavaScript). */
async function createCohort(page: Page, options: { collectNames?: boolean; min?: number } = {}) {
	const name = `E2E ${unique()}`;
	await page.goto('/cohorts/new');
	await page.getByLabel('Cohort name').fill(name);
	if (options.collectNames) await page.getByLabel(/Ask participants for a display name/).check();
	if (options.min) await page.getByLabel(/Minimum group size/).fill(String(options.min));
	await page.getByRole('button', { name: 'Create the cohort' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: `Cohort “${name}” is ready` })
	).toBeVisible();
	const joinLink = (await page.getByTestId('join-link').textContent())!.trim();
	const facilitatorLink = (await page.getByTestId('facilitator-link').textContent())!.trim();
	const joinCode = joinLink.split('/').pop()!;
	expect(joinCode).toMatch(/^[A-Z0-9]{8}$/);
	expect(facilitatorLink).toMatch(/\/f\/[A-Za-z0-9_-]{22,}$/);
	return { name, joinCode, joinLink, facilitatorLink } satisfies Created;
}

/** Opens the facilitator link: the token is swapped for a cookie and leaves the address bar. */
async function signIn(page: Page, created: Created) {
	await page.goto(created.facilitatorLink);
	await expect(page.getByRole('heading', { level: 1, name: created.name })).toBeVisible();
	const url = new URL(page.url());
	expect(url.pathname).toMatch(/^\/cohorts\/[^/]+$/);
	expect(page.url()).not.toContain(created.facilitatorLink.split('/f/')[1]!);
	const cookies = await page.context().cookies();
	const session = cookies.find((cookie) => cookie.httpOnly && cookie.sameSite === 'Strict');
	expect(session, JSON.stringify(cookies)).toBeDefined();
	return url.pathname;
}

/** Answers the question on screen by its digit key and Enter, every question, up to review. */
async function answerQuiz(page: Page, answers: Answers, from = 0) {
	for (let index = from; index < total; index++) {
		await expectQuestion(page, index);
		await page.keyboard.press(String(answerAt(answers, index)));
		await page.keyboard.press('Enter');
	}
	await expectReview(page);
}

/** Past the notice into the quiz (the button says "Start" or, with progress kept, "Continue"). */
async function startQuiz(page: Page, button: string, displayName?: string) {
	await expect(
		page.getByRole('heading', { name: 'Before you start: what is stored' })
	).toBeVisible();
	// A click before the page has hydrated submits the form natively (a reload): try again.
	await expect(async () => {
		if (displayName !== undefined) await page.getByLabel(/Your display name/).fill(displayName);
		await page.getByRole('button', { name: button }).click({ timeout: 2_000 });
		await expect(page.locator('[data-quiz]')).toBeAttached({ timeout: 2_000 });
	}).toPass({ timeout: 20_000 });
}

/**
 * From the participant link: the notice, the quiz, submit. Leaves the page on the end screen.
 * With `reloadAfter`, reloads after that many answers and expects the quiz to continue there.
 */
async function join(
	page: Page,
	created: Created,
	answers: Answers,
	displayName?: string,
	reloadAfter?: number
) {
	await page.goto(created.joinLink);
	await startQuiz(page, 'Start the quiz', displayName);
	if (reloadAfter !== undefined) {
		for (let index = 0; index < reloadAfter; index++) {
			await expectQuestion(page, index);
			await page.keyboard.press(String(answerAt(answers, index)));
			await page.keyboard.press('Enter');
		}
		await expectQuestion(page, reloadAfter);
		await page.reload();
		await startQuiz(page, 'Continue the quiz', displayName);
		await expectQuestion(page, reloadAfter);
		// The /quiz page's own saved quiz is not this one.
		expect(await page.evaluate(() => localStorage.getItem('rolefit.quiz'))).toBeNull();
	}
	await answerQuiz(page, answers, reloadAfter ?? 0);
	await page.getByRole('button', { name: 'See my result' }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
}

/** The dashboard's count of responses, freshly loaded. */
async function dashboardTotal(page: Page, dashboard: string) {
	await page.goto(dashboard);
	const count = page.getByTestId('total').locator('strong').first();
	await expect(count).toBeVisible();
	return Number(await count.textContent());
}

test.describe('cohorts', () => {
	test.use({ actionTimeout: 15_000 });

	test('create a cohort without JavaScript; the facilitator link signs in', async ({ browser }) => {
		const context = await newContext(browser, { javaScriptEnabled: false });
		const page = await context.newPage();
		const created = await createCohort(page, { min: 3 });
		await signIn(page, created);
		await expect(page.getByTestId('withheld')).toBeVisible();
		// The code typed on /join leads to the same cohort, without JavaScript too.
		await page.goto('/join');
		await page.getByLabel('Join code').fill(created.joinCode.toLowerCase());
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page).toHaveURL(new RegExp(`/join/${created.joinCode}$`));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Join “${created.name}”`);
		// A used token still works (until the link is replaced); an unknown one is a plain 404.
		const wrong = await page.request.get(
			created.facilitatorLink.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
			{
				maxRedirects: 0
			}
		);
		expect(wrong.status()).toBe(404);
		await context.close();
	});

	test('five people join; the dashboard, present view and exports follow the minimum', async ({
		browser
	}) => {
		test.setTimeout(300_000);
		const contexts: BrowserContext[] = [];
		const open = async () => {
			const context = await newContext(browser);
			contexts.push(context);
			return context.newPage();
		};

		// The facilitator: create (with JavaScript), sign in, axe on the form and the empty dashboard.
		const facilitator = await open();
		await facilitator.goto('/cohorts/new');
		await expectNoViolations(facilitator);
		const created = await test.step('create', () =>
			createCohort(facilitator, { collectNames: true }));
		const dashboard = await signIn(facilitator, created);
		const cohortId = dashboard.split('/').pop()!;
		await expect(facilitator.getByTestId('withheld')).toBeVisible();
		await expectNoViolations(facilitator);

		await facilitator.goto('/join');
		await expectNoViolations(facilitator);

		// Five people with the same verdict: a verdict given to fewer than five would be withheld,
		// and the exports with it (tests/e2e/cohort-privacy.spec.ts shows that side).
		const people: { answers: Answers; name: string }[] = [
			{ answers: allStrategic(), name: '=HYPERLINK("http://evil.example")' },
			{ answers: allStrategic(), name: 'Bo' },
			{ answers: allStrategic(), name: 'Cy' },
			{ answers: allStrategic(), name: '' },
			{ answers: allStrategic(), name: 'Ed' }
		];

		// Four people join and submit; each sees their own result at once.
		const participants: Page[] = [];
		let privateLink = '';
		for (const [index, person] of people.slice(0, 4).entries()) {
			await test.step(`participant ${index + 1}`, async () => {
				const page = await open();
				participants.push(page);
				if (index === 0) {
					await page.goto(created.joinLink);
					await expectNoViolations(page);
				}
				await join(page, created, person.answers, person.name, index === 1 ? 5 : undefined);
				await expect(page.getByTestId('submission-status')).toHaveAttribute('data-status', 'sent');
				// Their own result, at once, with the shared result view.
				await expect(page.locator('.verdict-sentence')).toHaveText(
					expectedResult(person.answers).sentence
				);
				const kept = (code: string) => localStorage.getItem(`rolefit.cohort-quiz.${code}`);
				expect(await page.evaluate(kept, created.joinCode)).toBeNull();
				if (index === 0) {
					privateLink = (await page.getByTestId('private-link').getAttribute('href'))!;
					await expectNoViolations(page);
				}
			});
		}

		// Below the minimum: withheld on the page, and by the server for every way in.
		expect(await dashboardTotal(facilitator, dashboard)).toBe(4);
		await expect(facilitator.getByTestId('withheld')).toBeVisible();
		await expect(facilitator.getByRole('link', { name: 'CSV' })).toHaveCount(0);
		await expectNoViolations(facilitator);
		for (const format of ['csv', 'json']) {
			const response = await facilitator.request.get(`${dashboard}/export.${format}`);
			expect(response.status()).toBe(409);
			expect(await response.text()).not.toMatch(/strategic|verdict|HYPERLINK/);
		}
		const data = await facilitator.request.get(`${dashboard}/__data.json`);
		expect(data.status()).toBe(200);
		const dataText = await data.text();
		expect(dataText).not.toContain('HYPERLINK');
		expect(dataText).not.toMatch(/"?aggregate"?:\{|"?individuals"?:\[\{/);

		// The present view, left open on a projector.
		const projector = await open();
		await projector.context().addCookies(await facilitator.context().cookies());
		await projector.goto(`${dashboard}/present?flagged=include`);
		await expect(projector.getByTestId('present-total')).toHaveText(/^4\s+responses so far/);
		await expectNoViolations(projector);
		// Anything set on the window survives only if the page is never reloaded.
		await projector.evaluate(() => ((window as unknown as { mark: number }).mark = 1));

		// The fifth person's submission meets a server that is down: the first attempt is stored
		// but its answer is lost on the way back, the next fails outright. Both wait on the device.
		const fifth = await open();
		let attempts = 0;
		await fifth.route('**/api/cohorts/*/responses', async (route) => {
			attempts += 1;
			if (attempts === 1) await route.fetch();
			await route.abort('internetdisconnected');
		});
		await join(fifth, created, people[4]!.answers, people[4]!.name);
		const status = fifth.getByTestId('submission-status');
		await expect(status).toHaveAttribute('data-status', 'waiting');
		await expect(status).toContainText('Saved on this device, will be sent');
		await expect.poll(() => attempts).toBeGreaterThanOrEqual(2);
		await expect(fifth.locator('.verdict-sentence')).toHaveText(
			expectedResult(people[4]!.answers).sentence
		);
		const outbox = await fifth.evaluate(() => localStorage.getItem('rolefit.outbox'));
		expect(JSON.parse(outbox!)).toHaveLength(1);

		// The server is back: sent, once.
		await fifth.unroute('**/api/cohorts/*/responses');
		await fifth.getByRole('button', { name: 'Try again now' }).click();
		await expect(status).toHaveAttribute('data-status', 'sent');
		expect(await fifth.evaluate(() => localStorage.getItem('rolefit.outbox'))).toBe('[]');

		// The projector has followed by itself (it reloads its data every 3 s).
		await expect(projector.getByTestId('present-total')).toHaveText(/^5\s+responses so far/, {
			timeout: 5_000
		});
		expect(await projector.evaluate(() => (window as unknown as { mark?: number }).mark)).toBe(1);
		await expect(projector.getByText(/Group results appear once/)).toHaveCount(0);
		await expect(projector.getByText(/HYPERLINK|Bo\b/)).toHaveCount(0);
		await expectNoViolations(projector);

		// Exactly one more response: the minimum is reached and the figures are shown.
		expect(await dashboardTotal(facilitator, dashboard)).toBe(5);
		// A quiz answered by a robot is rushed: every response carries a quality flag. Leaving
		// them out would leave nobody, and a cohort with names never offers the switch (the list
		// would tell who was left out): every response counts, and no flagged count is shown.
		await expect(facilitator.getByTestId('withheld')).toHaveCount(0);
		await expect(facilitator.getByRole('checkbox', { name: /quality flags/ })).toHaveCount(0);
		await expect(facilitator.getByText(/quality flags/)).toHaveCount(0);
		await expect(facilitator.getByRole('heading', { name: 'Individual responses' })).toBeVisible();
		await expect(facilitator.getByTestId('export-notice')).toBeVisible();
		await expectNoViolations(facilitator);

		// CSV: the header first, one row per response, a name that looks like a formula defused.
		await test.step('export CSV', async () => {
			const [download] = await Promise.all([
				facilitator.waitForEvent('download'),
				facilitator.getByRole('link', { name: 'CSV', exact: true }).first().click()
			]);
			expect(download.suggestedFilename()).toMatch(
				new RegExp(`^rolefit-cohort-${created.joinCode}-\\d{4}-\\d{2}-\\d{2}\\.csv$`)
			);
			const csv = await (await download.createReadStream()).toArray();
			const lines = Buffer.concat(csv).toString('utf8').trimEnd().split('\r\n');
			expect(lines[0]).toMatch(
				/^id,submitted_at,display_name,content_version,strategic,tactical,facet_.*,verdict,lean,profile$/
			);
			expect(lines).toHaveLength(1 + 5);
			expect(
				lines.filter((line) => line.includes(`"'=HYPERLINK(""http://evil.example"")"`))
			).toHaveLength(1);
			expect(lines.some((line) => /(^|,)=/.test(line))).toBe(false);
			const json = await facilitator.request.get(`${dashboard}/export.json`);
			expect(json.status()).toBe(200);
			const parsed = (await json.json()) as { notice: string; responses: unknown[] };
			expect(parsed.notice).toBe(
				(await facilitator.getByTestId('export-notice').textContent())!.trim()
			);
			expect(parsed.responses).toHaveLength(5);
		});

		// The first participant's private link: their response, then deleting it.
		await test.step('private link', async () => {
			const page = participants[0]!;
			await page.goto(privateLink);
			await expect(
				page.getByRole('heading', { name: `Your response to “${created.name}”` })
			).toBeVisible();
			await expect(page.locator('.verdict-sentence')).toHaveText(
				expectedResult(people[0]!.answers).sentence
			);
			await expectNoViolations(page);
			await page.getByRole('button', { name: 'Delete my response now' }).click();
			await expect(
				page.getByRole('heading', { level: 1, name: 'Your response is deleted' })
			).toBeVisible();
			await page.goto(privateLink);
			await expect(page.getByRole('heading', { name: /Your response to/ })).toHaveCount(0);
			expect(await dashboardTotal(facilitator, `${dashboard}?flagged=include`)).toBe(4);
			await expect(facilitator.getByTestId('withheld')).toBeVisible();
		});

		expect(cohortId).toBeTruthy();
		for (const context of contexts) await context.close();
	});
});
