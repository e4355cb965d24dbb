/**
 * The one place that reads `content/`: parses every file with its zod schema,
 * cross-checks the files against each other and assembles the `Content` the
 * rest of the app uses. Any problem throws a `ContentError` that lists every
 * issue with its file and path. Node-only: the build inlines the result.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import {
	checkContent,
	checkNextSteps,
	longestRun,
	type ParsedContent,
	type ParsedExplanation
} from './crosscheck.server.ts';
import { ContentError, formatPath, type ContentIssue } from './errors.ts';
import {
	citationsOf,
	isOurs,
	paragraphsOf,
	renderDocument,
	renderParagraph,
	sectionsOf,
	type CitationStyle,
	splitFrontMatter,
	withoutCitations
} from './markdown.server.ts';
import {
	explanationFrontMatterSchema,
	facilitatorGuideFileSchema,
	groupPatternIds,
	instrumentFileSchema,
	itemsFileSchema,
	methodReferencesFileSchema,
	nextStepsFileSchema,
	resultsPageFileSchema,
	quizPageFileSchema,
	rubricFileSchema,
	scenariosFileSchema,
	sourcesFileSchema
} from './schema.ts';
import type {
	Content,
	Explanation,
	FacilitatorGuide,
	Facet,
	LikertItem,
	Paragraph,
	Scale,
	Scenario
} from './types.ts';
import { LANGUAGE_FILE, translateFiles, type Language } from './translation.server.ts';

/** Raw text of the content files, keyed by path relative to the content folder. */
export type ContentFiles = Record<string, string>;

const requiredFiles = {
	instrument: 'instrument.yaml',
	sources: 'sources.yaml',
	methodReferences: 'method-references.yaml',
	rubric: 'rubric.yaml',
	items: 'items.yaml',
	scenarios: 'scenarios.yaml',
	nextSteps: 'next-steps.yaml',
	resultsPage: 'results-page.yaml',
	quizPage: 'quiz-page.yaml'
} as const;

/** Headings that split a facet explanation into its two variants. */
export const facetSections = { high: 'When high', low: 'When low' } as const;

/** The folder of the translations, inside the content folder: one folder per language. */
export const translationsFolder = 'translations';

/**
 * Every `.yaml` and `.md` file under `dir`, keyed by its path relative to it (README.md and the
 * translations' folder excepted).
 */
export async function readContentFiles(dir: string): Promise<ContentFiles> {
	const files: ContentFiles = {};
	for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || !/\.(ya?ml|md)$/.test(entry.name)) continue;
		const path = join(entry.parentPath, entry.name);
		const key = relative(dir, path).split(sep).join('/');
		if (key === 'README.md' || key.startsWith(`${translationsFolder}/`)) continue;
		files[key] = await readFile(path, 'utf8');
	}
	return files;
}

/** How messages name the content folder: relative to the working directory when inside it. */
function labelOf(dir: string) {
	const label = relative(process.cwd(), dir).split(sep).join('/') || '.';
	return label.startsWith('..') ? dir : label;
}

/** Reads every `.yaml` and `.md` file under `dir` (README.md excepted) and loads them. */
export async function loadContent(dir: string): Promise<Content> {
	return parseContent(await readContentFiles(dir), labelOf(dir));
}

/** A language other than English: its status, its content and its manual. */
export interface LanguageContent {
	language: Language;
	content: Content;
	manual: TechnicalManual;
	/** The safe-use section's heading in this language (the manual links to it). */
	manualHeading: string;
}

/**
 * Loads every translation under `dir/translations/<code>/`, each checked against the base
 * files and loaded with the same rules as English. Every problem of every language is thrown
 * together, each naming its file and key.
 */
