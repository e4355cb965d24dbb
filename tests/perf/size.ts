/**
 * `npm run size`: how much JavaScript each page makes a first-time visitor
 * download, gzipped, checked against budgets. Run `npm run build` first; this
 * script only reads the build output, it never builds.
 *
 * Why these figures: the quiz is the page people land on from a shared link or
 * a search, often on a phone, so its JavaScript is what decides how soon it
 * responds. Chart.js alone is bigger than the whole quiz, so it must stay a
 * lazy chunk of the results page and never reach the quiz. The budgets sit
 * just above what the pages need today, so that any growth has to be argued
 * for: raise a budget in the same commit that spends it, and say why.
 *
 * How a page's files are found (exact, no guessing from file names):
 *
 * 1. The prerendered HTML (`.svelte-kit/output/prerendered/pages/*.html`) says
 *    what the browser starts with: its inline script `import()`s the kit's
 *    `start` and `app` entries and hydrates `node_ids: [0, N]` (root layout
 *    plus the page's node).
 * 2. The Vite manifest (`.svelte-kit/output/client/.vite/manifest.json`) gives
 *    each of those chunks' static `imports`, followed transitively. Those are
 *    fetched before the page can run. `dynamicImports` are not followed: they
 *    load later, when code asks for them (Chart.js on the results page, after
 *    first paint), and are reported apart as "lazy". The `app` entry's dynamic
 *    imports (every route's node, the error template) are the router's and
 *    are ignored: a page never loads another page's node on first visit. (The
 *    router does fetch the small root error page node, `nodes/1`, as soon as it
 *    starts, but without waiting for it: not counted either.)
 *    A page whose load imports a chunk before the page shows (the results page's content in
 *    its language) names it in `loadedFirst`: it is fetched on every first visit, so counted.
 * 3. The HTML's `<link rel="modulepreload">` list is compared with that set.
 *    SvelteKit preloads exactly the static closure, so they agree; if a future
 *    SvelteKit changes that, the union (what the browser fetches) is counted and
 *    a warning says the two differ.
 *
 * Sizes: each file gzipped on its own at level 9 (adapter-node precompresses
 * files one by one at that level) and summed. KB = 1024 bytes.
 *
 * Every language has its own pages (`/es`, `/es/quiz`, `/es/results`), each with the same budget:
 * a page ships only its own language's words, so no language may cost another's bytes.
 *
 * Output: one line per page with its margin to the budget, then every page's
 * files, largest first, with what each one is.
 *
 * Exit codes: 0 within budget, 1 over budget or Chart.js reachable from /quiz,
 * 2 the build output is missing or not what this script understands.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '../..');
const output = join(root, '.svelte-kit/output');
const clientDir = join(output, 'client');
const manifestPath = join(clientDir, '.vite/manifest.json');
const pagesDir = join(output, 'prerendered/pages');

const KB = 1024;

interface Page {
	route: string;
	/** The prerendered HTML file for the route, in `pagesDir`. */
	html: string;
	/** Gzipped bytes allowed on first visit; undefined means reported only. */
	budget?: number;
	/**
	 * Manifest keys of chunks the page's load imports before the page shows (the results page's
	 * content in its language): fetched on every first visit, so counted as first-visit files.
	 */
	loadedFirst?: string[];
}

