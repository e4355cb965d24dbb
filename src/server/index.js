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
 *
 * Environment: `PORT` (default 3000) and `HOST` (default 0.0.0.0), as for adapter-node's own
 * server; its other variables (`ORIGIN`, `BODY_SIZE_LIMIT`, …) are read by the handler itself.
 * Run after the build, unbundled: `node src/server/index.js`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
	prerenderedPageCsp,
	resourceCsp,
	securityHeaders,
	serviceWorkerCsp,
	serviceWorkerPath
} from './headers.js';

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
 * A short, single-line rendering of a request target for the log.
 *
 * @param {string} target
 */
const forLog = (target) => {
	// Secrets travel in some paths (facilitator links, participants' private links): never log them.
	const safe = target.replace(/^\/(f|r)\/[^/?#]*/, '/$1/[redacted]');
	return JSON.stringify(safe.length > 200 ? `${safe.slice(0, 200)}…` : safe);
};

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

const server = createServer((req, res) => {
	const target = req.url ?? '/';
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
		console.warn(`400 ${req.method} ${forLog(target)}: malformed percent-encoding`);
		plain(res, 400, 'Bad Request: malformed URL\n');
		return;
	}

	// SvelteKit answers every path itself; `next` is only a safety net.
	Promise.resolve()
		.then(() => handler(req, res, () => plain(res, 404, 'Not Found\n')))
		.catch((/** @type {unknown} */ error) => {
			console.error(`500 ${req.method} ${forLog(target)}:`, error);
			if (res.headersSent) res.destroy();
			else plain(res, 500, 'Internal Server Error\n');
		});
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