export async function loadLanguages(dir: string): Promise<LanguageContent[]> {
	const base = await readContentFiles(dir);
	base[manualFile] = await readFile(join(dir, manualFile), 'utf8');
	const root = join(dir, translationsFolder);
	let codes: string[];
	try {
		codes = (await readdir(root, { withFileTypes: true }))
			.filter((entry) => entry.isDirectory())
			.map((entry) => entry.name)
			.sort();
	} catch {
		return [];
	}
	const issues: ContentIssue[] = [];
	const languages: LanguageContent[] = [];
	for (const code of codes) {
		const folder = join(root, code);
		const translation: ContentFiles = {};
		for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
			if (!entry.isFile()) continue;
			const path = join(entry.parentPath, entry.name);
			translation[relative(folder, path).split(sep).join('/')] = await readFile(path, 'utf8');
		}
		const label = `${labelOf(dir)}/${translationsFolder}/${code}`;
		const at = (file: string) => `${label}/${file}`;
		const before = issues.length;
		const merged = translateFiles(base, translation, at, issues);
		if (merged.language && merged.language.code !== code) {
			issues.push({
				file: at(LANGUAGE_FILE),
				path: 'code',
				message: `is "${merged.language.code}", but the folder is "${code}"`
			});
		}
		if (issues.length > before || !merged.language || !merged.manual) continue;
		try {
			const content = parseContent(merged.files, label, code);
			languages.push({
				language: merged.language,
				content,
				manual: parseTechnicalManual(merged.manual, content, at(manualFile)),
				manualHeading: merged.manualHeading ?? ''
			});
		} catch (error) {
			if (!(error instanceof ContentError)) throw error;
			issues.push(...error.issues);
		}
	}
	if (issues.length > 0) throw new ContentError(issues);
	return languages;
}

/**
 * Parses, checks and assembles content from in-memory files. `root` prefixes
 * file names in messages (`content/items.yaml`).
 */
export function parseContent(files: ContentFiles, root = 'content', language = 'en'): Content {
	const issues: ContentIssue[] = [];
	const at = (file: string) => `${root}/${file}`;

	function parseFile<S extends z.ZodType>(file: string, schema: S): z.infer<S> | undefined {
		const text = files[file];
		if (text === undefined) {
			issues.push({ file: at(file), path: '', message: 'is missing' });
			return undefined;
		}
		const data = parseYamlText(text, at(file), issues);
		if (data === undefined) return undefined;
		return validate(schema, data, at(file), '', issues);
	}

	const instrument = parseFile(requiredFiles.instrument, instrumentFileSchema);
	const sources = parseFile(requiredFiles.sources, sourcesFileSchema);
	const methodReferences = parseFile(requiredFiles.methodReferences, methodReferencesFileSchema);
	const rubric = parseFile(requiredFiles.rubric, rubricFileSchema);
	const items = parseFile(requiredFiles.items, itemsFileSchema);
	const scenarios = parseFile(requiredFiles.scenarios, scenariosFileSchema);
	const nextSteps = parseFile(requiredFiles.nextSteps, nextStepsFileSchema);
	const resultsPage = parseFile(requiredFiles.resultsPage, resultsPageFileSchema);
	const quizPage = parseFile(requiredFiles.quizPage, quizPageFileSchema);
	const explanations = Object.keys(files)
		.filter((file) => file.startsWith('explanations/') && file.endsWith('.md'))
		.sort()
		.map((file) => parseExplanation(files[file] ?? '', at(file), issues))
		.filter((parsed) => parsed !== undefined);

	if (
		issues.length > 0 ||
		!instrument ||
		!sources ||
		!methodReferences ||
		!rubric ||
		!items ||
		!scenarios ||
		!nextSteps ||
		!resultsPage ||
		!quizPage
	) {
		throw new ContentError(issues);
	}

	const parsed = { instrument, sources, methodReferences, rubric, items, scenarios, explanations };
	issues.push(...checkContent(parsed, at));
	issues.push(...checkNextSteps(nextSteps, sources, methodReferences, at));
	if (issues.length > 0) throw new ContentError(issues);

	const content = {
		language,
		...assemble(parsed, citationStyle(language, resultsPage.sources)),
		...assembleResultsPage(nextSteps, resultsPage),
		quizPage
	};
	issues.push(...checkSequence(content, at(requiredFiles.items)));
	if (issues.length > 0) throw new ContentError(issues);
	return content;
}

/** The technical manual, rendered: `/method` shows it. */
export interface TechnicalManual {
	title: string;
	html: string;
}

export const manualFile = 'technical-manual.md';

/**
 * Reads `technical-manual.md`, checks that every citation resolves against the
 * loaded content, and renders it. Problems throw a `ContentError` like the rest.
 */
export async function loadTechnicalManual(dir: string, content: Content): Promise<TechnicalManual> {
	const file = `${labelOf(dir)}/${manualFile}`;
	let text: string;
	try {
		text = await readFile(join(dir, manualFile), 'utf8');
	} catch {
		throw new ContentError([{ file, path: '', message: 'is missing' }]);
	}
	return parseTechnicalManual(text, content, file);
}

const guideFile = 'facilitator-guide.yaml';

