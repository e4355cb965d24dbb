/**
 * Hostile bodies at the level of the app, as SvelteKit hands them over (a Request whose body
 * stream is adapter-node's): a body past its limit is refused without being cancelled (cancelling
 * adapter-node's stream destroys the connection, and the answer with it), a body cut off is
 * answered without a throw, a form that is no form is refused by the action, and the rate limit
 * counts a request whose address is gone. The real server's side (the status line, the log line,
 * the connection) is `tests/e2e/hostile-requests.spec.ts`.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeDatabase } from '../../../src/lib/server/db/index.ts';
import { SUBMISSION_BODY_LIMIT } from '../../../src/lib/cohorts/submission.ts';
import { FORM_BODY_LIMIT, readForm, readJson, refusalOf } from '../../../src/lib/server/http.ts';
import { clientAddress, hit, window } from '../../../src/lib/server/rate-limit.ts';
import { settle, warmUp } from '../../helpers/cohort-harness.ts';

beforeAll(() => warmUp(), 120_000);
afterAll(() => closeDatabase());

const origin = 'http://localhost';

/**
 * A body sent in `chunks` chunks of `size` bytes without a Content-Length (as a chunked upload
 * reaches SvelteKit), recording whether it was cancelled; `failAfter` errors the stream after
 * that many chunks, as adapter-node's does when the client leaves.
 */
function streamed(chunks: number, size: number, failAfter?: number) {
	const state = { cancelled: false, sent: 0 };
	const body = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (failAfter !== undefined && state.sent === failAfter) {
				controller.error(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
				return;
			}
			if (state.sent === chunks) return controller.close();
			state.sent += 1;
			controller.enqueue(new Uint8Array(size).fill(0x61));
		},
		cancel() {
			state.cancelled = true;
		}
	});
	return { body, state };
}

function post(path: string, body: BodyInit | null, contentType?: string) {
	return new Request(origin + path, {
		method: 'POST',
		headers: contentType ? { 'content-type': contentType } : {},
		body,
		duplex: 'half'
	} as RequestInit);
}

describe('readJson', () => {
	it('refuses a chunked body past its limit with 413, without cancelling it', async () => {
		const { body, state } = streamed(32, 64 * 1024);
		const request = post('/api/cohorts/ABCDEFGH/responses', body, 'application/json');
		const read = await readJson(request, SUBMISSION_BODY_LIMIT);
		expect(read.ok).toBe(false);
		if (read.ok) return;
		expect(read.response.status).toBe(413);
		// Cancelling would have destroyed the connection before the 413 could be sent.
		expect(state.cancelled).toBe(false);
		expect(state.sent).toBeLessThan(32);
		expect(refusalOf(request)).toEqual({
			status: 413,
			reason: `the body is over ${SUBMISSION_BODY_LIMIT} bytes`
		});
	});

	it('answers a body cut off with a 400 and leaves its line to the server', async () => {
		const { body } = streamed(4, 1024, 2);
		const request = post('/api/cohorts/ABCDEFGH/responses', body, 'application/json');
		const read = await readJson(request, SUBMISSION_BODY_LIMIT);
		expect(read.ok || read.response.status).toBe(400);
		expect(refusalOf(request)).toBeUndefined();
	});

	it('records the other refusals: a wrong type (415) and JSON that does not parse (400)', async () => {
		const asText = post('/api/cohorts/ABCDEFGH/responses', '{}', 'text/plain');
		expect((await readJson(asText, 100)).ok).toBe(false);
		expect(refusalOf(asText)).toEqual({ status: 415, reason: 'the body is text/plain, not JSON' });
		const broken = post(
			'/api/cohorts/ABCDEFGH/responses',
			'{"a":',
			'application/json; charset=utf-8'
		);
		expect((await readJson(broken, 100)).ok).toBe(false);
		expect(refusalOf(broken)).toEqual({ status: 400, reason: 'the body is not valid JSON' });
		const fine = post('/api/cohorts/ABCDEFGH/responses', '{"a":1}', 'application/json');
		expect(await readJson(fine, 100)).toEqual({ ok: true, body: { a: 1 } });
		expect(refusalOf(fine)).toBeUndefined();
	});
});

