import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createScorer, scoreAnswers, verdictFor } from '../../src/lib/scoring/index.ts';
import type { Answers, ScoreResult } from '../../src/lib/scoring/types.ts';
import {
	agreeToEverything,
	allNeutral,
	allStrategic,
	allTactical,
	content,
	randomRespondent,
	seededRandom
} from '../helpers/content.ts';

const score = createScorer(content);
const flagIds = (result: ScoreResult) => result.flags.map((flag) => flag.id);

/** Arbitrary full answer sets: every agreement item 1–5, every scenario a valid option. */
const fullAnswers = fc.record(
	Object.fromEntries([
		...content.items.map((item) => [item.id, fc.integer({ min: 1, max: 5 })]),
		...content.scenarios.map((s) => [s.id, fc.integer({ min: 1, max: s.options.length })])
	])
) as fc.Arbitrary<Record<string, number>>;

/** Agreement items only, so that reversing every answer mirrors the person exactly. */
const likertAnswers = fc.record(
	Object.fromEntries(content.items.map((item) => [item.id, fc.integer({ min: 1, max: 5 })]))
) as fc.Arbitrary<Record<string, number>>;

describe('personas', () => {
	it('an all-strategic respondent is a clear product person', () => {
		const result = score(allStrategic());
		expect(result.verdict).toBe('clear-product');
		expect(result.scales.strategic.score).toBe(100);
		expect(result.scales.tactical.score).toBe(0);
		expect(result.position).toBe(100);
		expect(result.flags).toEqual([]);
	});

	it('an all-tactical respondent is a clear project person', () => {
		const result = score(allTactical());
		expect(result.verdict).toBe('clear-project');
		expect(result.position).toBe(-100);
		expect(result.band!.high).toBeLessThan(0);
	});

	it('an all-neutral respondent is balanced', () => {
		const result = score(allNeutral());
		expect(result.verdict).toBe('balanced');
		expect(result.band!.low).toBeLessThanOrEqual(0);
		expect(result.band!.high).toBeGreaterThanOrEqual(0);
	});

	it('agreeing to everything is balanced and flagged as straight-lining', () => {
		const result = score(agreeToEverything());
		expect(result.verdict).toBe('balanced');
		expect(flagIds(result)).toContain('straight-lining');
		expect(result.flags.find((f) => f.id === 'straight-lining')!.detail).toContain(
			'30 of your 30 agreement answers were "Strongly agree"'
		);
	});

	it('gives at most 10% "clear" verdicts among 10,000 uniformly random respondents', () => {
		const random = seededRandom(2026);
		let clear = 0;
		const n = 10_000;
		for (let i = 0; i < n; i += 1) {
			if (score(randomRespondent(random)).verdict?.startsWith('clear')) clear += 1;
		}
		expect(clear / n).toBeLessThanOrEqual(0.1);
	});

	it('flags a strong lean on both scales as hybrid, and little of either as low fit', () => {
		const both = Object.fromEntries(
			content.items.map((item) => [item.id, item.keyed === 'plus' ? 5 : 1])
		);
		const neither = Object.fromEntries(
			content.items.map((item) => [item.id, item.keyed === 'plus' ? 1 : 5])
		);
		expect(score(both).profile).toBe('hybrid');
		expect(score(neither).profile).toBe('low-fit');
		expect(score(allStrategic()).profile).toBeNull();
	});
});

