/**
 * The rules a translation is checked by (`src/lib/content/translation.server.ts`): text only,
 * keyed by the base content's ids. An identity translation (the base's own text, in the
 * translation's shape) loads to exactly the base content; each way of breaking a translation
 * that bigfive-web and Formbricks users met (a missing or extra id, a changed option count, a
 * lost or renamed placeholder, a Likert list of the wrong length, a citation the base does not
 * make, a re-keyed statement) fails, naming file and key.
 */
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import {
	parseContent,
	parseTechnicalManual,
	readContentFiles
} from '../../src/lib/content/loader.server.ts';
import { translateFiles, translationTemplate } from '../../src/lib/content/translation.server.ts';
import type { ContentIssue } from '../../src/lib/content/errors.ts';
import { contentDir } from '../helpers/content.ts';
import { withHeadingAnchors } from '../../src/routes/[[lang=lang]]/method/anchors.ts';

const base = await readContentFiles(contentDir);

/** The base's own text in the shape of a translation: what a new language starts from. */
const identity = () =>
	translationTemplate(base, {
		code: 'xx',
		name: 'Test',
		englishName: 'Test',
		dir: 'ltr',
		reviewed: false,
		translatedBy: 'the test',
		method: 'copied'
	});

const at = (file: string) => `content/translations/xx/${file}`;
function check(translation: Record<string, string>) {
	const issues: ContentIssue[] = [];
	const merged = translateFiles(
		{ ...base, 'technical-manual.md': base['technical-manual.md']! },
		translation,
		at,
		issues
	);
	return { issues, merged };
}
/** Parsed YAML, edited freely by the tests below. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Yaml = Record<string, any>;

/** A translation with one YAML file changed by `edit`. */
function withYaml(file: string, edit: (data: Yaml) => void) {
	const translation = identity();
	const data = parse(translation[file]!) as Yaml;
	edit(data);
	translation[file] = stringify(data);
	return translation;
}
const messages = (issues: ContentIssue[]) =>
	issues.map((issue) => `${issue.file}: ${issue.path}: ${issue.message}`);