describe('readForm', () => {
	it('refuses a form past its limit (413), a body that is no form (415) and a broken one (400)', async () => {
		const { body, state } = streamed(4, FORM_BODY_LIMIT);
		const big = await readForm(post('/join', body, 'application/x-www-form-urlencoded'));
		expect(big).toMatchObject({ ok: false, status: 413 });
		expect(state.cancelled).toBe(false);
		expect(await readForm(post('/join', 'code=x', 'text/plain'))).toMatchObject({
			ok: false,
			status: 415
		});
		expect(
			await readForm(post('/join', 'code=x', 'multipart/form-data; boundary=nothing'))
		).toMatchObject({ ok: false, status: 400 });
		const form = await readForm(post('/join', 'code=AB%20CD', 'application/x-www-form-urlencoded'));
		expect(form.ok && form.form.get('code')).toBe('AB CD');
	});

	it("passes on adapter-node's own limit (BODY_SIZE_LIMIT) as a 413 with its message", async () => {
		const body = new ReadableStream<Uint8Array>({
			start(controller) {
				const error = Object.assign(
					new Error('request body size exceeded BODY_SIZE_LIMIT of 1024'),
					{ status: 413 }
				);
				controller.error(error);
			}
		});
		const request = post('/join', body, 'application/x-www-form-urlencoded');
		expect(await readForm(request)).toMatchObject({ ok: false, status: 413 });
		expect(refusalOf(request)?.reason).toBe('request body size exceeded BODY_SIZE_LIMIT of 1024');
	});
});

describe('the routes', () => {
	const submit = () => import('../../../src/routes/api/cohorts/[code]/responses/+server.ts');
	const create = () => import('../../../src/routes/cohorts/new/+page.server.ts');
	const join = () => import('../../../src/routes/[[lang=lang]]/join/+page.server.ts');

	it('answer a submission cut off, from an address that is gone, without a throw', async () => {
		const { POST } = await submit();
		const { body } = streamed(4, 1024, 1);
		const request = post('/api/cohorts/ABCDEFGH/responses', body, 'application/json');
		// adapter-node's getClientAddress answers undefined once the socket is gone.
		const outcome = await settle(() =>
			POST({
				params: { code: 'ABCDEFGH' },
				request,
				getClientAddress: () => undefined as unknown as string
			} as never)
		);
		expect(outcome.status).toBe(400);
	});

	it('refuse an oversized or mistyped form in an action with fail(413) and fail(415)', async () => {
		const { actions } = await create();
		const { body } = streamed(4, FORM_BODY_LIMIT);
		const oversized = await settle(() =>
			actions.default({
				request: post('/cohorts/new', body, 'application/x-www-form-urlencoded'),
				getClientAddress: () => '192.0.2.200',
				url: new URL(origin + '/cohorts/new'),
				locals: { language: 'en', facilitatorSessions: {} }
			} as never)
		);
		expect(oversized.status).toBe(413);
		expect(oversized.data).toEqual({
			errors: { form: `The form is larger than ${FORM_BODY_LIMIT} bytes.` }
		});
		const joined = await join();
		const mistyped = await settle(() =>
			joined.actions.default({
				request: post('/join', 'code=ABCDEFGH', 'text/plain'),
				url: new URL('http://localhost/join'),
				getClientAddress: () => '192.0.2.201',
				locals: { language: 'en' }
			} as never)
		);
		expect(mistyped.status).toBe(415);
		expect(mistyped.data).toMatchObject({ errors: { code: 'Send the form from its page.' } });
	});
});

describe('the rate limit', () => {
	it('counts a request whose address cannot be told under one key, and never throws', async () => {
		expect(window('submit', undefined).key).toBe('submit:unknown');
		expect(window('submit', '').key).toBe('submit:unknown');
		expect(window('submit', '192.0.2.1').key).toMatch(/^submit:[0-9a-f]{64}$/);
		await expect(hit('submit', undefined)).resolves.toEqual({ ok: true });
		expect(clientAddress(() => undefined as unknown as string)).toBeUndefined();
		expect(clientAddress(() => '192.0.2.9')).toBe('192.0.2.9');
	});

	it('takes a throwing getClientAddress (ADDRESS_HEADER absent) as unknown, warning once', () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		try {
			const missing = () => {
				throw new Error('Address header was specified with ADDRESS_HEADER=x-real-ip but is absent');
			};
			expect(clientAddress(missing)).toBeUndefined();
			expect(clientAddress(missing)).toBeUndefined();
			expect(warn).toHaveBeenCalledTimes(1);
			expect(String(warn.mock.calls[0]![0])).toMatch(/^Rate limits: no client address/);
		} finally {
			warn.mockRestore();
		}
	});
});
