/**
 * The production server (`npm start`): adapter-node's request handler (`build/handler.js`,
 * written by `npm run build`) behind a plain `node:http` server that sets the security headers
 * of `./headers.js` on every response: pages, prerendered pages, static files and errors.
 *
 * - Prerendered pages get a Content-Security-Policy header built once, at start, from the policy
 *   SvelteKit wrote into each page (with the hashes of its inline scripts). Server-rendered pages
 *   (the 404 page, for one) get SvelteKit's own header with a fresh nonce, which replaces the
 *   default set here. The service worker's script gets `serviceWorkerCsp` (it must fetch the
 *   app to cache it). Everything else gets the strict `resourceCsp`.
 * - A path with malformed percent-encoding (`/%E0%A4%A`) is answered 400 here, with one log
 *   line, instead of reaching SvelteKit, which logs a stack trace for it.
 * - Hostile bodies end with a status line and one log line, never a reset before it: a body the
 *   app refused before reading it all (413, 415, …) is read and dropped after the answer, up to
 *   `DISCARD_BYTES` and `DISCARD_MS` (past them the connection is shut on our side and closed
 *   `LINGER_MS` later), so that the client reads the answer instead of a reset; a body slower
 *   than `REQUEST_TIMEOUT` gets a 408 and one line; a body that cannot be parsed (a broken chunk)
 *   or ends early a 400 and one line; a client that resets in the middle of its body one line.
 *   The app logs its own refusals (`src/hooks.server.ts`). Every line goes through `./log.js`,
 *   which redacts secrets from paths and messages.
 *
 * Environment: `PORT` (default 3000) and `HOST` (default 0.0.0.0), as for adapter-node's own
 * server, and its timeouts in seconds: `KEEP_ALIVE_TIMEOUT` (default 5), `HEADERS_TIMEOUT`
 * (default 60), and our `REQUEST_TIMEOUT` (the whole request, body included; default 300, 0 for
 * none). adapter-node's other variables (`ORIGIN`, `BODY_SIZE_LIMIT`, …) are read by the handler
 * itself. Run after the build, unbundled: `node src/server/index.js`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, STATUS_CODES } from 'node:http';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
	prerenderedPageCsp,
	resourceCsp,
	securityHeaders,
	serviceWorkerCsp,
	serviceWorkerPath
} from './headers.js';
import { LANGUAGE_VARY, opensPage, preferredLanguage } from './language-choice.js';
import { errorLog, requestLine } from './log.js';

/**
 * @typedef {(
 *   req: import('node:http').IncomingMessage,
 *   res: import('node:http').ServerResponse,
 *   next: () => void
 * ) => unknown} Handler
 */

const buildDir = fileURLToPath(new URL('../../build/', import.meta.url));

/**
 * The CSP header of each prerendered page, by the path that serves it: `index.html` → `/`,
 * `quiz.html` → `/quiz`, `a/index.html` → `/a/` (adapter-node serves them at exactly those paths).
 *
 * @param {string} dir `build/prerendered`
 * @returns {Map<string, string>}
 */
function prerenderedPolicies(dir) {
	/** @type {Map<string, string>} */
	const policies = new Map();
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
		const file = join(entry.parentPath, entry.name);
		const name = relative(dir, file).split(sep).join('/');
		const path = '/' + name.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '');
		policies.set(path, prerenderedPageCsp(readFileSync(file, 'utf8'), file));
	}
	return policies;
}

/**
 * The path of a request target, percent-decoded as adapter-node does to find a prerendered page,
 * or null when its percent-encoding is malformed.
 *
 * @param {string} target
 * @returns {string | null}
 */
