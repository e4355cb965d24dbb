/**
 * The production server's security headers on every kind of response: prerendered pages, a
 * server-rendered 404 (shallow and deep), scripts, styles, static files and JSON; a malformed URL
 * answered 400 with one log line; and the pages still working under their policy in Chromium.
 *
 * The expected values are written out here, not imported from `src/server/headers.js`, so that
 * a change to a header has to change this test too.
 */
import {
	expect,
	test,
	type APIRequestContext,
	type APIResponse,
	type Page
} from '@playwright/test';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { resolve } from 'node:path';
import {
	allStrategic,
	createCohortAsFacilitator,
	expectQuestion,
	shareFragment,
	unique,
	waitForCharts
} from './helpers.ts';

const root = resolve(import.meta.dirname, '../..');
const LINK_LIMIT = 8 * 1024;
const denied = ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'display-capture'];

/** `/a/b/c/…`, `depth` segments deep. */
const deepPath = (depth: number) =>
	'/' + Array.from({ length: depth }, (_, i) => String.fromCharCode(97 + (i % 26))).join('/');

/** A policy as a map from directive name to its sources. */
function parseCsp(policy: string): Map<string, string[]> {
	return new Map(
		policy
			.split(';')
			.map((directive) => directive.trim().split(/\s+/))
			.filter(([name]) => name)
			.map(([name, ...sources]) => [name!.toLowerCase(), sources])
	);
}

/** The one value of a header, failing when it is missing or sent twice. */
function single(response: APIResponse, name: string): string {
	const values = response
		.headersArray()
		.filter((header) => header.name.toLowerCase() === name)
		.map((header) => header.value);
	expect(values, `${response.url()}: one ${name} header`).toHaveLength(1);
	return values[0]!;
}

/**
 * Checks every security header on `response` and returns its parsed policy. Nothing may frame a
 * response but an embed page, which names exactly the origins allowed to (`frameAncestors`).
 */
function expectSecurityHeaders(
	response: APIResponse,
	{ frameAncestors = ["'none'"] }: { frameAncestors?: string[] } = {}
): Map<string, string[]> {
	const where = response.url();
	expect(single(response, 'x-content-type-options'), where).toBe('nosniff');
	expect(single(response, 'referrer-policy'), where).toBe('strict-origin-when-cross-origin');
	expect(single(response, 'cross-origin-opener-policy'), where).toBe('same-origin');
	const permissions = single(response, 'permissions-policy');
	for (const feature of denied)
		expect(permissions, where).toMatch(new RegExp(`\\b${feature}=\\(\\)`));

	const csp = parseCsp(single(response, 'content-security-policy'));
	expect(csp.get('frame-ancestors'), where).toEqual(frameAncestors);
	const scripts = csp.get('script-src') ?? csp.get('default-src');
	expect(scripts, `${where}: script-src or default-src`).toBeDefined();
	expect(scripts, where).not.toContain("'unsafe-inline'");
	expect(scripts, where).not.toContain("'unsafe-eval'");

	const link = response.headers()['link'] ?? '';
	expect(Buffer.byteLength(link), `${where}: Link header size`).toBeLessThanOrEqual(LINK_LIMIT);
	return csp;
}

/** The bodies of the inline (`src`-less) scripts of an HTML page, with their opening tags. */
function inlineScripts(html: string) {
	return [...html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/g)].map(
		([, attributes, body]) => ({ attributes: attributes!, body: body! })
	);
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The strict policy of everything that is not a page. */
function expectResourcePolicy(csp: Map<string, string[]>) {
	expect(csp.get('default-src')).toEqual(["'none'"]);
}

async function get(request: APIRequestContext, path: string) {
	return request.get(path, { maxRedirects: 0 });
}

