/**
 * The results page of issue 10, on a phone (390×844) and a desktop (1280×800): the summary card
 * first, what to try next, why, one direction everywhere, coming back later ("last time → now"),
 * shared results, the card as a PNG, two columns on a wide screen, damaged links and storage
 * that recover within a second, offline, and axe on every state.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { fill } from '../../src/lib/content/template.ts';
import { recordResult, RESULTS_STORAGE_KEY } from '../../src/lib/results/saved-results.ts';
import {
	agreeToEverything,
	allStrategic,
	allTactical,
	answerWholeQuiz,
	axeViolations,
	content,
	shareFragment,
	slightProductLean,
	shownResult
} from './helpers.ts';

const text = content.resultsPage;
const { wording } = content.instrument;

type Answers = Record<string, number>;

const viewports = {
	phone: { width: 390, height: 844 },
	desktop: { width: 1280, height: 800 }
} as const;

/** Neither agrees nor disagrees; picks the product side and the project side in turn. */
function undecided(): Answers {
	const answers: Answers = {};
	for (const item of content.items) answers[item.id] = 3;
	content.scenarios.forEach((scenario, index) => (answers[scenario.id] = index % 2 === 0 ? 2 : 1));
	return answers;
}

/** The stored text of own results, newest last in `results`, as the page keeps them. */
function ownResults(results: { answers: Answers; savedAt: number }[]): string {
	const data = new Map<string, string>();
	const storage = {
		getItem: (key: string) => data.get(key) ?? null,
		setItem: (key: string, value: string) => void data.set(key, value),
		removeItem: (key: string) => void data.delete(key)
	};
	let entries = recordResult(storage, content.instrument, [], 'v0.0.0.x.AA', 0).slice(0, 0);
	for (const { answers, savedAt } of results) {
		entries = recordResult(storage, content.instrument, entries, shareFragment(answers), savedAt);
	}
	return data.get(RESULTS_STORAGE_KEY)!;
}

/** Puts `items` in this origin's localStorage (from a page of the site). */
async function seedStorage(page: Page, items: Record<string, string>) {
	// A page that reads no storage: the start page sets an unreadable quiz aside once its scripts
	// arrive, which raced with the seeding.
	await page.goto('/sources');
	await page.evaluate((entries) => {
		for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
	}, items);
}

/** Everything this origin keeps in localStorage. */
function storageOf(page: Page): Promise<Record<string, string>> {
	return page.evaluate(() => ({ ...localStorage }));
}

/** Bottom edge of `locator` in CSS pixels from the top of the page. */
async function bottomOf(locator: Locator): Promise<number> {
	const box = await locator.boundingBox();
	if (!box) throw new Error('not rendered');
	const scrollY = await locator.page().evaluate(() => window.scrollY);
	return box.y + scrollY + box.height;
}

/** The centre of the "You" point and of the map, in screen pixels. */
async function mapPoint(page: Page) {
	const map = page.locator('svg.result-map');
	const box = (await map.boundingBox())!;
	const point = (await map.locator('circle.point').boundingBox())!;
	return { x: point.x + point.width / 2, centre: box.x + box.width / 2 };
}

/**
 * Milliseconds the page took from starting to read the result (its `rolefit:results-read` mark)
 * to having it, or the notice saying why there is none, on the page (`rolefit:results-shown`),
 * once `selector` (with `text` in it, when given) is there.
 */
async function msUntil(page: Page, selector: string, text?: string): Promise<number> {
	const handle = await page.waitForFunction(
		([wanted, words]) => {
			const found = [...document.querySelectorAll(wanted)].some(
				(element) => words === undefined || element.textContent?.trim() === words
			);
			const started = performance.getEntriesByName('rolefit:results-read').at(-1);
			const shown = performance.getEntriesByName('rolefit:results-shown').at(-1);
			if (!found || !started || !shown || shown.startTime < started.startTime) return false;
			return shown.startTime - started.startTime;
		},
		[selector, text] as const,
		{ polling: 'raf', timeout: 5000 }
	);
	return (await handle.jsonValue()) as number;
}

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

