/**
 * Vite plugin that loads `content/` once, at build (and dev) start, and serves
 * it to the app as a virtual module. Broken content, in English or in any
 * translation, fails the build with the loader's messages; in dev, editing a content file reloads the page.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { ContentError } from './errors.ts';
import {
	loadContent,
	loadFacilitatorGuide,
	loadLanguages,
	loadTechnicalManual,
	type TechnicalManual
} from './loader.server.ts';
import type { Content, FacilitatorGuide } from './types.ts';

const modules = {
	/** The whole instrument, explanations included. */
	content: 'virtual:rolefit/content',
	/** The technical manual, rendered (only `/method` imports it). */
	manual: 'virtual:rolefit/manual',
	/** The facilitator guide (only the cohort dashboard's server code imports it). */
	guide: 'virtual:rolefit/guide'
} as const;

export function rolefitContent(options: { dir?: string } = {}): Plugin {
	const dir = resolve(options.dir ?? 'content');
	let content: Promise<Content> | undefined;
	let manual: Promise<TechnicalManual> | undefined;
	let guide: Promise<FacilitatorGuide> | undefined;
	const load = () => (content ??= loadContent(dir));
	const loadManual = () => (manual ??= load().then((loaded) => loadTechnicalManual(dir, loaded)));
	const loadGuide = () => (guide ??= load().then((loaded) => loadFacilitatorGuide(dir, loaded)));

	return {
		name: 'rolefit-content',
		async buildStart() {
			try {
				// Every language is checked against the base too: a broken translation fails the build.
				await Promise.all([loadManual(), loadGuide(), loadLanguages(dir)]);
			} catch (error) {
				content = undefined;
				manual = undefined;
				guide = undefined;
				this.error(error instanceof ContentError ? error.message : String(error));
			}
		},
		resolveId(id) {
			return Object.values(modules).includes(id as never) ? `\0${id}` : undefined;
		},
		async load(id) {
			if (id === `\0${modules.content}`) {
				return `export default ${JSON.stringify(await load())};`;
			}
			if (id === `\0${modules.manual}`) {
				return `export default ${JSON.stringify(await loadManual())};`;
			}
			if (id === `\0${modules.guide}`) {
				return `export default ${JSON.stringify(await loadGuide())};`;
			}
			return undefined;
		},
		configureServer(server) {
			server.watcher.add(dir);
			server.watcher.on('all', (_event, file) => {
				if (!file.startsWith(dir)) return;
				content = undefined;
				manual = undefined;
				guide = undefined;
				for (const id of Object.values(modules)) {
					const module = server.moduleGraph.getModuleById(`\0${id}`);
					if (module) server.moduleGraph.invalidateModule(module);
				}
				load().then(
					() => server.ws.send({ type: 'full-reload' }),
					(error: unknown) =>
						server.config.logger.error(error instanceof Error ? error.message : String(error))
				);
			});
		}
	};
}
