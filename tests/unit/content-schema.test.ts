import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ContentError, formatIssue } from '../../src/lib/content/errors.ts';
import {
	loadTechnicalManual,
	parseContent,
	parseTechnicalManual,
	type ContentFiles
} from '../../src/lib/content/loader.server.ts';
import type { Content } from '../../src/lib/content/types.ts';
import { scoreAnswers } from '../../src/lib/scoring/score.ts';
import { contentDir } from '../helpers/content.ts';

let original: ContentFiles;

beforeAll(async () => {
	original = {};
	for (const entry of await readdir(contentDir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || entry.name === 'README.md') continue;
		const path = join(entry.parentPath, entry.name);
		original[relative(contentDir, path).split(sep).join('/')] = await readFile(path, 'utf8');
	}
});

/** A copy of the real content with one YAML file changed by `edit`. */
// The edits reach into arbitrary YAML shapes; typing each one would hide what the test breaks.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function withYaml(file: string, edit: (data: Record<string, any>) => void): ContentFiles {
	const data = parse(original[file]!);
	edit(data);
	return { ...original, [file]: stringify(data) };
}

/** A copy of the real content with several YAML files changed by `edits`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function withYamls(edits: Record<string, (data: Record<string, any>) => void>): ContentFiles {
	const files = { ...original };
	for (const [file, edit] of Object.entries(edits)) {
		const data = parse(files[file]!);
		edit(data);
		files[file] = stringify(data);
	}
	return files;
}

/** Sets the keying of the item `id` in parsed items.yaml data. */
function rekey(data: { items: { id: string; keyed: string }[] }, id: string, keyed: string) {
	const item = data.items.find((candidate) => candidate.id === id);
	if (!item) throw new Error(`no item "${id}" in items.yaml`);
	item.keyed = keyed;
}

/** A copy of the real content with one Markdown file changed by `edit`. */
function withText(file: string, edit: (text: string) => string): ContentFiles {
	const text = original[file];
	if (text === undefined) throw new Error(`no file "${file}" in content/`);
	const edited = edit(text);
	if (edited === text) throw new Error(`the edit left ${file} unchanged`);
	return { ...original, [file]: edited };
}

/** A copy of the real content without `file`. */
function without(file: string): ContentFiles {
	if (!(file in original)) throw new Error(`no file "${file}" in content/`);
	const files = { ...original };
	delete files[file];
	return files;
}

/** The formatted issues that loading `files` reports; fails the test when it loads. */
function problemsOf(files: ContentFiles): string[] {
	try {
		parseContent(files);
	} catch (error) {
		expect(error).toBeInstanceOf(ContentError);
		return (error as ContentError).issues.map(formatIssue);
	}
	throw new Error('expected the content to be rejected, but it loaded');
}

/** The longest run of neighbours for which `same` holds, in `values`. */
function longestRunOf<T>(values: readonly T[], same: (a: T, b: T) => boolean): number {
	let longest = values.length > 0 ? 1 : 0;
	let run = 1;
	values.slice(1).forEach((value, index) => {
		run = same(values[index]!, value) ? run + 1 : 1;
		longest = Math.max(longest, run);
	});
	return longest;
}

/** Every statement at "neither", every scenario on the product side. */
function midpointWithProductPicks(content: Content): Record<string, number> {
	const answers: Record<string, number> = {};
	for (const item of content.items) answers[item.id] = 3;
	for (const scenario of content.scenarios) {
		answers[scenario.id] =
			1 + scenario.options.findIndex((option) => option.weights.strategic === 1);
	}
	return answers;
}