for (const [device, viewport] of Object.entries(viewports)) {
	test.describe(`on a ${device} (${viewport.width}×${viewport.height})`, () => {
		test.use({ viewport });

		test('the summary card comes first and whole: verdict, map with You, levels, strongest facets, buttons', async ({
			page
		}) => {
			await seedStorage(page, {
				[RESULTS_STORAGE_KEY]: ownResults([{ answers: allStrategic(), savedAt: Date.now() }])
			});
			await page.goto('/results');
			await shownResult(page);
			await expect(page.getByRole('heading', { level: 1, name: text.card.heading })).toBeVisible();

			const card = page.locator('header.summary');
			const sentence = page.locator('.verdict-sentence');
			await expect(sentence).toHaveText(wording.verdicts.product.sentence);
			const map = page.getByRole('img', { name: /^A map of your two levels/ });
			await expect(map).toBeVisible();
			const you = map.locator('text.you');
			await expect(you).toHaveText(text.map.you);
			const buttons = [text.actions.copyLink, text.actions.downloadImage, text.actions.print];
			// Without scrolling: all of it inside the first screen.
			for (const part of [
				sentence,
				map,
				you,
				card.getByText(text.levels.strategic),
				card.getByText(text.levels.tactical),
				card.getByText(`${text.card.strongest}:`),
				...buttons.map((name) => page.getByRole('button', { name }))
			]) {
				await expect(part).toBeInViewport({ ratio: 1 });
			}
			expect(await bottomOf(card)).toBeLessThanOrEqual(viewport.height);

			// The next step follows within a screen and a half.
			const next = page.getByRole('heading', { level: 2, name: text.next.heading });
			expect(await bottomOf(next)).toBeLessThanOrEqual(1.5 * viewport.height);
		});

		test('a shared link: the verdict, the map with You and the next step within a screen and a half', async ({
			page
		}) => {
			await page.goto(`/results#${shareFragment(allTactical())}`);
			await shownResult(page);
			await expect(
				page.getByRole('heading', { level: 1, name: text.card.sharedHeading })
			).toBeVisible();
			const map = page.getByRole('img', { name: /^A map of your two levels/ });
			for (const part of [page.locator('.verdict-sentence'), map, map.locator('text.you')]) {
				await expect(part).toBeInViewport({ ratio: 1 });
			}
			const next = page.getByRole('heading', { level: 2, name: text.next.heading });
			expect(await bottomOf(next)).toBeLessThanOrEqual(1.5 * viewport.height);
		});

		test('what to try next: titles the sources name, three things of our own, the sources to read', async ({
			page
		}) => {
			await page.goto(`/results#${shareFragment(allStrategic())}`);
			await shownResult(page);
			const next = page.getByRole('region', { name: text.next.heading });
			const step = content.nextSteps.product;
			for (const title of step.titles) {
				await expect(next.getByText(title.title, { exact: true })).toBeVisible();
			}
			await expect(next.getByText(text.next.ours)).toBeVisible();
			const tries = next.locator('ol.tries > li');
			await expect(tries).toHaveText([...step.tries]);
			// A source to read opens its entry in the numbered list, and the link stays the result's.
			const url = page.url();
			const first = step.read[0]!;
			const title = content.sources.find((source) => source.id === first.source)!.title;
			await next.getByRole('link', { name: title, exact: true }).click();
			const entry = page.locator(`li#cite-${first.source}`);
			await expect(entry).toBeFocused();
			await expect(entry).toBeInViewport();
			await expect(entry).toContainText(title);
			expect(page.url()).toBe(url);

			// Unsettled answers: what would settle it.
			await page.goto(`/results#${shareFragment(undecided())}`);
			await expect(page.locator('.verdict-sentence')).toHaveText(
				wording.profiles.undecided.sentence
			);
			const settle = page.getByRole('heading', { name: text.next.settle });
			await expect(settle).toBeVisible();
			for (const line of content.nextSteps.undecided.settle) {
				await expect(page.getByText(line, { exact: true })).toBeVisible();
			}
		});

		test('why did I get this: a facet opens to the answers that moved it, in the person’s words', async ({
			page
		}) => {
			const answers = allStrategic();
			await page.goto(`/results#${shareFragment(answers)}`);
			await shownResult(page);
			const facet = page.locator('details[data-facet="strategic.vision"]');
			await expect(facet).not.toHaveAttribute('open');
			await facet.locator('summary').click();
			await expect(facet).toHaveAttribute('open', '');
			const item = content.items.find(
				(i) => i.facet === 'strategic.vision' && i.keyed === 'plus' && answers[i.id] === 5
			)!;
			await expect(
				facet.getByText(`${text.why.answered[4]}: “${item.text}” (${text.why.raised})`)
			).toBeVisible();
			const lowered = page.locator('details[data-facet="tactical.planning"]');
			await lowered.locator('summary').click();
			await expect(lowered.getByText(`(${text.why.lowered})`).first()).toBeVisible();
		});

		test('one direction everywhere: product right, project left, in the card, the map and the charts', async ({
			page
		}) => {
			for (const [answers, side] of [
				[allStrategic(), 'product'],
				[allTactical(), 'project']
			] as const) {
				await page.goto(`/results#${shareFragment(answers)}`);
				await shownResult(page);
				const { x, centre } = await mapPoint(page);
				if (side === 'product') expect(x).toBeGreaterThan(centre);
				else expect(x).toBeLessThan(centre);
				const map = page.locator('svg.result-map');
				const left = (await map.getByText(wording.verdicts.project.label).boundingBox())!;
				const right = (await map.getByText(wording.verdicts.product.label).boundingBox())!;
				expect(left.x).toBeLessThan(right.x);
				const tactical = (await page.locator('.score.tactical').boundingBox())!;
				const strategic = (await page.locator('.score.strategic').boundingBox())!;
				expect(tactical.x).toBeLessThan(strategic.x);
				// The position chart's axis runs from project (−100) to product (+100), as its table says.
				await expect(page.locator('#chart-position caption')).toHaveText(
					text.charts.positionCaption
				);
			}
		});

		test('come back later: the result stays on this device, "last time → now" after a retake, and it can be forgotten', async ({
			page
		}) => {
			const lastTime = Date.UTC(2025, 0, 15, 12);
			await seedStorage(page, {
				[RESULTS_STORAGE_KEY]: ownResults([{ answers: allTactical(), savedAt: lastTime }])
			});
			await answerWholeQuiz(page, allStrategic());
			await page.getByRole('button', { name: 'See my result' }).first().click();
			await expect(page).toHaveURL(/\/results#v\d/);
			await shownResult(page);
			await expect(page.getByRole('heading', { level: 1, name: text.card.heading })).toBeVisible();

			const previous = page.getByRole('region', { name: text.previous.heading });
			await expect(previous).toBeVisible();
			const row = (what: string) =>
				previous.getByRole('row').filter({
					has: page.getByRole('rowheader', { name: what, exact: true })
				});
			await expect(row(text.previous.verdict)).toContainText(
				`${wording.verdicts.project.label}${wording.verdicts.product.label}`
			);
			await expect(row(text.levels.strategic).locator('td')).toHaveText(['0', '100']);
			await expect(row(text.levels.tactical).locator('td')).toHaveText(['100', '0']);

			// Later, without the link: the latest own result, still compared.
			await page.goto('/results');
			await expect(page.locator('.verdict-sentence')).toHaveText(wording.verdicts.product.sentence);
			await expect(page.getByRole('region', { name: text.previous.heading })).toBeVisible();

			await page.getByRole('button', { name: text.actions.forget }).click();
			await expect(page.getByText(text.states.forgotten)).toBeVisible();
			await expect(
				page.getByRole('heading', { level: 1, name: text.states.noneHeading })
			).toBeVisible();
			const left = await storageOf(page);
			expect(left[RESULTS_STORAGE_KEY]).toBeUndefined();
			expect(left['rolefit.quiz']).toBeUndefined();
			await page.reload();
			await expect(
				page.getByRole('heading', { level: 1, name: text.states.noneHeading })
			).toBeVisible();
		});

		test('a shared result says so, offers the quiz, and never touches the visitor’s own quiz or results', async ({
			page
		}) => {
			// The visitor has a result of their own and a quiz in progress.
			await seedStorage(page, {
				[RESULTS_STORAGE_KEY]: ownResults([{ answers: allTactical(), savedAt: Date.now() }])
			});
			await page.goto('/quiz');
			await page.locator('[data-quiz="ready"]').waitFor();
			await page.keyboard.press('4');
			await page.keyboard.press('Enter');
			// Both saves are in (the answer, then the move to the second question): what is stored
			// now must be what is stored after the shared result.
			const savedIndex = async () => {
				const saved = (await storageOf(page))['rolefit.quiz'];
				return saved === undefined ? undefined : JSON.parse(saved).snapshot.context.index;
			};
			await expect.poll(savedIndex).toBe(1);
			const before = await storageOf(page);

			await page.goto(`/results#${shareFragment(agreeToEverything())}`);
			await shownResult(page);
			await expect(
				page.getByRole('heading', { level: 1, name: text.card.sharedHeading })
			).toBeVisible();
			await expect(page.getByRole('heading', { level: 1, name: text.card.heading })).toHaveCount(0);
			await expect(page.getByText(text.card.sharedNote)).toBeVisible();
			await expect(page.getByRole('link', { name: text.card.takeQuizYourself })).toHaveAttribute(
				'href',
				'/quiz'
			);
			// Nothing of theirs to forget or retake here.
			await expect(page.getByRole('button', { name: text.actions.forget })).toHaveCount(0);
			await expect(page.getByRole('region', { name: text.previous.heading })).toHaveCount(0);
			expect(await storageOf(page)).toEqual(before);

			await page.getByRole('link', { name: text.card.ownLatest }).click();
			await expect(page.getByRole('heading', { level: 1, name: text.card.heading })).toBeVisible();
			await expect(page.locator('.verdict-sentence')).toHaveText(wording.verdicts.project.sentence);
			expect((await storageOf(page))['rolefit.quiz']).toBe(before['rolefit.quiz']);
		});

		test('a slight lean says which side on the card, in the map’s text and its next step, never "not settled"', async ({
			page
		}) => {
			await page.goto(`/results#${shareFragment(slightProductLean())}`);
			await shownResult(page);
			const { leans, profiles } = wording;
			await expect(page.locator('.verdict-sentence')).toHaveText(leans.product.sentence);
			await expect(
				page.getByRole('img', { name: new RegExp(`: ${leans.product.label}\\.`) })
			).toBeVisible();
			await expect(page.getByText(profiles.undecided.sentence)).toHaveCount(0);
			await expect(page.getByText(profiles.undecided.label, { exact: true })).toHaveCount(0);
			// Its own next step.
			await expect(page.getByText(content.nextSteps['lean-product'].intro.text)).toBeVisible();
		});

		test("a link made under 2.0.0 opens under today's rules with a note saying so", async ({
			page
		}) => {
			const earlier = { ...content.instrument, version: '2.0.0' };
			await page.goto(`/results#${shareFragment(allStrategic(), earlier)}`);
			await shownResult(page);
			await expect(page.locator('.verdict-sentence')).toHaveText(wording.verdicts.product.sentence);
			await expect(
				page.getByText(
					fill(text.states.rescored, { version: '2.0.0', current: content.instrument.version })
				)
			).toBeVisible();
		});

		test('the card downloads as a PNG drawn in the browser', async ({ page }) => {
			await page.goto(`/results#${shareFragment(allStrategic())}`);
			await shownResult(page);
			const [download] = await Promise.all([
				page.waitForEvent('download'),
				page.getByRole('button', { name: text.actions.downloadImage }).click()
			]);
			expect(download.suggestedFilename()).toBe(text.actions.imageFile);
			const bytes = await readFile((await download.path())!);
			// The PNG signature, then the IHDR chunk: 1080 pixels wide, taller than wide.
			expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
			expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
			expect(bytes.readUInt32BE(16)).toBe(1080);
			expect(bytes.readUInt32BE(20)).toBeGreaterThan(1080);
			expect(bytes.length).toBeGreaterThan(20_000);
			await expect(
				page.getByRole('status').filter({ hasText: text.actions.imageSaved })
			).toBeVisible();
		});

		test('a damaged or tampered link says so within a second, never "working out" for ever', async ({
			page
		}) => {
			const good = shareFragment(allStrategic());
			const at = good.length - 6;
			const changed = DIGITS[(DIGITS.indexOf(good[at]!) + 1) % DIGITS.length]!;
			const links = {
				'one character changed': good.slice(0, at) + changed + good.slice(at + 1),
				'cut short': good.slice(0, -5),
				'an option out of range (the largest body plus one)': `v${content.instrument.version}.${content.instrument.fingerprint}.${'_'.repeat(16)}AA`,
				'another version': shareFragment(allStrategic(), {
					...content.instrument,
					version: '1.9.0'
				}),
				junk: '%E2%9C%93%%%<script>',
				'megabytes of junk': 'v2.'.padEnd(200_000, 'x')
			};
			for (const [name, link] of Object.entries(links)) {
				await page.goto('/');
				await page.goto(`/results#${link}`);
				const ms = await msUntil(page, '[role="alert"]');
				expect(ms, name).toBeLessThan(1000);
				await expect(
					page.getByRole('heading', { level: 1, name: text.states.invalidHeading }),
					name
				).toBeVisible();
				await expect(page.getByText(text.states.loading)).toHaveCount(0);
				await expect(page.getByRole('link', { name: text.states.takeQuiz })).toBeVisible();
			}
		});

		test('saved results or a saved quiz that cannot be read are set aside with a notice within a second', async ({
			page
		}) => {
			// A finished quiz whose first question claims 99 options and holds answer 42.
			const quiz = (await import('../../src/lib/quiz/snapshot.ts')).serialiseQuiz(
				content.instrument,
				{
					status: 'active',
					value: 'submitted',
					context: {
						questions: content.sequence.map((id) => ({
							id,
							kind: content.items.some((item) => item.id === id) ? 'likert' : 'scenario',
							optionCount: id === content.sequence[0] ? 99 : 5
						})),
						index: 0,
						answers: { ...allStrategic(), [content.sequence[0]!]: 42 },
						seconds: {},
						enteredAt: null,
						returnToReview: false,
						submitError: null
					},
					historyValue: {},
					children: {}
				}
			)!;
			const cases: [string, Record<string, string>, string][] = [
				[
					'truncated saved results',
					{ [RESULTS_STORAGE_KEY]: '{"format":1,"entr' },
					text.states.savedResultsUnreadable
				],
				[
					'saved results of junk',
					{ [RESULTS_STORAGE_KEY]: 'x'.repeat(3_000_000) },
					text.states.savedResultsUnreadable
				],
				[
					'saved results from another version',
					{
						[RESULTS_STORAGE_KEY]: ownResults([{ answers: allStrategic(), savedAt: 1 }]).replace(
							`"version":"${content.instrument.version}"`,
							'"version":"1.2.0"'
						)
					},
					text.states.savedResultsOtherVersion
				]
			];
			for (const [name, items, notice] of cases) {
				await seedStorage(page, items);
				await page.goto('/results');
				const ms = await msUntil(page, 'main [role="status"]');
				expect(ms, name).toBeLessThan(1000);
				await expect(page.getByText(notice), name).toBeVisible();
				await expect(
					page.getByRole('heading', { level: 1, name: text.states.noneHeading })
				).toBeVisible();
				expect((await storageOf(page))[RESULTS_STORAGE_KEY], name).toBeUndefined();
				await page.evaluate(() => localStorage.clear());
			}

			// The tampered quiz: no result from it, no hang, and the quiz left for the quiz page.
			await seedStorage(page, { 'rolefit.quiz': quiz });
			await page.goto('/results');
			const ms = await msUntil(page, 'main h1', text.states.noneHeading);
			expect(ms).toBeLessThan(1000);
			await expect(
				page.getByRole('heading', { level: 1, name: text.states.noneHeading })
			).toBeVisible();
			expect((await storageOf(page))['rolefit.quiz']).toBe(quiz);
		});

		test('two columns from about 1,024 px wide, one below', async ({ page }) => {
			await page.goto(`/results#${shareFragment(allStrategic())}`);
			await shownResult(page);
			const card = page.locator('header.summary');
			const next = page.getByRole('region', { name: text.next.heading });
			const sideBySide = async () => {
				const a = (await card.boundingBox())!;
				const b = (await next.boundingBox())!;
				return b.x >= a.x + a.width && Math.abs(b.y - a.y) < 40;
			};
			expect(await sideBySide()).toBe(viewport.width >= 1024);
			await page.setViewportSize({ width: 1024, height: 768 });
			expect(await sideBySide()).toBe(true);
			await page.setViewportSize({ width: 1000, height: 768 });
			expect(await sideBySide()).toBe(false);
			// Stacked: the card first, the next step below it.
			expect((await next.boundingBox())!.y).toBeGreaterThan((await card.boundingBox())!.y);
			const scroll = await page.evaluate(() => [
				document.documentElement.scrollWidth,
				document.documentElement.clientWidth
			]);
			expect(scroll[0]).toBeLessThanOrEqual(scroll[1]!);
		});

		test('offline, once the app has loaded: a result link opens from the cache, no "500"', async ({
			page,
			context
		}) => {
			await page.goto(`/results#${shareFragment(allStrategic())}`);
			await shownResult(page);
			await page.evaluate(async () => {
				await navigator.serviceWorker.ready;
				if (!navigator.serviceWorker.controller) {
					await new Promise((resolve) =>
						navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true })
					);
				}
			});
			await context.setOffline(true);
			try {
				// Another link, opened afresh.
				await page.goto(`/results#${shareFragment(allTactical())}`);
				await expect(page.locator('.verdict-sentence')).toHaveText(
					wording.verdicts.project.sentence
				);
				await expect(page.getByText('500')).toHaveCount(0);
				// From another page of the app, by its own navigation.
				await page.goto('/');
				await page.evaluate(
					(link) => {
						const anchor = Object.assign(document.createElement('a'), { href: link });
						document.body.append(anchor);
						anchor.click();
					},
					`/results#${shareFragment(undecided())}`
				);
				await expect(page.locator('.verdict-sentence')).toHaveText(
					wording.profiles.undecided.sentence
				);
				await expect(page.getByText('500')).toHaveCount(0);
			} finally {
				await context.setOffline(false);
			}
		});
	});
}

