import { sourcesPage } from '$lib/server/content';

export const prerender = true;

export const load = () => sourcesPage();
