/**
 * Which language a visitor gets on an address without one (`/quiz` rather than `/es/quiz`): the
 * language they chose with the switcher (remembered in the `rolefit_lang` cookie), else on a first
 * visit the first of their browser's languages (`Accept-Language`) that RoleFit speaks, else
 * English. An address with a language (`/es/quiz`) is always served in it, whatever the cookie
 * says, so a shared link shows what its sender saw and nothing ever redirects twice.
 *
 * Plain JavaScript with no imports: the production server (`./index.js`, for the prerendered
 * pages it serves before the app) and the app's `handle` hook (for pages it renders) both use it.
 */

/** The cookie that remembers the switcher's choice, for a year, on every path. */
export const LANGUAGE_COOKIE = 'rolefit_lang';
export const LANGUAGE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

/** The base language, at addresses without a prefix. */
const BASE = 'en';

/** A primary language subtag as RoleFit's codes are written (`es`, `ar`); nothing else is taken. */
const CODE = /^[a-z]{2,3}$/;

/**
 * The primary languages of an `Accept-Language` header, most wanted first (`es-MX, de;q=0.8` →
 * `es`, `de`); a language refused with `q=0`, malformed entries and `*` are left out.
 *
 * @param {string | null | undefined} header
 * @returns {string[]}
 */
export function acceptedLanguages(header) {
	if (!header) return [];
	/** @type {{ code: string, q: number, order: number }[]} */
	const entries = [];
	header.split(',').forEach((part, order) => {
		const [tag = '', ...parameters] = part.trim().split(';');
		const code = tag.trim().toLowerCase().split('-')[0] ?? '';
		if (!CODE.test(code)) return;
		const quality = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
		const q = quality === undefined ? 1 : Number(quality.slice(2));
		if (!Number.isFinite(q) || q <= 0) return;
		entries.push({ code, q, order });
	});
	entries.sort((a, b) => b.q - a.q || a.order - b.order);
	return [...new Set(entries.map((entry) => entry.code))];
}

/**
 * The value of the language cookie in a `Cookie` header, when it is a well-formed code.
 *
 * @param {string | null | undefined} header
 * @returns {string | undefined}
 */
export function cookieLanguage(header) {
	if (!header) return undefined;
	for (const pair of header.split(';')) {
		const [name, value] = pair.trim().split('=');
		if (name === LANGUAGE_COOKIE && value && CODE.test(value)) return value;
	}
	return undefined;
}

/**
 * The language for an address without one: the remembered choice when RoleFit still speaks it,
 * else the browser's first language that it speaks, else English.
 *
 * @param {{ cookie?: string | null, acceptLanguage?: string | null }} headers
 * @param {(code: string) => boolean} speaks whether a language other than English is available
 *   (for this address)
 * @returns {string}
 */
export function preferredLanguage({ cookie, acceptLanguage }, speaks) {
	const chosen = cookieLanguage(cookie);
	if (chosen === BASE || (chosen && speaks(chosen))) return chosen;
	for (const code of acceptedLanguages(acceptLanguage)) {
		if (code === BASE || speaks(code)) return code;
	}
	return BASE;
}

/**
 * Whether a request is a browser opening a page (not a script's fetch, a form post or the app's
 * data request): only those are sent to another language's address.
 *
 * @param {string | undefined} method
 * @param {string | null | undefined} accept
 */
export function opensPage(method, accept) {
	return (method === 'GET' || method === 'HEAD') && !!accept && accept.includes('text/html');
}

/** Sent with every answer that depends on the visitor's languages or choice. */
export const LANGUAGE_VARY = 'Accept-Language, Cookie';
