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
	type LanguageContent,
	type TechnicalManual
} from './loader.server.ts';
import type { Content, FacilitatorGuide, ResultContent } from './types.ts';

const modules = {
	/** The whole instrument, explanations included. */
	content: 'virtual:rolefit/content',
	/** The technical manual, rendered (only `/method` imports it). */
	manual: 'virtual:rolefit/manual',
	/** The facilitator guide (only the cohort dashboard's server code imports it). */
	guide: 'virtual:rolefit/guide',
	/** The languages: code, name, direction and review status of each (English first). */
	languages: 'virtual:rolefit/languages',
	/** The codes of the languages other than English (the router's `[[lang]]` matcher). */
	codes: 'virtual:rolefit/language-codes',
	/** Every language's content and manual, keyed by code (server code only). */
	editions: 'virtual:rolefit/editions',
	/**
	 * Code → `() => import('virtual:rolefit/content/<code>')`: a page loads only its language,
	 * as `ResultContent`.
	 */
	loaders: 'virtual:rolefit/content-loaders'
} as const;

/**
 * `virtual:rolefit/content/<code>`: one language's content as the pages that show a result read
 * it, a chunk of its own in the browser.
 */
const contentOf = 'virtual:rolefit/content/';

/** The content without what no result reads (the quiz's words: 1.6 KB gzipped in Arabic). */
export function resultContent({ quizPage: _quizPage, ...content }: Content): ResultContent {
	return content;
}

export function rolefitContent(options: { dir?: string } = {}): Plugin {
	const dir = resolve(options.dir ?? 'content');
	let content: Promise<Content> | undefined;
	let manual: Promise<TechnicalManual> | undefined;
	let guide: Promise<FacilitatorGuide> | undefined;
	let languages: Promise<LanguageContent[]> | undefined;
	const load = () => (content ??= loadContent(dir));
	const loadTranslations = () => (languages ??= loadLanguages(dir));
	const loadManual = () => (manual ??= load().then((loaded) => loadTechnicalManual(dir, loaded)));
	const loadGuide = () => (guide ??= load().then((loaded) => loadFacilitatorGuide(dir, loaded)));

	return {
		name: 'rolefit-content',
		async buildStart() {
			try {
				// Every language is checked against the base too: a broken translation fails the build.
				await Promise.all([loadManual(), loadGuide(), loadTranslations()]);
			} catch (error) {
				content = undefined;
				manual = undefined;
				guide = undefined;
				languages = undefined;
				this.error(error instanceof ContentError ? error.message : String(error));
			}
		},
		resolveId(id) {
			const known = Object.values(modules).includes(id as never) || id.startsWith(contentOf);
			return known ? `\0${id}` : undefined;
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
			if (id === `\0${modules.languages}`) {
				const english = { code: 'en', name: 'English', dir: 'ltr', reviewed: true };
				const others = (await loadTranslations()).map(({ language }) => ({
					code: language.code,
					name: language.name,
					dir: language.dir,
					reviewed: language.reviewed
				}));
				return `export default ${JSON.stringify([english, ...others])};`;
			}
			if (id === `\0${modules.codes}`) {
				const codes = (await loadTranslations()).map(({ language }) => language.code);
				return `export default ${JSON.stringify(codes)};`;
			}
			if (id === `\0${modules.editions}`) {
				const editions = Object.fromEntries(
					(await loadTranslations()).map((edition) => [edition.language.code, edition])
				);
				return `export default ${JSON.stringify(editions)};`;
			}
			if (id === `\0${modules.loaders}`) {
				const codes = ['en', ...(await loadTranslations()).map(({ language }) => language.code)];
				const entries = codes.map(
					(code) => `${JSON.stringify(code)}: () => import(${JSON.stringify(contentOf + code)})`
				);
				return `export default { ${entries.join(', ')} };`;
			}
			if (id.startsWith(`\0${contentOf}`)) {
				const code = id.slice(contentOf.length + 1);
				if (code === 'en') return `export default ${JSON.stringify(resultContent(await load()))};`;
				const edition = (await loadTranslations()).find(({ language }) => language.code === code);
				if (!edition) this.error(`There is no language "${code}" under content/translations`);
				return `export default ${JSON.stringify(resultContent(edition.content))};`;
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
				languages = undefined;
				for (const module of server.moduleGraph.idToModuleMap.values()) {
					if (module.id?.startsWith('\0virtual:rolefit/'))
						server.moduleGraph.invalidateModule(module);
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
