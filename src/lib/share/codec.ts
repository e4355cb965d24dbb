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
 * This module writes links and has no dependencies, so the quiz page can make
 * one cheaply; `decode.ts` reads them, validating with zod, on the result page.
 *
 * Decoding is strict: the only accepted text for a set of answers is the one
 * `encodeShare` produces. An all-skipped quiz is a valid link (it decodes to
 * `{}`): the codec only carries answers, and deciding whether there are enough
 * of them to show a result is the result page's job.
 */
import { optionCountOf } from '../content/questionnaire.ts';
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

// Shared with decode.ts, which reads what this module writes.
export const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const CHECK_MODULUS = 4093;
export const CHECK_LENGTH = 2;
/** Far above any real link; keeps the weights below the modulus (see above). */
export const MAX_LENGTH = 1024;

const VERSION = /^\d+\.\d+\.\d+$/;
const FINGERPRINT = /^[0-9A-Za-z]+$/;
export const FRAGMENT = /^v(\d+\.\d+\.\d+)\.([0-9A-Za-z]+)\.([\w-]{2,})$/;

/** The codec's view of the quiz's questions, in the order given. */
export function shareQuestionsOf(questions: readonly Question[]): ShareQuestion[] {
	return questions.map((question) => ({
		id: question.id,
		max: optionCountOf(question)
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

/** How many different answer sets there are: the product of the radixes. */
export function capacityOf(questions: readonly ShareQuestion[]): bigint {
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
export function bodyLength(capacity: bigint): number {
	let length = 0;
	for (let room = 1n; room < capacity; room *= 64n) length++;
	return length;
}

export function checkOf(text: string): string {
	let sum = 0;
	for (let i = 0; i < text.length; i++) {
		sum = (sum + (i + 1) * text.charCodeAt(i)) % CHECK_MODULUS;
	}
	return DIGITS[Math.floor(sum / 64)]! + DIGITS[sum % 64]!;
}
