import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { database } from '$lib/server/db';
import { sessionsFrom } from '$lib/server/facilitator';
import {
	BASE_LANGUAGE,
	inLanguage,
	languageInfo,
	languageOf,
	languages
} from '$lib/i18n/languages';
import { refusalOf } from '$lib/server/http';
import {
	preloadAllButScripts,
	startAfterPaint,
	startsAfterPaint
} from '$lib/server/start-after-paint';
import { startHousekeeping } from '$lib/server/lifecycle';
import { deploymentEmbedOrigins, withFrameAncestors } from '$lib/server/embed';
import { LANGUAGE_VARY, opensPage, preferredLanguage } from './server/language-choice.js';
import { errorLog, requestLine } from './server/log.js';

/**
 * Start-up: open the database (applying pending migrations) and run the retention sweep, then
 * hourly. Not while building: prerendering needs no database.
 */
export const init: ServerInit = async () => {
	if (building) return;
	// A bad EMBED_ORIGINS stops the server at start, naming the entry (not at the first embed).
	try {
		deploymentEmbedOrigins();
	} catch (error) {
		console.error((error as Error).message);
		process.exit(1);
	}
	await database();
	await startHousekeeping();
};

/** The request target as logged: path and query (redacted by `requestLine`). */
const targetOf = (url: URL) => url.pathname + url.search;

/** Requests whose line is written: one line per request. */
const logged = new WeakSet<Request>();

function warn(request: Request, line: string) {
	logged.add(request);
	console.warn(line);
}

const spoken = new Set(languages.map((language) => language.code));

/**
 * The language a page is served in. A page with an address per language (`[[lang=lang]]`) is in
 * its address's language; a browser opening one without a language (`/join/ABC`) is first sent to
 * the language it chose or prefers (`src/server/language-choice.js`; the production server does the
 * same for prerendered pages). The facilitator's pages have one address for every language and
 * follow the choice itself. During the build, no visitor: English.
 */
function pageLanguage(
	event: Parameters<Handle>[0]['event']
): { code: string; followsVisitor: boolean } | { redirect: string } {
	const { url, request, route } = event;
	const own = languageOf(url.pathname);
	if (own !== BASE_LANGUAGE || building) return { code: own, followsVisitor: false };
	const headers = request.headers;
	const preferred = preferredLanguage(
		{ cookie: headers.get('cookie'), acceptLanguage: headers.get('accept-language') },
		(code) => spoken.has(code)
	);
	if (!route.id?.startsWith('/[[lang=lang]]')) return { code: preferred, followsVisitor: true };
	if (preferred !== BASE_LANGUAGE && opensPage(request.method, headers.get('accept'))) {
		return { redirect: inLanguage(url.pathname, preferred) + url.search };
	}
	return { code: BASE_LANGUAGE, followsVisitor: true };
}

/**
 * Fills `locals` with the facilitator session cookies the request carries (one per cohort); writes
 * the one log line of a request whose body was refused (`src/lib/server/http.ts`), or that used a
 * method the route does not take (an endpoint's 405 never reaches `handleError`).
 */
export const handle: Handle = async ({ event, resolve }) => {
	event.locals.facilitatorSessions = sessionsFrom(event.cookies);
	const choice = pageLanguage(event);
	if ('redirect' in choice) {
		return new Response(null, {
			status: 302,
			headers: { location: choice.redirect, vary: LANGUAGE_VARY, 'cache-control': 'no-store' }
		});
	}
	event.locals.language = choice.code;
	const language = languageInfo(choice.code);
	// The quiz paints its question from the HTML; its scripts come after (start-after-paint.ts).
	const afterPaint = startsAfterPaint(event.route.id);
	const response = await resolve(event, {
		// The page's language and direction on <html>, from its address (`/ar/quiz`: ar, rtl).
		transformPageChunk: ({ html }) => {
			const page = html
				.replace('%rolefit.lang%', language.code)
				.replace('%rolefit.dir%', language.dir);
			return afterPaint ? startAfterPaint(page) : page;
		},
		...(afterPaint ? { preload: preloadAllButScripts } : {})
	});
	if (choice.followsVisitor) response.headers.set('vary', LANGUAGE_VARY);
	// An embed page names who may frame it; every other page keeps frame-ancestors 'none'.
	const policy = response.headers.get('content-security-policy');
	if (event.locals.frameAncestors && policy) {
		response.headers.set(
			'content-security-policy',
			withFrameAncestors(policy, event.locals.frameAncestors)
		);
	}
	const { request } = event;
	if (logged.has(request)) return response;
	const refused = refusalOf(request);
	if (refused) {
		// A 429 may stand in for the refusal; `use:enhance` gets an action's failure with a 200.
		const status = response.status >= 400 ? response.status : refused.status;
		warn(request, requestLine(status, request.method, targetOf(event.url), refused.reason));
	} else if (response.status === 405) {
		const line = requestLine(405, request.method, targetOf(event.url), 'method not allowed');
		warn(request, line);
	}
	return response;
};

/**
 * What SvelteKit logs itself, in the server's format and redacted (its own logger prints the raw
 * path, secrets included): one line for what it refuses (404, 405, 413, 415…), the line and the
 * stack for a real error. A request the client abandoned gets its one line from the server.
 */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const { request } = event;
	if (status < 500) {
		const reason = error instanceof Error ? error.message : message;
		warn(request, requestLine(status, request.method, targetOf(event.url), reason));
	} else if (!request.signal.aborted) {
		logged.add(request);
		console.error(errorLog(status, request.method, targetOf(event.url), error));
	}
	return { message };
};