/** Reads and checks `facilitator-guide.yaml` against the loaded content's method references. */
export async function loadFacilitatorGuide(
	dir: string,
	content: Content
): Promise<FacilitatorGuide> {
	const file = `${labelOf(dir)}/${guideFile}`;
	let text: string;
	try {
		text = await readFile(join(dir, guideFile), 'utf8');
	} catch {
		throw new ContentError([{ file, path: '', message: 'is missing' }]);
	}
	return parseFacilitatorGuide(text, content, file);
}

/**
 * The guide, validated: its own advice cites nothing (the page marks it as ours), and each
 * "what not to do" item cites the method references it rests on, which must exist.
 */
export function parseFacilitatorGuide(
	text: string,
	content: Pick<Content, 'methodReferences'>,
	file = `content/${guideFile}`
): FacilitatorGuide {
	const issues: ContentIssue[] = [];
	const data = parseYamlText(text, file, issues);
	const guide =
		data === undefined ? undefined : validate(facilitatorGuideFileSchema, data, file, '', issues);
	if (!guide) throw new ContentError(issues);
	const known = new Set(content.methodReferences.map((work) => work.id));
	const ours = (path: string, value: string) => {
		if (citationsOf(value).length > 0) {
			issues.push({
				file,
				path,
				message: 'is our own advice and cites nothing; remove the marker'
			});
		}
	};
	for (const part of ['before', 'during', 'after'] as const) {
		guide.session[part].steps.forEach((step, index) =>
			ours(`session.${part}.steps[${index}]`, step)
		);
	}
	for (const id of groupPatternIds) {
		guide.prompts[id].questions.forEach((question, index) =>
			ours(`prompts.${id}.questions[${index}]`, question)
		);
	}
	const avoid = guide.avoid.items.map((item, index) => {
		const cited = citationsOf(item);
		if (cited.length === 0) {
			issues.push({
				file,
				path: `avoid.items[${index}]`,
				message: 'cites nothing; add the method reference it rests on, such as [M01]'
			});
		}
		for (const id of cited) {
			if (!known.has(id)) {
				issues.push({
					file,
					path: `avoid.items[${index}]`,
					message: `cites ${id}, which is not in method-references.yaml`
				});
			}
		}
		return { text: withoutCitations(item), citations: cited };
	});
	if (issues.length > 0) throw new ContentError(issues);
	return { ...guide, avoid: { heading: guide.avoid.heading, items: avoid } };
}

/**
 * Wide tables and code may scroll sideways on a phone; a region that scrolls
 * must be reachable by keyboard and named (WCAG 2.1.1), so each is wrapped.
 */
function scrollable(html: string): string {
	return html
		.replace(
			/<(table|pre)>/g,
			(_tag, name: string) =>
				`<div class="scroll" tabindex="0" role="region" aria-label="${name === 'table' ? 'Table' : 'Example'}, scrolls sideways"><${name}>`
		)
		.replace(/<\/(table|pre)>/g, '</$1></div>');
}

export function parseTechnicalManual(
	text: string,
	content: Content,
	file = `content/${manualFile}`
): TechnicalManual {
	const titles = new Map<string, string>([
		...content.sources.map((source): [string, string] => [source.id, source.title]),
		...content.methodReferences.map((work): [string, string] => [work.id, work.citation])
	]);
	const issues: ContentIssue[] = [];
	text.split('\n').forEach((line, index) => {
		for (const id of citationsOf(line)) {
			if (!titles.has(id)) {
				issues.push({
					file,
					path: `line ${index + 1}`,
					message: `cites ${id}, which is in neither sources.yaml nor method-references.yaml`
				});
			}
		}
	});
	const title = /^#\s+(.+)$/m.exec(text)?.[1]?.trim();
	if (!title) issues.push({ file, path: 'line 1', message: 'must start with a "# Title" heading' });
	if (issues.length > 0) throw new ContentError(issues);
	const style = citationStyle(content.language, content.resultsPage.sources);
	return { title: title!, html: scrollable(renderDocument(text, titles, style)) };
}

/**
 * The order the quiz shows must not let a habit build up: no more than
 * `longestRun` reverse-keyed statements, or statements of one scale, in a row.
 */
