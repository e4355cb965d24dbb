/**
 * Reading request bodies safely: a content type that CSRF protection covers, a size limit
 * enforced while reading (not only from Content-Length), JSON or a form that parses.
 *
 * A refused body is left where it is, never cancelled: cancelling the body of adapter-node's
 * request destroys the connection, and the answer with it (the client saw a reset, and the rate
 * limit found no address). The production server (`src/server/index.js`) reads and drops the rest
 * once the answer is sent. Each refusal is recorded for the one log line `hooks.server.ts` writes
 * about the request (`refusalOf`); a body cut off by the client is not: the server logs that.
 */
import { json } from '@sveltejs/kit';

/** The largest form an action reads (ours are a few hundred bytes). */
export const FORM_BODY_LIMIT = 64 * 1024;

export type BodyResult = { ok: true; body: unknown } | { ok: false; response: Response };
export type FormResult =
	{ ok: true; form: FormData } | { ok: false; status: 400 | 413 | 415; message: string };

/** Why a body was refused: the status it was refused with and a reason for the log. */
export interface Refusal {
	status: number;
	reason: string;
}

const refusals = new WeakMap<Request, Refusal>();

/** The refusal of this request's body, if it was refused (`hooks.server.ts` logs it). */
export function refusalOf(request: Request): Refusal | undefined {
	return refusals.get(request);
}

function refuse(request: Request, status: number, reason: string) {
	refusals.set(request, { status, reason });
}

/** A JSON error answer: `{ message, errors? }`. */
export function problem(status: number, message: string, errors?: Record<string, string>) {
	return json(errors ? { message, errors } : { message }, { status });
}

/** The 404 every unknown, malformed or missing code, token or key gets: same body, same path. */
export function notFound() {
	return problem(404, 'Not found');
}

type Bytes =
	| { ok: true; bytes: Uint8Array<ArrayBuffer> }
	| { ok: false; status: 413; reason: string }
	| { ok: false; status: 400; reason: string; cutOff: true };

/** The status an error carries (SvelteKit's own body limit errors the stream with a 413). */
const statusOf = (error: unknown) =>
	typeof error === 'object' && error !== null && 'status' in error ? error.status : undefined;

/** Reads the body up to `limit` bytes; past it, stops reading and leaves the rest. */
async function readBytes(request: Request, limit: number): Promise<Bytes> {
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (declared > limit) {
		return { ok: false, status: 413, reason: `Content-Length ${declared} is over ${limit} bytes` };
	}
	if (!request.body) return { ok: true, bytes: new Uint8Array() };
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size > limit) {
				return { ok: false, status: 413, reason: `the body is over ${limit} bytes` };
			}
			chunks.push(value);
		}
	} catch (error) {
		if (statusOf(error) === 413) {
			const reason = error instanceof Error ? error.message : 'the body is too large';
			return { ok: false, status: 413, reason };
		}
		// Anything else is the connection failing (the client left, or the server timed it out).
		return { ok: false, status: 400, reason: 'the body was cut off', cutOff: true };
	} finally {
		reader.releaseLock();
	}
	const bytes = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return { ok: true, bytes };
}

/** The media type of a request, lower-cased, without its parameters. */
const mediaType = (request: Request) =>
	(request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();

/**
 * The JSON body of `request`, at most `limit` bytes: 415 for another content type, 413 past the
 * limit (declared or read), 400 when it does not parse or was cut off.
 */
export async function readJson(request: Request, limit: number): Promise<BodyResult> {
	if (mediaType(request) !== 'application/json') {
		refuse(request, 415, `the body is ${mediaType(request) || 'untyped'}, not JSON`);
		return {
			ok: false,
			response: problem(415, 'Send JSON (Content-Type: application/json)', {
				'content-type': 'must be application/json'
			})
		};
	}
	const read = await readBytes(request, limit);
	if (!read.ok) {
		if (read.status === 413) {
			refuse(request, 413, read.reason);
			return {
				ok: false,
				response: problem(413, `The body is larger than ${limit} bytes`, {
					body: `must be at most ${limit} bytes`
				})
			};
		}
		return {
			ok: false,
			response: problem(400, 'The body was cut off', { body: 'must be sent whole' })
		};
	}
	try {
		return { ok: true, body: JSON.parse(new TextDecoder().decode(read.bytes)) };
	} catch {
		refuse(request, 400, 'the body is not valid JSON');
		return {
			ok: false,
			response: problem(400, 'The body is not valid JSON', { body: 'must be valid JSON' })
		};
	}
}

/**
 * The form posted to an action, at most `limit` bytes: 415 unless it is sent as a browser sends a
 * form, 413 past the limit (ours, or adapter-node's `BODY_SIZE_LIMIT` if lower), 400 when it does
 * not parse or was cut off. The action answers a refusal with `fail(status, …)`.
 */
export async function readForm(request: Request, limit = FORM_BODY_LIMIT): Promise<FormResult> {
	const type = mediaType(request);
	if (type !== 'application/x-www-form-urlencoded' && type !== 'multipart/form-data') {
		refuse(request, 415, `the body is ${type || 'untyped'}, not a form`);
		return { ok: false, status: 415, message: 'Send the form from its page.' };
	}
	const read = await readBytes(request, limit);
	if (!read.ok) {
		if (read.status === 413) {
			refuse(request, 413, read.reason);
			return { ok: false, status: 413, message: `The form is larger than ${limit} bytes.` };
		}
		return { ok: false, status: 400, message: 'The form was cut off: send it again.' };
	}
	try {
		const headers = { 'content-type': request.headers.get('content-type') ?? type };
		return { ok: true, form: await new Response(read.bytes, { headers }).formData() };
	} catch {
		refuse(request, 400, 'the form cannot be parsed');
		return { ok: false, status: 400, message: 'The form could not be read: send it again.' };
	}
}

/** A 429 with Retry-After. */
export function tooManyRequests(retryAfter: number) {
	return new Response(
		JSON.stringify({ message: `Too many requests: try again in ${retryAfter} s` }),
		{
			status: 429,
			headers: { 'content-type': 'application/json', 'retry-after': String(retryAfter) }
		}
	);
}