describe('properties', () => {
	const strategicPlusItems = content.items.filter(
		(item) => item.scale === 'strategic' && item.keyed === 'plus'
	);

	it('agreeing more with a strategic-keyed item never lowers the strategic score', () => {
		fc.assert(
			fc.property(
				fullAnswers,
				fc.constantFrom(...strategicPlusItems),
				fc.integer({ min: 1, max: 4 }),
				(answers, item, value) => {
					const lower = score({ ...answers, [item.id]: value });
					const higher = score({ ...answers, [item.id]: value + 1 });
					expect(higher.scales.strategic.score!).toBeGreaterThanOrEqual(
						lower.scales.strategic.score!
					);
					expect(higher.position!).toBeGreaterThanOrEqual(lower.position!);
				}
			)
		);
	});

	it('mirrored answers mirror the position, the band and the verdict', () => {
		const mirrorVerdict: Record<string, string> = {
			'clear-product': 'clear-project',
			'leaning-product': 'leaning-project',
			balanced: 'balanced',
			'leaning-project': 'leaning-product',
			'clear-project': 'clear-product'
		};
		fc.assert(
			fc.property(likertAnswers, (answers) => {
				const mirrored = Object.fromEntries(Object.entries(answers).map(([id, v]) => [id, 6 - v]));
				const a = score(answers);
				const b = score(mirrored);
				expect(b.position!).toBeCloseTo(-a.position!, 9);
				expect(b.band!.low).toBeCloseTo(-a.band!.high, 9);
				expect(b.band!.high).toBeCloseTo(-a.band!.low, 9);
				expect(b.verdict).toBe(mirrorVerdict[a.verdict!]);
			})
		);
	});

	it('keeps every score in range and the position inside its band', () => {
		fc.assert(
			fc.property(fullAnswers, (answers) => {
				const result = score(answers);
				for (const scale of Object.values(result.scales)) {
					expect(scale.score!).toBeGreaterThanOrEqual(0);
					expect(scale.score!).toBeLessThanOrEqual(100);
				}
				for (const facet of result.facets) {
					expect(facet.score!).toBeGreaterThanOrEqual(0);
					expect(facet.score!).toBeLessThanOrEqual(100);
				}
				expect(result.band!.low).toBeGreaterThanOrEqual(-100);
				expect(result.band!.high).toBeLessThanOrEqual(100);
				expect(result.band!.low).toBeLessThanOrEqual(result.position!);
				expect(result.position!).toBeLessThanOrEqual(result.band!.high);
				expect(result.confidence!).toBeGreaterThanOrEqual(0.5);
				expect(result.confidence!).toBeLessThanOrEqual(1);
			})
		);
	});

	it('does not depend on the order of the answers', () => {
		fc.assert(
			fc.property(
				fullAnswers.chain((answers) =>
					fc.tuple(
						fc.constant(answers),
						fc.shuffledSubarray(Object.keys(answers), {
							minLength: Object.keys(answers).length
						})
					)
				),
				([answers, order]) => {
					const reordered: Answers = Object.fromEntries(order.map((id) => [id, answers[id]!]));
					expect(score(reordered)).toEqual(score(answers));
				}
			)
		);
	});

	it('is "balanced" exactly when the band reaches zero', () => {
		fc.assert(
			fc.property(fullAnswers, (answers) => {
				const result = score(answers);
				const crossesZero = result.band!.low <= 0 && result.band!.high >= 0;
				expect(result.verdict === 'balanced').toBe(crossesZero);
			})
		);
	});
});

describe('verdict bands', () => {
	it('separates clear from leaning at the content threshold', () => {
		expect(verdictFor(50, { low: 30, high: 70 }, 35)).toBe('clear-product');
		expect(verdictFor(20, { low: 5, high: 35 }, 35)).toBe('leaning-product');
		expect(verdictFor(-20, { low: -35, high: -5 }, 35)).toBe('leaning-project');
		expect(verdictFor(-50, { low: -70, high: -30 }, 35)).toBe('clear-project');
		expect(verdictFor(10, { low: -5, high: 25 }, 35)).toBe('balanced');
	});
});

