import { error, redirect } from '@sveltejs/kit';
import { languages } from '$lib/i18n/languages';
import { LANGUAGE_COOKIE, LANGUAGE_COOKIE_MAX_AGE } from '../../../server/language-choice.js';

const codes = new Set(languages.map((language) => language.code));

/**
 * The language switcher's links: remembers the language chosen (`rolefit_lang`, a year) so that an
 * address without a language opens in it from now on, then opens `to`, the same page in that
 * language (the link computes it). A fragment (a result's answers) survives the redirect: the
 * browser keeps it. Only a path on this site is followed; anything else opens the start page.
 */
export const GET = ({ params, url, cookies }) => {
	if (!codes.has(params.code)) error(404, 'No such language');
	cookies.set(LANGUAGE_COOKIE, params.code, {
		path: '/',
		maxAge: LANGUAGE_COOKIE_MAX_AGE,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		// Read by nothing in the browser; the server decides the language.
		httpOnly: true
	});
	const to = url.searchParams.get('to') ?? '/';
	const local = to.startsWith('/') && !to.startsWith('//') && !to.startsWith('/\\');
	redirect(303, local ? to : '/');
};