describe('a translation of the content', () => {
	it('made of the base text itself loads to exactly the base content', () => {
		const { issues, merged } = check(identity());
		expect(messages(issues)).toEqual([]);
		const english = parseContent(base);
		const translated = parseContent(merged.files, 'content', 'xx');
		// The same, but for links to the site's pages, which lead to their version in the language.
		const inXx = (text: string) =>
			text.replace(/(\]\(|href=\\?")\/(method|sources|quiz|results)\b/g, '$1/xx/$2');
		expect(translated).toEqual({ ...JSON.parse(inXx(JSON.stringify(english))), language: 'xx' });
		expect(translated.instrument.fingerprint).toBe(english.instrument.fingerprint);
		// The safe-use section keeps its English anchor under its translated heading.
		// (Up to a line break: the heading is an HTML block, which Markdown ends without one.)
		const html = (text: string) => withHeadingAnchors(text).replace(/\n(?=<p>)/g, '');
		expect(html(parseTechnicalManual(merged.manual!, translated).html)).toBe(
			inXx(html(parseTechnicalManual(base['technical-manual.md']!, english).html))
		);
	});

	it('takes ids, keying and weights from the base alone: giving them is an error', () => {
		const rekeyed = withYaml('items.yaml', (data) => {
			data.items['vision-a'].keyed = 'minus';
		});
		const reweighted = withYaml('scenarios.yaml', (data) => {
			data.scenarios['scenario-launch-slip'].options[0].weights = { strategic: 0, tactical: 1 };
		});
		const pairs = withYaml('items.yaml', (data) => {
			data.consistencyPairs = [{ id: 'pair-vision', items: ['vision-b', 'vision-a'] }];
		});
		expect(messages(check(rekeyed).issues)).toEqual([
			`${at('items.yaml')}: items.vision-a.keyed: is not text: ids, keying, facets, weights, thresholds and citations lists come from the base file`
		]);
		expect(messages(check(reweighted).issues)).toEqual([
			`${at('scenarios.yaml')}: scenarios.scenario-launch-slip.options[0].weights: is not text: ids, keying, facets, weights, thresholds and citations lists come from the base file`
		]);
		expect(messages(check(pairs).issues)).toEqual([
			`${at('items.yaml')}: consistencyPairs: is not text: ids, keying, facets, weights, thresholds and citations lists come from the base file`
		]);
	});

	it('names a missing id, an extra id and a changed option count', () => {
		const missing = withYaml('items.yaml', (data) => delete data.items['vision-b']);
		const extra = withYaml('items.yaml', (data) => {
			data.items['vision-z'] = { text: 'An extra statement.' };
		});
		const options = withYaml('scenarios.yaml', (data) => {
			data.scenarios['scenario-budget-cut'].options.pop();
		});
		expect(messages(check(missing).issues)).toEqual([
			`${at('items.yaml')}: items.vision-b: is missing`
		]);
		expect(messages(check(extra).issues)).toEqual([
			`${at('items.yaml')}: items.vision-z: "vision-z" is not an id in the base file`
		]);
		expect(messages(check(options).issues)).toEqual([
			`${at('scenarios.yaml')}: scenarios.scenario-budget-cut.options: has 3 entries; the base file has 4 (the order and number come from it)`
		]);
	});

	it('names a lost or renamed placeholder and a Likert list of the wrong length', () => {
		const lost = withYaml('instrument.yaml', (data) => {
			data.wording.position = 'Position {position}, range {low} to the top.';
		});
		const renamed = withYaml('quiz-page.yaml', (data) => {
			data.question.counter = 'Question {index} of {total}';
		});
		const likert = withYaml('instrument.yaml', (data) => {
			data.likertLabels = data.likertLabels.slice(0, 4);
		});
		expect(messages(check(lost).issues)).toEqual([
			`${at('instrument.yaml')}: wording.position: loses the placeholder {high} (the base text has it)`
		]);
		expect(messages(check(renamed).issues)).toEqual([
			`${at('quiz-page.yaml')}: question.counter: loses the placeholder {position} (the base text has it)`,
			`${at('quiz-page.yaml')}: question.counter: has the placeholder {index}, which the base text does not`
		]);
		expect(messages(check(likert).issues)).toEqual([
			`${at('instrument.yaml')}: likertLabels: has 4 entries; the base file has 5 (the order and number come from it)`
		]);
	});

	it('names a citation the base does not make, in YAML and in Markdown, and a paragraph too many', () => {
		const yamlCitation = withYaml('next-steps.yaml', (data) => {
			data.nextSteps.product.intro += ' [S002]';
		});
		expect(messages(check(yamlCitation).issues)).toEqual([
			`${at('next-steps.yaml')}: nextSteps.product.intro: cites S002, which the base text does not`
		]);
		const file = 'explanations/verdicts/product.md';
		const cited = identity();
		cited[file] = cited[file]!.replace('[S002, S003, S004]', '[S002, S003]').replace(
			'[S000, S001, S003]',
			'[S000, S001, S003, M01]'
		);
		expect(messages(check(cited).issues)).toEqual([
			`${at(file)}: paragraph 1: drops the citation S004 (the base text cites it)`,
			`${at(file)}: paragraph 2: cites M01, which the base text does not`
		]);
		const longer = identity();
		longer[file] += '\nA paragraph the base does not have.\n';
		expect(messages(check(longer).issues)).toEqual([
			`${at(file)}: body: has 0 headings and 5 paragraphs; the base has 0 and 4, in the same order (each paragraph keeps its base paragraph's citations)`
		]);
	});

	it('names missing files, unknown files and an incomplete language status', () => {
		const translation = identity();
		delete translation['explanations/leans/product.md'];
		translation['explanations/leans/produkt.md'] = translation['explanations/leans/project.md']!;
		translation['language.yaml'] = stringify({ code: 'xx', name: 'Test', dir: 'ttb' });
		expect(messages(check(translation).issues).sort()).toEqual(
			[
				`${at('explanations/leans/produkt.md')}: : is not a file of the base content (check its name and folder)`,
				`${at('explanations/leans/product.md')}: : is missing`,
				`${at('language.yaml')}: dir: Invalid option: expected one of "ltr"|"rtl"`,
				`${at('language.yaml')}: englishName: Invalid input: expected string, received undefined`,
				`${at('language.yaml')}: method: Invalid input: expected string, received undefined`,
				`${at('language.yaml')}: reviewed: must be true or false (true once a native speaker has checked it)`,
				`${at('language.yaml')}: translatedBy: Invalid input: expected string, received undefined`
			].sort()
		);
	});
});
