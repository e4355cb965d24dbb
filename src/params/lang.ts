/**
 * `[[lang=lang]]`: the optional first segment of a page in another language (`/es/quiz`).
 * English, the base, has none (`/quiz`). Only the codes reach the browser's router: every page
 * loads this matcher.
 */
import type { ParamMatcher } from '@sveltejs/kit';
import codes from 'virtual:rolefit/language-codes';

export const match = ((param: string): param is string =>
	codes.includes(param)) satisfies ParamMatcher;
