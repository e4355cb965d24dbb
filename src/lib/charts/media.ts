import { MediaQuery } from 'svelte/reactivity';

/**
 * A reader preference such as `(prefers-color-scheme: dark)`, reactive:
 * reading `.current` in a template, `$derived` or attachment re-runs it when the
 * preference changes. Where there is no `matchMedia` (the server, jsdom) it is
 * a constant `false`. Create it inside a component, never at module level.
 */
export function preference(query: string): { readonly current: boolean } {
	if (typeof globalThis.matchMedia !== 'function') return { current: false };
	return new MediaQuery(query);
}
