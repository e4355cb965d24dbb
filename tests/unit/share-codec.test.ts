import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeShare, shareQuestionsOf, type ShareQuestion } from '../../src/lib/share/codec.ts';
import { decodeShare } from '../../src/lib/share/decode.ts';
import type { Question } from '../../src/lib/content/types.ts';

const instrument = { version: '1.0.0', fingerprint: 'a1b2c3d4' };
const header = 'v1.0.0.a1b2c3d4.';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The real quiz's shape: 30 agreement items and 6 four-option scenarios, interleaved. */
const questions: ShareQuestion[] = Array.from({ length: 36 }, (_, i) =>
	i % 6 === 5 ? { id: `s${i}`, max: 4 } : { id: `i${i}`, max: 5 }
);

const allAnswered = Object.fromEntries(questions.map(({ id, max }, i) => [id, (i % max) + 1]));

/**
 * The check characters as the format describes them, written independently
 * of the module so that tests can build links the codec did not make.
 */
function withCheck(text: string): string {
	let sum = 0;
	for (let i = 0; i < text.length; i++) sum = (sum + (i + 1) * text.charCodeAt(i)) % 4093;
	return text + ALPHABET[Math.floor(sum / 64)] + ALPHABET[sum % 64];
}

const answersArbitrary = fc
	.tuple(...questions.map(({ max }) => fc.option(fc.integer({ min: 1, max }), { nil: undefined })))
	.map((values) => {
		const answers: Record<string, number> = {};
		values.forEach((value, i) => {
			if (value !== undefined) answers[questions[i]!.id] = value;
		});
		return answers;
	});

describe('encodeShare', () => {
	it('writes version, fingerprint and a short URL-safe payload', () => {
		const fragment = encodeShare(instrument, questions, allAnswered);
		// 6^30 · 5^6 < 64^16: 16 answer characters and 2 check characters.
		expect(fragment).toMatch(/^v1\.0\.0\.a1b2c3d4\.[A-Za-z0-9_-]{18}$/);
		expect(encodeURIComponent(fragment)).toBe(fragment);
	});

	it('packs answers in mixed radix, first question most significant', () => {
		const two = [
			{ id: 'a', max: 5 },
			{ id: 'b', max: 4 }
		];
		// 3 · 5 + 2 = 17 = 'R'; 29 possible values fit one character.
		expect(encodeShare(instrument, two, { a: 3, b: 2 })).toBe(withCheck(`${header}R`));
		expect(encodeShare(instrument, two, {})).toBe(withCheck(`${header}A`));
		expect(encodeShare(instrument, two, { a: 5, b: 4 })).toBe(withCheck(`${header}d`));
	});

	it('keeps the format of links already shared', () => {
		// Pinned (computed separately): if this changes, every link already shared stops working.
		expect(encodeShare(instrument, questions, allAnswered)).toBe(
			withCheck(`${header}Aq16leMpMfpUyvxx`)
		);
		expect(encodeShare(instrument, questions, {})).toBe(withCheck(`${header}AAAAAAAAAAAAAAAA`));
	});

	it('refuses answers that cannot be answers to these questions', () => {
		expect(() => encodeShare(instrument, questions, { i0: 6 })).toThrow(RangeError);
		expect(() => encodeShare(instrument, questions, { i0: 0 })).toThrow(RangeError);
		expect(() => encodeShare(instrument, questions, { i0: 2.5 })).toThrow(RangeError);
		expect(() => encodeShare(instrument, questions, { s5: 5 })).toThrow(RangeError);
		expect(() => encodeShare(instrument, questions, { nope: 1 })).toThrow(/"nope"/);
	});

	it('refuses a version or fingerprint that would break the format', () => {
		expect(() => encodeShare({ version: '1.0', fingerprint: 'ab' }, questions, {})).toThrow();
		expect(() => encodeShare({ version: '1.0.0', fingerprint: 'a.b' }, questions, {})).toThrow();
	});
});

