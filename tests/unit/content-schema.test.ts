import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ContentError, formatIssue } from '../../src/lib/content/errors.ts';
import { parseContent, type ContentFiles } from '../../src/lib/content/loader.ts';
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

describe('content loader', () => {
	it('accepts the shipped content', () => {
		const content = parseContent(original);
		expect(content.items.length).toBeGreaterThanOrEqual(30);
		expect(content.scenarios.length).toBeGreaterThanOrEqual(6);
		expect(content.consistencyPairs.length).toBeGreaterThanOrEqual(3);
		expect(content.sequence).toHaveLength(content.items.length + content.scenarios.length);
		expect(new Set(content.sequence).size).toBe(content.sequence.length);
	});

	it('meets the instrument design: 3+ items per facet, 30–60% reverse-keyed per scale', () => {
		const content = parseContent(original);
		for (const facet of content.facets) {
			expect(content.items.filter((item) => item.facet === facet.id).length).toBeGreaterThanOrEqual(
				3
			);
		}
		for (const scale of content.scales) {
			const items = content.items.filter((item) => item.scale === scale.id);
			const share = items.filter((item) => item.keyed === 'minus').length / items.length;
			expect(share).toBeGreaterThanOrEqual(0.3);
			expect(share).toBeLessThanOrEqual(0.6);
		}
	});

	it('never shows two items of one facet next to each other', () => {
		const content = parseContent(original);
		const facetOf = new Map(content.items.map((item) => [item.id, item.facet]));
		const facets = content.sequence.map((id) => facetOf.get(id)).filter(Boolean);
		facets.slice(1).forEach((facet, index) => expect(facet).not.toBe(facets[index]));
	});

	it('changes the fingerprint when keying changes, not when wording changes', () => {
		const base = parseContent(original).instrument.fingerprint;
		const reworded = withYaml('items.yaml', (d) => (d.items[0].text = 'Reworded statement.'));
		const rekeyed = withYaml('items.yaml', (d) => {
			d.items[0].keyed = 'minus';
			d.items[2].keyed = 'plus';
		});
		expect(parseContent(reworded).instrument.fingerprint).toBe(base);
		expect(parseContent(rekeyed).instrument.fingerprint).not.toBe(base);
	});
});

describe('content loader rejects broken content, naming file and path', () => {
	const cases: [string, () => ContentFiles, string][] = [
		[
			'an item with an unknown facet',
			() => withYaml('items.yaml', (d) => (d.items[0].facet = 'strategic.nope')),
			'content/items.yaml: items[0].facet: unknown facet "strategic.nope"'
		],
		[
			'a duplicate item id',
			() => withYaml('items.yaml', (d) => (d.items[1].id = d.items[0].id)),
			'content/items.yaml: items[1].id: duplicate id "vision-1"'
		],
		[
			'a scenario reusing an item id',
			() => withYaml('scenarios.yaml', (d) => (d.scenarios[0].id = 'vision-1')),
			'content/scenarios.yaml: scenarios[0].id: duplicate id "vision-1" (already used at content/items.yaml: items[0].id)'
		],
		[
			'an item with no source',
			() => withYaml('items.yaml', (d) => (d.items[2].sources = [])),
			'content/items.yaml: items[2].sources: must cite at least one source'
		],
		[
			'an item citing a missing source',
			() => withYaml('items.yaml', (d) => (d.items[3].sources = ['S009'])),
			'content/items.yaml: items[3].sources: cites S009, which is not in sources.yaml'
		],
		[
			'an explanation citing a missing source',
			() => ({
				...original,
				'explanations/caveat.md': original['explanations/caveat.md']!.replace(/\[S00\d/, '[S042')
			}),
			'content/explanations/caveat.md: paragraph 1: cites S042, which is not in sources.yaml'
		],
		[
			'an explanation paragraph without a citation',
			() => ({
				...original,
				'explanations/caveat.md': `${original['explanations/caveat.md']}\n\nA claim with no source.\n`
			}),
			'cites no source; add a marker such as [S003]'
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
			'a facet with fewer than 3 items',
			() =>
				withYaml('items.yaml', (d) => {
					d.items = d.items.filter((item: { id: string }) => item.id !== 'vision-2');
				}),
			'content/rubric.yaml: scales[0].facets[0]: facet "strategic.vision" has 2 items in items.yaml; each facet needs at least 3'
		],
		[
			'a scale whose reverse-keyed share is below 30%',
			() =>
				withYaml('items.yaml', (d) => {
					for (const item of d.items) if (item.facet.startsWith('tactical.')) item.keyed = 'plus';
				}),
			'content/items.yaml: items: scale "tactical" has 0 of 15 items reverse-keyed (0%); keep it between 30% and 60%'
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
			'content/items.yaml: items[5].keyed: must be "plus"'
		],
		[
			'a consistency pair across two facets',
			() =>
				withYaml('items.yaml', (d) => (d.consistencyPairs[0].items = ['vision-1', 'planning-1'])),
			'content/items.yaml: consistencyPairs[0].items: "vision-1" and "planning-1" measure different facets'
		],
		[
			'a consistency pair naming an unknown item',
			() => withYaml('items.yaml', (d) => (d.consistencyPairs[1].items[1] = 'ghost-1')),
			'content/items.yaml: consistencyPairs[1].items[1]: unknown item "ghost-1"'
		],
		[
			'a facet explanation without its "When low" section',
			() => {
				const file = 'explanations/facets/strategic.vision.md';
				return { ...original, [file]: original[file]!.split('## When low')[0]! };
			},
			'content/explanations/facets/strategic.vision.md: ## When low: is missing'
		],
		[
			'a verdict without an explanation',
			() => {
				const files = { ...original };
				delete files['explanations/verdicts/leaning-project.md'];
				return files;
			},
			'content/explanations: no verdict explanation for "leaning-project"; add explanations/verdicts/leaning-project.md'
		],
		[
			'an explanation for an unknown flag',
			() => ({
				...original,
				'explanations/flags/rushing.md': original['explanations/flags/rushing.md']!.replace(
					'target: rushing',
					'target: hurrying'
				)
			}),
			'content/explanations/flags/rushing.md: front matter.target: unknown flag "hurrying"'
		],
		[
			'a file that is not valid YAML',
			() => ({ ...original, 'rubric.yaml': 'scales:\n  - id: strategic\n   name: [oops\n' }),
			'content/rubric.yaml: line '
		],
		[
			'a missing file',
			() => {
				const files = { ...original };
				delete files['sources.yaml'];
				return files;
			},
			'content/sources.yaml: is missing'
		],
		[
			'a source id that is not S + three digits',
			() => withYaml('sources.yaml', (d) => (d.sources[0].id = 'Source0')),
			'content/sources.yaml: sources[0].id: must look like S000'
		],
		[
			'four answer labels instead of five',
			() => withYaml('instrument.yaml', (d) => d.likertLabels.pop()),
			'content/instrument.yaml: likertLabels: must list exactly five labels'
		],
		[
			'thresholds where "low fit" is above "hybrid"',
			() => withYaml('instrument.yaml', (d) => (d.thresholds.lowFitAtMost = 90)),
			'content/instrument.yaml: thresholds.lowFitAtMost: must be below thresholds.hybridAtLeast'
		]
	];

	it.each(cases)('%s', (_name, broken, expected) => {
		const problems = problemsOf(broken());
		expect(
			problems.some((problem) => problem.includes(expected)),
			problems.join('\n')
		).toBe(true);
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
