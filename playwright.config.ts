/**
 * End-to-end tests: the built app (`npm run build`, served by `src/server/index.js` with its
 * security headers) driven in a real Chromium.
 *
 * The browser is the system's Chromium (`CHROMIUM_PATH`, default /usr/bin/chromium), never one
 * downloaded by Playwright. Two projects share that browser:
 *
 * - `e2e`: the suite (`tests/e2e/*.spec.ts`), run by `npm run test:e2e`;
 * - `bench`: the responsiveness figure (`tests/e2e/*.bench.ts`), run only by `npm run bench:e2e`,
 *   because it measures rather than checks and wants the machine to itself.
 *
 * A bare `npx playwright test` runs both; pass `--project=e2e` or `--project=bench` to pick one.
 *
 * The server listens on port `E2E_PORT` (default 4173), so that two checkouts on one machine can
 * run their suites side by side. Its cohort database is in memory (`DATA_DIR=memory://`): every
 * run starts empty and a developer's `./data` is never touched; `DATABASE_URL` is cleared so an
 * exported one is not used either. All browsers come from 127.0.0.1, so the per-address limits
 * on joining and submitting are raised (the integration tests check the limits themselves).
 */
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results/e2e',
	reporter: 'list',
	forbidOnly: !!process.env.CI,
	fullyParallel: false,
	// The machine has two cores: one browser per core at most.
	workers: 2,
	// Waits are explicit; a retry on CI only absorbs a slow or overloaded runner.
	retries: process.env.CI ? 1 : 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	use: {
		baseURL,
		browserName: 'chromium',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			// Runs as root on a machine without network access.
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		},
		trace: 'retain-on-failure'
	},
	projects: [
		{ name: 'e2e', testMatch: /.*\.spec\.ts$/ },
		{ name: 'bench', testMatch: /.*\.bench\.ts$/, use: { trace: 'off' } }
	],
	webServer: {
		command: 'node src/server/index.js',
		port,
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			DATA_DIR: 'memory://',
			DATABASE_URL: '',
			RATE_LIMIT_CREATE: '200/3600',
			RATE_LIMIT_JOIN: '600/60',
			RATE_LIMIT_SUBMIT: '600/60',
			// The embed tests' host page, on another loopback address (tests/e2e/embed.spec.ts).
			EMBED_ORIGINS: `http://127.0.0.2:${port}`
		},
		reuseExistingServer: !process.env.CI,
		timeout: 60_000
	}
});
