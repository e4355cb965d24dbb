import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';
import { rolefitContent } from './src/lib/content/vite-plugin.server.ts';

/**
 * SvelteKit's client runtime destructures its `import * as svelte` namespace
 * (`const { onMount, tick } = svelte;`), and Rolldown then keeps every export of `svelte`
 * (`fork`, `createRawSnippet`, `hydratable`, `createEventDispatcher`, …): about 1 KB gzipped on
 * every page for code nothing calls. As member accesses, the unused exports are tree-shaken.
 * `npm run size` shows the effect; the build warns when the line is gone (then delete this).
 */
function kitSvelteNamespace(): Plugin {
	const line = 'const { onMount, tick } = svelte;';
	let seen = false;
	let rewritten = false;
	return {
		name: 'rolefit:kit-svelte-namespace',
		apply: 'build',
		transform(code, id) {
			if (!/[\\/]@sveltejs[\\/]kit[\\/]src[\\/]runtime[\\/]client[\\/]client\.js$/.test(id)) return;
			seen = true;
			if (!code.includes(line)) return;
			rewritten = true;
			// One line for one line: nothing moves to another line, so no new source map is needed.
			return {
				code: code.replace(line, 'const onMount = svelte.onMount, tick = svelte.tick;'),
				map: null
			};
		},
		buildEnd() {
			if (seen && !rewritten) {
				this.warn(`SvelteKit's client no longer has "${line}": remove kitSvelteNamespace()`);
			}
		}
	};
}

export default defineConfig({
	plugins: [
		rolefitContent(),
		// The interface text (content/messages/<code>.json), compiled to message functions. Only
		// server code calls them: a page receives its own language's words as data.
		paraglideVitePlugin({
			project: './content/project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['baseLocale'],
			emitReadme: false
		}),
		sveltekit(),
		kitSvelteNamespace()
	],
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: true,
				plugins: [svelteTesting()],
				test: {
					name: 'component',
					environment: 'jsdom',
					include: ['tests/component/**/*.test.ts'],
					setupFiles: ['tests/setup/fast-check.ts', 'tests/component/setup.ts']
				}
			},
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
					setupFiles: ['tests/setup/fast-check.ts']
				}
			}
		]
	}
});