function checkSequence(content: Content, itemsFile: string): ContentIssue[] {
	const issues: ContentIssue[] = [];
	const itemById = new Map(content.items.map((item) => [item.id, item]));
	const statements = content.sequence.flatMap((id) => itemById.get(id) ?? []);
	const runs: [string, (item: LikertItem) => string][] = [
		['reverse-keyed statements', (item) => item.keyed],
		['statements of one scale', (item) => item.scale]
	];
	for (const [what, keyOf] of runs) {
		let length = 0;
		statements.forEach((item, index) => {
			const previous = statements[index - 1];
			length = previous && keyOf(previous) === keyOf(item) ? length + 1 : 1;
			const counts = what.startsWith('reverse') ? item.keyed === 'minus' : true;
			if (counts && length === longestRun + 1) {
				issues.push({
					file: itemsFile,
					path: 'items',
					message: `the quiz would show more than ${longestRun} ${what} in a row (up to "${item.id}", statement ${index + 1} of ${statements.length}); reorder the statements within their facets`
				});
			}
		});
	}
	return issues;
}

function parseYamlText(text: string, file: string, issues: ContentIssue[]): unknown {
	try {
		return parseYaml(text);
	} catch (error) {
		const where =
			error instanceof YAMLParseError && error.linePos ? `line ${error.linePos[0].line}` : '';
		const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
		issues.push({ file, path: where, message: `is not valid YAML: ${reason}` });
		return undefined;
	}
}

function validate<S extends z.ZodType>(
	schema: S,
	data: unknown,
	file: string,
	prefix: string,
	issues: ContentIssue[]
): z.infer<S> | undefined {
	const result = schema.safeParse(data);
	if (result.success) return result.data;
	for (const issue of result.error.issues) {
		const path = [prefix, formatPath(issue.path)].filter(Boolean).join('.');
		issues.push({ file, path, message: describeZodIssue(issue) });
	}
	return undefined;
}

/** Zod's messages, made to say which key is unexpected or which field is missing. */
function describeZodIssue(issue: z.core.$ZodIssue): string {
	if (issue.code === 'unrecognized_keys') {
		return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
	}
	if (issue.code === 'invalid_type' && issue.input === undefined) {
		return `is required (expected ${issue.expected})`;
	}
	return issue.message;
}

function parseExplanation(
	text: string,
	file: string,
	issues: ContentIssue[]
): ParsedExplanation | undefined {
	let split;
	try {
		split = splitFrontMatter(text);
	} catch (error) {
		issues.push({ file, path: 'front matter', message: (error as Error).message });
		return undefined;
	}
	const frontMatter = validate(
		explanationFrontMatterSchema,
		split.frontMatter,
		file,
		'front matter',
		issues
	);
	if (!frontMatter) return undefined;

	if (frontMatter.kind !== 'facet') {
		return {
			file,
			frontMatter,
			parts: [{ variant: null, label: '', paragraphs: paragraphsOf(split.body) }]
		};
	}
	const sections = sectionsOf(split.body);
	const parts: ParsedExplanation['parts'] = [];
	for (const variant of ['high', 'low'] as const) {
		const heading = facetSections[variant];
		const body = sections.get(heading);
		if (body === undefined) {
			issues.push({
				file,
				path: `## ${heading}`,
				message: `is missing: a facet explanation needs a "## ${facetSections.high}" and a "## ${facetSections.low}" section`
			});
			continue;
		}
		parts.push({ variant, label: `## ${heading}, `, paragraphs: paragraphsOf(body) });
	}
	return { file, frontMatter, parts };
}

/**
 * Presentation order: agreement items round-robin across facets, alternating
 * the scales, so that neighbours never measure the same thing; scenarios are
 * spread evenly between them.
 */
function buildSequence(scales: Scale[], items: LikertItem[], scenarios: Scenario[]): string[] {
	const facetOrder = interleave(scales.map((scale) => scale.facetIds));
	const queues = facetOrder.map((facet) => items.filter((item) => item.facet === facet));
	const likert = interleave(queues).map((item) => item.id);

	const sequence: string[] = [];
	const slots = scenarios.length + 1;
	let next = 0;
	likert.forEach((id, index) => {
		sequence.push(id);
		while (
			next < scenarios.length &&
			index + 1 === Math.round(((next + 1) * likert.length) / slots)
		) {
			sequence.push(scenarios[next]!.id);
			next += 1;
		}
	});
	for (; next < scenarios.length; next += 1) sequence.push(scenarios[next]!.id);
	return sequence;
}

