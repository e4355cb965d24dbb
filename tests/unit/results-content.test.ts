/** The results page's content: next-steps.yaml and results-page.yaml, their schema and checks. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ContentError } from '../../src/lib/content/errors.ts';
import { parseContent, type ContentFiles } from '../../src/lib/content/loader.server.ts';
import { fill, placeholdersOf } from '../../src/lib/content/template.ts';
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

// The edits reach into arbitrary YAML shapes; typing each one would hide what the test breaks.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function withYaml(file: string, edit: (data: Record<string, any>) => void): ContentFiles {
	const data = parse(original[file]!);
	edit(data);
	return { ...original, [file]: stringify(data) };
}

/** The problems `parseContent` reports for `files`, as `file path: message` lines. */
function problems(files: ContentFiles): string[] {
	try {
		parseContent(files);
	} catch (error) {
		if (error instanceof ContentError) {
			return error.issues.map((issue) => `${issue.file} ${issue.path}: ${issue.message}`);
		}
		throw error;
	}
	return [];
}

describe('next-steps.yaml', () => {
	it('loads with one entry per direction, kind of in-between and slight lean, intros split from citations', () => {
		const content = parseContent(original);
		expect(Object.keys(content.nextSteps).sort()).toEqual([
			'hybrid',
			'lean-product',
			'lean-project',
			'low-fit',
			'product',
			'project',
			'undecided'
		]);
		for (const step of Object.values(content.nextSteps)) {
			expect(step.tries).toHaveLength(3);
			expect(step.intro.citations.length).toBeGreaterThan(0);
			expect(step.intro.text).not.toMatch(/\[|\]/);
			expect(step.intro.text).not.toMatch(/\s[.,]/);
		}
		expect(content.nextSteps.undecided.settle.length).toBeGreaterThan(0);
		expect(content.nextSteps.product.settle).toEqual([]);
	});

	it('names only job titles with sources that exist', () => {
		const files = withYaml('next-steps.yaml', (data) => {
			data.nextSteps.product.titles.push({ title: 'Product owner', sources: ['S999'] });
		});
		expect(problems(files)).toEqual([
			'content/next-steps.yaml nextSteps.product.titles[2].sources: cites S999, which is not in sources.yaml'
		]);
	});

	it('keeps the things to try as our own advice: no citation marker', () => {
		const files = withYaml('next-steps.yaml', (data) => {
			data.nextSteps.project.tries[1] = 'Send a weekly update, as S001 advises [S001].';
		});
		expect(problems(files)).toEqual([
			'content/next-steps.yaml nextSteps.project.tries[1]: is our own advice, shown as such: it must not carry a citation marker'
		]);
	});

	it('wants exactly three things to try', () => {
		const files = withYaml('next-steps.yaml', (data) => {
			data.nextSteps.hybrid.tries.pop();
		});
		expect(problems(files)).toEqual([
			'content/next-steps.yaml nextSteps.hybrid.tries: must list exactly three things to try'
		]);
	});

	it('wants the intro to cite a source', () => {
		const files = withYaml('next-steps.yaml', (data) => {
			data.nextSteps['low-fit'].intro = 'Neither side draws you strongly.';
		});
		expect(problems(files)).toEqual([
			'content/next-steps.yaml nextSteps.low-fit.intro: cites no source; add a marker such as [S003]'
		]);
	});

	it('says what would settle it for undecided, and only there', () => {
		const files = withYaml('next-steps.yaml', (data) => {
			data.nextSteps.product.settle = ['Take it again.'];
			delete data.nextSteps.undecided.settle;
		});
		expect(problems(files)).toEqual([
			'content/next-steps.yaml nextSteps.product.settle: is only for "undecided"; remove it',
			'content/next-steps.yaml nextSteps.undecided.settle: is required: say what would settle an undecided result'
		]);
	});

	it('refuses a missing entry and unknown fields', () => {
		const files = withYaml('next-steps.yaml', (data) => {
			delete data.nextSteps.hybrid;
			data.nextSteps.product.jobs = [];
		});
		expect(problems(files).sort()).toEqual([
			'content/next-steps.yaml nextSteps.hybrid: is required (expected object)',
			'content/next-steps.yaml nextSteps.product: unknown field "jobs"'
		]);
	});
});

describe('results-page.yaml', () => {
	it('refuses a placeholder the page does not fill', () => {
		const files = withYaml('results-page.yaml', (data) => {
			data.card.levelRange = 'range {low} to {top}';
			data.card.heading = 'Your result, {name}';
		});
		expect(problems(files)).toEqual([
			'content/results-page.yaml card.heading: must not use {placeholders}',
			'content/results-page.yaml card.levelRange: may only use {low}, {high}'
		]);
	});

	it('needs five answer phrases, one per answer', () => {
		const files = withYaml('results-page.yaml', (data) => {
			data.why.answered.pop();
		});
		expect(problems(files)).toHaveLength(1);
		expect(problems(files)[0]).toMatch(/^content\/results-page\.yaml why\.answered/);
	});

	it('is required', () => {
		const files = { ...original };
		delete files['results-page.yaml'];
		expect(problems(files)).toEqual(['content/results-page.yaml : is missing']);
	});
});

describe('sources.yaml', () => {
	it('accepts a date and never calls a source a web snippet', () => {
		const content = parseContent(
			withYaml('sources.yaml', (data) => {
				data.sources[1].date = '2023';
			})
		);
		expect(content.sources[1]!.date).toBe('2023');
		for (const source of parseContent(original).sources) {
			expect(`${source.title} ${source.origin}`).not.toMatch(/snippet/i);
		}
	});
});

describe('templates', () => {
	it('lists the names a text uses and fills them', () => {
		expect(placeholdersOf('{a} and {b}, then {a}')).toEqual(['a', 'b']);
		expect(fill('range {low}–{high}', { low: 3, high: 40 })).toBe('range 3–40');
		// A name without a value stays visible rather than vanishing.
		expect(fill('{missing} here', {})).toBe('{missing} here');
	});
});
