/**
 * `[[lang=lang]]`: the optional first segment of a page in another language (`/es/quiz`).
 * English, the base, has none (`/quiz`), so `en` is not a match.
 */
import type { ParamMatcher } from '@sveltejs/kit';
import { BASE_LANGUAGE, languages } from '$lib/i18n/languages';

export const match = ((param: string): param is string =>
	param !== BASE_LANGUAGE &&
	languages.some((language) => language.code === param)) satisfies ParamMatcher;
