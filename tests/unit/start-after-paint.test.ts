/**
 * The quiz's start script, rewritten to import the app only once the first contentful paint is
 * reported (start-after-paint.ts): the imports wait for it, the page's policy carries the new
 * script's hash, and a script SvelteKit no longer writes this way fails loudly.
 */
import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { startAfterPaint } from '../../src/lib/server/start-after-paint.ts';

/** SvelteKit 2's start script as it writes it into a prerendered page (trimmed data). */
const startScript = `
				{
					__sveltekit_x = { base: "" };

					const element = document.currentScript.parentElement;

					Promise.all([
						import("/_app/immutable/entry/start.AbC123.js"),
						import("/_app/immutable/entry/app.dEf-456.js")
					]).then(([kit, app]) => {
						kit.start(app, element, { node_ids: [0, 6] });
					});
				}
			`;
const hash = (script: string) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
const page = (script: string) =>
	`<html><head><meta http-equiv="content-security-policy" content="script-src 'self' ${hash(script)}"></head>` +
	`<body><div><script>${script}</script></div></body></html>`;
const scriptOf = (html: string) => html.match(/<script>([\s\S]*?)<\/script>/)![1]!;

/**
 * Runs a rewritten start script with a stand-in browser and reports which imports it made when.
 * `paint` reports the first contentful paint; `later` runs the queued timers.
 */
function run(script: string, { paintSupported = true } = {}) {
	const imported: string[] = [];
	const timers: { delay: number; callback: () => void }[] = [];
	type Entries = { getEntriesByName(name: string): unknown[] };
	const observers = new Set<PerformanceObserver>();
	const frames: (() => void)[] = [];
	class PerformanceObserver {
		static supportedEntryTypes = paintSupported ? ['paint', 'largest-contentful-paint'] : [];
		constructor(readonly callback: (list: Entries, observer: PerformanceObserver) => void) {}
		observe() {
			observers.add(this);
		}
		disconnect() {
			observers.delete(this);
		}
	}
	const context = {
		document: { currentScript: { parentElement: {} } },
		setTimeout: (callback: () => void, delay = 0) => timers.push({ delay, callback }),
		requestAnimationFrame: (callback: () => void) => frames.push(callback),
		// `import()` cannot be given to a vm context; the script's imports are renamed to this.
		importModule: (url: string) => {
			imported.push(url);
			return new Promise(() => {});
		},
		PerformanceObserver,
		Intl: {
			NumberFormat: class {
				constructor() {
					imported.push('(locale data)');
				}
			}
		},
		__sveltekit_x: undefined
	};
	// As in a browser, `self` is the global object.
	Object.assign(context, { self: context });
	runInNewContext(script.replaceAll('import(', 'importModule('), context);
	const settle = () => new Promise((done) => setImmediate(done));
	return {
		imported,
		async paint(name: string) {
			const entries: Entries = { getEntriesByName: (wanted) => (wanted === name ? [{}] : []) };
			for (const observer of [...observers]) observer.callback(entries, observer);
			await settle();
		},
		async frame() {
			frames.splice(0).forEach((callback) => callback());
			await settle();
		},
		/** Runs the timers queued so far that are due within `ms`. */
		async timersWithin(ms: number) {
			for (const timer of timers.splice(0)) {
				if (timer.delay <= ms) timer.callback();
				else timers.push(timer);
			}
			await settle();
		}
	};
}

describe('startAfterPaint', () => {
	it('imports the entries only after the first contentful paint is reported', async () => {
		const rewritten = scriptOf(startAfterPaint(page(startScript)));
		const browser = run(rewritten);
		await browser.timersWithin(0);
		await browser.frame();
		expect(browser.imported, 'before any paint').toEqual([]);
		await browser.paint('first-paint');
		await browser.timersWithin(0);
		expect(browser.imported, 'after a paint with nothing in it').toEqual([]);
		await browser.paint('first-contentful-paint');
		expect(browser.imported, 'before the task after the report').toEqual([]);
		await browser.timersWithin(0);
		expect(browser.imported).toEqual([
			'/_app/immutable/entry/start.AbC123.js',
			'/_app/immutable/entry/app.dEf-456.js'
		]);
		// In a task of its own, while the scripts download: the locale data numbers need.
		await browser.timersWithin(0);
		expect(browser.imported.at(-1)).toBe('(locale data)');
	});

	it('without paint timing, imports after the next frame', async () => {
		const browser = run(scriptOf(startAfterPaint(page(startScript))), { paintSupported: false });
		await browser.timersWithin(0);
		expect(browser.imported).toEqual([]);
		await browser.frame();
		await browser.timersWithin(0);
		expect(browser.imported.filter((url) => url.endsWith('.js'))).toHaveLength(2);
	});

	it('a page never painted (a tab never shown) starts after ten seconds', async () => {
		const browser = run(scriptOf(startAfterPaint(page(startScript))));
		await browser.timersWithin(9999);
		expect(browser.imported).toEqual([]);
		await browser.timersWithin(10000);
		expect(browser.imported).toHaveLength(2);
	});

	it("replaces the script's hash in the page's policy with the new script's", () => {
		const html = startAfterPaint(page(startScript));
		const rewritten = scriptOf(html);
		expect(rewritten).not.toBe(startScript);
		expect(html).not.toContain(hash(startScript));
		expect(html).toContain(`script-src 'self' ${hash(rewritten)}`);
	});

	it('leaves a page without hashes (a nonce instead) otherwise as it was', () => {
		const html = `<html><body><script>${startScript}</script></body></html>`;
		const rewritten = startAfterPaint(html);
		expect(rewritten.replace(scriptOf(rewritten), startScript)).toBe(html);
	});

	it('fails loudly when SvelteKit writes its start script another way', () => {
		expect(() => startAfterPaint('<html><body>no script</body></html>')).toThrow(
			'expected one start script, found 0'
		);
		const oneImport = startScript.replace(/\s*import\("[^"]+app[^"]+"\)/, '');
		expect(() => startAfterPaint(page(oneImport))).toThrow(
			'expected the two entry imports, found 1'
		);
	});
});
