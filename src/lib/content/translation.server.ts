/**
 * Translations of the content: text only, keyed by the base content's ids
 * (`content/translations/<code>/`, README "Adding a language").
 *
 * A translation file has the shape of its base file with only the text left: ids, keying,
 * facets, weights, thresholds, citations lists and the order of options come from the base
 * alone, so a translation cannot re-key a statement or reorder a scenario's options (the
 * failure bigfive-web's translators ran into). `translateFiles` checks a translation against
 * its base, naming file and key for every problem, and lays its text over the base files; the
 * result loads through the same `parseContent` as English, with every schema and cross-check.
 *
 * The rules, for YAML:
 * - a text leaf is a string, except the values of `NON_TEXT_KEYS` and lists of ids under
 *   `ID_LIST_KEYS`; a mapping or list without text leaves is left out of a translation;
 * - a list of records with an `id` becomes a mapping keyed by that id;
 * - any other list keeps its length and order;
 * - each string keeps its base string's placeholders (`{position}`) and citations (`[S001]`).
 * And for Markdown: the front matter holds only `title`; the body has the base's headings and
 * paragraphs in the same order, each paragraph with its base paragraph's citations.
 */
import { parse as parseYaml, stringify as stringifyYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import type { ContentIssue } from './errors.ts';
import { citationsOf, isOurs, splitFrontMatter } from './markdown.server.ts';
import { placeholdersOf } from './template.ts';

/** The YAML files a language translates (the others hold no text a participant reads). */
export const TRANSLATED_YAML = [
	'instrument.yaml',
	'items.yaml',
	'scenarios.yaml',
	'rubric.yaml',
	'next-steps.yaml',
	'quiz-page.yaml',
	'results-page.yaml'
] as const;

export const LANGUAGE_FILE = 'language.yaml';
export const MANUAL_FILE = 'technical-manual.md';
/** The manual's section every language carries; the rest of the manual stays in English. */
export const MANUAL_SECTION = 'Evidence status and safe use';
/** Its anchor on `/method` (and `/<code>/method`), the same in every language. */
export const MANUAL_ANCHOR = 'evidence-status-and-safe-use';
/** Notes for reviewers (how each reverse-keyed statement was checked); not loaded. */
export const KEYING_CHECK_FILE = 'keying-check.md';

const NON_TEXT_KEYS = new Set([
	'id',
	'facet',
	'keyed',
	'scale',
	'source',
	'target',
	'kind',
	'version'
]);
/** Keys whose lists of strings are ids (`sources: [S000]`, a consistency pair's `items`). */
const ID_LIST_KEYS = new Set(['sources', 'citations', 'items']);

export const languageSchema = z
	.object({
		code: z.string().regex(/^[a-z]{2,3}$/, 'must be a two- or three-letter language code'),
		name: z.string().min(1, "must be the language's own name"),
		englishName: z.string().min(1),
		dir: z.enum(['ltr', 'rtl']),
		reviewed: z.boolean({
			error: 'must be true or false (true once a native speaker has checked it)'
		}),
		translatedBy: z.string().min(1, 'must say who translated'),
		method: z.string().min(1, 'must say how it was translated and checked')
	})
	.strict();

export type Language = z.infer<typeof languageSchema>;

type Issues = ContentIssue[];
type Record_ = Record<string, unknown>;

const isRecord = (value: unknown): value is Record_ =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const hasId = (value: unknown): value is Record_ & { id: string } =>
	isRecord(value) && typeof value.id === 'string';
const join = (path: string, key: string | number) =>
	typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/** Whether a base value holds text a translation must give. */
function hasText(value: unknown, key: string | undefined): boolean {
	if (typeof value === 'string') return !(key !== undefined && NON_TEXT_KEYS.has(key));
	if (Array.isArray(value)) {
		const ids = value.every((element) => typeof element === 'string');
		if (key !== undefined && ID_LIST_KEYS.has(key) && ids) return false;
		return value.some((element) => hasText(element, key));
	}
	if (isRecord(value)) return Object.entries(value).some(([k, v]) => hasText(v, k));
	return false;
}

/**
 * The translation-shaped text of a base value: what a translator fills in. Used to write the
 * template of a new language, and by tests as the identity translation.
 */
export function textOf(value: unknown, key?: string): unknown {
	if (!hasText(value, key)) return undefined;
	if (typeof value === 'string') return value;
	if (Array.isArray(value)) {
		if (value.every(hasId)) {
			return Object.fromEntries(
				value.flatMap((record) => (hasText(record, key) ? [[record.id, textOf(record, key)]] : []))
			);
		}
		return value.map((element) => textOf(element, key) ?? {});
	}
	return Object.fromEntries(
		Object.entries(value as Record_).flatMap(([k, v]) => (hasText(v, k) ? [[k, textOf(v, k)]] : []))
	);
}

/** A translated string's problems against its base string: placeholders and citations. */
function checkString(base: string, translated: string, file: string, path: string, issues: Issues) {
	const problem = (message: string) => issues.push({ file, path, message });
	const wanted = placeholdersOf(base);
	const found = placeholdersOf(translated);
	for (const name of wanted.filter((name) => !found.includes(name))) {
		problem(`loses the placeholder {${name}} (the base text has it)`);
	}
	for (const name of found.filter((name) => !wanted.includes(name))) {
		problem(`has the placeholder {${name}}, which the base text does not`);
	}
	const cited = citationsOf(base);
	const citing = citationsOf(translated);
	for (const id of citing.filter((id) => !cited.includes(id))) {
		problem(`cites ${id}, which the base text does not`);
	}
	for (const id of cited.filter((id) => !citing.includes(id))) {
		problem(`drops the citation ${id} (the base text cites it)`);
	}
	if (isOurs(base) !== isOurs(translated)) {
		problem(
			isOurs(base) ? 'drops the [ours] marker' : 'adds an [ours] marker the base text does not have'
		);
	}
}

/**
 * Lays the translated text over a base value, checking the translation's shape on the way.
 * Returns the base value with its text replaced (the base text where the translation is wrong,
 * so one problem does not hide the next).
 */
function overlay(
	base: unknown,
	translated: unknown,
	key: string | undefined,
	file: string,
	path: string,
	issues: Issues
): unknown {
	const problem = (message: string) => issues.push({ file, path, message });
	if (!hasText(base, key)) return base;
	if (translated === undefined || translated === null) {
		problem('is missing');
		return base;
	}
	if (typeof base === 'string') {
		if (typeof translated !== 'string' || translated.trim() === '') {
			problem('must be text');
			return base;
		}
		checkString(base, translated, file, path, issues);
		return translated;
	}
	if (Array.isArray(base)) {
		if (base.every(hasId)) {
			if (!isRecord(translated)) {
				problem('must be a mapping from each id of the base file to its text');
				return base;
			}
			const ids = new Set(base.map((record) => record.id));
			for (const id of Object.keys(translated).filter((id) => !ids.has(id))) {
				issues.push({
					file,
					path: join(path, id),
					message: `"${id}" is not an id in the base file`
				});
			}
			return base.map((record) =>
				overlay(record, translated[record.id], key, file, join(path, record.id), issues)
			);
		}
		if (!Array.isArray(translated)) {
			problem(`must be a list of ${base.length}, like the base file's`);
			return base;
		}
		if (translated.length !== base.length) {
			problem(
				`has ${translated.length} entries; the base file has ${base.length} (the order and number come from it)`
			);
			return base;
		}
		return base.map((element, index) =>
			overlay(element, translated[index], key, file, join(path, index), issues)
		);
	}
	const record = base as Record_;
	if (!isRecord(translated)) {
		problem('must be a mapping, like the base file');
		return base;
	}
	for (const extra of Object.keys(translated).filter((k) => !hasText(record[k], k))) {
		issues.push({
			file,
			path: join(path, extra),
			message:
				extra in record
					? 'is not text: ids, keying, facets, weights, thresholds and citations lists come from the base file'
					: 'is not in the base file'
		});
	}
	return Object.fromEntries(
		Object.entries(record).map(([k, v]) => [
			k,
			overlay(v, translated[k], k, file, join(path, k), issues)
		])
	);
}

function parseYamlIn(text: string, file: string, issues: Issues): unknown {
	try {
		return parseYaml(text);
	} catch (error) {
		const where =
			error instanceof YAMLParseError && error.linePos ? `line ${error.linePos[0].line}` : '';
		issues.push({
			file,
			path: where,
			message: `is not valid YAML: ${(error as Error).message.split('\n')[0]}`
		});
		return undefined;
	}
}

/** Blank-line separated blocks of a Markdown body: headings and paragraphs. */
const blocksOf = (body: string) =>
	body
		.split(/\n\s*\n/)
		.map((block) => block.trim())
		.filter((block) => block.length > 0);
const isHeading = (block: string) => block.startsWith('#');

/**
 * Checks a translated Markdown body against its base block by block, and returns the base body
 * with each paragraph replaced by its translation. Headings stay the base's: they are the
 * structure the loader reads (a facet's "## When high"); `headings` collects the translated ones.
 */
function overlayBody(
	base: string,
	translated: string,
	file: string,
	issues: Issues,
	headings: string[] = []
): string {
	const baseBlocks = blocksOf(base);
	const blocks = blocksOf(translated);
	const shape = (list: string[]) =>
		list.map((block) => (isHeading(block) ? 'heading' : 'paragraph'));
	if (shape(blocks).join() !== shape(baseBlocks).join()) {
		const count = (list: string[], kind: string) => shape(list).filter((k) => k === kind).length;
		issues.push({
			file,
			path: 'body',
			message: `has ${count(blocks, 'heading')} headings and ${count(blocks, 'paragraph')} paragraphs; the base has ${count(baseBlocks, 'heading')} and ${count(baseBlocks, 'paragraph')}, in the same order (each paragraph keeps its base paragraph's citations)`
		});
		return base;
	}
	let paragraph = 0;
	return baseBlocks
		.map((block, index) => {
			if (isHeading(block)) {
				headings.push(blocks[index]!.replace(/^#+\s*/, ''));
				return block;
			}
			paragraph += 1;
			checkString(block, blocks[index]!, file, `paragraph ${paragraph}`, issues);
			return blocks[index]!;
		})
		.join('\n\n');
}

function overlayExplanation(
	base: string,
	translated: string,
	file: string,
	issues: Issues
): string {
	let split;
	try {
		split = splitFrontMatter(translated);
	} catch (error) {
		issues.push({ file, path: 'front matter', message: (error as Error).message });
		return base;
	}
	const baseSplit = splitFrontMatter(base);
	const frontMatter = { ...(baseSplit.frontMatter as Record_) };
	const given = split.frontMatter;
	if (!isRecord(given) || typeof given.title !== 'string' || given.title.trim() === '') {
		issues.push({ file, path: 'front matter.title', message: 'is missing' });
	} else {
		frontMatter.title = given.title;
		for (const extra of Object.keys(given).filter((k) => k !== 'title')) {
			issues.push({
				file,
				path: `front matter.${extra}`,
				message:
					'is not text: only the title is translated (id, kind and target come from the base file)'
			});
		}
	}
	const body = overlayBody(baseSplit.body, split.body, file, issues);
	// JSON is YAML: the front matter is written back without a YAML writer.
	return `---\n${JSON.stringify(frontMatter)}\n---\n\n${body}\n`;
}

/** The manual's safe-use section, from its `## ` heading to the next (or the end). */
function manualSection(manual: string): { start: number; end: number } | null {
	const lines = manual.replace(/\r\n?/g, '\n').split('\n');
	const start = lines.findIndex((line) => line.trim() === `## ${MANUAL_SECTION}`);
	if (start === -1) return null;
	const next = lines.findIndex((line, index) => index > start && /^##\s/.test(line));
	return { start, end: next === -1 ? lines.length : next };
}

/**
 * The translated manual: the base manual with its safe-use section translated (heading and
 * paragraphs), and a note under the title that the rest is in English.
 */
function overlayManual(
	base: string,
	translated: string,
	file: string,
	issues: Issues
): { manual: string; heading: string | null } {
	const lines = base.replace(/\r\n?/g, '\n').split('\n');
	const section = manualSection(base);
	if (!section) throw new Error(`The base technical manual has no "## ${MANUAL_SECTION}" section`);
	const body = lines.slice(section.start + 1, section.end).join('\n');
	const text = translated.replace(/\r\n?/g, '\n').trim();
	const heading = /^##\s+(.+)$/m.exec(text);
	if (!heading || !text.startsWith('## ')) {
		issues.push({
			file,
			path: 'line 1',
			message: `must be the section "## ${MANUAL_SECTION}" alone, its heading translated`
		});
		return { manual: base, heading: null };
	}
	const translatedBody = overlayBody(body, text.slice(heading[0].length), file, issues);
	const title = heading[1]!.trim();
	// The section keeps its English anchor, which pages link to, whatever its heading says.
	const anchored = `<h2 id="${MANUAL_ANCHOR}">${title.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</h2>`;
	return {
		manual: [
			...lines.slice(0, section.start),
			anchored,
			'',
			translatedBody,
			'',
			...lines.slice(section.end)
		].join('\n'),
		heading: title
	};
}

export interface TranslatedFiles {
	language: Language | undefined;
	/** The base files with the translation's text laid over them (same keys as the base). */
	files: Record<string, string>;
	/** The translated manual (base manual, safe-use section translated). */
	manual: string | undefined;
	/** The safe-use section's translated heading. */
	manualHeading: string | null;
}

/**
 * Checks one language's files against the base and lays them over it. `base` and `translation`
 * are file texts keyed by path relative to their folders; `at` names a translation file in
 * messages (`content/translations/es/items.yaml`).
 */
export function translateFiles(
	base: Readonly<Record<string, string>>,
	translation: Readonly<Record<string, string>>,
	at: (file: string) => string,
	issues: Issues
): TranslatedFiles {
	const files: Record<string, string> = { ...base };
	const explanations = Object.keys(base).filter(
		(file) => file.startsWith('explanations/') && file.endsWith('.md')
	);
	const expected = new Set<string>([
		LANGUAGE_FILE,
		MANUAL_FILE,
		KEYING_CHECK_FILE,
		...TRANSLATED_YAML,
		...explanations
	]);
	for (const file of Object.keys(translation).filter((file) => !expected.has(file))) {
		issues.push({
			file: at(file),
			path: '',
			message: 'is not a file of the base content (check its name and folder)'
		});
	}
	const missing = (file: string) => {
		if (translation[file] !== undefined) return false;
		issues.push({ file: at(file), path: '', message: 'is missing' });
		return true;
	};

	let language: Language | undefined;
	if (!missing(LANGUAGE_FILE)) {
		const parsed = languageSchema.safeParse(
			parseYamlIn(translation[LANGUAGE_FILE]!, at(LANGUAGE_FILE), issues)
		);
		if (parsed.success) language = parsed.data;
		else {
			for (const issue of parsed.error.issues) {
				issues.push({
					file: at(LANGUAGE_FILE),
					path: issue.path.join('.'),
					message: issue.message
				});
			}
		}
	}
	missing(KEYING_CHECK_FILE);
	for (const file of TRANSLATED_YAML) {
		if (missing(file) || base[file] === undefined) continue;
		const baseData = parseYaml(base[file]!) as unknown;
		const data = parseYamlIn(translation[file]!, at(file), issues);
		if (data === undefined) continue;
		// JSON is YAML: the loader parses the merged file like any other.
		files[file] = JSON.stringify(overlay(baseData, data, undefined, at(file), '', issues));
	}
	for (const file of explanations) {
		if (missing(file)) continue;
		files[file] = overlayExplanation(base[file]!, translation[file]!, at(file), issues);
	}
	let manual: string | undefined;
	let manualHeading: string | null = null;
	if (!missing(MANUAL_FILE) && base[MANUAL_FILE] !== undefined) {
		({ manual, heading: manualHeading } = overlayManual(
			base[MANUAL_FILE],
			translation[MANUAL_FILE]!,
			at(MANUAL_FILE),
			issues
		));
	}
	if (language) {
		for (const file of explanations) files[file] = localiseLinks(files[file]!, language.code);
		if (manual) manual = localiseLinks(manual, language.code);
	}
	return { language, files, manual, manualHeading };
}

/** The site's own pages that have a version in every language. */
const LOCALISED_PAGES = /\]\(\/(method|sources|quiz|results)(?=[)#])/g;

/** Links in Markdown to the site's pages point to their version in this language. */
function localiseLinks(markdown: string, code: string): string {
	return markdown.replace(LOCALISED_PAGES, (_link, page: string) => `](/${code}/${page}`);
}

/**
 * A new language's files with the base's own text in the translation's shape, for a translator
 * to replace (`npm run content:new-language`); they pass the check as they are.
 */
export function translationTemplate(
	base: Readonly<Record<string, string>>,
	language: Language
): Record<string, string> {
	const files: Record<string, string> = {
		[LANGUAGE_FILE]: stringifyYaml(language),
		[KEYING_CHECK_FILE]:
			'# How the meaning of each reverse-keyed statement was checked\n\nFor each statement with `keyed: minus` in items.yaml, and each consistency pair: the translation, a back-translation into English made without looking at the base, and why agreeing with it still means less of its facet.\n'
	};
	for (const file of TRANSLATED_YAML) files[file] = stringifyYaml(textOf(parseYaml(base[file]!)));
	for (const file of Object.keys(base).filter(
		(f) => f.startsWith('explanations/') && f.endsWith('.md')
	)) {
		const { frontMatter, body } = splitFrontMatter(base[file]!);
		const title = (frontMatter as { title: string }).title;
		files[file] = `---\n${stringifyYaml({ title })}---\n${body}`;
	}
	const manual = base[MANUAL_FILE]!.replace(/\r\n?/g, '\n');
	const section = manualSection(manual)!;
	files[MANUAL_FILE] =
		manual.split('\n').slice(section.start, section.end).join('\n').trimEnd() + '\n';
	return files;
}
