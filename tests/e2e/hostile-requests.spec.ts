/**
 * Hostile requests against the built server (`src/server/index.js`, on an in-memory database):
 * bodies sent chunked, slowly, oversized, cut off, reset or of the wrong type, to the submission
 * API and to form actions. Each gets a 4xx status line (or, when the client itself left, a clean
 * close) and exactly one log line, never a 500. Then mangled links carrying a facilitator token,
 * a private key and a join code: the log holds none of them, however they were mangled.
 *
 * Requests are made with `node:http` and `node:net`, so nothing between the test and the server
 * re-encodes a path or completes a body.
 */
import { expect, test } from '@playwright/test';
import { request, Agent, type ClientRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { randomBytes } from 'node:crypto';
import { createCohortOver, startServer, type AppServer } from '../helpers/app-server.ts';

const REQUEST_TIMEOUT = 2;
const SUBMISSION_LIMIT = 16 * 1024;
const FORM_LIMIT = 64 * 1024;
const api = '/api/cohorts/ABCDEFGH/responses';

let server: AppServer;

test.beforeAll(async () => {
	test.setTimeout(90_000);
	server = await startServer(0, {
		DATA_DIR: 'memory://',
		DATABASE_URL: '',
		REQUEST_TIMEOUT: String(REQUEST_TIMEOUT),
		RATE_LIMIT_CREATE: '200/3600',
		RATE_LIMIT_JOIN: '600/60',
		RATE_LIMIT_SUBMIT: '600/60'
	});
});

test.afterAll(async () => {
	await server?.stop();
});

interface Outcome {
	status?: number;
	headers?: IncomingHttpHeaders;
	body: string;
	/** The client's error, when there was no answer. */
	error?: string;
	/** A reset or error after the whole answer was read. */
	after?: string;
}

/**
 * One request with `headers`, its body written by `write`; resolves with the answer, or with the
 * error when there was none (an error after a complete answer is kept in `after`).
 */
function exchange(
	path: string,
	headers: Record<string, string | number>,
	write: (req: ClientRequest) => void,
	agent: Agent | false = false
): Promise<Outcome> {
	return new Promise((done) => {
		const outcome: Outcome = { body: '' };
		let answered = false;
		const req = request(
			{
				host: '127.0.0.1',
				port: server.port,
				path,
				method: 'POST',
				agent,
				headers: { origin: server.origin, ...headers }
			},
			(res) => {
				outcome.status = res.statusCode;
				outcome.headers = res.headers;
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => (outcome.body += chunk));
				res.on('end', () => {
					answered = true;
					done(outcome);
				});
				res.on('error', (error) => done({ ...outcome, error: error.message }));
			}
		);
		req.on('error', (error: NodeJS.ErrnoException) => {
			if (answered) outcome.after = error.code;
			else done({ ...outcome, error: error.code ?? error.message });
		});
		write(req);
	});
}

/** Writes `size` bytes in 64 KiB chunks, waiting for the socket to drain, then ends. */
function sendBytes(req: ClientRequest, size: number, prefix = '') {
	const chunk = Buffer.alloc(64 * 1024, 'a');
	let left = size;
	req.write(prefix);
	const go = () => {
		while (left > 0) {
			const part = chunk.subarray(0, Math.min(chunk.length, left));
			left -= part.length;
			if (!req.write(part)) return void req.once('drain', go);
		}
		req.end();
	};
	go();
}

/** The lines the server writes while `act` runs (and a moment after): there must be exactly one. */
async function oneLine<T>(act: () => Promise<T>): Promise<{ result: T; line: string }> {
	const start = server.log().length;
	const result = await act();
	await expect.poll(() => server.log().length, { timeout: 15_000 }).toBeGreaterThan(start);
	// Anything slower to arrive than the line itself would show up here.
	await new Promise((done) => setTimeout(done, 500));
	const lines = server.log().slice(start).trim().split('\n');
	expect(lines, lines.join('\n')).toHaveLength(1);
	expect(lines[0]).not.toMatch(/^5\d\d |Error|\bat /);
	return { result, line: lines[0]! };
}