describe('content loader', () => {
	it('accepts the shipped content', () => {
		const content = parseContent(original);
		expect(content.instrument.version).toBe('2.1.0');
		expect(content.items.length).toBeGreaterThanOrEqual(30);
		expect(content.scenarios.length).toBeGreaterThanOrEqual(6);
		expect(content.consistencyPairs.length).toBeGreaterThanOrEqual(6);
		expect(content.methodReferences.length).toBeGreaterThanOrEqual(1);
		expect(content.sequence).toHaveLength(content.items.length + content.scenarios.length);
		expect(new Set(content.sequence).size).toBe(content.sequence.length);
	});

	it('meets the instrument design: 15+ statements and 3+ per facet, 40–50% reverse-keyed alike', () => {
		const content = parseContent(original);
		for (const facet of content.facets) {
			expect(content.items.filter((item) => item.facet === facet.id).length).toBeGreaterThanOrEqual(
				3
			);
		}
		const keying = content.scales.map((scale) => {
			const items = content.items.filter((item) => item.scale === scale.id);
			const reversed = items.filter((item) => item.keyed === 'minus').length;
			expect(items.length, scale.id).toBeGreaterThanOrEqual(15);
			expect(reversed / items.length, scale.id).toBeGreaterThanOrEqual(0.4);
			expect(reversed / items.length, scale.id).toBeLessThanOrEqual(0.5);
			return `${reversed} of ${items.length}`;
		});
		expect(keying).toEqual(['7 of 15', '7 of 15']);
	});

	it('pairs each statement with its opposite: one plus, one minus, in one facet', () => {
		const content = parseContent(original);
		const itemById = new Map(content.items.map((item) => [item.id, item]));
		for (const pair of content.consistencyPairs) {
			const [first, second] = pair.items.map((id) => itemById.get(id));
			expect(first, pair.id).toBeDefined();
			expect(second, pair.id).toBeDefined();
			expect(first!.facet, pair.id).toBe(second!.facet);
			expect([first!.keyed, second!.keyed].sort(), pair.id).toEqual(['minus', 'plus']);
		}
		// At most one pair per facet, so the pairs cover six facets or more.
		const facets = content.consistencyPairs.map((pair) => itemById.get(pair.items[0])!.facet);
		expect(new Set(facets).size).toBe(facets.length);
	});

	it('balances every scenario: weights add up to 1, as many sides each way, each option mirrored', () => {
		const content = parseContent(original);
		for (const scenario of content.scenarios) {
			const weights = scenario.options.map((option) => option.weights);
			for (const { strategic, tactical } of weights) {
				expect(strategic + tactical, scenario.id).toBeCloseTo(1, 9);
				expect(
					weights.some((other) => other.strategic === tactical && other.tactical === strategic),
					`${scenario.id}: a mirror for ${strategic}/${tactical}`
				).toBe(true);
			}
			const product = weights.filter((w) => w.strategic > w.tactical).length;
			const project = weights.filter((w) => w.tactical > w.strategic).length;
			expect(product, scenario.id).toBe(project);
			expect(product, scenario.id).toBeGreaterThan(0);
		}
	});

	it('never shows two items of one facet next to each other', () => {
		const content = parseContent(original);
		const facetOf = new Map(content.items.map((item) => [item.id, item.facet]));
		const facets = content.sequence.map((id) => facetOf.get(id)).filter(Boolean);
		facets.slice(1).forEach((facet, index) => expect(facet).not.toBe(facets[index]));
	});

	it('never shows more than 3 reverse-keyed statements, or 3 of one scale, in a row', () => {
		const content = parseContent(original);
		const itemById = new Map(content.items.map((item) => [item.id, item]));
		const statements = content.sequence.flatMap((id) => itemById.get(id) ?? []);
		expect(statements).toHaveLength(content.items.length);
		const reversedRun = longestRunOf(
			statements.map((item) => item.keyed === 'minus'),
			(a, b) => a && b
		);
		expect(reversedRun).toBeGreaterThanOrEqual(1);
		expect(reversedRun).toBeLessThanOrEqual(3);
		expect(longestRunOf(statements, (a, b) => a.scale === b.scale)).toBeLessThanOrEqual(3);
	});

	it('keeps a direction out of reach of the scenarios alone', () => {
		const content = parseContent(original);
		const result = scoreAnswers(content, midpointWithProductPicks(content));
		// 15 statements at ½ and 6 product picks at half a statement each: 100 × 10.5 / 18 =
		// 58.3 → 58 and 100 × 7.5 / 18 = 41.7 → 42, so the position is 16.
		expect(result.position).toBe(16);
		expect(result.verdict).toBe('in-between');
		// With only the fewest statements a result allows (9 of 15 per scale): 100 × 7.5 / 12 =
		// 62.5 → 63 and 37.5 → 37 (halves away from 50), 26: still below directionAtLeast (30).
		const fewest = midpointWithProductPicks(content);
		for (const scale of ['strategic', 'tactical']) {
			content.items
				.filter((item) => item.scale === scale)
				.slice(9)
				.forEach((item) => delete fewest[item.id]);
		}
		const atFewest = scoreAnswers(content, fewest);
		expect(atFewest.position).toBe(26);
		expect(atFewest.position!).toBeLessThan(content.instrument.thresholds.directionAtLeast);
		expect(atFewest.verdict).toBe('in-between');
	});

	it('changes the fingerprint when keying or weights change, not when wording changes', () => {
		const base = parseContent(original).instrument.fingerprint;
		const reworded = withYamls({
			'items.yaml': (d) => (d.items[0].text = 'Reworded statement.'),
			'scenarios.yaml': (d) => (d.scenarios[0].options[0].text = 'Reworded option.'),
			'instrument.yaml': (d) => (d.wording.verdicts.product.label = 'Product side')
		});
		// The opposites of one pair swap their keying: still a valid instrument.
		const rekeyed = withYaml('items.yaml', (d) => {
			rekey(d as never, 'vision-a', 'minus');
			rekey(d as never, 'vision-b', 'plus');
		});
		// Two options of one scenario swap sides: still balanced, but scored differently.
		const reweighted = withYaml('scenarios.yaml', (d) => {
			const [first, second] = d.scenarios[0].options;
			[first.weights, second.weights] = [second.weights, first.weights];
		});
		expect(parseContent(reworded).instrument.fingerprint).toBe(base);
		expect(parseContent(rekeyed).instrument.fingerprint).not.toBe(base);
		expect(parseContent(reweighted).instrument.fingerprint).not.toBe(base);
	});
});

