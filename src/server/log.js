/**
 * What the server writes to its log, and the one function that keeps secrets out of it.
 *
 * Secrets travel in paths: the facilitator link `/f/<token>`, a participant's private link
 * `/r/<key>`, and the join code in `/join/<code>` and `/api/cohorts/<code>/…` (stored only as a
 * hash, like the others). A mangled link still carries them, so `redact` finds them whatever the
 * case (`/F/`), however many slashes or backslashes (`//f//`, `\f\`), and however encoded
 * (`%2F` or `%5C` for a slash, `%66` or `%2566` for the letter): it is applied to every request
 * target and to every message or error that is logged, by every logging site (the production
 * server `./index.js`, `src/hooks.server.ts`, the body readers of `src/lib/server/http.ts`).
 *
 * Plain JavaScript without dependencies but Node's: the production server imports it unbundled.
 */
import { inspect } from 'node:util';

/** What a secret is replaced with. */
export const REDACTED = '[redacted]';

/** One or more path separators as they may reach a log: `/` or `\`, plain or percent-encoded (`%2F`, `%5c`, `%252F`). */
const separators = /((?:[\\/]|%(?:25)*(?:2f|5c))+)/i;

/** What ends a secret inside a segment: the end of a quoted path, a query, a word in a message, a line number. */
const secretPart = /^[^\s"'`<>?#&():,;]+/;

/** What ends the word before a separator (`GET /f`, `"/f`, `url=/f`): only its last word can name a route. */
const wordBreak = /[\s"'`<>()[\]{},;=:|?#&]/;

/** Segments after which a secret follows, by their decoded, lower-cased name. */
const secretAfter = new Set(['f', 'r', 'join']);

/** A run of URL-safe base64, long enough to be a token or a key (`TOKEN_PATTERN` accepts 22–64). */
const tokenShaped = /[A-Za-z0-9_-]{22,}/g;

/**
 * Percent-decodes `text` up to four times (`%2566` → `%66` → `f`), leaving malformed escapes as
 * they are.
 *
 * @param {string} text
 */
function decode(text) {
	let value = text;
	for (let round = 0; round < 4; round += 1) {
		const next = value.replace(/%([0-9a-f]{2})/gi, (_, /** @type {string} */ hex) =>
			String.fromCharCode(parseInt(hex, 16))
		);
		if (next === value) break;
		value = next;
	}
	return value;
}

/**
 * The route name a segment ends with: its last word, decoded and lower-cased.
 *
 * @param {string | undefined} segment
 */
const nameOf = (segment) =>
	(
		decode(segment ?? '')
			.split(wordBreak)
			.pop() ?? ''
	)
		.trim()
		.toLowerCase();

/**
 * Redacts the segment that follows each `f`, `r`, `join` or `api/cohorts` segment.
 *
 * @param {string} text
 */
function redactPathSecrets(text) {
	const parts = text.split(separators);
	// Even indices are segments (possibly empty), odd ones separators.
	for (let i = 0; i + 2 < parts.length; i += 2) {
		const name = nameOf(parts[i]);
		const marks =
			secretAfter.has(name) || (name === 'cohorts' && i >= 2 && nameOf(parts[i - 2]) === 'api');
		if (marks) parts[i + 2] = (parts[i + 2] ?? '').replace(secretPart, REDACTED);
	}
	return parts.join('');
}

/**
 * Redacts query values: `?token=x&next=y` → `?token=[redacted]&next=[redacted]`. A part without
 * `=` is kept only when it names a form action (`?/delete`); anything else could be a secret.
 *
 * @param {string} text
 */
function redactQueries(text) {
	return text.replace(/\?([^\s"'`<>]+)/g, (_, /** @type {string} */ query) => {
		const parts = query.split('&').map((part) => {
			const equals = part.indexOf('=');
			if (equals >= 0)
				return equals === part.length - 1 ? part : `${part.slice(0, equals + 1)}${REDACTED}`;
			return /^\/[\w-]*$/.test(part) || part === '' ? part : REDACTED;
		});
		return `?${parts.join('&')}`;
	});
}

/**
 * Every run that looks like a token (22 or more URL-safe base64 characters mixing upper and
 * lower case with a digit, `-` or `_`), wherever it is: the backstop for a secret that reached a
 * message without its route. Names in stack traces (`processTicksAndRejections`), hex hashes
 * and UUIDs do not mix all three, so they stay readable.
 *
 * @param {string} text
 */
function redactTokenShaped(text) {
	return text.replace(tokenShaped, (run) =>
		/[A-Z]/.test(run) && /[a-z]/.test(run) && /[\d_-]/.test(run) ? REDACTED : run
	);
}

/**
 * `text` without the secrets it may hold: the segment after a secret-bearing route segment, query
 * values, and anything shaped like a token. The one redaction every logging site uses.
 *
 * @param {string} text a request target, a message, a formatted error
 * @returns {string}
 */
export function redact(text) {
	return redactTokenShaped(redactPathSecrets(redactQueries(String(text))));
}

/**
 * A request target for the log: redacted, shortened to 200 characters, quoted (so that a control
 * character or a quote in it cannot break or forge a line).
 *
 * @param {string} target
 */
export function forLog(target) {
	const safe = redact(target);
	return JSON.stringify(safe.length > 200 ? `${safe.slice(0, 200)}…` : safe);
}

/**
 * The one line logged about a request: `413 POST "/api/cohorts/[redacted]/responses": why`.
 * `outcome` is the status answered, or a word when there is none (`aborted`).
 *
 * @param {number | string} outcome
 * @param {string | undefined} method
 * @param {string} target
 * @param {string} reason
 */
export function requestLine(outcome, method, target, reason) {
	const why = redact(reason).replace(/\s+/g, ' ').trim();
	return `${outcome} ${method ?? '-'} ${forLog(target)}: ${why}`;
}

/**
 * An unexpected error for the log, with its stack (several lines), redacted: its message may
 * quote the request's URL.
 *
 * @param {unknown} error
 */
export function errorDetail(error) {
	return redact(error instanceof Error ? inspect(error) : String(error));
}

/**
 * A request that failed on an unexpected error: its line, then the error with its stack.
 *
 * @param {number} status
 * @param {string | undefined} method
 * @param {string} target
 * @param {unknown} error
 */
export function errorLog(status, method, target, error) {
	return `${requestLine(status, method, target, 'unexpected error')}\n${errorDetail(error)}`;
}