describe('decodeShare', () => {
	it('round-trips a fully answered quiz', () => {
		const fragment = encodeShare(instrument, questions, allAnswered);
		expect(decodeShare(fragment, instrument, questions)).toEqual({
			ok: true,
			answers: allAnswered,
			rescoredFrom: null
		});
	});

	it('round-trips skipped questions as absent answers', () => {
		const answers = { i0: 5, i1: 1, s11: 4, i34: 3 };
		const decoded = decodeShare(encodeShare(instrument, questions, answers), instrument, questions);
		expect(decoded).toEqual({ ok: true, answers, rescoredFrom: null });
	});

	it('round-trips an all-skipped quiz as no answers (the result page decides what to show)', () => {
		const decoded = decodeShare(encodeShare(instrument, questions, {}), instrument, questions);
		expect(decoded).toEqual({ ok: true, answers: {}, rescoredFrom: null });
	});

	it('accepts the fragment with its leading #', () => {
		const fragment = encodeShare(instrument, questions, allAnswered);
		expect(decodeShare(`#${fragment}`, instrument, questions)).toEqual({
			ok: true,
			answers: allAnswered,
			rescoredFrom: null
		});
	});

	it('is the inverse of encodeShare for any valid answers', () => {
		fc.assert(
			fc.property(answersArbitrary, (answers) => {
				const decoded = decodeShare(
					encodeShare(instrument, questions, answers),
					instrument,
					questions
				);
				expect(decoded).toEqual({ ok: true, answers, rescoredFrom: null });
			})
		);
	});

	it('gives different answers different links', () => {
		fc.assert(
			fc.property(answersArbitrary, answersArbitrary, (a, b) => {
				fc.pre(JSON.stringify(a) !== JSON.stringify(b));
				expect(encodeShare(instrument, questions, a)).not.toBe(
					encodeShare(instrument, questions, b)
				);
			})
		);
	});

	it.each([
		['empty text', ''],
		['a lone #', '#'],
		['null', null],
		['undefined', undefined]
	])('reports %s as empty', (_, fragment) => {
		expect(decodeShare(fragment, instrument, questions)).toEqual({
			ok: false,
			reason: 'empty',
			message: 'This link has no answers in it: copy it again from the results page.'
		});
	});

	it('reports every truncation as damaged', () => {
		const fragment = encodeShare(instrument, questions, allAnswered);
		for (let length = 1; length < fragment.length; length++) {
			const decoded = decodeShare(fragment.slice(0, length), instrument, questions);
			expect(decoded, fragment.slice(0, length)).toEqual({
				ok: false,
				reason: 'malformed',
				message: 'This link is damaged or incomplete: copy it again from the results page.'
			});
		}
	});

	it.each(['A', 'AA', '.', '&utm_source=x', '=', ' ', '%20', '#'])(
		'reports trailing %j as damaged',
		(garbage) => {
			const fragment = encodeShare(instrument, questions, allAnswered);
			expect(decodeShare(fragment + garbage, instrument, questions)).toMatchObject({
				ok: false,
				reason: 'malformed'
			});
		}
	);

	it('catches every single-character change, anywhere in the link', () => {
		const fragment = encodeShare(instrument, questions, allAnswered);
		for (let i = 0; i < fragment.length; i++) {
			for (const char of `${ALPHABET}.+/= é`) {
				if (char === fragment[i]) continue;
				const changed = fragment.slice(0, i) + char + fragment.slice(i + 1);
				expect(decodeShare(changed, instrument, questions), changed).toMatchObject({
					ok: false,
					reason: 'malformed'
				});
			}
		}
	});

	it('catches swapped neighbouring characters', () => {
		const fragment = encodeShare(instrument, questions, allAnswered);
		// Up to the last answer character: the check characters cover what comes before them.
		for (let i = 0; i + 1 < fragment.length - 2; i++) {
			if (fragment[i] === fragment[i + 1]) continue;
			const swapped = fragment.slice(0, i) + fragment[i + 1] + fragment[i] + fragment.slice(i + 2);
			expect(decodeShare(swapped, instrument, questions).ok, swapped).toBe(false);
		}
	});

	it('rejects a well-checked payload of the wrong length', () => {
		const fragment = encodeShare(instrument, questions, allAnswered);
		const body = fragment.slice(header.length, -2);
		for (const altered of [body.slice(1), `A${body}`, '', `${body}${body}`]) {
			expect(decodeShare(withCheck(header + altered), instrument, questions)).toMatchObject({
				ok: false,
				reason: 'malformed'
			});
		}
	});

	it('rejects a well-checked payload that is out of range', () => {
		const two = [
			{ id: 'a', max: 5 },
			{ id: 'b', max: 4 }
		];
		// 30 possible answer sets: 0–29 ('A'–'d') are valid, 30 ('e') and up are not.
		expect(decodeShare(withCheck(`${header}d`), instrument, two)).toEqual({
			ok: true,
			answers: { a: 5, b: 4 },
			rescoredFrom: null
		});
		for (const digit of ['e', 'z', '_']) {
			expect(decodeShare(withCheck(header + digit), instrument, two)).toMatchObject({
				ok: false,
				reason: 'malformed'
			});
		}
		expect(decodeShare(withCheck(`${header}+`), instrument, two)).toMatchObject({
			reason: 'malformed'
		});
	});

	it('reports a link from another version, naming it', () => {
		const old = encodeShare({ version: '0.9.0', fingerprint: 'a1b2c3d4' }, questions, allAnswered);
		expect(decodeShare(old, instrument, questions)).toEqual({
			ok: false,
			reason: 'other-version',
			version: '0.9.0',
			sameVersion: false,
			message:
				"This link was made with version 0.9.0 of the quiz. The quiz has changed since, so this link can't be read any more: take it again to get a result on today's questions."
		});
	});

	it('reports a link from the same version with other questions (fingerprint) as another version', () => {
		const other = encodeShare({ version: '1.0.0', fingerprint: 'ffff0000' }, questions, {});
		expect(decodeShare(other, instrument, questions)).toEqual({
			ok: false,
			reason: 'other-version',
			version: '1.0.0',
			sameVersion: true,
			message:
				"This link was made with an earlier edition of version 1.0.0 of the quiz; the questions have changed since, so it can't show the same result. Take the quiz again to get a result on today's questions."
		});
	});

	it('reads a link from an earlier minor version with the same questions, to be scored again', () => {
		// Same fingerprint (same questions), same major version: the answers mean what they meant.
		const current = { version: '1.1.0', fingerprint: 'a1b2c3d4' };
		const old = encodeShare(instrument, questions, allAnswered);
		expect(decodeShare(old, current, questions)).toEqual({
			ok: true,
			answers: allAnswered,
			rescoredFrom: '1.0.0'
		});
		// A later major version of the same questions is another quiz: not read.
		expect(decodeShare(old, { ...current, version: '2.0.0' }, questions)).toMatchObject({
			ok: false,
			reason: 'other-version'
		});
	});

	it('reads another version before the payload, whose length may differ', () => {
		const fewer = questions.slice(0, 10);
		const old = encodeShare({ version: '0.9.0', fingerprint: 'a1b2c3d4' }, fewer, {});
		expect(decodeShare(old, instrument, questions)).toMatchObject({ reason: 'other-version' });
	});

	it('never throws on arbitrary text, and only accepts the one canonical link', () => {
		const anyText = fc.oneof(
			fc.string({ unit: 'binary' }),
			fc.string({ unit: fc.constantFrom(...`${ALPHABET}.v#`) }),
			fc.string({ unit: fc.constantFrom(...ALPHABET) }).map((body) => header + body),
			fc
				.string({ unit: fc.constantFrom(...ALPHABET), minLength: 16, maxLength: 16 })
				.map((body) => withCheck(header + body))
		);
		fc.assert(
			fc.property(anyText, (text) => {
				const decoded = decodeShare(text, instrument, questions);
				if (decoded.ok) {
					expect(encodeShare(instrument, questions, decoded.answers)).toBe(text);
				} else {
					expect(decoded.message.length).toBeGreaterThan(20);
				}
			}),
			{ numRuns: 2000 }
		);
	});

	it('accepts a well-checked payload exactly when its number is below the capacity', () => {
		const capacity = questions.reduce((product, { max }) => product * BigInt(max + 1), 1n);
		const valueOf = (body: string) =>
			[...body].reduce((value, char) => value * 64n + BigInt(ALPHABET.indexOf(char)), 0n);
		let accepted = 0;
		fc.assert(
			fc.property(
				fc.constantFrom(...'ABCDE'),
				fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 15, maxLength: 15 }),
				(first, rest) => {
					const body = first + rest;
					const decoded = decodeShare(withCheck(header + body), instrument, questions);
					if (decoded.ok) accepted++;
					expect(decoded.ok).toBe(valueOf(body) < capacity);
				}
			),
			{ numRuns: 500 }
		);
		// Both outcomes happened, so the property was exercised both ways.
		expect(accepted).toBeGreaterThan(0);
		expect(accepted).toBeLessThan(500);
	});
});

describe('shareQuestionsOf', () => {
	it('takes 5 for agreement items and the option count for scenarios', () => {
		const weights = { strategic: 1, tactical: 0 };
		const likert: Question = {
			kind: 'likert',
			id: 'q1',
			facet: 'f',
			scale: 'strategic',
			keyed: 'plus',
			text: '',
			sources: []
		};
		const scenario: Question = {
			kind: 'scenario',
			id: 'q2',
			text: '',
			sources: [],
			options: [
				{ text: '', weights },
				{ text: '', weights },
				{ text: '', weights }
			]
		};
		expect(shareQuestionsOf([likert, scenario])).toEqual([
			{ id: 'q1', max: 5 },
			{ id: 'q2', max: 3 }
		]);
	});
});