describe('content loader rejects broken content, naming file and path', () => {
	const knownSources = 'S000, S001, S002, S003, S004';
	const keyingAdvice =
		'give both the same number of statements and of reverse-keyed ones, so that agreeing with everything cannot move the position';
	const pairAdvice =
		'a consistency pair is a statement and its opposite, one "plus" and one "minus"';
	const mirrorAdvice =
		'has no mirror option (one with the strategic and tactical weights swapped); every option needs one, so the scenario favours neither side';

	/** Each case: what is broken, the broken files, and one issue exactly as the loader words it. */
	const cases: [string, () => ContentFiles, string][] = [
		[
			'an item with an unknown facet',
			() => withYaml('items.yaml', (d) => (d.items[0].facet = 'strategic.nope')),
			'content/items.yaml: items[0].facet: unknown facet "strategic.nope" (known: strategic.vision, strategic.customers, strategic.value, strategic.uncertainty, strategic.influence, tactical.planning, tactical.resources, tactical.risk, tactical.execution, tactical.delivery)'
		],
		[
			'a duplicate item id',
			() => withYaml('items.yaml', (d) => (d.items[1].id = d.items[0].id)),
			'content/items.yaml: items[1].id: duplicate id "vision-a" (already used at content/items.yaml: items[0].id)'
		],
		[
			'a scenario reusing an item id',
			() => withYaml('scenarios.yaml', (d) => (d.scenarios[0].id = 'vision-a')),
			'content/scenarios.yaml: scenarios[0].id: duplicate id "vision-a" (already used at content/items.yaml: items[0].id)'
		],
		[
			'an item with no source',
			() => withYaml('items.yaml', (d) => (d.items[2].sources = [])),
			'content/items.yaml: items[2].sources: must cite at least one source'
		],
		[
			'an item citing a missing source',
			() => withYaml('items.yaml', (d) => (d.items[3].sources = ['S009'])),
			`content/items.yaml: items[3].sources: cites S009, which is not in sources.yaml (known: ${knownSources})`
		],
		[
			'an explanation citing a missing source',
			() => withText('explanations/caveat.md', (text) => text.replace(/\[S00\d/, '[S042')),
			`content/explanations/caveat.md: paragraph 3: cites S042, which is not in sources.yaml (known: ${knownSources})`
		],
		[
			'an explanation citing a missing method reference',
			() => withText('explanations/caveat.md', (text) => text.replace('[M05]', '[M99]')),
			'content/explanations/caveat.md: paragraph 2: cites M99, which is not in method-references.yaml (known: M01, M02, M03, M04, M05, M06, M07, M08, M09, M10, M11, M12, M13, M14, M15, M16, M17)'
		],
		[
			'an explanation paragraph without a citation',
			() => withText('explanations/caveat.md', (text) => `${text}\n\nA claim with no source.\n`),
			'content/explanations/caveat.md: paragraph 5: cites no source; add a marker such as [S003] naming the source it rests on, [M05] for a method reference, or [ours] for our own advice'
		],
		[
			'an [ours] paragraph that cites a source',
			() =>
				withText(
					'explanations/caveat.md',
					(text) => `${text}\n\nOur own advice [ours], resting on a source after all [S001].\n`
				),
			'content/explanations/caveat.md: paragraph 5: is marked [ours] but cites sources; our own advice cites nothing'
		],
		[
			'a duplicate method reference id',
			() => withYaml('method-references.yaml', (d) => (d.references[1].id = 'M01')),
			'content/method-references.yaml: references[1].id: duplicate reference id "M01"'
		],
		[
			'a method reference id that is not M + two digits',
			() => withYaml('method-references.yaml', (d) => (d.references[0].id = 'M1')),
			'content/method-references.yaml: references[0].id: must look like M01 (an "M" and two digits)'
		],
		[
			'a scenario weight outside 0–1',
			() => withYaml('scenarios.yaml', (d) => (d.scenarios[0].options[1].weights.strategic = 1.5)),
			'content/scenarios.yaml: scenarios[0].options[1].weights.strategic: must be between 0 and 1'
		],
		[
			'a scenario with two options',
			() =>
				withYaml(
					'scenarios.yaml',
					(d) => (d.scenarios[2].options = d.scenarios[2].options.slice(0, 2))
				),
			'content/scenarios.yaml: scenarios[2].options: must offer 3 or 4 options'
		],
		[
			'fewer than 6 scenarios',
			() => withYaml('scenarios.yaml', (d) => (d.scenarios = d.scenarios.slice(0, 5))),
			'content/scenarios.yaml: scenarios: has 5 scenarios; the instrument needs at least 6'
		],
		[
			'scenario weights that do not add up to 1',
			() =>
				withYaml(
					'scenarios.yaml',
					(d) => (d.scenarios[0].options[0].weights = { strategic: 1, tactical: 0.5 })
				),
			'content/scenarios.yaml: scenarios[0].options[0].weights: must add up to 1 (strategic 1 + tactical 0.5); an option shares one unit between the two scales'
		],
		[
			'a scenario with more product-side than project-side options',
			() =>
				withYaml(
					'scenarios.yaml',
					(d) => (d.scenarios[1].options[3].weights = { strategic: 1, tactical: 0 })
				),
			'content/scenarios.yaml: scenarios[1].options: has 3 product-side and 1 project-side options; offer as many of each'
		],
		[
			'a scenario option without a mirror',
			() =>
				withYaml(
					'scenarios.yaml',
					(d) => (d.scenarios[0].options[0].weights = { strategic: 0.75, tactical: 0.25 })
				),
			`content/scenarios.yaml: scenarios[0].options[0].weights: ${mirrorAdvice}`
		],
		[
			'a facet with fewer than 3 items',
			() =>
				withYaml('items.yaml', (d) => {
					d.items = d.items.filter((item: { id: string }) => item.id !== 'vision-c');
				}),
			'content/rubric.yaml: scales[0].facets[0]: facet "strategic.vision" has 2 items in items.yaml; each facet needs at least 3'
		],
		[
			'a scale with fewer than 15 statements',
			() =>
				withYaml('items.yaml', (d) => {
					d.items = d.items.filter((item: { id: string }) => item.id !== 'influence-c');
				}),
			'content/items.yaml: items: scale "strategic" has 14 statements; a verdict needs at least 15 per scale'
		],
		[
			'a scale whose reverse-keyed share is below 40%',
			() =>
				withYaml('items.yaml', (d) => {
					for (const item of d.items) if (item.facet.startsWith('tactical.')) item.keyed = 'plus';
				}),
			'content/items.yaml: items: scale "tactical" has 0 of 15 items reverse-keyed (0%); keep it between 40% and 50% so that agreeing with everything cancels out'
		],
		[
			'a scale whose reverse-keyed share is above 50%',
			() => withYaml('items.yaml', (d) => rekey(d as never, 'planning-c', 'minus')),
			'content/items.yaml: items: scale "tactical" has 8 of 15 items reverse-keyed (53%); keep it between 40% and 50% so that agreeing with everything cancels out'
		],
		[
			'two scales keyed differently, each within 40–50%',
			() => withYaml('items.yaml', (d) => rekey(d as never, 'risk-c', 'plus')),
			`content/items.yaml: items: the scales are keyed differently (strategic 7 of 15 reverse-keyed, tactical 6 of 15); ${keyingAdvice}`
		],
		[
			'a misspelt field',
			() =>
				withYaml('items.yaml', (d) => {
					d.items[4].keyd = d.items[4].keyed;
					delete d.items[4].keyed;
				}),
			'content/items.yaml: items[4]: unknown field "keyd"'
		],
		[
			'a keying that is neither plus nor minus',
			() => withYaml('items.yaml', (d) => (d.items[5].keyed = 'reverse')),
			'content/items.yaml: items[5].keyed: must be "plus" (agreeing means more of the facet) or "minus" (reverse-keyed)'
		],
		[
			'fewer than 6 consistency pairs',
			() => withYaml('items.yaml', (d) => (d.consistencyPairs = d.consistencyPairs.slice(0, 5))),
			'content/items.yaml: consistencyPairs: has 5 pairs; the careless-answer check needs at least 6'
		],
		[
			'a consistency pair across two facets',
			() =>
				withYaml('items.yaml', (d) => (d.consistencyPairs[0].items = ['vision-a', 'planning-a'])),
			'content/items.yaml: consistencyPairs[0].items: "vision-a" and "planning-a" measure different facets; a consistency pair needs two items of one facet'
		],
		[
			'a consistency pair of two plus-keyed statements',
			() => withYaml('items.yaml', (d) => (d.consistencyPairs[2].items = ['value-a', 'value-c'])),
			`content/items.yaml: consistencyPairs[2].items: "value-a" and "value-c" are both keyed "plus"; ${pairAdvice}`
		],
		[
			'a consistency pair of two minus-keyed statements',
			() => withYaml('items.yaml', (d) => (d.consistencyPairs[0].items = ['vision-b', 'vision-c'])),
			`content/items.yaml: consistencyPairs[0].items: "vision-b" and "vision-c" are both keyed "minus"; ${pairAdvice}`
		],
		[
			'a consistency pair naming one item twice',
			() =>
				withYaml(
					'items.yaml',
					(d) => (d.consistencyPairs[3].items = ['uncertainty-a', 'uncertainty-a'])
				),
			'content/items.yaml: consistencyPairs[3].items: names the same item twice'
		],
		[
			'a consistency pair naming an unknown item',
			() => withYaml('items.yaml', (d) => (d.consistencyPairs[1].items[1] = 'ghost-1')),
			'content/items.yaml: consistencyPairs[1].items[1]: unknown item "ghost-1"'
		],
		[
			'more than 3 reverse-keyed statements in a row in the quiz order',
			// Statements 1–4 of the quiz are vision-a, planning-a, customers-a and resources-a;
			// swapping two pairs' keying makes all four reverse-keyed and keeps every count.
			() =>
				withYaml('items.yaml', (d) => {
					for (const facet of ['vision', 'customers']) {
						rekey(d as never, `${facet}-a`, 'minus');
						rekey(d as never, `${facet}-b`, 'plus');
					}
				}),
			'content/items.yaml: items: the quiz would show more than 3 reverse-keyed statements in a row (up to "resources-a", statement 4 of 30); reorder the statements within their facets'
		],
		[
			'more than 3 statements of one scale in a row in the quiz order',
			// A fourth statement for four strategic facets and four more for one tactical facet:
			// the fourth round of the quiz then shows four strategic statements before a tactical one.
			() =>
				withYaml('items.yaml', (d) => {
					const add = (id: string, facet: string, keyed: string) =>
						d.items.push({ id, facet, keyed, text: `Statement ${id}.`, sources: ['S001'] });
					['vision', 'customers', 'value', 'uncertainty'].forEach((facet, index) =>
						add(`${facet}-d`, `strategic.${facet}`, index % 2 === 0 ? 'plus' : 'minus')
					);
					['d', 'e', 'f', 'g'].forEach((suffix, index) =>
						add(`delivery-${suffix}`, 'tactical.delivery', index % 2 === 0 ? 'plus' : 'minus')
					);
				}),
			'content/items.yaml: items: the quiz would show more than 3 statements of one scale in a row (up to "uncertainty-d", statement 34 of 38); reorder the statements within their facets'
		],
		[
			'a directionAtLeast the scenarios alone can reach',
			() => withYaml('instrument.yaml', (d) => (d.thresholds.directionAtLeast = 26)),
			'content/instrument.yaml: thresholds.directionAtLeast: must be above 26, the position the scenarios alone can produce when the fewest statements a result allows are all answered "neither"'
		],
		[
			'a facet explanation without its "When low" section',
			() =>
				withText(
					'explanations/facets/strategic.vision.md',
					(text) => text.split('## When low')[0]!
				),
			'content/explanations/facets/strategic.vision.md: ## When low: is missing: a facet explanation needs a "## When high" and a "## When low" section'
		],
		[
			'a verdict without an explanation',
			() => without('explanations/verdicts/project.md'),
			'content/explanations: no verdict explanation for "project"; add explanations/verdicts/project.md'
		],
		[
			'a profile without an explanation',
			() => without('explanations/profiles/undecided.md'),
			'content/explanations: no profile explanation for "undecided"; add explanations/profiles/undecided.md'
		],
		[
			'a slight lean without an explanation',
			() => without('explanations/leans/project.md'),
			'content/explanations: no lean explanation for "project"; add explanations/leans/project.md'
		],
		[
			'a scenario weight above one statement',
			() => withYaml('instrument.yaml', (d) => (d.measurement.scenarioWeight = 1.5)),
			'content/instrument.yaml: measurement.scenarioWeight: must be between 0 and 1'
		],
		[
			'a facet margin of zero',
			() => withYaml('instrument.yaml', (d) => (d.thresholds.facetStandsOutBy = 0)),
			'content/instrument.yaml: thresholds.facetStandsOutBy: must be 1 to 100'
		],
		[
			'a slight lean without its sentence after a profile',
			() => withYaml('instrument.yaml', (d) => delete d.wording.leans.product.withProfile),
			'content/instrument.yaml: wording.leans.product.withProfile: '
		],
		[
			'an explanation for an unknown flag',
			() =>
				withText('explanations/flags/rushing.md', (text) =>
					text.replace('target: rushing', 'target: hurrying')
				),
			'content/explanations/flags/rushing.md: front matter.target: unknown flag "hurrying" (known: straight-lining, inconsistent, rushing, incomplete)'
		],
		[
			'a file that is not valid YAML',
			() => ({ ...original, 'rubric.yaml': 'scales:\n  - id: strategic\n   name: [oops\n' }),
			'content/rubric.yaml: line 3: is not valid YAML: '
		],
		['a missing file', () => without('sources.yaml'), 'content/sources.yaml: is missing'],
		[
			'a missing method-references file',
			() => without('method-references.yaml'),
			'content/method-references.yaml: is missing'
		],
		[
			'a source id that is not S + three digits',
			() => withYaml('sources.yaml', (d) => (d.sources[0].id = 'Source0')),
			'content/sources.yaml: sources[0].id: must look like S000 (an "S" and three digits)'
		],
		[
			'four answer labels instead of five',
			() => withYaml('instrument.yaml', (d) => d.likertLabels.pop()),
			'content/instrument.yaml: likertLabels: must list exactly five labels, from "strongly disagree" to "strongly agree"'
		],
		[
			'thresholds where "low fit" is above "hybrid"',
			() => withYaml('instrument.yaml', (d) => (d.thresholds.lowFitAtMost = 90)),
			'content/instrument.yaml: thresholds.lowFitAtMost: must be below thresholds.hybridAtLeast (65)'
		],
		[
			'wording without a profile',
			() => withYaml('instrument.yaml', (d) => delete d.wording.profiles.undecided),
			'content/instrument.yaml: wording.profiles.undecided: is required (expected object)'
		]
	];

	it.each(cases)('%s', (_name, broken, expected) => {
		const problems = problemsOf(broken());
		// Exact, except the YAML parser's own words after "is not valid YAML: ".
		const matches = expected.endsWith(': ')
			? problems.some((problem) => problem.startsWith(expected))
			: problems.includes(expected);
		expect(matches, problems.join('\n')).toBe(true);
	});

	it('lets a directionAtLeast just above what the scenarios alone reach load', () => {
		const content = parseContent(
			withYaml('instrument.yaml', (d) => (d.thresholds.directionAtLeast = 27))
		);
		expect(content.instrument.thresholds.directionAtLeast).toBe(27);
	});

	it('rounds the scenarios-only position as the scorer does, levels first', () => {
		// 16 statements per scale, of which a result needs 10: 100 × (5 + 3) / 13 = 61.5 → 62 and
		// 100 × 5 / 13 = 38.5 → 38, so the scorer shows 24, although the unrounded difference
		// (23.1) rounds to 23.
		const sixteen = (directionAtLeast: number) =>
			withYamls({
				'items.yaml': (d) => {
					d.items.push(
						{
							id: 'vision-d',
							facet: 'strategic.vision',
							keyed: 'plus',
							text: 'A.',
							sources: ['S000']
						},
						{
							id: 'planning-d',
							facet: 'tactical.planning',
							keyed: 'plus',
							text: 'B.',
							sources: ['S001']
						}
					);
				},
				'instrument.yaml': (d) => (d.thresholds.directionAtLeast = directionAtLeast)
			});
		expect(problemsOf(sixteen(24))).toContain(
			'content/instrument.yaml: thresholds.directionAtLeast: must be above 24, the position the scenarios alone can produce when the fewest statements a result allows are all answered "neither"'
		);
		const content = parseContent(sixteen(25));
		const answers = midpointWithProductPicks(content);
		for (const scale of ['strategic', 'tactical']) {
			content.items
				.filter((item) => item.scale === scale)
				.slice(10)
				.forEach((item) => delete answers[item.id]);
		}
		const result = scoreAnswers(content, answers);
		expect(result.position).toBe(24);
		expect(result.verdict).toBe('in-between');
	});

	it('reports every problem at once, not only the first', () => {
		const files = withYaml('items.yaml', (d) => {
			d.items[0].facet = 'nowhere';
			d.items[1].sources = ['S777'];
		});
		const problems = problemsOf(files);
		expect(problems.some((p) => p.includes('items[0].facet'))).toBe(true);
		expect(problems.some((p) => p.includes('items[1].sources'))).toBe(true);
	});
});

describe('the technical manual is checked against the content', () => {
	const content = () => parseContent(original);
	const manual = () => original['technical-manual.md']!;

	/** The formatted issues `parseTechnicalManual` reports; fails the test when it renders. */
	function manualProblems(text: string): string[] {
		try {
			parseTechnicalManual(text, content());
		} catch (error) {
			expect(error).toBeInstanceOf(ContentError);
			return (error as ContentError).issues.map(formatIssue);
		}
		throw new Error('expected the manual to be rejected, but it rendered');
	}

	it('renders the shipped manual, resolving both kinds of citation', () => {
		const rendered = parseTechnicalManual(manual(), content());
		expect(rendered.title).toBe('RoleFit technical manual');
		expect(rendered.html).toContain('href="/sources#S000"');
		expect(rendered.html).toContain('href="/sources#M01"');
	});

	it('names the line of a citation that resolves to nothing', () => {
		const text = `# Manual\n\nA claim [S001].\nA measurement claim [M42].\nAnother [S042, M01].\n`;
		expect(manualProblems(text)).toEqual([
			'content/technical-manual.md: line 4: cites M42, which is in neither sources.yaml nor method-references.yaml',
			'content/technical-manual.md: line 5: cites S042, which is in neither sources.yaml nor method-references.yaml'
		]);
	});

	it('needs a title', () => {
		expect(manualProblems('Some text [S001].\n')).toEqual([
			'content/technical-manual.md: line 1: must start with a "# Title" heading'
		]);
	});

	it('loads from a folder, naming the file when it is missing or broken', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'rolefit-manual-'));
		try {
			await expect(loadTechnicalManual(dir, content())).rejects.toMatchObject({
				issues: [{ file: `${dir}/technical-manual.md`, path: '', message: 'is missing' }]
			});
			await writeFile(join(dir, 'technical-manual.md'), '# Manual\n\nA claim [M77].\n');
			await expect(loadTechnicalManual(dir, content())).rejects.toMatchObject({
				issues: [
					{
						file: `${dir}/technical-manual.md`,
						path: 'line 3',
						message: 'cites M77, which is in neither sources.yaml nor method-references.yaml'
					}
				]
			});
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});

	it('loads the shipped manual from the content folder', async () => {
		const rendered = await loadTechnicalManual(contentDir, content());
		expect(rendered.title).toBe('RoleFit technical manual');
	});
});

