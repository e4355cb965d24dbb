/**
 * The facilitator guide: the content loads and is checked (its own advice cites nothing,
 * "what not to do" cites method references that exist), and the question sets that fit a
 * group follow its counts at the content's shares, never reading a withheld count.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupPatterns, type GroupCounts } from '../../src/lib/cohorts/guide.ts';
import { ContentError } from '../../src/lib/content/errors.ts';
import {
	loadFacilitatorGuide,
	parseFacilitatorGuide
} from '../../src/lib/content/loader.server.ts';
import { content, contentDir } from '../helpers/content.ts';

const guide = await loadFacilitatorGuide(contentDir, content);
const text = readFileSync(resolve(contentDir, 'facilitator-guide.yaml'), 'utf8');

/** The problems a changed guide is refused with, as `file: path: message` lines. */
function problemsOf(changed: string): string[] {
	try {
		parseFacilitatorGuide(changed, content);
	} catch (error) {
		if (error instanceof ContentError) return error.message.split('\n').slice(1);
		throw error;
	}
	throw new Error('expected the guide to be refused, but it loaded');
}

describe('the facilitator guide content', () => {
	it('loads with a 45-minute session, questions for every pattern and cited warnings', () => {
		expect(guide.session.during.steps.length).toBeGreaterThanOrEqual(3);
		expect(guide.prompts.mixed.questions.length).toBeGreaterThan(0);
		expect(guide.avoid.items.every((item) => item.citations.length > 0)).toBe(true);
		expect(guide.avoid.items.every((item) => !/\[M\d\d/.test(item.text))).toBe(true);
		// Not for selection, in so many words.
		expect(guide.avoid.items.some((item) => item.citations.includes('M01'))).toBe(true);
	});

	it('refuses a citation in our own advice, a warning without one, and an unknown reference', () => {
		const step = guide.session.before.steps[0]!;
		expect(problemsOf(text.replace(step, `${step} [M01]`))).toEqual([
			'  - content/facilitator-guide.yaml: session.before.steps[0]: is our own advice and cites nothing; remove the marker'
		]);
		expect(problemsOf(text.replace('labels people [M16].', 'labels people.'))).toEqual([
			'  - content/facilitator-guide.yaml: avoid.items[0]: cites nothing; add the method reference it rests on, such as [M01]'
		]);
		expect(problemsOf(text.replace('[M17]', '[M99]'))).toEqual([
			'  - content/facilitator-guide.yaml: avoid.items[3]: cites M99, which is not in method-references.yaml'
		]);
		expect(problemsOf(text.replace('mostlyOneSide: 0.6', 'mostlyOneSide: 6'))[0]).toMatch(
			/patterns\.mostlyOneSide: /
		);
	});
});

describe('which questions fit a group', () => {
	const { patterns } = guide;
	const counts = (overrides: Partial<GroupCounts>): GroupCounts => ({
		n: 20,
		productSide: 6,
		projectSide: 6,
		inBetween: 8,
		flagged: { count: 0, of: 20 },
		...overrides
	});

	it('reads mostly one side, spread out, many in between and many flagged at the content shares', () => {
		expect(
			groupPatterns(counts({ productSide: 12, projectSide: 2, inBetween: 6 }), patterns)
		).toEqual(['mostly-product']);
		expect(
			groupPatterns(counts({ productSide: 2, projectSide: 12, inBetween: 6 }), patterns)
		).toEqual(['mostly-project']);
		expect(groupPatterns(counts({}), patterns)).toEqual(['spread-out']);
		expect(
			groupPatterns(counts({ productSide: 4, projectSide: 2, inBetween: 14 }), patterns)
		).toEqual(['many-in-between']);
		expect(
			groupPatterns(
				counts({ productSide: 4, projectSide: 4, flagged: { count: 5, of: 25 } }),
				patterns
			)
		).toEqual(['many-flagged']);
		// 11 of 20 on the product side is 55%: not "mostly" at 60%.
		expect(groupPatterns(counts({ productSide: 11, projectSide: 4 }), patterns)).toEqual(['mixed']);
	});

	it('reads nothing from a withheld count, and falls back to the general questions', () => {
		expect(
			groupPatterns(
				counts({
					productSide: null,
					projectSide: null,
					inBetween: null,
					flagged: { count: null, of: 20 }
				}),
				patterns
			)
		).toEqual(['mixed']);
		expect(groupPatterns(counts({ n: 0 }), patterns)).toEqual(['mixed']);
	});
});