describe('quality flags', () => {
	it('flags rushing when the median time per question is under 2 s, and not otherwise', () => {
		const answers = allStrategic();
		const fast = Object.fromEntries(Object.keys(answers).map((id) => [id, 1.2]));
		const calm = Object.fromEntries(Object.keys(answers).map((id) => [id, 6]));
		expect(flagIds(score(answers, fast))).toContain('rushing');
		expect(flagIds(score(answers, calm))).not.toContain('rushing');
		expect(flagIds(score(answers))).not.toContain('rushing');
	});

	it('flags contradicted consistency pairs', () => {
		const answers = { ...allStrategic() };
		// "Strongly agree" to both items of every pair, though one of each is reverse-keyed.
		for (const pair of content.consistencyPairs) {
			for (const id of pair.items) answers[id] = 5;
		}
		const result = score(answers);
		expect(flagIds(result)).toContain('inconsistent');
		expect(result.flags.find((f) => f.id === 'inconsistent')!.detail).toMatch(/^\d of \d pairs/);
		expect(flagIds(score(allStrategic()))).not.toContain('inconsistent');
	});

	it('gives no verdict, with a reason, when a scale has under 60% answered', () => {
		const answers = Object.fromEntries(
			Object.entries(allStrategic()).filter(([id]) => {
				const item = content.items.find((i) => i.id === id);
				return item?.scale !== 'tactical';
			})
		);
		const result = score(answers);
		expect(result.verdict).toBeNull();
		expect(result.position).toBeNull();
		expect(result.noVerdictReason).toMatch(/Only 6 of the 21 questions on the Tactical scale/);
		expect(flagIds(result)).toContain('incomplete');
		expect(result.explanations.map((e) => e.role)).toEqual(['flag', 'caveat']);
	});

	it('scores a few skipped questions without complaint', () => {
		const answers = { ...allTactical() };
		delete answers['vision-1'];
		delete answers['planning-2'];
		const result = score(answers);
		expect(result.verdict).toBe('clear-project');
		expect(flagIds(result)).not.toContain('incomplete');
		expect(result.facets.find((f) => f.id === 'strategic.vision')!.answered).toBe(2);
	});

	it('rejects impossible answers instead of guessing', () => {
		expect(() => score({ 'vision-1': 6 })).toThrow(/"vision-1" must be an integer from 1 to 5/);
		expect(() => score({ 'scenario-launch-slip': 4 })).toThrow(/option number from 1 to 3/);
	});
});

describe('explanations', () => {
	it('covers every facet (high and low), verdict, profile and flag, plus caveat and method', () => {
		const keys = new Set(
			content.explanations.map((e) => `${e.kind}:${e.target ?? ''}:${e.variant ?? ''}`)
		);
		for (const facet of content.facets) {
			expect(keys).toContain(`facet:${facet.id}:high`);
			expect(keys).toContain(`facet:${facet.id}:low`);
		}
		for (const verdict of [
			'clear-product',
			'leaning-product',
			'balanced',
			'leaning-project',
			'clear-project'
		]) {
			expect(keys).toContain(`verdict:${verdict}:`);
		}
		for (const profile of ['hybrid', 'low-fit']) expect(keys).toContain(`profile:${profile}:`);
		for (const flag of ['straight-lining', 'inconsistent', 'rushing', 'incomplete']) {
			expect(keys).toContain(`flag:${flag}:`);
		}
		expect(keys).toContain('caveat::');
		expect(keys).toContain('method::');
	});

	it('cites only sources that exist, in every paragraph', () => {
		const sourceIds = new Set(content.sources.map((s) => s.id));
		for (const explanation of content.explanations) {
			for (const paragraph of explanation.paragraphs) {
				expect(paragraph.citations.length, `${explanation.file}`).toBeGreaterThan(0);
				for (const id of paragraph.citations) expect(sourceIds).toContain(id);
				expect(paragraph.html).toContain(`href="/sources#${paragraph.citations[0]}"`);
			}
		}
	});

	it('returns the verdict, strengths, growth areas and caveat with resolved sources', () => {
		const result = scoreAnswers(content, allStrategic());
		const roles = result.explanations.map((e) => e.role);
		expect(roles[0]).toBe('verdict');
		expect(roles.at(-1)).toBe('caveat');
		expect(roles.filter((r) => r === 'strength')).toHaveLength(3);
		expect(roles.filter((r) => r === 'growth')).toHaveLength(3);
		expect(result.strengths.every((id) => id.startsWith('strategic.'))).toBe(true);
		expect(result.growthAreas.every((id) => id.startsWith('tactical.'))).toBe(true);
		for (const { explanation, sources } of result.explanations) {
			const cited = new Set(explanation.paragraphs.flatMap((p) => p.citations));
			expect(sources.map((s) => s.id).sort()).toEqual([...cited].sort());
			for (const source of sources) expect(source.title.length).toBeGreaterThan(0);
		}
	});

	it('adds the hybrid-roles explanation when both scales are high', () => {
		const both = Object.fromEntries(content.items.map((i) => [i.id, i.keyed === 'plus' ? 5 : 1]));
		const result = score(both);
		expect(result.explanations.find((e) => e.role === 'profile')!.explanation.target).toBe(
			'hybrid'
		);
	});
});