test.describe('security headers on every response', () => {
	for (const path of ['/', '/quiz', '/results', '/sources']) {
		test(`prerendered page ${path}: its CSP hashes are those of its inline scripts`, async ({
			request
		}) => {
			const response = await get(request, path);
			expect(response.status()).toBe(200);
			expect(response.headers()['content-type']).toContain('text/html');
			const csp = expectSecurityHeaders(response);
			const scripts = csp.get('script-src')!;
			const inline = inlineScripts(await response.text());
			expect(inline.length, 'the page boots from an inline script').toBeGreaterThan(0);
			for (const { body } of inline) expect(scripts).toContain(sha256(body));
			expect(scripts.filter((source) => source.startsWith("'sha256-"))).toHaveLength(inline.length);
		});
	}

	for (const [name, path] of [
		['404', '/no-such-page'],
		['deep 404', deepPath(50)]
	] as const) {
		test(`${name}: server-rendered, with a nonce on each inline script`, async ({ request }) => {
			const response = await get(request, path);
			expect(response.status()).toBe(404);
			const csp = expectSecurityHeaders(response);
			const nonces = csp.get('script-src')!.filter((source) => source.startsWith("'nonce-"));
			expect(nonces).toHaveLength(1);
			const nonce = nonces[0]!.slice("'nonce-".length, -1);
			const inline = inlineScripts(await response.text());
			expect(inline.length).toBeGreaterThan(0);
			for (const { attributes } of inline) expect(attributes).toContain(`nonce="${nonce}"`);
		});
	}

	test('embed pages: framed by exactly the allowed origins; their data by none', async ({
		request,
		baseURL
	}) => {
		// EMBED_ORIGINS as playwright.config.ts sets it for the server under test.
		const deployment = [`http://127.0.0.2:${new URL(baseURL!).port}`];
		for (const path of ['/embed/quiz', '/es/embed/quiz', '/de/embed/quiz', '/ar/embed/quiz']) {
			const response = await get(request, path);
			expect(response.status(), path).toBe(200);
			const csp = expectSecurityHeaders(response, { frameAncestors: deployment });
			expect(csp.get('script-src')!.some((source) => source.startsWith("'nonce-"))).toBe(true);
		}
		// A code no cohort has is explained in the frame, on the deployment's origins.
		expectSecurityHeaders(await get(request, '/embed/join/NOSUCHCODE'), {
			frameAncestors: deployment
		});
		// The page's data and the site's own pages: no one.
		expectSecurityHeaders(await get(request, '/embed/quiz/__data.json'));
		expectSecurityHeaders(await get(request, '/embed.js'));
	});

	test("a cohort's embed page: framed by exactly its facilitator's origins, else by none", async ({
		page,
		request
	}) => {
		const { code } = await createCohortAsFacilitator(page, { name: `Headers ${unique()}` });
		const embedPath = `/embed/join/${code}`;
		// None listed yet: nobody, not even the deployment's origins.
		expectSecurityHeaders(await get(request, embedPath));
		const embedding = page.getByRole('region', { name: 'Embed the join page' });
		await embedding
			.getByLabel('Sites allowed to show the join page')
			.fill('https://LMS.example.edu/\nhttps://intranet.example.com:8443');
		await embedding.getByRole('button', { name: 'Save' }).click();
		await expect(
			page.getByText('Saved: the sites listed may show the join page in a frame.')
		).toBeVisible();
		expectSecurityHeaders(await get(request, embedPath), {
			frameAncestors: ['https://lms.example.edu', 'https://intranet.example.com:8443']
		});
		// Its ordinary join page stays unframed.
		expectSecurityHeaders(await get(request, `/join/${code}`));
	});

	test('the Link header does not grow with the depth of the path', async ({ request }) => {
		const sizes: number[] = [];
		for (const depth of [1, 50, 400]) {
			const response = await get(request, deepPath(depth));
			expect(response.status()).toBe(404);
			expectSecurityHeaders(response);
			sizes.push(Buffer.byteLength(response.headers()['link'] ?? ''));
		}
		expect(sizes[0], 'the 404 page preloads its assets').toBeGreaterThan(0);
		expect(new Set(sizes).size, `Link header sizes ${sizes.join(', ')}`).toBe(1);
	});

	test('scripts, styles, static files and JSON get the strict policy', async ({ request }) => {
		const html = await (await get(request, '/quiz')).text();
		const script = html.match(/\/_app\/immutable\/[\w./-]+\.js/)?.[0];
		const style = html.match(/\/_app\/immutable\/[\w./-]+\.css/)?.[0];
		expect(script, 'a script URL in the /quiz page').toBeDefined();
		const assets = [script!, '/screenshots/results.png', '/quiz/__data.json', '/_app/version.json'];
		if (style) assets.push(style);
		for (const path of assets) {
			const response = await get(request, path);
			expect(response.status(), path).toBe(200);
			expectResourcePolicy(expectSecurityHeaders(response));
		}
	});

	test('the service worker may fetch from this origin, and load nothing else', async ({
		request
	}) => {
		const response = await get(request, '/service-worker.js');
		expect(response.status()).toBe(200);
		const csp = expectSecurityHeaders(response);
		expect(csp.get('default-src')).toEqual(["'none'"]);
		expect(csp.get('connect-src')).toEqual(["'self'"]);
		expect([...csp.keys()].sort()).toEqual(['connect-src', 'default-src', 'frame-ancestors']);
	});

	test('a missing asset is a 404 with every header', async ({ request }) => {
		const response = await get(request, '/_app/immutable/chunks/missing.js');
		expect(response.status()).toBe(404);
		expectSecurityHeaders(response);
	});

	test('a malformed URL is a short 400 with every header', async ({ request }) => {
		const response = await get(request, '/%E0%A4%A');
		expect(response.status()).toBe(400);
		expectResourcePolicy(expectSecurityHeaders(response));
		expect((await response.body()).length).toBeLessThan(100);
	});
});

