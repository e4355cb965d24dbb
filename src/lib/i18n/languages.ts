/**
 * The languages RoleFit speaks and where each lives: English at `/`, every other language under
 * its code (`/es/quiz`). Pure path helpers over the list the content build provides (English
 * first, then `content/translations/<code>/language.yaml`), used by the router's `reroute` hook,
 * the server's loads and the layout's language switcher.
 */
import languages from 'virtual:rolefit/languages';

export interface LanguageInfo {
	/** A BCP 47 language code: `en`, `es`, … */
	code: string;
	/** The language's own name, as the switcher shows it. */
	name: string;
	dir: 'ltr' | 'rtl';
	/** Whether a native speaker has reviewed the translation (English: the base, always true). */
	reviewed: boolean;
}

/** The base language: its pages have no prefix. */
export const BASE_LANGUAGE = 'en';

export { languages };

const byCode = new Map(languages.map((language) => [language.code, language]));

export function languageInfo(code: string): LanguageInfo {
	return byCode.get(code) ?? byCode.get(BASE_LANGUAGE)!;
}

/** The language a path is in: its first segment when that names another language, else English. */
export function languageOf(pathname: string): string {
	const first = pathname.split('/')[1] ?? '';
	return first !== BASE_LANGUAGE && byCode.has(first) ? first : BASE_LANGUAGE;
}

/** The path without its language prefix (`/es/quiz` → `/quiz`, `/es` → `/`). */
export function withoutLanguage(pathname: string): string {
	const code = languageOf(pathname);
	if (code === BASE_LANGUAGE) return pathname;
	return pathname.slice(code.length + 1) || '/';
}

/** The same page in another language (`/quiz`, `es` → `/es/quiz`; `/`, `es` → `/es`). */
export function inLanguage(pathname: string, code: string): string {
	const path = withoutLanguage(pathname);
	if (code === BASE_LANGUAGE) return path;
	return path === '/' ? `/${code}` : `/${code}${path}`;
}