for (const scheme of ['light', 'dark'] as const) {
	for (const [device, viewport] of Object.entries(viewports)) {
		test(`axe: every state of the results page, ${scheme}, ${device}`, async ({ page }) => {
			test.setTimeout(120_000);
			await page.emulateMedia({ colorScheme: scheme });
			await page.setViewportSize(viewport);
			const check = async (state: string) => {
				// The sections below the card are built a moment after it: check the whole page.
				if (await page.locator('article.result').count()) {
					await expect(page.locator('section.cited')).toBeAttached();
				}
				const violations = await axeViolations(page);
				expect(violations, `${state}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
			};

			// Own, with last time → now, quality notices, every facet and the list at the bottom open.
			await seedStorage(page, {
				[RESULTS_STORAGE_KEY]: ownResults([
					{ answers: allTactical(), savedAt: Date.UTC(2025, 0, 15) },
					{ answers: agreeToEverything(), savedAt: Date.now() }
				])
			});
			await page.goto('/results');
			await shownResult(page);
			await expect(page.getByRole('region', { name: text.previous.heading })).toBeVisible();
			await check('own result, last time → now');
			for (const summary of await page.locator('details > summary').all()) await summary.click();
			await expect(page.locator('details:not([open])')).toHaveCount(0);
			await check('own result, everything open');

			// Shared, with what would settle it.
			await page.goto(`/results#${shareFragment(undecided())}`);
			await shownResult(page);
			await expect(
				page.getByRole('heading', { level: 1, name: text.card.sharedHeading })
			).toBeVisible();
			await check('shared result');

			// The notices: forgotten, a link that cannot be read, nothing yet, unreadable storage.
			await page.goto('/results');
			await page.getByRole('button', { name: text.actions.forget }).click();
			await expect(page.getByText(text.states.forgotten)).toBeVisible();
			await check('forgotten');
			await page.goto(`/results#v${content.instrument.version}.abc.AAAA`);
			await expect(page.getByRole('alert')).toBeVisible();
			await check('damaged link');
			await seedStorage(page, { [RESULTS_STORAGE_KEY]: '{"entr' });
			await page.goto('/results');
			await expect(page.getByText(text.states.savedResultsUnreadable)).toBeVisible();
			await check('unreadable saved results, no result yet');
		});
	}
}