test('a malformed URL writes one line to the log, not a stack trace', async () => {
	const server = spawn(process.execPath, ['src/server/index.js'], {
		cwd: root,
		// An in-memory database: a developer's ./data is never touched.
		env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: 'memory://', DATABASE_URL: '' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	server.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
	server.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
	try {
		// Start-up opens and migrates the database first: slow on a loaded machine.
		await expect
			.poll(() => log, { timeout: 45_000 })
			.toMatch(/Listening on http:\/\/127\.0\.0\.1:\d+/);
		const port = Number(/:(\d+)/.exec(log)![1]);
		const started = log;
		// A raw request: nothing between the test and the server re-encodes the path.
		const status = await new Promise<number | undefined>((done, fail) =>
			httpRequest({ host: '127.0.0.1', port, path: '/%E0%A4%A' }, (response) => {
				response.resume();
				response.on('end', () => done(response.statusCode));
			})
				.on('error', fail)
				.end()
		);
		expect(status).toBe(400);
		await expect.poll(() => log.length).toBeGreaterThan(started.length);
		// Anything slower to arrive than the line itself would show up here.
		await new Promise((done) => setTimeout(done, 300));
		const added = log.slice(started.length).trim().split('\n');
		expect(added).toHaveLength(1);
		expect(added[0]).toContain('/%E0%A4%A');
	} finally {
		server.kill('SIGTERM');
	}
});

test.describe('the pages work under their policy', () => {
	/** Collects CSP violations (from the page's start) and console errors. */
	async function watch(page: Page) {
		const problems: string[] = [];
		await page.addInitScript(() => {
			document.addEventListener('securitypolicyviolation', (event) => {
				console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
			});
		});
		page.on('console', (message) => {
			if (message.type() === 'error') problems.push(message.text());
		});
		page.on('pageerror', (error) => problems.push(error.message));
		return problems;
	}

	test('the start page', async ({ page }) => {
		const problems = await watch(page);
		await page.goto('/');
		await expect(page.getByRole('link', { name: 'Start the quiz' })).toBeVisible();
		// The app has started: client-side navigation to the quiz.
		await page.getByRole('link', { name: 'Start the quiz' }).click();
		await expectQuestion(page, 0);
		expect(problems).toEqual([]);
	});

	test('the quiz', async ({ page }) => {
		const problems = await watch(page);
		await page.goto('/quiz');
		await expectQuestion(page, 0);
		await page.keyboard.press('4');
		await page.keyboard.press('Enter');
		await expectQuestion(page, 1);
		expect(problems).toEqual([]);
	});

	test('a result with its charts', async ({ page }) => {
		const problems = await watch(page);
		await page.goto(`/results#${shareFragment(allStrategic())}`);
		// Drawn charts need the app started, the result computed and Chart.js loaded.
		await waitForCharts(page);
		expect(problems).toEqual([]);
	});

	test('the 404 page', async ({ page }) => {
		const problems = await watch(page);
		const response = await page.goto(deepPath(50));
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		// Its own 404 is expected; anything else is not.
		expect(problems.filter((text) => !text.includes('404'))).toEqual([]);
	});
});
