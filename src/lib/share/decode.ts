/**
 * Reads share links written by `codec.ts`. Never throws on any text: a link is
 * input from anywhere, so its shape is checked before anything else: a string, no
 * longer than any real link, of the one pattern links have. (No zod here: that
 * check is all a link's shape needs, and the results page then loads no
 * validation library on a first visit.)
 */
import { matchEdition } from '../content/edition.ts';
import type { Answers } from '../scoring/types.ts';
import {
	bodyLength,
	capacityOf,
	CHECK_LENGTH,
	checkOf,
	DIGITS,
	FRAGMENT,
	MAX_LENGTH,
	type ShareInstrument,
	type ShareQuestion
} from './codec.ts';

export type DecodeShareResult =
	| {
			ok: true;
			answers: Answers;
			/**
			 * The version the link was made with, when it is an earlier one with the same
			 * questions: its answers are scored again under today's rules (say so).
			 */
			rescoredFrom: string | null;
	  }
	| { ok: false; reason: 'empty' | 'malformed'; message: string }
	| {
			ok: false;
			reason: 'other-version';
			message: string;
			/** The version the link was made with. */
			version: string;
			/** Same version number, other questions: an earlier edition of this version. */
			sameVersion: boolean;
	  };

/** A link's text as written by `encodeShare`, or null for anything else. */
function fragmentText(value: unknown): string | null {
	return typeof value === 'string' && value.length <= MAX_LENGTH && FRAGMENT.test(value)
		? value
		: null;
}

const MESSAGES = {
	empty: 'This link has no answers in it: copy it again from the results page.',
	malformed: 'This link is damaged or incomplete: copy it again from the results page.'
};

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

	const link = fragmentText(text);
	if (link === null) return failure('malformed');
	const [, version, fingerprint, rest] = FRAGMENT.exec(link)!;
	const checked = link.slice(0, -CHECK_LENGTH);
	if (checkOf(checked) !== link.slice(-CHECK_LENGTH)) return failure('malformed');

	// Only now is the version worth reporting: the check proves it was not garbled.
	const edition = matchEdition({ version: version!, fingerprint: fingerprint! }, instrument);
	if (edition === 'other') {
		return {
			ok: false,
			reason: 'other-version',
			version: version!,
			sameVersion: version === instrument.version,
			message:
				version === instrument.version
					? `This link was made with an earlier edition of version ${version} of the quiz; the questions have changed since, so it can't show the same result. Take the quiz again to get a result on today's questions.`
					: `This link was made with version ${version} of the quiz. The quiz has changed since, so this link can't be read any more: take it again to get a result on today's questions.`
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
	return { ok: true, answers, rescoredFrom: edition === 'rescored' ? version! : null };
}

function failure(reason: 'empty' | 'malformed'): DecodeShareResult {
	return { ok: false, reason, message: MESSAGES[reason] };
}
