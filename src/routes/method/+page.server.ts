import { technicalManual } from '$lib/server/content';

// Rendered once at build time from content/technical-manual.md.
export const prerender = true;

export const load = () => technicalManual();
