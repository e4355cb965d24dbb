/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline once loaded: the app shell (every built file, the files in `static/`) and every
 * prerendered page and its data are cached when the worker installs, so that a quiz started
 * online can be finished, and its result opened, without a connection.
 *
 * - Built files are immutable (their names carry a hash): served from the cache first.
 * - Pages and page data: the network first, so an online visitor always gets the current
 *   deploy; the cached copy when the network fails. The cached copy keeps the headers it was
 *   served with, its Content-Security-Policy included.
 * - Everything else (cohort pages, APIs, POSTs, other origins) is left to the network: answers
 *   sent to a server must never be answered from a cache. A page that fails to load without a
 *   connection gets a short offline page, in the language of its address (`/es/join/…`), or else
 *   the one chosen with the switcher (the `rolefit_lang` cookie) or the browser's.
 *
 * The server sends this script with a policy that lets it fetch from its own origin
 * (`serviceWorkerCsp` in src/server/headers.js): a worker obeys the policy of its own script.
 */
import { build, files, prerendered, version } from '$service-worker';
// Only the offline page's few words, of every language (named imports leave the rest out).
import {
	offline_title as en_title,
	offline_heading as en_heading,
	offline_body as en_body,
	offline_retry as en_retry,
	offline_start as en_start
} from '../content/messages/en.json';
import {
	offline_title as es_title,
	offline_heading as es_heading,
	offline_body as es_body,
	offline_retry as es_retry,
	offline_start as es_start
} from '../content/messages/es.json';
import {
	offline_title as de_title,
	offline_heading as de_heading,
	offline_body as de_body,
	offline_retry as de_retry,
	offline_start as de_start
} from '../content/messages/de.json';
import {
	offline_title as ar_title,
	offline_heading as ar_heading,
	offline_body as ar_body,
	offline_retry as ar_retry,
	offline_start as ar_start
} from '../content/messages/ar.json';

const worker = self as unknown as ServiceWorkerGlobalScope;

/** One cache per deploy; older ones are deleted once this worker takes over. */
const CACHE = `rolefit-${version}`;

const immutable = new Set([...build, ...files]);
const pages = new Set(prerendered);

worker.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll([...immutable, ...pages]))
			// The first visit is served by this worker at once, so it works offline from then on.
			.then(() => worker.skipWaiting())
	);
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) =>
				Promise.all(
					keys
						.filter((key) => key.startsWith('rolefit-') && key !== CACHE)
						.map((key) => caches.delete(key))
				)
			)
			.then(() => worker.clients.claim())
	);
});

/** The network, and the cache when the network fails. */
async function networkFirst(request: Request, path: string): Promise<Response> {
	try {
		return await fetch(request);
	} catch (error) {
		// Data requests carry a query (`?x-sveltekit-invalidated=…`); the cached copy has none.
		const cached = await caches.match(path);
		if (cached) return cached;
		throw error;
	}
}

const offline = {
	en: {
		dir: 'ltr',
		title: en_title,
		heading: en_heading,
		body: en_body,
		retry: en_retry,
		start: en_start
	},
	es: {
		dir: 'ltr',
		title: es_title,
		heading: es_heading,
		body: es_body,
		retry: es_retry,
		start: es_start
	},
	de: {
		dir: 'ltr',
		title: de_title,
		heading: de_heading,
		body: de_body,
		retry: de_retry,
		start: de_start
	},
	ar: {
		dir: 'rtl',
		title: ar_title,
		heading: ar_heading,
		body: ar_body,
		retry: ar_retry,
		start: ar_start
	}
} as const;
type Spoken = keyof typeof offline;
const spoken = (code: string | undefined): code is Spoken =>
	code !== undefined && Object.hasOwn(offline, code);

/** The language of the page being opened: its address's, else the visitor's choice or browser's. */
async function offlineLanguage(url: URL): Promise<Spoken> {
	const prefix = url.pathname.split('/')[1];
	if (spoken(prefix)) return prefix;
	try {
		// Chromium's workers read cookies through the Cookie Store API; elsewhere the browser's.
		const store = (
			worker as unknown as {
				cookieStore?: { get(name: string): Promise<{ value: string } | null> };
			}
		).cookieStore;
		const chosen = (await store?.get('rolefit_lang'))?.value;
		if (spoken(chosen)) return chosen;
	} catch {
		// no cookie store: the browser's languages decide
	}
	for (const tag of navigator.languages) {
		const code = tag.split('-')[0]!.toLowerCase();
		if (spoken(code)) return code;
	}
	return 'en';
}

const escapeHtml = (text: string) =>
	text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A page that cannot load without a connection, said in the language of the page being opened. */
async function offlinePage(url: URL): Promise<Response> {
	const code = await offlineLanguage(url);
	const words = offline[code];
	const [title, heading, body, retry, start] = [
		words.title,
		words.heading,
		words.body,
		words.retry,
		words.start
	].map(escapeHtml);
	const home = code === 'en' ? '/' : `/${code}`;
	const html = `<!doctype html>
<html lang="${code}" dir="${words.dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}</style>
</head>
<body><main data-testid="offline-page"><h1>${heading}</h1><p>${body}</p>
<p><a href="${escapeHtml(url.pathname + url.search)}">${retry}</a> · <a href="${home}">${start}</a></p></main></body>
</html>`;
	return new Response(html, {
		status: 503,
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'cache-control': 'no-store',
			// Nothing runs on it, and nothing but its own inline style is loaded.
			'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'"
		}
	});
}

/** A page that is not cached: the network, and the offline page when there is none. */
async function pageOrOffline(request: Request, url: URL): Promise<Response> {
	try {
		return await fetch(request);
	} catch {
		return offlinePage(url);
	}
}

worker.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== worker.location.origin) return;

	if (immutable.has(url.pathname)) {
		event.respondWith(caches.match(url.pathname).then((cached) => cached ?? fetch(request)));
	} else if (pages.has(url.pathname)) {
		event.respondWith(
			networkFirst(request, url.pathname).catch(() =>
				request.mode === 'navigate' ? offlinePage(url) : Response.error()
			)
		);
	} else if (request.mode === 'navigate') {
		event.respondWith(pageOrOffline(request, url));
	}
});
