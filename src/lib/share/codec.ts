/**
 * Share links: a person's answers packed into the URL fragment, which the
 * browser never sends to a server, so a result can be shared without storing it.
 *
 * Fragment format (all characters URL-safe, nothing to percent-encode):
 *
 *     v<version>.<fingerprint>.<body><check>
 *     v1.0.0.3f9a0c2e.BdX0kq7Yv1mA9pQe_w
 *
 * - `<body>`: the answers as one number in mixed radix, one digit per question
 *   in presentation order, digit 0 = skipped and 1…max = the answer (so radix
 *   max + 1), first question most significant. The number is written in
 *   base64url (`A`–`Z`, `a`–`z`, `0`–`9`, `-`, `_`; `A` = 0), most significant
 *   character first, always with exactly as many characters as the largest
 *   possible number needs: 36 questions (30 on five points, 6 with four
 *   options) take 16 characters.
 * - `<check>`: two base64url characters holding a weighted sum, modulo the prime
 *   4093, of the character codes of everything before them (weights 1, 2, 3…).
 *   Because the modulus is prime and larger than any weight, every change of a
 *   single character and every swap of two neighbouring characters is caught,
 *   in the version and fingerprint as well as in the answers (only swapping the
 *   last answer character with the first check character is merely very likely
 *   to be caught).
 *
 * Decoding is strict: the only accepted text for a set of answers is the one
 * `encodeShare` produces. An all-skipped quiz is a valid link (it decodes to
 * `{}`): the codec only carries answers, and deciding whether there are enough
 * of them to show a result is the result page's job.
 */
import { z } from 'zod/mini';
import type { Question } from '../content/types.ts';
import type { Answers } from '../scoring/types.ts';

/** What a link must agree on with the running quiz to be read. */
export interface ShareInstrument {
	version: string;
	fingerprint: string;
}

/** One question as the codec sees it: its id and its highest possible answer. */
export interface ShareQuestion {
	id: string;
	max: number;
}

export type DecodeShareResult =
	| { ok: true; answers: Answers }
	| { ok: false; reason: 'empty' | 'malformed' | 'other-version'; message: string };

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const CHECK_MODULUS = 4093;
const CHECK_LENGTH = 2;
/** Far above any real link; keeps the weights below the modulus (see above). */
const MAX_LENGTH = 1024;

const VERSION = /^\d+\.\d+\.\d+$/;
const FINGERPRINT = /^[0-9A-Za-z]+$/;
const FRAGMENT = /^v(\d+\.\d+\.\d+)\.([0-9A-Za-z]+)\.([\w-]{2,})$/;

const fragmentSchema = z.string().check(z.maxLength(MAX_LENGTH), z.regex(FRAGMENT));

const MESSAGES = {
	empty: 'This link has no answers in it: copy it again from the results page.',
	malformed: 'This link is damaged or incomplete: copy it again from the results page.'
};

/** The codec's view of the quiz's questions, in the order given. */
export function shareQuestionsOf(questions: readonly Question[]): ShareQuestion[] {
	return questions.map((question) => ({
		id: question.id,
		max: question.kind === 'likert' ? 5 : question.options.length
	}));
}

/**
 * The fragment (without `#`) that carries `answers`. Absent answers are
 * skipped questions.
 *
 * @throws {RangeError} when an answer is not an integer from 1 to its
 *   question's max, an answer's id is not among `questions`, or the instrument
 *   or questions are unusable: all bugs in the caller, never user input.
 */
