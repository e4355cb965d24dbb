import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { pageCsp } from './src/server/headers.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// Every stylesheet under 8 KB goes into a <style> in the HTML (all of ours, 1–4 KB each):
		// the first paint waits for no CSS request. Bigger files stay cacheable links.
		inlineStyleThreshold: 8192,
		csp: {
			// The policy and every other security header are defined in src/server/headers.js.
			// SvelteKit adds a nonce (server-rendered pages) or script hashes (prerendered ones).
			mode: 'auto',
			directives: pageCsp
		},
		// Asset URLs from the root (`/_app/…`), not relative (`../../_app/…`): the 404 page of a
		// deep path would otherwise repeat `../` per segment in every asset URL and `Link` entry.
		paths: { relative: false }
	}
};

export default config;
