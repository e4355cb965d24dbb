import { languageOf } from '$lib/i18n/languages';
import { technicalManual } from '$lib/server/content';
import { methodText } from '$lib/server/interface-text';
import { withHeadingAnchors } from './anchors';

// Rendered once at build time from content/technical-manual.md (and a language's safe-use section).
export const prerender = true;

export const load = ({ url }) => {
	const language = languageOf(url.pathname);
	const manual = technicalManual(language);
	const text = methodText(language, manual.version, manual.translatedHeading);
	// The manual's own title (its "# " line) is English; a page in another language shows its own.
	const html = manual.translatedHeading
		? manual.html.replace(/<h1>[\s\S]*?<\/h1>/, `<h1>${text.title}</h1>`)
		: manual.html;
	// Each section gets a stable anchor, so pages can link to one (the safe-use section first).
	return { ...manual, title: text.title, html: withHeadingAnchors(html), text };
};