export function encodeShare(
	instrument: ShareInstrument,
	questions: readonly ShareQuestion[],
	answers: Answers
): string {
	if (!VERSION.test(instrument.version) || !FINGERPRINT.test(instrument.fingerprint)) {
		throw new RangeError(
			`cannot put version "${instrument.version}" / fingerprint "${instrument.fingerprint}" in a link`
		);
	}
	const capacity = capacityOf(questions);
	const known = new Set(questions.map((question) => question.id));
	for (const id of Object.keys(answers)) {
		if (!known.has(id)) throw new RangeError(`"${id}" is not one of the questions`);
	}

	let value = 0n;
	for (const { id, max } of questions) {
		const answer = answers[id];
		if (answer !== undefined && !(Number.isInteger(answer) && answer >= 1 && answer <= max)) {
			throw new RangeError(`answer to "${id}" must be an integer from 1 to ${max}, got ${answer}`);
		}
		// Digit 0 is a skipped question, so a real 0 must not slip through as one.
		value = value * BigInt(max + 1) + BigInt(answer ?? 0);
	}

	let body = '';
	for (let i = 0; i < bodyLength(capacity); i++) {
		body = DIGITS[Number(value % 64n)] + body;
		value /= 64n;
	}
	const text = `v${instrument.version}.${instrument.fingerprint}.${body}`;
	return text + checkOf(text);
}

/**
 * Reads a fragment made by `encodeShare` (a leading `#` is allowed). Never
 * throws on any text; the failure `message` is meant for the person who
 * opened the link.
 *
 * @throws {RangeError} only when `questions` itself is unusable (a bug).
 */
export function decodeShare(
	fragment: string | null | undefined,
	instrument: ShareInstrument,
	questions: readonly ShareQuestion[]
): DecodeShareResult {
	const capacity = capacityOf(questions);
	const text =
		typeof fragment === 'string' && fragment.startsWith('#') ? fragment.slice(1) : fragment;
	if (text === '' || text === null || text === undefined) return failure('empty');

	const parsed = fragmentSchema.safeParse(text);
	if (!parsed.success) return failure('malformed');
	const [, version, fingerprint, rest] = FRAGMENT.exec(parsed.data)!;
	const checked = parsed.data.slice(0, -CHECK_LENGTH);
	if (checkOf(checked) !== parsed.data.slice(-CHECK_LENGTH)) return failure('malformed');

	// Only now is the version worth reporting: the check proves it was not garbled.
	if (version !== instrument.version || fingerprint !== instrument.fingerprint) {
		return {
			ok: false,
			reason: 'other-version',
			message:
				version === instrument.version
					? `This link was made with an earlier edition of version ${version} of the quiz; the questions have changed since, so it can't show the same result.`
					: `This link was made with version ${version} of the quiz; the questions have changed since, so it can't show the same result.`
		};
	}

	const body = rest!.slice(0, -CHECK_LENGTH);
	if (body.length !== bodyLength(capacity)) return failure('malformed');
	let value = 0n;
	for (const char of body) value = value * 64n + BigInt(DIGITS.indexOf(char));
	if (value >= capacity) return failure('malformed');

	const digits: number[] = [];
	for (let i = questions.length - 1; i >= 0; i--) {
		const radix = BigInt(questions[i]!.max + 1);
		digits[i] = Number(value % radix);
		value /= radix;
	}
	const answers: Record<string, number> = {};
	questions.forEach(({ id }, i) => {
		if (digits[i]) answers[id] = digits[i];
	});
	return { ok: true, answers };
}

function failure(reason: 'empty' | 'malformed'): DecodeShareResult {
	return { ok: false, reason, message: MESSAGES[reason] };
}

/** How many different answer sets there are: the product of the radixes. */
function capacityOf(questions: readonly ShareQuestion[]): bigint {
	const ids = new Set<string>();
	let capacity = 1n;
	for (const { id, max } of questions) {
		if (!Number.isInteger(max) || max < 1 || ids.has(id)) {
			throw new RangeError(`question "${id}" is duplicated or has an unusable max (${max})`);
		}
		ids.add(id);
		capacity *= BigInt(max + 1);
	}
	return capacity;
}

/** Base64url characters needed for every number below `capacity`. */
function bodyLength(capacity: bigint): number {
	let length = 0;
	for (let room = 1n; room < capacity; room *= 64n) length++;
	return length;
}

function checkOf(text: string): string {
	let sum = 0;
	for (let i = 0; i < text.length; i++) {
		sum = (sum + (i + 1) * text.charCodeAt(i)) % CHECK_MODULUS;
	}
	return DIGITS[Math.floor(sum / 64)]! + DIGITS[sum % 64]!;
}
