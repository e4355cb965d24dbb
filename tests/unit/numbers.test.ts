/**
 * Numbers as each language writes them (`numbers.ts`): one module formats every number and range
 * the quiz and results pages show, with `Intl.NumberFormat` for the page's language. Arabic uses
 * Latin digits (CLDR's default for `ar`), a left-to-right mark before a sign so that "−12" keeps
 * its sign on the left inside Arabic text, and a true minus sign everywhere.
 */
import { describe, expect, it } from 'vitest';
import {
	formatSigned,
	formatWhole,
	formatWholeRange,
	numberLocale,
	roundHalfAway
} from '../../src/lib/numbers.ts';

const LRM = '\u200E';
const MINUS = '\u2212';

describe('numbers in each language', () => {
	it.each([
		// language, 72, −12 signed, +31 signed, 64–80, −12 to +31
		['en', '72', `${MINUS}12`, '+31', '64–80', `${MINUS}12 – +31`],
		['es', '72', `${MINUS}12`, '+31', '64-80', `${MINUS}12 - +31`],
		['de', '72', `${MINUS}12`, '+31', '64–80', `${MINUS}12 – +31`],
		['ar', '72', `${LRM}${MINUS}12`, `${LRM}+31`, '64–80', `${LRM}${MINUS}12 – ${LRM}+31`]
	])('%s', (language, whole, negative, positive, range, signedRange) => {
		expect(formatWhole(72, language)).toBe(whole);
		expect(formatSigned(-12, language)).toBe(negative);
		expect(formatSigned(31, language)).toBe(positive);
		expect(formatWholeRange(64, 80, language)).toBe(range);
		expect(formatWholeRange(-12, 31, language, { signed: true })).toBe(signedRange);
		// No sign on 0, and never −0.
		expect(formatSigned(0, language)).toBe('0');
		expect(formatWhole(-0.4, language)).toBe('0');
	});

	it('writes Arabic with Latin digits, pinned whatever the ICU at hand defaults to', () => {
		expect(numberLocale('ar')).toBe('ar-u-nu-latn');
		expect(new Intl.NumberFormat(numberLocale('ar')).resolvedOptions().numberingSystem).toBe(
			'latn'
		);
		expect(formatWhole(100, 'ar')).toMatch(/^[0-9]+$/);
	});

	it('shows the rounding decisions read (STYLE 18): halves away from zero', () => {
		// Math.round would show −7 for −7.5 beside a decision on −8.
		for (const value of [-7.5, -2.5, 2.5, 12.5, 41.4, -0.4]) {
			const shown = formatWhole(value, 'en').replace(MINUS, '-');
			expect(Number(shown)).toBe(roundHalfAway(value) || 0);
		}
		expect(formatWhole(-7.5, 'de')).toBe(`${MINUS}8`);
	});

	it('shows a range whose ends round to one number as that number (not Intl’s "~64")', () => {
		expect(formatWholeRange(64, 64.2, 'en')).toBe('64');
		expect(formatWholeRange(0, 0, 'ar', { signed: true })).toBe('0');
	});
});