function decodedPath(target) {
	const end = target.search(/[?#]/);
	try {
		return decodeURIComponent(end === -1 ? target : target.slice(0, end));
	} catch {
		return null;
	}
}

/**
 * The same prerendered page in language `code` (`/quiz`, `es` → `/es/quiz`; `/`, `es` → `/es`).
 *
 * @param {string} path
 * @param {string} code
 */
const prerenderedIn = (path, code) => (path === '/' ? `/${code}` : `/${code}${path}`);

/**
 * The prerendered pages that exist in other languages too (`/quiz`, with `/es/quiz` beside it): the
 * pages whose language follows the visitor's choice.
 *
 * @param {Map<string, string>} pages the prerendered pages, by path
 */
function translatedPages(pages) {
	const translated = new Set();
	for (const page of pages.keys()) {
		const match = /^\/([a-z]{2,3})(\/.*)?$/.exec(page);
		if (match && pages.has(match[2] ?? '/')) translated.add(match[2] ?? '/');
	}
	return translated;
}

/**
 * Marks an answer as depending on the visitor's languages and choice, kept when the static file
 * server sets its own `Vary: Accept-Encoding` (it replaces the header): without it, a browser would
 * reuse the page cached in one language after the visitor chose another.
 *
 * @param {import('node:http').ServerResponse} res
 */
function varyOnLanguage(res) {
	res.setHeader('vary', LANGUAGE_VARY);
	const setHeader = res.setHeader.bind(res);
	res.setHeader = (name, value) => {
		if (name.toLowerCase() !== 'vary') return setHeader(name, value);
		return setHeader(name, `${LANGUAGE_VARY}, ${String(value)}`);
	};
}

/**
 * Where a browser opening a prerendered page without a language in its address is sent instead:
 * that page in the language it chose or prefers (`./language-choice.js`), when the page exists in
 * it; null to serve the page asked for. An address that already has its language (`/es/quiz`) is
 * not among `translated`, so it is never sent on.
 *
 * @param {import('node:http').IncomingMessage} req
 * @param {string} path
 * @returns {string | null}
 */
function languageRedirect(req, path) {
	if (!translated.has(path) || !opensPage(req.method, req.headers.accept)) return null;
	const code = preferredLanguage(
		{ cookie: req.headers.cookie, acceptLanguage: req.headers['accept-language'] },
		(code) => pagePolicies.has(prerenderedIn(path, code))
	);
	if (code === 'en') return null;
	const target = req.url ?? '';
	const query = target.includes('?') ? target.slice(target.indexOf('?')) : '';
	return prerenderedIn(path, code) + query;
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} body
 */
function plain(res, status, body) {
	res
		.writeHead(status, {
			'content-type': 'text/plain; charset=utf-8',
			'content-length': Buffer.byteLength(body)
		})
		.end(body);
}

/**
 * A whole response written straight to a socket, for what Node answers before a request exists
 * (a request that cannot be parsed, or took too long): the same headers as every other response.
 *
 * @param {number} status
 */
function rawResponse(status) {
	const body = `${STATUS_CODES[status]}\n`;
	/** @type {Record<string, string | number>} */
	const headers = {
		...securityHeaders,
		'content-security-policy': resourceCsp,
		'content-type': 'text/plain; charset=utf-8',
		'content-length': Buffer.byteLength(body),
		connection: 'close'
	};
	const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
	return `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}

/**
 * Seconds from the environment, as adapter-node reads its timeouts, or `fallback`.
 *
 * @param {string} name
 * @param {number} fallback
 */
function seconds(name, fallback) {
	const raw = process.env[name];
	if (raw === undefined || raw.trim() === '') return fallback;
	const value = Number(raw);
	if (!Number.isFinite(value) || value < 0) {
		console.error(`${name} must be a number of seconds, not ${JSON.stringify(raw)}`);
		process.exit(1);
	}
	return value;
}

/**
 * How much of a body the app did not read is read and dropped once the answer is sent, and for how
 * long: closing a connection with unread bytes makes the server's system reset it, and a client
 * still sending its body could lose the answer it had not yet read.
 */
const DISCARD_BYTES = 8 * 1024 * 1024;
const DISCARD_MS = 10_000;
/**
 * How long a connection that is being closed (past the discard limits, or after a raw 400 or 408)
 * is still read from after our side is shut, so that the client reads the answer before the close.
 */
const LINGER_MS = 1_000;

/** Connections being closed by `closeGently`. */
const closing = /** @type {WeakSet<import('node:stream').Duplex>} */ (new WeakSet());

/**
 * Shuts our side of `socket` (the client reads the answer, then the end), goes on reading for
 * `LINGER_MS` so that what still comes is not answered with a reset, then closes it.
 *
 * @param {import('node:stream').Duplex} socket
 * @param {string} [answer] written first, when nothing was answered yet
 */
function closeGently(socket, answer) {
	if (closing.has(socket)) return;
	closing.add(socket);
	if (socket.writable) socket.end(answer);
	setTimeout(() => socket.destroy(), LINGER_MS).unref();
}

/**
 * Reads and drops what is left of `req`'s body after its answer (a refused body), within
 * `DISCARD_BYTES` and `DISCARD_MS`; past either, closes the connection gently. The app's reader
 * (which holds the rest paused) is detached: nobody reads this body any more.
 *
 * @param {import('node:http').IncomingMessage} req
 */
function discardRest(req) {
	if (req.complete || req.destroyed) return;
	const { socket } = req;
	// A client that sent `Connection: close` has its connection ended by Node as soon as the answer
	// is out (`socket.destroySoon()`: our side shut, then destroyed), unread body and all: that
	// destroy is ours to do, once the body is read.
	const ending = socket.listeners('finish').includes(socket.destroy);
	socket.removeListener('finish', socket.destroy);
	req.removeAllListeners('data');
	let left = DISCARD_BYTES;
	const close = () => {
		clearTimeout(timer);
		closeGently(socket);
	};
	const timer = setTimeout(close, DISCARD_MS).unref();
	req.on('data', (/** @type {Buffer} */ chunk) => {
		left -= chunk.length;
		if (left < 0) close();
	});
	req.once('end', () => {
		clearTimeout(timer);
		if (ending && !closing.has(socket)) socket.destroy();
	});
	req.once('close', () => clearTimeout(timer));
	req.resume();
}

if (!existsSync(join(buildDir, 'handler.js'))) {
	console.error(`No build in ${buildDir}: run npm run build first (npm start does).`);
	process.exit(1);
}
// adapter-node takes every request for HTTPS unless told otherwise (ORIGIN or PROTOCOL_HEADER),
// so a form posted to http://localhost:3000 would fail its CSRF origin check and cookies would be
// marked Secure. Without either setting, the protocol is the connection's own (set below, never
// taken from the client). Behind a TLS proxy, set ORIGIN or PROTOCOL_HEADER=x-forwarded-proto.
const ownProtocolHeader = 'x-rolefit-connection-protocol';
const useOwnProtocol = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (useOwnProtocol) process.env.PROTOCOL_HEADER = ownProtocolHeader;

const handler = /** @type {{ handler: Handler }} */ (
	await import(pathToFileURL(join(buildDir, 'handler.js')).href)
).handler;
const pagePolicies = prerenderedPolicies(join(buildDir, 'prerendered'));
const translated = translatedPages(pagePolicies);

const requestTimeout = seconds('REQUEST_TIMEOUT', 300) * 1000;
const headersTimeout = seconds('HEADERS_TIMEOUT', 60) * 1000;

/** @typedef {{ req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse }} Exchange */
/** The request each connection serves (or served last), for `clientError`. */
const exchanges = /** @type {WeakMap<import('node:stream').Duplex, Exchange>} */ (new WeakMap());
/** Requests whose line the server has written: one line per request. */
const logged = /** @type {WeakSet<import('node:http').IncomingMessage>} */ (new WeakSet());

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {string} line
 */
function logOnce(req, line) {
	if (logged.has(req)) return;
	logged.add(req);
	console.warn(line);
}

const server = createServer(
	{
		requestTimeout,
		// Node refuses a headers timeout longer than the request's.
		headersTimeout: requestTimeout > 0 ? Math.min(headersTimeout, requestTimeout) : headersTimeout,
		// Node checks the timeouts this often (its default is 30 s, too coarse for short ones).
		connectionsCheckingInterval: Math.min(
			30_000,
			Math.max(100, Math.min(requestTimeout || Infinity, headersTimeout || Infinity) / 4)
		)
	},
	(req, res) => {
		const target = req.url ?? '/';
		exchanges.set(req.socket, { req, res });
		// The answer is sent: drop what is left of a refused body, then keep the connection.
		res.once('finish', () => discardRest(req));
		res.once('close', () => {
			if (!res.writableFinished && !req.complete) {
				const line = requestLine(
					'aborted',
					req.method,
					target,
					'closed before its body was complete'
				);
				logOnce(req, line);
			}
		});
		if (useOwnProtocol) {
			req.headers[ownProtocolHeader] =
				'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
		}
		for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
		const path = decodedPath(target);
		res.setHeader(
			'content-security-policy',
			path === serviceWorkerPath
				? serviceWorkerCsp
				: ((path && pagePolicies.get(path)) ?? resourceCsp)
		);

		if (path === null) {
			logOnce(req, requestLine(400, req.method, target, 'malformed percent-encoding'));
			plain(res, 400, 'Bad Request: malformed URL\n');
			return;
		}

		if (translated.has(path)) varyOnLanguage(res);
		const location = languageRedirect(req, path);
		if (location) {
			res.writeHead(302, { location, 'cache-control': 'no-store' }).end();
			return;
		}

		// SvelteKit answers every path itself; `next` is only a safety net.
		Promise.resolve()
			.then(() => handler(req, res, () => plain(res, 404, 'Not Found\n')))
			.catch((/** @type {unknown} */ error) => {
				logged.add(req);
				console.error(errorLog(500, req.method, target, error));
				if (res.headersSent) res.destroy();
				else plain(res, 500, 'Internal Server Error\n');
			});
	}
);
server.keepAliveTimeout = seconds('KEEP_ALIVE_TIMEOUT', 5) * 1000;

// What Node would answer itself (a request it cannot parse, or one slower than the timeouts), with
// our headers, one log line, and a moment for the client to read the answer before the close.
server.on('clientError', (/** @type {NodeJS.ErrnoException} */ error, socket) => {
	const code = error.code ?? '';
	const timedOut = code === 'ERR_HTTP_REQUEST_TIMEOUT';
	if (!timedOut && !code.startsWith('HPE_')) {
		// The connection failed (a reset): a request in flight gets its line when it closes.
		socket.destroy();
		return;
	}
	// Already answered and closing: the parser stumbles on whatever still arrives.
	if (closing.has(socket)) return;
	const last = exchanges.get(socket);
	// A complete request is done with: the error is about the next one, not yet a request.
	const current = last && !last.req.complete ? last : undefined;
	const status = timedOut ? 408 : code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
	if (!current?.res.writableFinished) {
		const reason = timedOut
			? current
				? `its body took longer than ${requestTimeout / 1000} s`
				: `its headers took longer than ${headersTimeout / 1000} s`
			: code === 'HPE_INVALID_EOF_STATE'
				? 'the connection ended before its body was complete'
				: `cannot be parsed (${code}: ${'reason' in error ? error.reason : error.message})`;
		const line = requestLine(status, current?.req.method, current?.req.url ?? '-', reason);
		if (current) logOnce(current.req, line);
		else console.warn(line);
	}
	closeGently(socket, current?.res.headersSent ? undefined : rawResponse(status));
});

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
server.listen(port, host, () => {
	const address = server.address();
	const shown = typeof address === 'object' && address ? address.port : port;
	console.log(`Listening on http://${host}:${shown}`);
});

/** Stop accepting connections, let requests in flight finish, and leave within 10 s anyway. */
function shutdown() {
	server.close(() => process.exit(0));
	server.closeIdleConnections();
	setTimeout(() => process.exit(0), 10_000).unref();
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