describe('prose names sources by who they are, never by a bare id', () => {
	const nameSource = (id: string) =>
		`names ${id} outside a citation; readers do not know the ids, so name the source by who published it or a short title (sources.yaml) and keep ${id} only inside a marker such as [${id}]`;
	const nameWork = (id: string) =>
		`names ${id} outside a citation; readers do not know the ids, so name the work by its authors (method-references.yaml) and keep ${id} only inside a marker such as [${id}]`;

	/** Each case: what is broken, the broken files, and every issue exactly as the loader words it. */
	const cases: [string, () => ContentFiles, string[]][] = [
		[
			'an explanation paragraph that names a source by its id',
			() =>
				withText('explanations/profiles/undecided.md', (text) =>
					text.replace("Before choosing, IPMP's blog advises", 'Before choosing, S001 advises')
				),
			[`content/explanations/profiles/undecided.md: paragraph 2: ${nameSource('S001')}`]
		],
		[
			'ids in parentheses beside a marker, in a facet section',
			() =>
				withText('explanations/facets/tactical.planning.md', (text) =>
					text.replace('project manager [S001, S002]', 'project manager (S001, S002) [S001, S002]')
				),
			[
				`content/explanations/facets/tactical.planning.md: ## When low, paragraph 1: ${nameSource('S001')}`,
				`content/explanations/facets/tactical.planning.md: ## When low, paragraph 1: ${nameSource('S002')}`
			]
		],
		[
			'a method reference named by its id',
			() =>
				withText('explanations/caveat.md', (text) =>
					text.replace('and a test needs evidence', 'and, as M01 says, a test needs evidence')
				),
			[`content/explanations/caveat.md: paragraph 1: ${nameWork('M01')}`]
		],
		[
			'a marker that is not one (ids joined by "and")',
			() =>
				withText('explanations/verdicts/in-between.md', (text) =>
					text.replace('[S000, S003, S004]', '[S000, S003, S004] [S003 and S004]')
				),
			[
				`content/explanations/verdicts/in-between.md: paragraph 2: ${nameSource('S003')}`,
				`content/explanations/verdicts/in-between.md: paragraph 2: ${nameSource('S004')}`
			]
		],
		[
			'an explanation title',
			() =>
				withText('explanations/profiles/hybrid.md', (text) =>
					text.replace(/^title: .*$/m, 'title: Drawn to both, as S000 allows')
				),
			[`content/explanations/profiles/hybrid.md: front matter.title: ${nameSource('S000')}`]
		],
		[
			'what to try next: intro, read and settle',
			() =>
				withYaml('next-steps.yaml', (d) => {
					d.nextSteps.undecided.intro = 'Before choosing, S001 advises learning the duties [S001].';
					d.nextSteps.project.read[0].why = 'S001 on planning.';
					d.nextSteps.undecided.settle[0] = 'Answer every statement, as S003 would.';
				}),
			[
				`content/next-steps.yaml: nextSteps.project.read[0].why: ${nameSource('S001')}`,
				`content/next-steps.yaml: nextSteps.undecided.intro: ${nameSource('S001')}`,
				`content/next-steps.yaml: nextSteps.undecided.settle[0]: ${nameSource('S003')}`
			]
		],
		[
			'a statement, a scenario option and a facet description',
			() =>
				withYamls({
					'items.yaml': (d) => (d.items[0].text = 'Like S000, I sketch where our product goes.'),
					'scenarios.yaml': (d) => (d.scenarios[1].options[2].text = 'Follow S002.'),
					'rubric.yaml': (d) => (d.scales[1].facets[0].description = 'Planning, as in S001.')
				}),
			[
				`content/rubric.yaml: scales[1].facets[0].description: ${nameSource('S001')}`,
				`content/items.yaml: items[0].text: ${nameSource('S000')}`,
				`content/scenarios.yaml: scenarios[1].options[2].text: ${nameSource('S002')}`
			]
		],
		[
			'the result wording',
			() =>
				withYaml(
					'instrument.yaml',
					(d) => (d.wording.verdicts.product.sentence = 'You lean the way S003 describes.')
				),
			[`content/instrument.yaml: wording.verdicts.product.sentence: ${nameSource('S003')}`]
		]
	];

	it.each(cases)('refuses %s', (_name, broken, expected) => {
		expect(problemsOf(broken())).toEqual(expected);
	});

	it('reports a place once: own advice that carries a marker is refused for the marker', () => {
		const files = withYaml('next-steps.yaml', (d) => {
			d.nextSteps.project.tries[1] = 'Send a weekly update, as S001 advises [S001].';
			d.nextSteps.project.tries[2] = 'Keep a cost log, as S003 suggests.';
		});
		expect(problemsOf(files)).toEqual([
			'content/next-steps.yaml: nextSteps.project.tries[1]: is our own advice, shown as such: it must not carry a citation marker',
			`content/next-steps.yaml: nextSteps.project.tries[2]: ${nameSource('S003')}`
		]);
	});

	it('accepts ids inside markers and in link targets, and look-alikes that are not ids', () => {
		const files = withText(
			'explanations/caveat.md',
			(text) =>
				`${text}\nSee [the sources page](/sources#S001) and the [technical manual](/method#M05); a 2S002 or S0001 or M5 is no id [S001, M05].\n`
		);
		expect(() => parseContent(files)).not.toThrow();
	});
});
