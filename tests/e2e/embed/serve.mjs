// @ts-check
/**
 * Serves host.html, a page of another site that embeds RoleFit, with the origin of its embed
 * script (`http://localhost:3000`, written once in the file) replaced by RoleFit's.
 *
 * By hand: `node tests/e2e/embed/serve.mjs`, with `HOST` (default 127.0.0.2), `PORT` (default
 * 8080, 0 for a free one) and `ROLEFIT_ORIGIN` (default http://localhost:3000); it prints the
 * page's address. RoleFit must allow that origin to frame it: `EMBED_ORIGINS=http://127.0.0.2:8080`.
 * From a test: `const host = await serveHost({ port: 0, rolefitOrigin })`, then `host.url`
 * and `await host.close()`. node:http only, no dependencies.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The origin host.html loads /embed.js from, replaced when it is served. */
const placeholder = 'http://localhost:3000';
const pagePath = fileURLToPath(new URL('./host.html', import.meta.url));

/**
 * @typedef {object} HostServer
 * @property {string} url The page's address, `http://host:port/`.
 * @property {() => Promise<void>} close Stops the server, dropping open connections.
 */

/**
 * Serves host.html at `/` (and `/host.html`) with its embed script loaded from `rolefitOrigin`.
 *
 * @param {{ host?: string, port?: number, rolefitOrigin?: string }} [options]
 * @returns {Promise<HostServer>}
 */
export async function serveHost({
	host = '127.0.0.2',
	port = 8080,
	rolefitOrigin = placeholder
} = {}) {
	const template = await readFile(pagePath, 'utf8');
	const count = template.split(placeholder).length - 1;
	if (count !== 1) {
		throw new Error(`${pagePath} must name ${placeholder} once (in /embed.js's src), not ${count}`);
	}
	// Its origin only: a typo fails here, and a trailing slash cannot make `//embed.js`.
	const html = template.replace(placeholder, new URL(rolefitOrigin).origin);

	const server = createServer((request, response) => {
		const path = new URL(request.url ?? '/', 'http://host').pathname;
		if (request.method !== 'GET' && request.method !== 'HEAD') {
			response.writeHead(405, { allow: 'GET, HEAD' }).end();
		} else if (path !== '/' && path !== '/host.html') {
			response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
		} else {
			response.writeHead(200, {
				'content-type': 'text/html; charset=utf-8',
				'cache-control': 'no-store'
			});
			response.end(request.method === 'HEAD' ? undefined : html);
		}
	});
	await new Promise((listening, failed) => {
		server.once('error', failed);
		server.listen(port, host, () => listening(undefined));
	});
	const address = server.address();
	const actualPort = typeof address === 'object' && address !== null ? address.port : port;
	const name = host.includes(':') ? `[${host}]` : host;
	return {
		url: `http://${name}:${actualPort}/`,
		close: () =>
			new Promise((closed, failed) => {
				server.closeAllConnections();
				server.close((error) => (error ? failed(error) : closed()));
			})
	};
}

// Run directly (`node tests/e2e/embed/serve.mjs`), not imported.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	const port = Number(process.env.PORT ?? 8080);
	if (!Number.isInteger(port) || port < 0 || port > 65_535) {
		console.error(`PORT must be a port number, not ${process.env.PORT}`);
		process.exit(2);
	}
	const rolefitOrigin = process.env.ROLEFIT_ORIGIN || placeholder;
	const server = await serveHost({ host: process.env.HOST || '127.0.0.2', port, rolefitOrigin });
	console.log(
		`Host page on ${server.url}, embedding RoleFit from ${new URL(rolefitOrigin).origin}`
	);
	process.once('SIGINT', () => void server.close().then(() => process.exit(0)));
}
