/**
 * Reading request bodies safely: a content type that CSRF protection covers, a size limit
 * enforced while reading (not only from Content-Length), JSON that parses.
 */
import { json } from '@sveltejs/kit';

export type BodyResult = { ok: true; body: unknown } | { ok: false; response: Response };

/** A JSON error answer: `{ message, errors? }`. */
export function problem(status: number, message: string, errors?: Record<string, string>) {
	return json(errors ? { message, errors } : { message }, { status });
}

/** The 404 every unknown, malformed or missing code, token or key gets: same body, same path. */
export function notFound() {
	return problem(404, 'Not found');
}

export async function readJson(request: Request, limit: number): Promise<BodyResult> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/json\s*(;|$)/i.test(type)) {
		return {
			ok: false,
			response: problem(415, 'Send JSON (Content-Type: application/json)', {
				'content-type': 'must be application/json'
			})
		};
	}
	const tooLarge = () => ({
		ok: false as const,
		response: problem(413, `The body is larger than ${limit} bytes`, {
			body: `must be at most ${limit} bytes`
		})
	});
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (declared > limit) return tooLarge();
	let text = '';
	if (request.body) {
		const reader = request.body.getReader();
		const decoder = new TextDecoder();
		let size = 0;
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size > limit) {
				await reader.cancel();
				return tooLarge();
			}
			text += decoder.decode(value, { stream: true });
		}
		text += decoder.decode();
	}
	try {
		return { ok: true, body: JSON.parse(text) };
	} catch {
		return {
			ok: false,
			response: problem(400, 'The body is not valid JSON', { body: 'must be valid JSON' })
		};
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
