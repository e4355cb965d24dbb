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
 *   sent to a server must never be answered from a cache.
 *
 * The server sends this script with a policy that lets it fetch from its own origin
 * (`serviceWorkerCsp` in src/server/headers.js): a worker obeys the policy of its own script.
 */
import { build, files, prerendered, version } from '$service-worker';

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

worker.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== worker.location.origin) return;

	if (immutable.has(url.pathname)) {
		event.respondWith(caches.match(url.pathname).then((cached) => cached ?? fetch(request)));
	} else if (pages.has(url.pathname)) {
		event.respondWith(networkFirst(request, url.pathname));
	}
});
