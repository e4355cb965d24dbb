/**
 * Which language an address without one opens in (`src/server/language-choice.js`): the choice
 * remembered by the switcher first, then the browser's languages in the order it wants them,
 * then English; only languages the page exists in.
 */
import { describe, expect, it } from 'vitest';
import {
	acceptedLanguages,
	cookieLanguage,
	opensPage,
	preferredLanguage
} from '../../src/server/language-choice.js';

const spoken = new Set(['es', 'de', 'ar']);
const speaks = (code: string) => spoken.has(code);

describe('Accept-Language', () => {
	it('orders primary languages by quality, then by position', () => {
		expect(acceptedLanguages('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5')).toEqual([
			'fr',
			'en',
			'de'
		]);
		expect(acceptedLanguages('de;q=0.5, ar-EG, es;q=0.9')).toEqual(['ar', 'es', 'de']);
	});

	it('leaves out refused, malformed and wildcard entries', () => {
		expect(acceptedLanguages('es;q=0, de;q=abc, *, x-klingon, 12, ar')).toEqual(['ar']);
		expect(acceptedLanguages('')).toEqual([]);
		expect(acceptedLanguages(undefined)).toEqual([]);
	});
});

describe('the remembered choice', () => {
	it('reads the cookie among others, and only a well-formed code', () => {
		expect(cookieLanguage('a=1; rolefit_lang=de; b=2')).toBe('de');
		expect(cookieLanguage('rolefit_lang=../../x')).toBeUndefined();
		expect(cookieLanguage('other_rolefit_lang=de')).toBeUndefined();
		expect(cookieLanguage(null)).toBeUndefined();
	});
});

describe('the language of an address without one', () => {
	it('is the first of the browser’s languages that the page exists in', () => {
		expect(preferredLanguage({ acceptLanguage: 'fr, es-MX;q=0.9, de;q=0.8' }, speaks)).toBe('es');
		expect(preferredLanguage({ acceptLanguage: 'ar-SA' }, speaks)).toBe('ar');
	});

	it('stays English when English comes before any language RoleFit speaks', () => {
		expect(preferredLanguage({ acceptLanguage: 'en-GB, es;q=0.9' }, speaks)).toBe('en');
		expect(preferredLanguage({ acceptLanguage: 'fr, ja' }, speaks)).toBe('en');
		expect(preferredLanguage({}, speaks)).toBe('en');
	});

	it('follows the choice made with the switcher over the browser’s languages', () => {
		expect(preferredLanguage({ cookie: 'rolefit_lang=en', acceptLanguage: 'es' }, speaks)).toBe(
			'en'
		);
		expect(preferredLanguage({ cookie: 'rolefit_lang=de', acceptLanguage: 'es' }, speaks)).toBe(
			'de'
		);
	});

	it('ignores a remembered language the page does not exist in', () => {
		expect(preferredLanguage({ cookie: 'rolefit_lang=fr', acceptLanguage: 'es' }, speaks)).toBe(
			'es'
		);
		expect(preferredLanguage({ cookie: 'rolefit_lang=es' }, () => false)).toBe('en');
	});
});

describe('what is sent to another address', () => {
	it('is a browser opening a page, not a fetch, a form post or a data request', () => {
		expect(opensPage('GET', 'text/html,application/xhtml+xml,*/*;q=0.8')).toBe(true);
		expect(opensPage('HEAD', 'text/html')).toBe(true);
		expect(opensPage('POST', 'text/html')).toBe(false);
		expect(opensPage('GET', '*/*')).toBe(false);
		expect(opensPage('GET', undefined)).toBe(false);
	});
});
