// The content, loaded and validated at build time by src/lib/content/vite-plugin.server.ts.
declare module 'virtual:rolefit/content' {
	const content: import('$lib/content/types').Content;
	export default content;
}

// The technical manual (content/technical-manual.md), rendered at build time.
declare module 'virtual:rolefit/manual' {
	const manual: import('$lib/content/loader.server').TechnicalManual;
	export default manual;
}

// The facilitator guide (content/facilitator-guide.yaml), checked at build time.
declare module 'virtual:rolefit/guide' {
	const guide: import('$lib/content/types').FacilitatorGuide;
	export default guide;
}

// The languages the content comes in: English first, then each translation's status.
declare module 'virtual:rolefit/languages' {
	const languages: import('$lib/i18n/languages').LanguageInfo[];
	export default languages;
}

// Every translation's content and manual, keyed by language code (server code only).
declare module 'virtual:rolefit/editions' {
	const editions: Record<string, import('$lib/content/loader.server').LanguageContent>;
	export default editions;
}

// One language's content (`virtual:rolefit/content/es`), a chunk of its own in the browser: what
// a result reads, without the quiz's words.
declare module 'virtual:rolefit/content/*' {
	const content: import('$lib/content/types').ResultContent;
	export default content;
}

// Language code → a loader of that language's content (a chunk of its own).
declare module 'virtual:rolefit/content-loaders' {
	const loaders: Record<
		string,
		() => Promise<{ default: import('$lib/content/types').ResultContent }>
	>;
	export default loaders;
}

// The codes of the languages other than English, for the router (`src/params/lang.ts`).
declare module 'virtual:rolefit/language-codes' {
	const codes: string[];
	export default codes;
}
