import { languageOf } from '$lib/i18n/languages';
import { technicalManual } from '$lib/server/content';
import { withHeadingAnchors } from './anchors';

// Rendered once at build time from content/technical-manual.md.
export const prerender = true;

export const load = ({ url }) => {
	const manual = technicalManual(languageOf(url.pathname));
	// Each section gets a stable anchor, so pages can link to one (the safe-use section first).
	return { ...manual, html: withHeadingAnchors(manual.html) };
};