/** Takes the first of each list, then the second of each, and so on. */
function interleave<T>(lists: T[][]): T[] {
	const result: T[] = [];
	const longest = Math.max(0, ...lists.map((list) => list.length));
	for (let index = 0; index < longest; index += 1) {
		for (const list of lists) {
			const value = list[index];
			if (value !== undefined) result.push(value);
		}
	}
	return result;
}

/** FNV-1a, 32 bits, as 8 hex digits: short, stable, dependency-free. */
export function fingerprintOf(value: unknown): string {
	let hash = 0x811c9dc5;
	for (const char of JSON.stringify(value)) {
		hash ^= char.codePointAt(0)!;
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(16).padStart(8, '0');
}

/** How citations read in a language: its sources page, and its words for them. */
function citationStyle(
	language: string,
	words: Pick<Content['resultsPage']['sources'], 'sourceLink' | 'methodLink' | 'ours'>
): CitationStyle {
	return {
		sourcesPath: language === 'en' ? '/sources' : `/${language}/sources`,
		sourceLink: words.sourceLink,
		methodLink: words.methodLink,
		ours: words.ours
	};
}

function assemble(
	parsed: ParsedContent,
	style: CitationStyle
): Omit<Content, 'language' | 'nextSteps' | 'resultsPage' | 'quizPage'> {
	const { instrument, sources, methodReferences, rubric, items, scenarios } = parsed;

	const facets: Facet[] = rubric.scales.flatMap((scale) =>
		scale.facets.map((facet) => ({ ...facet, scale: scale.id }))
	);
	const scales: Scale[] = rubric.scales.map(({ facets: scaleFacets, ...scale }) => ({
		...scale,
		facetIds: scaleFacets.map((facet) => facet.id)
	}));
	const scaleOfFacet = new Map(facets.map((facet) => [facet.id, facet.scale]));
	const likertItems: LikertItem[] = items.items.map((item) => ({
		kind: 'likert',
		...item,
		scale: scaleOfFacet.get(item.facet)!
	}));
	const scenarioQuestions: Scenario[] = scenarios.scenarios.map((scenario) => ({
		kind: 'scenario',
		...scenario
	}));
	const sequence = buildSequence(scales, likertItems, scenarioQuestions);

	const sourceTitles = new Map([
		...sources.sources.map((source): [string, string] => [source.id, source.title]),
		...methodReferences.references.map((reference): [string, string] => [
			reference.id,
			reference.citation
		])
	]);
	const explanations: Explanation[] = parsed.explanations.flatMap(({ file, frontMatter, parts }) =>
		parts.map(({ variant, paragraphs }) => ({
			id: variant ? `${frontMatter.id}.${variant}` : frontMatter.id,
			kind: frontMatter.kind,
			target: frontMatter.target ?? null,
			variant,
			title: frontMatter.title,
			file,
			paragraphs: paragraphs.map((markdown): Paragraph => ({
				markdown,
				html: renderParagraph(markdown, sourceTitles, style),
				citations: citationsOf(markdown),
				ours: isOurs(markdown)
			}))
		}))
	);

	const fingerprint = fingerprintOf({
		sequence,
		items: likertItems.map(({ id, facet, keyed }) => [id, facet, keyed]),
		scenarios: scenarioQuestions.map(({ id, options }) => [id, options.map((o) => o.weights)])
	});

	return {
		instrument: {
			id: instrument.id,
			title: instrument.title,
			version: instrument.version,
			fingerprint,
			likertLabels: instrument.likertLabels,
			thresholds: instrument.thresholds,
			measurement: instrument.measurement,
			wording: instrument.wording
		},
		sources: sources.sources,
		methodReferences: methodReferences.references,
		scales,
		facets,
		items: likertItems,
		scenarios: scenarioQuestions,
		consistencyPairs: items.consistencyPairs,
		sequence,
		explanations
	};
}

/**
 * The results page's own content: what to try next (intros split into text and
 * citations, so the page can show them as numbered links) and its labels.
 */
function assembleResultsPage(
	nextSteps: z.infer<typeof nextStepsFileSchema>,
	resultsPage: z.infer<typeof resultsPageFileSchema>
): Pick<Content, 'nextSteps' | 'resultsPage'> {
	const entries = Object.entries(nextSteps.nextSteps).map(([target, step]) => [
		target,
		{
			...step,
			intro: { text: withoutCitations(step.intro), citations: citationsOf(step.intro) },
			settle: step.settle ?? []
		}
	]);
	return {
		nextSteps: Object.fromEntries(entries) as Content['nextSteps'],
		resultsPage
	};
}
