/**
 * The quiz's HTML paints its first question by itself; the app only has to take over before the
 * first tap (one made earlier is kept: `tests/e2e/before-hydration.spec.ts`). So on the quiz
 * pages the app's scripts are fetched after the first paint, not beside it: no
 * `<link rel="modulepreload">` (the `preload` filter) and SvelteKit's start script waits until the
 * browser reports the first contentful paint before it imports its two entries. Otherwise a slow
 * phone spends its first second downloading scripts while the question waits to be painted
 * (Lighthouse counts them into the largest paint: issue 16 asks for LCP within 100 ms of FCP).
 *
 * Why the paint's report and not the next frame: a paint's time is when the frame reached the
 * screen, which the browser learns a little later. Scripts imported one frame after painting were
 * often requested before that time, and Lighthouse's simulation counted them into the largest
 * paint (LCP − FCP up to 200 ms in half the runs, with Chrome observing LCP = FCP). The report
 * comes after the time it reports, so nothing is requested before the paint. Where `paint` entries
 * are not supported the next frame is used; a tab never shown starts after ten seconds.
 *
 * Once the imports are under way, the script makes one number format. A page's first one loads
 * the browser's locale data, 50–120 ms on a slow phone (`prepareNumberFormats` in numbers.ts);
 * done here it fills time spent waiting for the network instead of lengthening the task in which
 * the app takes the page over (which shows the question's number).
 *
 * SvelteKit has no setting for when its start script runs, so its inline script is rewritten:
 * two exact strings, each of which must be found once (the build fails if SvelteKit changes
 * them), and the page's Content-Security-Policy hash of that script recomputed.
 */
import { createHash } from 'node:crypto';

/** The start script's first statement, and each entry's import in it. */
const ELEMENT_LINE = 'const element = document.currentScript.parentElement;';
const ENTRY_IMPORT = /import\(("\/[^"]+\/entry\/(?:start|app)\.[\w-]+\.js")\)/g;

/** A promise that settles once the browser has reported the first contentful paint. */
const AFTER_PAINT = `const afterPaint = new Promise((done) => {
	// The imports, then (a task of its own, while they download) the locale data numbers need.
	const start = () => setTimeout(() => { done(); setTimeout(() => new Intl.NumberFormat()); });
	if (!self.PerformanceObserver?.supportedEntryTypes?.includes('paint')) return requestAnimationFrame(start);
	new PerformanceObserver((list, observer) => {
		if (!list.getEntriesByName('first-contentful-paint').length) return;
		observer.disconnect();
		start();
	}).observe({ type: 'paint', buffered: true });
	setTimeout(done, 10000);
});`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** Whether a page's scripts wait for its first paint: the quiz, in every language. */
export const startsAfterPaint = (routeId: string | null) => routeId === '/[[lang=lang]]/quiz';

/** Keeps every preload but the scripts' (`resolve`'s `preload` option on the quiz pages). */
export const preloadAllButScripts = ({ type }: { type: string }) => type !== 'js';

/**
 * The page with its start script importing the app after the first paint, and the script's hash
 * in the page's policy (a `<meta>` on prerendered pages) replaced by the new script's.
 * Throws when the script is not SvelteKit's as this was written for.
 */
export function startAfterPaint(html: string): string {
	const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].filter((match) =>
		match[1]!.includes(ELEMENT_LINE)
	);
	if (scripts.length !== 1) {
		throw new Error(`start-after-paint: expected one start script, found ${scripts.length}`);
	}
	const original = scripts[0]![1]!;
	const imports = original.match(ENTRY_IMPORT) ?? [];
	if (imports.length !== 2) {
		throw new Error(`start-after-paint: expected the two entry imports, found ${imports.length}`);
	}
	const rewritten = original
		.replace(ELEMENT_LINE, `${ELEMENT_LINE}\n${AFTER_PAINT}`)
		.replace(ENTRY_IMPORT, 'afterPaint.then(() => import($1))');
	const oldHash = sha256(original);
	const page = html.replace(original, () => rewritten);
	// Server-rendered pages carry a nonce instead of hashes: nothing to replace there.
	return page.includes(oldHash) ? page.split(oldHash).join(sha256(rewritten)) : page;
}
