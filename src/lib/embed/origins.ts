/**
 * Origins allowed to frame RoleFit: the deployment's (`EMBED_ORIGINS`) for the public quiz, a
 * cohort's own (set by its facilitator) for its join page. One parser for both, so that what the
 * server names in `frame-ancestors` and what the page checks before it posts a message are the
 * same list, written the same way (`URL.origin`: lower-case host, no default port, no slash).
 *
 * Pure: no `$env`, no Svelte, so the server, the pages and the tests share it.
 */

/** How many origins a facilitator may allow to frame their cohort's join page. */
export const MAX_COHORT_EMBED_ORIGINS = 5;

/**
 * What is wrong with an entry, worded for the cohort form's field messages (and translated there
 * like its other problems) and for the server's start-up error.
 */
export const ORIGIN_PROBLEMS = {
	notAnOrigin: 'must be an origin such as https://lms.example.edu',
	scheme: 'must start with https:// or http://',
	path: 'must be an origin only, without a path, query or #fragment',
	credentials: 'must not contain a user name or password',
	wildcard: 'must name one origin, without *'
} as const;

export type OriginProblem = (typeof ORIGIN_PROBLEMS)[keyof typeof ORIGIN_PROBLEMS];

/** An entry as typed, parsed to the origin a browser reports (`event.origin`), or its problem. */
export function parseOrigin(
	entry: string
): { ok: true; origin: string } | { ok: false; problem: OriginProblem } {
	const text = entry.trim();
	if (text.includes('*')) return { ok: false, problem: ORIGIN_PROBLEMS.wildcard };
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return { ok: false, problem: ORIGIN_PROBLEMS.notAnOrigin };
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		return { ok: false, problem: ORIGIN_PROBLEMS.scheme };
	}
	if (url.username || url.password) return { ok: false, problem: ORIGIN_PROBLEMS.credentials };
	// `https://lms.example.edu/` is the origin typed with a slash; anything longer is a page.
	if (url.pathname !== '/' || url.search || url.hash || /[?#]/.test(text)) {
		return { ok: false, problem: ORIGIN_PROBLEMS.path };
	}
	if (!url.hostname) return { ok: false, problem: ORIGIN_PROBLEMS.notAnOrigin };
	return { ok: true, origin: url.origin };
}

/**
 * A list of origins separated by commas, spaces or new lines (the setting, or the form's text
 * box), parsed, without repeats, in the order given. Fails on the first bad entry, naming it, or
 * when there are more than `max`.
 */
export function parseOriginList(
	text: string,
	{ max = Infinity }: { max?: number } = {}
):
	| { ok: true; origins: string[] }
	| { ok: false; entry: string; problem: OriginProblem | `must list at most ${number} origins` } {
	const origins: string[] = [];
	for (const entry of text.split(/[\s,]+/).filter(Boolean)) {
		const parsed = parseOrigin(entry);
		if (!parsed.ok) return { ok: false, entry, problem: parsed.problem };
		if (!origins.includes(parsed.origin)) origins.push(parsed.origin);
	}
	if (origins.length > max) {
		return { ok: false, entry: origins[max]!, problem: `must list at most ${max} origins` };
	}
	return { ok: true, origins };
}

/**
 * The `frame-ancestors` sources for a page that these origins may frame: exactly them, or
 * `'none'` when there are none. Origins are written as sources as they are (scheme, host, port).
 */
export function frameAncestors(origins: readonly string[]): string {
	return origins.length === 0 ? "'none'" : origins.join(' ');
}
