/**
 * A participant's submission to a cohort: the one owner of its shape. The browser builds it with
 * `submissionBody` and keeps it in its outbox until the server has it; the server parses it with
 * `parseSubmission` (zod), which names the field of every problem.
 *
 * `key` is generated in the browser (128 random bits, base64url) once per finished quiz. It is the
 * idempotency key (sent twice, stored once) and the secret of the participant's private link; the
 * server stores only its SHA-256.
 */
import { z } from 'zod';

export const SUBMISSION_KEY_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;
/** The largest submission body accepted, in bytes (a full quiz is about 1.5 KB). */
export const SUBMISSION_BODY_LIMIT = 16 * 1024;
export const DISPLAY_NAME_MAX = 60;

const record = (value: z.ZodType<number>) =>
	z
		.record(z.string().max(64), value)
		.refine((r) => Object.keys(r).length <= 200, 'has too many entries');

export const submissionSchema = z.strictObject({
	key: z.string().regex(SUBMISSION_KEY_PATTERN, 'must be 22–64 letters, digits, - or _'),
	version: z.string().max(32),
	fingerprint: z.string().max(128),
	answers: record(z.number()).refine((r) => Object.keys(r).length > 0, 'must not be empty'),
	timings: record(z.number().min(0).max(86_400)).optional(),
	displayName: z.string().trim().max(DISPLAY_NAME_MAX).optional(),
	/** The language the quiz was answered in: the cohort's dashboard says when there were several. */
	// Its shape here; whether RoleFit speaks it, on the server (`responses.ts`).
	language: z
		.string()
		.regex(/^[a-z]{2,3}$/, 'must be a language code')
		.optional()
});

export type Submission = z.infer<typeof submissionSchema>;

/** Problems by field path (`answers.vision-1`, `key`), as the 400 answer lists them. */
export type FieldErrors = Record<string, string>;

export function fieldErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const path = issue.path.map(String).join('.') || 'body';
		errors[path] ??= issue.message;
	}
	return errors;
}

export function parseSubmission(
	body: unknown
): { ok: true; submission: Submission } | { ok: false; errors: FieldErrors } {
	const parsed = submissionSchema.safeParse(body);
	return parsed.success
		? { ok: true, submission: parsed.data }
		: { ok: false, errors: fieldErrors(parsed.error) };
}

/** A new submission key: 16 random bytes from the browser's (or Node's) crypto, base64url. */
export function newSubmissionKey(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The body the browser sends (and keeps in its outbox until it is acknowledged). */
export function submissionBody(input: Submission): Submission {
	const body: Submission = {
		key: input.key,
		version: input.version,
		fingerprint: input.fingerprint,
		answers: { ...input.answers }
	};
	if (input.timings && Object.keys(input.timings).length > 0) body.timings = { ...input.timings };
	if (input.displayName && input.displayName.trim() !== '') body.displayName = input.displayName;
	if (input.language) body.language = input.language;
	return body;
}