/** Writes a raw request on a socket and resolves with the status line it got, if any. */
function raw(text: string, then: 'end' | 'reset' | 'wait'): Promise<string> {
	return new Promise((done) => {
		let received = '';
		const socket = connect(server.port, '127.0.0.1', () => {
			socket.write(text);
			setTimeout(() => {
				if (then === 'end') socket.end();
				if (then === 'reset') socket.resetAndDestroy();
			}, 200);
		});
		socket.on('data', (chunk) => (received += chunk));
		socket.on('close', () => done(received.split('\r\n')[0] ?? ''));
		socket.on('error', () => {});
	});
}

const head = (path: string, headers: string[]) =>
	[
		`POST ${path} HTTP/1.1`,
		`host: 127.0.0.1:${server.port}`,
		`origin: ${server.origin}`,
		...headers,
		'',
		''
	].join('\r\n');

test.describe('hostile bodies: a 4xx and one log line, never a 500 or a reset', () => {
	test('a 2 MB chunked body without Content-Length gets its 413, and the connection is kept', async () => {
		const agent = new Agent({ keepAlive: true, maxSockets: 1 });
		try {
			const sockets = new Set<unknown>();
			agent.on('free', (socket) => sockets.add(socket));
			const { result, line } = await oneLine(() =>
				exchange(
					api,
					{ 'content-type': 'application/json' },
					(req) => sendBytes(req, 2 << 20),
					agent
				)
			);
			expect(result.error).toBeUndefined();
			expect(result.status).toBe(413);
			expect(JSON.parse(result.body)).toMatchObject({
				errors: { body: 'must be at most 16384 bytes' }
			});
			expect(result.after).toBeUndefined();
			expect(line).toBe(
				`413 POST "/api/cohorts/[redacted]/responses": the body is over ${SUBMISSION_LIMIT} bytes`
			);
			// The rest of the body was read and dropped: the same connection serves the next request.
			const again = await exchange(
				api,
				{ 'content-type': 'application/json' },
				(req) => sendBytes(req, 2 << 20),
				agent
			);
			expect(again.status).toBe(413);
			expect(sockets.size).toBe(1);
		} finally {
			agent.destroy();
		}
	});

	test('the same body with its Content-Length gets the same 413', async () => {
		const { result, line } = await oneLine(() =>
			exchange(api, { 'content-type': 'application/json', 'content-length': 2 << 20 }, (req) =>
				sendBytes(req, 2 << 20)
			)
		);
		expect(result.status).toBe(413);
		expect(line).toBe(
			`413 POST "/api/cohorts/[redacted]/responses": Content-Length ${2 << 20} is over ${SUBMISSION_LIMIT} bytes`
		);
	});

	for (const connection of ['keep-alive', 'close']) {
		test(`a 40 MB body (Connection: ${connection}) gets its 413 before the server closes the connection`, async () => {
			const agent = connection === 'keep-alive' ? new Agent({ keepAlive: true }) : false;
			try {
				const { result, line } = await oneLine(() =>
					exchange(
						api,
						{ 'content-type': 'application/json', connection },
						(req) => sendBytes(req, 40 << 20),
						agent
					)
				);
				expect(result.error).toBeUndefined();
				expect(result.status).toBe(413);
				expect(line).toBe(
					`413 POST "/api/cohorts/[redacted]/responses": the body is over ${SUBMISSION_LIMIT} bytes`
				);
			} finally {
				if (agent) agent.destroy();
			}
		});
	}

	test('a wrong content type gets a 415', async () => {
		const { result, line } = await oneLine(() =>
			exchange(api, { 'content-type': 'text/plain' }, (req) => req.end('{"key":"x"}'))
		);
		expect(result.status).toBe(415);
		expect(line).toBe(
			'415 POST "/api/cohorts/[redacted]/responses": the body is text/plain, not JSON'
		);
	});

	test(`a body slower than REQUEST_TIMEOUT (${REQUEST_TIMEOUT} s) gets a 408`, async () => {
		let timer: ReturnType<typeof setInterval> | undefined;
		const { result, line } = await oneLine(() =>
			exchange(api, { 'content-type': 'application/json' }, (req) => {
				req.write('{');
				timer = setInterval(() => req.write(' '), 200);
			})
		).finally(() => clearInterval(timer));
		expect(result.status).toBe(408);
		expect(line).toBe(
			`408 POST "/api/cohorts/[redacted]/responses": its body took longer than ${REQUEST_TIMEOUT} s`
		);
	});

	test('a body cut off (the client ends the connection) gets a 400', async () => {
		const { result, line } = await oneLine(() =>
			raw(head(api, ['content-type: application/json', 'content-length: 1000']) + '{"key":', 'end')
		);
		expect(result).toBe('HTTP/1.1 400 Bad Request');
		expect(line).toBe(
			'400 POST "/api/cohorts/[redacted]/responses": the connection ended before its body was complete'
		);
	});

	test('a body cut off by a reset closes cleanly, with one line', async () => {
		const { result, line } = await oneLine(() =>
			raw(
				head(api, ['content-type: application/json', 'content-length: 1000']) + '{"key":',
				'reset'
			)
		);
		expect(result).toBe('');
		expect(line).toBe(
			'aborted POST "/api/cohorts/[redacted]/responses": closed before its body was complete'
		);
	});

	test('a broken chunk gets a 400', async () => {
		const { result, line } = await oneLine(() =>
			raw(
				head(api, ['content-type: application/json', 'transfer-encoding: chunked']) +
					'5\r\n{"a":\r\nZZ\r\n',
				'wait'
			)
		);
		expect(result).toBe('HTTP/1.1 400 Bad Request');
		expect(line).toBe(
			'400 POST "/api/cohorts/[redacted]/responses": cannot be parsed (HPE_INVALID_CHUNK_SIZE: Invalid character in chunk size)'
		);
	});

	test('a 2 MB chunked form posted to an action gets a 413', async () => {
		const { result, line } = await oneLine(() =>
			exchange(
				'/cohorts/new',
				{ 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
				(req) => sendBytes(req, 2 << 20, 'name=')
			)
		);
		expect(result.status).toBe(413);
		expect(result.after).toBeUndefined();
		expect(result.body).toContain(`The form is larger than ${FORM_LIMIT} bytes.`);
		expect(line).toBe(`413 POST "/cohorts/new": the body is over ${FORM_LIMIT} bytes`);
	});

	test('an oversized form with its Content-Length, to another action, gets a 413', async () => {
		const { result, line } = await oneLine(() =>
			exchange(
				'/join',
				{
					'content-type': 'application/x-www-form-urlencoded',
					'content-length': (2 << 20) + 5,
					accept: 'text/html'
				},
				(req) => sendBytes(req, 2 << 20, 'code=')
			)
		);
		expect(result.status).toBe(413);
		expect(line).toBe(
			`413 POST "/join": Content-Length ${(2 << 20) + 5} is over ${FORM_LIMIT} bytes`
		);
	});

	test('a form of the wrong type (text/plain, or a broken multipart) gets a 415 or a 400', async () => {
		const text = await oneLine(() =>
			exchange('/join', { 'content-type': 'text/plain', accept: 'text/html' }, (req) =>
				req.end('code=ABCDEFGH')
			)
		);
		expect(text.result.status).toBe(415);
		expect(text.line).toBe('415 POST "/join": the body is text/plain, not a form');
		const multipart = await oneLine(() =>
			exchange(
				'/join',
				{ 'content-type': 'multipart/form-data; boundary=x', accept: 'text/html' },
				(req) => req.end('code=ABCDEFGH')
			)
		);
		expect(multipart.result.status).toBe(400);
		expect(multipart.line).toBe('400 POST "/join": the form cannot be parsed');
	});

	test('a 2 MB body to endpoints that take no POST gets a 405', async () => {
		const token = randomBytes(32).toString('base64url');
		for (const [path, logged] of [
			[`/f/${token}`, '/f/[redacted]'],
			['/cohorts/00000000-0000-4000-8000-000000000000/export.csv', null],
			['/join/ABCD2345', '/join/[redacted]']
		] as const) {
			const { result, line } = await oneLine(() =>
				exchange(path, { 'content-type': 'application/json' }, (req) => sendBytes(req, 2 << 20))
			);
			expect(result.status, path).toBe(405);
			expect(result.after, path).toBeUndefined();
			expect(line).toMatch(/^405 POST "/);
			expect(line).toContain(`"${logged ?? path}"`);
		}
	});

	test('a form that is JSON is refused by SvelteKit with a 415, on one line', async () => {
		const { result, line } = await oneLine(() =>
			exchange('/cohorts/new', { 'content-type': 'application/json', accept: 'text/html' }, (req) =>
				req.end('{}')
			)
		);
		expect(result.status).toBe(415);
		expect(line).toBe(
			'415 POST "/cohorts/new": Form actions expect form-encoded data — received application/json'
		);
	});

	test('a slow form gets a 408, a form cut off by a reset one line', async () => {
		let timer: ReturnType<typeof setInterval> | undefined;
		const slow = await oneLine(() =>
			exchange('/join', { 'content-type': 'application/x-www-form-urlencoded' }, (req) => {
				req.write('code=');
				timer = setInterval(() => req.write('A'), 200);
			})
		).finally(() => clearInterval(timer));
		expect(slow.result.status).toBe(408);
		expect(slow.line).toBe(`408 POST "/join": its body took longer than ${REQUEST_TIMEOUT} s`);
		const reset = await oneLine(() =>
			raw(
				head('/cohorts/new', [
					'content-type: application/x-www-form-urlencoded',
					'content-length: 1000'
				]) + 'name=Cl',
				'reset'
			)
		);
		expect(reset.result).toBe('');
		expect(reset.line).toBe('aborted POST "/cohorts/new": closed before its body was complete');
	});
});

/** Undoes percent-encoding as often as it can, leaving malformed escapes. */
function decodeAll(text: string) {
	let value = text;
	for (;;) {
		const next = value.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
			String.fromCharCode(parseInt(hex, 16))
		);
		if (next === value) return value;
		value = next;
	}
}

test('no secret reaches the log, however its link was mangled', async () => {
	test.setTimeout(120_000);
	const cohort = await createCohortOver(server.origin, { name: 'Log test', minGroupSize: '3' });
	const secrets = {
		token: cohort.token,
		key: randomBytes(16).toString('base64url'),
		code: cohort.joinCode
	};
	const links = [
		'/f/@%',
		'//f/@%',
		'/F/@%',
		'/F/@',
		'//f/@',
		'///F///@',
		'/f//@%',
		'/\\f\\@',
		'/%66/@%',
		'/%46/@',
		'/%2566/@',
		'/f%2F@',
		'/f%2f@%',
		'/f%5C@%',
		'/f/@/%E0%A4%A',
		'/f/@?x=%',
		'/x?token=@',
		'/x?@',
		'/x?next=/f/@%',
		'/r/@%',
		'/R/@',
		'//r//@%',
		'/join/@%',
		'/JOIN/@',
		'/api/cohorts/@/responses%',
		'/API/COHORTS/@/responses'
	];
	const start = server.log().length;
	let requests = 0;
	for (const [kind, secret] of Object.entries(secrets)) {
		for (const link of links) {
			if (kind === 'code' && !/join|cohorts/i.test(link)) continue;
			const path = link.replaceAll('@', secret);
			for (const method of ['GET', 'POST'] as const) {
				requests += 1;
				await new Promise<void>((done) => {
					const req = request(
						{
							host: '127.0.0.1',
							port: server.port,
							path,
							method,
							headers: { origin: server.origin, 'content-type': 'text/plain' }
						},
						(res) => {
							res.resume();
							res.on('end', done);
						}
					);
					req.on('error', () => done());
					if (method === 'POST') sendBytes(req, 600 * 1024);
					else req.end();
				});
			}
		}
	}
	await new Promise((done) => setTimeout(done, 500));
	const log = server.log().slice(start);
	// Not a vacuous test: most requests wrote a line, and each of those redacted something.
	expect(log.split('\n').filter((line) => line.includes('[redacted]')).length).toBeGreaterThan(
		requests / 2
	);
	expect(log).not.toMatch(/^5\d\d /m);
	for (const [kind, secret] of Object.entries(secrets)) {
		const leaks = log
			.split('\n')
			.filter((line) => decodeAll(line).toLowerCase().includes(secret.toLowerCase()));
		expect(leaks, `the ${kind} in the log`).toEqual([]);
	}
});
