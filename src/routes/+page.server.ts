import { landingFacts } from '$lib/server/content';

export const prerender = true;

export const load = () => landingFacts();