/** English and every language under content/translations (each has its own pages). */
const languages = [
	'en',
	...readdirSync(join(root, 'content/translations'), { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.sort()
];

const pages: Page[] = languages.flatMap((code): Page[] => {
	const at = (path: string) => (code === 'en' ? path : `/${code}${path === '/' ? '' : path}`);
	const file = (name: string) =>
		code === 'en' ? name : name === 'index' ? code : `${code}/${name}`;
	return [
		// Issue 9 set 36 KB when the Svelte runtime chunk was 15.8 KB; with the quiz, results and
		// cohort pages of issues 10 and 11 it is 19.5 KB on every page (one shared chunk), while
		// `/`'s own code is 2 KB. 40 KB until the runtime is split per page (README, Performance
		// budgets).
		{ route: at('/'), html: `${file('index')}.html`, budget: 40 * KB },
		{ route: at('/quiz'), html: `${file('quiz')}.html`, budget: 50 * KB },
		// Also every results page with answers in its link: the fragment never reaches the server.
		{
			route: at('/results'),
			html: `${file('results')}.html`,
			budget: 90 * KB,
			loadedFirst: [`virtual:rolefit/content/${code}`]
		},
		...(code === 'en' ? [{ route: '/sources', html: 'sources.html' }] : [])
	];
});

/** The page Chart.js must never reach statically. */
const chartFreeRoute = '/quiz';

/**
 * Text that survives minification in Chart.js's own bundle: its licence banner
 * (unminified builds) and error messages from `new Chart()` (minified builds,
 * where class names like `BarController` are mangled away).
 */
const chartJsSignatures = [
	/Chart\.js v\d/,
	"Failed to create chart: can't acquire context from the given item",
	'Canvas is already in use. Chart with ID'
];

/** One entry of Vite's `.vite/manifest.json`. */
interface ManifestChunk {
	file: string;
	name?: string;
	src?: string;
	isEntry?: boolean;
	isDynamicEntry?: boolean;
	imports?: string[];
	dynamicImports?: string[];
}

type Manifest = Record<string, ManifestChunk>;

/** Manifest keys of SvelteKit's generated modules: route nodes and the error template. */
const generatedPrefix = '.svelte-kit/generated/';
const nodeKey = (id: number) => `${generatedPrefix}client-optimized/nodes/${id}.js`;

class BuildError extends Error {}

function fail(message: string): never {
	throw new BuildError(message);
}

function readManifest(): Manifest {
	if (!existsSync(manifestPath)) {
		fail(`no Vite manifest at ${rel(manifestPath)}: run npm run build first`);
	}
	return JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
}

function rel(path: string) {
	return path.startsWith(root) ? path.slice(root.length + 1) : path;
}

/** `_app/immutable/…js` from a URL in the HTML, whatever its `./` or `../` prefix. */
function appPath(url: string): string | undefined {
	return /(?:^|\/)(_app\/immutable\/[^?#]+\.js)$/.exec(url)?.[1];
}

interface HtmlFacts {
	entries: string[];
	nodeIds: number[];
	preloads: string[];
}

/** What a prerendered page tells the browser to load (see the header). */
function readHtml(page: Page): HtmlFacts {
	const path = join(pagesDir, page.html);
	if (!existsSync(path)) {
		fail(`no prerendered HTML for ${page.route} at ${rel(path)}: run npm run build first`);
	}
	const html = readFileSync(path, 'utf8');

	const entries = [...html.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)]
		.map((match) => appPath(match[1]!))
		.filter((file): file is string => file !== undefined);
	const ids = /node_ids:\s*\[([\d,\s]+)\]/.exec(html)?.[1];
	const preloads = [...html.matchAll(/<link\b[^>]*>/g)]
		.map((match) => match[0])
		.filter((tag) => /\brel=["']?modulepreload\b/.test(tag))
		.map((tag) => appPath(/\bhref=["']([^"']+)["']/.exec(tag)?.[1] ?? ''))
		.filter((file): file is string => file !== undefined);

	if (entries.length === 0 || ids === undefined) {
		fail(
			`${rel(path)} has no SvelteKit start script (import() of the entries and node_ids): ` +
				'is the page still prerendered?'
		);
	}
	return { entries, nodeIds: ids.split(',').map((id) => Number(id.trim())), preloads };
}

/** Manifest keys reachable from `start` through static imports, `start` included. */
function staticClosure(manifest: Manifest, start: Iterable<string>): Set<string> {
	const seen = new Set<string>();
	const stack = [...start];
	while (stack.length > 0) {
		const key = stack.pop()!;
		if (seen.has(key)) continue;
		const chunk = manifest[key] ?? fail(`the manifest has no chunk "${key}"`);
		seen.add(key);
		stack.push(...(chunk.imports ?? []));
	}
	return seen;
}

interface FileInfo {
	raw: number;
	gzip: number;
	chartJs: boolean;
}

const fileCache = new Map<string, FileInfo>();

/** Raw and gzip -9 size of a client file, and whether it is Chart.js. */
function fileInfo(file: string): FileInfo {
	const cached = fileCache.get(file);
	if (cached) return cached;
	const path = join(clientDir, file);
	if (!existsSync(path)) fail(`${rel(path)} is in the manifest but not on disk: rebuild`);
	const bytes = readFileSync(path);
	const text = bytes.toString('utf8');
	const info = {
		raw: bytes.length,
		gzip: gzipSync(bytes, { level: 9 }).length,
		chartJs: chartJsSignatures.some((signature) =>
			typeof signature === 'string' ? text.includes(signature) : signature.test(text)
		)
	};
	fileCache.set(file, info);
	return info;
}

interface Total {
	files: string[];
	raw: number;
	gzip: number;
	chartJs: string[];
}

function total(files: Iterable<string>): Total {
	const list = [...new Set(files)].sort();
	const infos = list.map(fileInfo);
	return {
		files: list,
		raw: infos.reduce((sum, info) => sum + info.raw, 0),
		gzip: infos.reduce((sum, info) => sum + info.gzip, 0),
		chartJs: list.filter((_, index) => infos[index]!.chartJs)
	};
}

interface PageReport {
	page: Page;
	eager: Total;
	lazy: Total;
	warnings: string[];
}

function measure(manifest: Manifest, page: Page): PageReport {
	const byFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
	const html = readHtml(page);
	const warnings: string[] = [];

	const starts = [
		...html.entries.map(
			(file) =>
				byFile.get(file) ?? fail(`${page.html} imports ${file}, which is not in the manifest`)
		),
		...html.nodeIds.map((id) =>
			manifest[nodeKey(id)] ? nodeKey(id) : fail(`the manifest has no route node ${id}`)
		),
		...(page.loadedFirst ?? []).map((key) =>
			manifest[key] ? key : fail(`${page.route} loads ${key} first, which is not in the manifest`)
		)
	];
	const closure = staticClosure(manifest, starts);
	const closureFiles = [...closure].map((key) => manifest[key]!.file);

	const missing = html.preloads.filter((file) => !closureFiles.includes(file));
	const unpreloaded = closureFiles.filter((file) => !html.preloads.includes(file));
	if (missing.length > 0 || unpreloaded.length > 0) {
		warnings.push(
			`${page.route}: the HTML's modulepreload links and the manifest's static imports differ ` +
				`(only preloaded: ${missing.join(', ') || 'none'}; only imported: ${unpreloaded.join(', ') || 'none'}); counting both`
		);
	}

	// Code-split chunks the page's own code loads later; the router's are not this page's.
	const dynamic = [...closure]
		.flatMap((key) => manifest[key]!.dynamicImports ?? [])
		.filter((key) => !key.startsWith(generatedPrefix));
	const lazyKeys = [...staticClosure(manifest, dynamic)].filter((key) => !closure.has(key));

	return {
		page,
		eager: total([...closureFiles, ...missing]),
		lazy: total(lazyKeys.map((key) => manifest[key]!.file)),
		warnings
	};
}

const kb = (bytes: number) => (bytes / KB).toFixed(1);

/** Budget minus size, signed: positive is room left, negative is over. */
const margin = (bytes: number, budget: number) => {
	const left = (budget - bytes) / KB;
	return `${left >= 0 ? '+' : '-'}${Math.abs(left).toFixed(1)}`;
};

/**
 * What the shared chunks are, by the name the bundler gives them (the first
 * module in them). Names it does not know are printed as they are.
 */
const chunkNames: Record<string, string> = {
	'index-client': 'Svelte runtime',
	'disclose-version': 'Svelte version tag',
	client: 'SvelteKit client runtime',
	state: 'SvelteKit $app/state',
	'preload-helper': 'Vite preload helper'
};

/** A one-line description of a first-visit file of `page`, for the breakdown. */
function describe(manifest: Manifest, file: string, pageNode: number): string {
	const entry = Object.entries(manifest).find(([, chunk]) => chunk.file === file);
	if (!entry) return 'not in the manifest (preloaded by the HTML)';
	const [key, chunk] = entry;
	const node = /client-optimized\/nodes\/(\d+)\.js$/.exec(key)?.[1];
	if (node !== undefined) {
		const id = Number(node);
		return id === 0
			? 'root layout (+layout.svelte)'
			: id === pageNode
				? "the page's own code (+page.svelte and what only it imports)"
				: `route node ${id}`;
	}
	if (key.startsWith('virtual:rolefit/content/')) {
		return `the content in "${key.slice('virtual:rolefit/content/'.length)}" (loaded before the page shows)`;
	}
	if (key.endsWith('client-optimized/app.js')) return 'SvelteKit app entry (routes, hooks)';
	if (key.endsWith('runtime/client/entry.js')) return 'SvelteKit start entry';
	const name = chunk.name ?? chunk.src ?? '?';
	const known = chunkNames[name.replace(/^_/, '').replace(/\.js$/, '')];
	const chart = fileInfo(file).chartJs ? ', Chart.js' : '';
	return known ? `${known} (${name}${chart})` : `shared chunk "${name}"${chart}`;
}

function row(cells: string[], widths: number[]) {
	return cells
		.map((cell, index) =>
			index === 0 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!)
		)
		.join('  ');
}

function main(): number {
	const manifest = readManifest();
	const reports = pages.map((page) => measure(manifest, page));
	const problems: string[] = [];

	const widths = [12, 5, 8, 8, 8, 8, 6];
	console.log('First-visit JavaScript per page (each file gzip -9, summed; KB = 1024 bytes)\n');
	console.log(row(['page', 'files', 'raw KB', 'gzip KB', 'budget', 'margin', 'status'], widths));
	for (const { page, eager } of reports) {
		const over = page.budget !== undefined && eager.gzip > page.budget;
		if (over) {
			problems.push(
				`${page.route} loads ${kb(eager.gzip)} KB of gzipped JavaScript, over its ${kb(page.budget!)} KB budget`
			);
		}
		console.log(
			row(
				[
					page.route,
					String(eager.files.length),
					kb(eager.raw),
					kb(eager.gzip),
					page.budget === undefined ? '-' : kb(page.budget),
					page.budget === undefined ? '-' : margin(eager.gzip, page.budget),
					page.budget === undefined ? '-' : over ? 'OVER' : 'OK'
				],
				widths
			)
		);
	}
	console.log('(margin: KB left under the budget; negative is over it)');

	// Say where the bytes are, so whoever works on a budget knows where to start.
	console.log(
		'\nPer page, each first-visit file, largest first: gzip KB, raw KB, file, what it is'
	);
	for (const { page, eager } of reports) {
		const pageNode = readHtml(page).nodeIds.at(-1)!;
		const of = page.budget === undefined ? '' : ` of ${kb(page.budget)} KB`;
		console.log(`\n${page.route}: ${kb(eager.gzip)} KB${of}`);
		for (const file of [...eager.files].sort((a, b) => fileInfo(b).gzip - fileInfo(a).gzip)) {
			console.log(
				`  ${kb(fileInfo(file).gzip).padStart(6)}  ${kb(fileInfo(file).raw).padStart(6)}  ` +
					`${file.replace('_app/immutable/', '').padEnd(24)}  ${describe(manifest, file, pageNode)}`
			);
		}
	}

	console.log(
		'\nLazy JavaScript (dynamic imports, loaded after first paint; not in the figures above)\n'
	);
	let lazyShown = false;
	for (const { page, lazy } of reports) {
		if (lazy.files.length === 0) continue;
		lazyShown = true;
		const chart = lazy.chartJs.length > 0 ? ' (Chart.js)' : '';
		console.log(
			`${page.route.padEnd(widths[0]!)}  ${lazy.files.length} file(s), ${kb(lazy.raw)} KB raw, ` +
				`${kb(lazy.gzip)} KB gzip${chart}: ${lazy.files.join(', ')}`
		);
	}
	if (!lazyShown) console.log('(none)');

	const quiz = reports.find((report) => report.page.route === chartFreeRoute)!;
	if (quiz.eager.chartJs.length > 0) {
		problems.push(
			`Chart.js is statically reachable from ${chartFreeRoute}: ${quiz.eager.chartJs.join(', ')} ` +
				'(import it only through loadChart() in src/lib/charts/register.ts)'
		);
	}
	const chartAnywhere = reports.some((r) => r.eager.chartJs.length + r.lazy.chartJs.length > 0);
	const warnings = reports.flatMap((report) => report.warnings);
	if (!chartAnywhere) {
		warnings.push(
			'no chunk looks like Chart.js: if the app still uses it, update chartJsSignatures in tests/perf/size.ts'
		);
	}

	for (const warning of warnings) console.warn(`\nwarning: ${warning}`);
	if (problems.length > 0) {
		console.error('\nFAIL');
		for (const problem of problems) console.error(`  - ${problem}`);
		return 1;
	}
	console.log('\nAll JavaScript budgets met.');
	return 0;
}

try {
	process.exitCode = main();
} catch (error) {
	if (!(error instanceof BuildError)) throw error;
	console.error(`size: ${error.message}`);
	process.exitCode = 2;
}
