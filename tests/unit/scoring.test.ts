import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/lib/content/types.ts';
import {
	createScorer,
	firmnessFor,
	largestScenarioReach,
	leanFor,
	profileFor,
	roundHalfAway,
	scenarioReach,
	scoreAnswers,
	verdictFor
} from '../../src/lib/scoring/index.ts';
import type { Answers, ScoreResult } from '../../src/lib/scoring/types.ts';
import { simulate } from '../../src/cli/simulation/run.ts';
import { allNeutral, allStrategic, allTactical, content } from '../helpers/content.ts';

const score = createScorer(content);
const flagIds = (result: ScoreResult) => result.flags.map((flag) => flag.id);
const { thresholds } = content.instrument;
const scenarioIds = content.scenarios.map((scenario) => scenario.id);

/** The option numbers (1-based) of a scenario on one side. */
const sideOptions = (scenario: Scenario, side: 'product' | 'project') =>
	scenario.options.flatMap((option, index) =>
		(side === 'product' ? option.weights.strategic : option.weights.tactical) >
		(side === 'product' ? option.weights.tactical : option.weights.strategic)
			? [index + 1]
			: []
	);

/** Every scenario either skipped or answered with any of its options. */
const scenarioPicks = fc.record(
	Object.fromEntries(
		content.scenarios.map((s) => [
			s.id,
			fc.option(fc.integer({ min: 1, max: s.options.length }), { nil: undefined })
		])
	)
) as fc.Arbitrary<Record<string, number | undefined>>;

const withoutSkips = (answers: Record<string, number | undefined>): Answers =>
	Object.fromEntries(Object.entries(answers).filter(([, value]) => value !== undefined)) as Answers;

/** Arbitrary full answer sets: every statement 1–5, every scenario a valid option. */
const fullAnswers = fc.record(
	Object.fromEntries([
		...content.items.map((item) => [item.id, fc.integer({ min: 1, max: 5 })]),
		...content.scenarios.map((s) => [s.id, fc.integer({ min: 1, max: s.options.length })])
	])
) as fc.Arbitrary<Record<string, number>>;

/** The answer a person on the other side would give: statements flipped, scenarios swapped. */
function mirror(answers: Answers): Answers {
	const mirrored: Record<string, number> = {};
	for (const item of content.items) {
		if (answers[item.id] !== undefined) mirrored[item.id] = 6 - answers[item.id]!;
	}
	for (const scenario of content.scenarios) {
		const answer = answers[scenario.id];
		if (answer === undefined) continue;
		const { weights } = scenario.options[answer - 1]!;
		mirrored[scenario.id] =
			scenario.options.findIndex(
				(o) => o.weights.strategic === weights.tactical && o.weights.tactical === weights.strategic
			) + 1;
	}
	return mirrored;
}

const mirrorVerdict = { product: 'project', 'in-between': 'in-between', project: 'product' };
const mirrorLean = { product: 'project', project: 'product' } as const;

describe('a hand-worked example', () => {
	// Every strategic statement answered at its keyed maximum (5 on a "plus"
	// statement, 1 on a "minus" one), every tactical statement at keyed 2, four
	// scenarios on the product side and two on the project side:
	//
	//   statements: strategic 15 × 1.00, tactical 15 × 0.25 (keyed 2 → (2 − 1) / 4)
	//   scenarios:  strategic weights 1, 1, 1, 1, 0, 0 (sum 4); tactical sum 2; each pick
	//               weighs w = 0.5 of a statement, so each scale's weight is 15 + 0.5 × 6 = 18
	//   levels:     strategic 100 × (15 + 0.5 × 4) / 18 = 94.44 → 94
	//               tactical  100 × (3.75 + 0.5 × 2) / 18 = 26.39 → 26
	//   position:   94 − 26 = 68
	//
	// Error variance of one observation, never below the floor (1 − 0.4) × spread:
	//   statements: own spread 0 on both scales → floor 0.6 × 1/8 = 0.075
	//   scenarios:  own spread (4 − 4²/6) / 5 = 0.26667 > floor 0.6 × 0.25 = 0.15
	//   the picks' part: w² × 6 × 0.26667 = 0.25 × 1.6 = 0.4
	//   Var(S) = Var(T) = (15 × 0.075 + 0.4) / 18² = 1.525 / 324 = 0.0047068
	//   Cov(S, T) = −0.4 / 18² = −0.0012346 (a pick adds to one what it takes from the other)
	//   Var(S − T) = 0.0047068 × 2 + 2 × 0.0012346 = 0.0118827 → SE = 0.10901 = 10.90 points
	//   band: 68 ± 1.645 × 10.90 = 68 ± 17.93 → 50.07 … 85.93 → 50 … 86
	//   strategic band: 94 ± 1.645 × 100 × √0.0047068 = 94 ± 11.29 → 82.71 … 100 (capped) → 83 … 100
	//   tactical band:  26 ± 11.29 → 14.71 … 37.29 → 15 … 37
	// Verdict: the band leaves 0 and 68 ≥ 30 → product; its near edge 50 ≥ 30 → firm; the
	// band lies wholly on the product side → lean product.
	const answers: Record<string, number> = {};
	for (const item of content.items) {
		const keyed = item.scale === 'strategic' ? 5 : 2;
		answers[item.id] = item.keyed === 'plus' ? keyed : 6 - keyed;
	}
	content.scenarios.forEach((scenario, index) => {
		answers[scenario.id] = sideOptions(scenario, index < 4 ? 'product' : 'project')[0]!;
	});
	const result = score(answers);

	it('has the levels, position, band and verdict worked out by hand', () => {
		expect(result.scales.strategic.score).toBe(94);
		expect(result.scales.tactical.score).toBe(26);
		expect(result.position).toBe(68);
		expect(result.standardError).toBeCloseTo(10.901, 2);
		expect(result.band).toEqual({ low: 50, high: 86 });
		expect(result.scales.strategic.band).toEqual({ low: 83, high: 100 });
		expect(result.scales.tactical.band).toEqual({ low: 15, high: 37 });
		expect(result.verdict).toBe('product');
		expect(result.lean).toBe('product');
		expect(result.profile).toBeNull();
		expect(result.firmness).toBe('firm');
	});

	it('uses the measurement settings the example assumes', () => {
		expect(content.instrument.measurement).toEqual({
			bandZ: 1.645,
			assumedAnswerReliability: 0.4,
			scenarioWeight: 0.5
		});
		expect(thresholds.directionAtLeast).toBe(30);
	});
});

describe('regressions', () => {
	it('"neither" to every statement and option 4 of the free-week scenario is in-between (v1 said "leaning project, very sure")', () => {
		const answers: Record<string, number> = {};
		for (const item of content.items) answers[item.id] = 3;
		answers['scenario-free-week'] = 4;
		const result = score(answers);
		expect(result.verdict).toBe('in-between');
		expect(result.profile).toBe('undecided');
		expect(result.firmness).toBeNull();
		expect(result.band!.low).toBeLessThanOrEqual(0);
		expect(flagIds(result)).toContain('straight-lining');
	});
});

describe('personas', () => {
	it('an all-strategic respondent leans product, firmly', () => {
		const result = score(allStrategic());
		expect(result.verdict).toBe('product');
		expect(result.firmness).toBe('firm');
		expect(result.scales.strategic.score).toBe(100);
		expect(result.scales.tactical.score).toBe(0);
		expect(result.position).toBe(100);
		expect(result.flags).toEqual([]);
	});

	it('an all-tactical respondent leans project', () => {
		const result = score(allTactical());
		expect(result.verdict).toBe('project');
		expect(result.position).toBe(-100);
		expect(result.band!.high).toBeLessThan(0);
	});

	it('an all-neutral respondent is in-between and undecided', () => {
		const result = score(allNeutral());
		expect(result.verdict).toBe('in-between');
		expect(result.profile).toBe('undecided');
	});

	it('strong on both is a hybrid, drawn to neither is a low fit', () => {
		const both = Object.fromEntries(
			content.items.map((item) => [item.id, item.keyed === 'plus' ? 5 : 1])
		);
		const neither = Object.fromEntries(
			content.items.map((item) => [item.id, item.keyed === 'plus' ? 1 : 5])
		);
		expect(score(both)).toMatchObject({ verdict: 'in-between', profile: 'hybrid' });
		expect(score(neither)).toMatchObject({ verdict: 'in-between', profile: 'low-fit' });
	});
});

describe('properties (fast-check, seed set in tests/setup/fast-check.ts)', () => {
	it('"neither" to every statement is in-between whatever the scenarios say', () => {
		const midpoint = Object.fromEntries(content.items.map((item) => [item.id, 3]));
		fc.assert(
			fc.property(scenarioPicks, (picks) => {
				expect(score({ ...midpoint, ...withoutSkips(picks) }).verdict).toBe('in-between');
			})
		);
	});

	it('"neither" to every statement answered stays in-between when statements are skipped', () => {
		// Skipping statements gives the scenarios more weight; they must still not decide alone.
		const skips = fc.subarray(
			content.items.map((item) => item.id),
			{ maxLength: 12 }
		);
		const onOneSide = fc.constantFrom<'product' | 'project'>('product', 'project');
		fc.assert(
			fc.property(skips, onOneSide, (skipped, side) => {
				const answers: Record<string, number> = {};
				for (const item of content.items) if (!skipped.includes(item.id)) answers[item.id] = 3;
				for (const scenario of content.scenarios) {
					answers[scenario.id] = sideOptions(scenario, side)[0]!;
				}
				const result = score(answers);
				if (result.verdict === null) return; // too few answered for any result
				expect(result.verdict).toBe('in-between');
			})
		);
	});

	it('one answer to every statement is in-between and flagged', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 5 }), scenarioPicks, (value, picks) => {
				const same = Object.fromEntries(content.items.map((item) => [item.id, value]));
				const result = score({ ...same, ...withoutSkips(picks) });
				expect(result.verdict).toBe('in-between');
				expect(flagIds(result)).toContain('straight-lining');
			})
		);
	});

	it('the mirror image of every answer mirrors the position, the band and the verdict', () => {
		fc.assert(
			fc.property(fullAnswers, (answers) => {
				const result = score(answers);
				const mirrored = score(mirror(answers));
				// 0 − x rather than −x, so that a position of 0 mirrors to 0, not −0.
				expect(mirrored.position).toBe(0 - result.position!);
				expect(mirrored.band).toEqual({ low: 0 - result.band!.high, high: 0 - result.band!.low });
				expect(mirrored.verdict).toBe(mirrorVerdict[result.verdict!]);
				expect(mirrored.lean).toBe(result.lean === null ? null : mirrorLean[result.lean]);
			})
		);
	});

	it('moving one answer toward product never moves the position toward project', () => {
		const questions = [...content.items, ...content.scenarios];
		fc.assert(
			fc.property(fullAnswers, fc.constantFrom(...questions), (answers, question) => {
				const before = score(answers);
				let moved: Record<string, number>;
				if (question.kind === 'likert') {
					const towardProduct = (question.scale === 'strategic') === (question.keyed === 'plus');
					const step = towardProduct ? 1 : -1;
					const next = answers[question.id]! + step;
					if (next < 1 || next > 5) return;
					moved = { ...answers, [question.id]: next };
				} else {
					const current = question.options[answers[question.id]! - 1]!.weights;
					const better = question.options.findIndex(
						(o) =>
							o.weights.strategic >= current.strategic && o.weights.tactical <= current.tactical
					);
					moved = { ...answers, [question.id]: better + 1 };
				}
				expect(score(moved).position!).toBeGreaterThanOrEqual(before.position!);
			})
		);
	});

	it('decides on the numbers it shows: the position is the difference of the shown levels, and the verdict follows the shown band', () => {
		// With every question answered the scenarios alone reach 58 − 42 = 16; with the fewest
		// statements a result allows (9 of 15 per scale), 62.5 − 37.5 → 63 − 37 = 26 (levels round
		// halves away from 50): both below the threshold.
		expect(scenarioReach([15, 15], 6, 0.5)).toBe(16);
		expect(scenarioReach([9, 9], 6, 0.5)).toBe(26);
		expect(largestScenarioReach([15, 15], 6, 0.5, thresholds.minAnsweredShare)).toBe(26);
		fc.assert(
			fc.property(fullAnswers, (answers) => {
				const result = score(answers);
				const { strategic, tactical } = result.scales;
				for (const value of [strategic.score, tactical.score, result.position]) {
					expect(Number.isInteger(value)).toBe(true);
				}
				expect(result.position).toBe(strategic.score! - tactical.score!);
				const { low, high } = result.band!;
				const expected =
					low > 0 && result.position! >= thresholds.directionAtLeast
						? 'product'
						: high < 0 && result.position! <= -thresholds.directionAtLeast
							? 'project'
							: 'in-between';
				expect(result.verdict).toBe(expected);
			})
		);
	});
});

describe('the verdict at its boundaries', () => {
	const d = 30;
	it('needs the shown position at least the threshold away, on both sides', () => {
		expect(verdictFor(30, { low: 5, high: 55 }, d)).toBe('product');
		expect(verdictFor(29, { low: 4, high: 54 }, d)).toBe('in-between');
		expect(verdictFor(31, { low: 6, high: 56 }, d)).toBe('product');
		expect(verdictFor(-30, { low: -55, high: -5 }, d)).toBe('project');
		expect(verdictFor(-29, { low: -54, high: -4 }, d)).toBe('in-between');
		expect(verdictFor(-31, { low: -56, high: -6 }, d)).toBe('project');
	});

	it('needs the shown band to leave 0: a band shown as "0 to 60" is in-between', () => {
		expect(verdictFor(30, { low: 0, high: 60 }, d)).toBe('in-between');
		expect(verdictFor(30, { low: 1, high: 59 }, d)).toBe('product');
		expect(verdictFor(-30, { low: -60, high: 0 }, d)).toBe('in-between');
	});

	it('rounds halves away from zero, so ±29.5 both show (and decide) as ±30', () => {
		expect(roundHalfAway(29.5)).toBe(30);
		expect(roundHalfAway(-29.5)).toBe(-30);
		expect(roundHalfAway(29.49)).toBe(29);
		expect(roundHalfAway(-29.49)).toBe(-29);
		expect(roundHalfAway(30.5)).toBe(31);
		expect(roundHalfAway(-0.4)).toBe(0);
		// A band edge of 0.4 shows as 0 and so does not leave 0.
		expect(verdictFor(30, { low: roundHalfAway(0.4), high: 60 }, d)).toBe('in-between');
		expect(verdictFor(roundHalfAway(29.5), { low: roundHalfAway(0.5), high: 60 }, d)).toBe(
			'product'
		);
		expect(verdictFor(roundHalfAway(-29.5), { low: -60, high: roundHalfAway(-0.5) }, d)).toBe(
			'project'
		);
	});

	it('calls a lean firm only when the band edge nearest 0 is itself a direction away', () => {
		expect(firmnessFor({ low: 30, high: 80 }, 'product', d)).toBe('firm');
		expect(firmnessFor({ low: 29, high: 80 }, 'product', d)).toBe('tentative');
		expect(firmnessFor({ low: -80, high: -30 }, 'project', d)).toBe('firm');
		expect(firmnessFor({ low: -80, high: -29 }, 'project', d)).toBe('tentative');
	});

	it('sorts in-between results by their levels, at the content thresholds', () => {
		expect(profileFor(65, 65, null, thresholds)).toBe('hybrid');
		expect(profileFor(65, 64, null, thresholds)).toBe('undecided');
		expect(profileFor(40, 40, null, thresholds)).toBe('low-fit');
		expect(profileFor(41, 40, null, thresholds)).toBe('undecided');
		// A range wholly on one side is a slight lean, never "not settled".
		expect(profileFor(65, 64, 'product', thresholds)).toBeNull();
		expect(profileFor(65, 65, 'project', thresholds)).toBe('hybrid');
	});

	it('leans to the side the shown band lies wholly on, and only then', () => {
		expect(leanFor({ low: 1, high: 40 })).toBe('product');
		expect(leanFor({ low: 0, high: 40 })).toBeNull();
		expect(leanFor({ low: -40, high: -1 })).toBe('project');
		expect(leanFor({ low: -40, high: 0 })).toBeNull();
	});
});

describe('simulated populations (npm run simulate, smaller)', () => {
	const figures = simulate(content, score, { seed: 20261130, respondents: 2_000 });
	const of = (id: string) => figures.find((f) => f.population.id === id)!;

	it('gives few directional verdicts to random answers, and flags at least half of them', () => {
		expect(of('uniform-random').directional).toBeLessThanOrEqual(0.1);
		expect(of('uniform-random').flagged).toBeGreaterThanOrEqual(0.5);
	});

	it('gives no direction to all-midpoint or all-same answers', () => {
		expect(of('all-midpoint').directional).toBe(0);
		expect(of('all-same').directional).toBe(0);
		expect(of('all-same').flagged).toBe(1);
	});

	it('finds the right side for pure types, almost never the opposite one', () => {
		expect(of('pure-product').verdicts.product).toBeGreaterThanOrEqual(0.95);
		expect(of('pure-product').verdicts.project).toBeLessThanOrEqual(0.01);
		expect(of('pure-project').verdicts.project).toBeGreaterThanOrEqual(0.95);
		expect(of('pure-project').verdicts.product).toBeLessThanOrEqual(0.01);
	});

	it('never tells a moderate leaner "not settled" while their range lies on one side', () => {
		for (const id of ['moderate-product', 'moderate-project']) {
			expect(of(id).notSettledOneSided).toBe(0);
			// Most of them are told their side, as a direction or a slight lean.
			const side = id === 'moderate-product' ? 'product' : 'project';
			expect(of(id).verdicts[side] + of(id).lean).toBeGreaterThan(0.5);
		}
		for (const f of figures) expect(f.notSettledOneSided).toBe(0);
	});

	it('flags at most 5% of careful respondents', () => {
		for (const f of figures.filter((f) => f.population.careful)) {
			expect(f.flagged, f.population.id).toBeLessThanOrEqual(0.05);
		}
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

	it('flags agreeing with a statement and its opposite', () => {
		const answers = { ...allStrategic() };
		const [first, second] = content.consistencyPairs;
		for (const pair of [first!, second!]) for (const id of pair.items) answers[id] = 5;
		const result = score(answers);
		expect(flagIds(result)).toContain('inconsistent');
		expect(result.flags.find((f) => f.id === 'inconsistent')!.detail).toBe(
			`2 of ${content.consistencyPairs.length} pairs of opposite statements got the same kind of answer.`
		);
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
		expect(result.profile).toBeNull();
		expect(result.position).toBeNull();
		expect(result.noVerdictReason).toMatch(/Only 0 of the 15 statements on the Tactical scale/);
		expect(flagIds(result)).toContain('incomplete');
		expect(result.explanations.map((e) => e.role)).toEqual(['flag', 'caveat']);
	});

	it('scores a few skipped questions without complaint', () => {
		const answers = { ...allTactical() };
		delete answers['vision-a'];
		delete answers['planning-b'];
		const result = score(answers);
		expect(result.verdict).toBe('project');
		expect(flagIds(result)).not.toContain('incomplete');
		expect(result.facets.find((f) => f.id === 'strategic.vision')!.answered).toBe(2);
	});

	it('rejects impossible answers instead of guessing', () => {
		expect(() => score({ 'vision-a': 6 })).toThrow(/"vision-a" must be an integer from 1 to 5/);
		expect(() => score({ 'scenario-launch-slip': 5 })).toThrow(/option number from 1 to 4/);
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
		for (const verdict of ['product', 'in-between', 'project']) {
			expect(keys).toContain(`verdict:${verdict}:`);
		}
		for (const profile of ['hybrid', 'low-fit', 'undecided']) {
			expect(keys).toContain(`profile:${profile}:`);
		}
		for (const flag of ['straight-lining', 'inconsistent', 'rushing', 'incomplete']) {
			expect(keys).toContain(`flag:${flag}:`);
		}
		expect(keys).toContain('caveat::');
		expect(keys).toContain('method::');
	});

	it('grounds every paragraph: sources or method references that exist, or marked as our own advice', () => {
		const known = new Set([
			...content.sources.map((s) => s.id),
			...content.methodReferences.map((r) => r.id)
		]);
		for (const explanation of content.explanations) {
			for (const paragraph of explanation.paragraphs) {
				if (paragraph.ours) {
					expect(paragraph.citations, explanation.file).toEqual([]);
					expect(paragraph.html).toContain('our suggestion');
					continue;
				}
				expect(paragraph.citations.length, explanation.file).toBeGreaterThan(0);
				for (const id of paragraph.citations) expect(known).toContain(id);
				expect(paragraph.html).toContain(`href="/sources#${paragraph.citations[0]}"`);
			}
		}
	});

	it('cites only method references, never the role articles, in flag and method texts', () => {
		for (const explanation of content.explanations.filter((e) => e.kind === 'flag')) {
			for (const paragraph of explanation.paragraphs) {
				expect(
					paragraph.citations.filter((id) => id.startsWith('S')),
					explanation.file
				).toEqual([]);
			}
		}
	});

	it('says plainly that the tool is not for hiring, promotion or placement', () => {
		const caveat = content.explanations.find((e) => e.kind === 'caveat')!;
		const text = caveat.paragraphs.map((p) => p.markdown).join(' ');
		expect(text).toMatch(/hiring/);
		expect(text).toMatch(/promotion/);
		expect(text).toMatch(/placement/);
		expect(caveat.paragraphs.flatMap((p) => p.citations)).toContain('M01');
	});

	it('returns the verdict, strengths, growth areas and caveat with resolved citations', () => {
		const result = scoreAnswers(content, allStrategic());
		const roles = result.explanations.map((e) => e.role);
		expect(roles[0]).toBe('verdict');
		expect(roles.at(-1)).toBe('caveat');
		expect(roles.filter((r) => r === 'strength')).toHaveLength(3);
		expect(roles.filter((r) => r === 'growth')).toHaveLength(3);
		expect(result.strengths.every((id) => id.startsWith('strategic.'))).toBe(true);
		expect(result.growthAreas.every((id) => id.startsWith('tactical.'))).toBe(true);
		for (const { explanation, sources, references } of result.explanations) {
			const cited = new Set(explanation.paragraphs.flatMap((p) => p.citations));
			expect([...sources, ...references].map((s) => s.id).sort()).toEqual([...cited].sort());
		}
	});

	it('adds the profile explanation to an in-between result', () => {
		const both = Object.fromEntries(content.items.map((i) => [i.id, i.keyed === 'plus' ? 5 : 1]));
		const result = score(both);
		expect(result.explanations.find((e) => e.role === 'profile')!.explanation.target).toBe(
			'hybrid'
		);
	});
});

describe('scenario ids', () => {
	it('every scenario offers as many options on each side', () => {
		for (const id of scenarioIds) {
			const scenario = content.scenarios.find((s) => s.id === id)!;
			expect(sideOptions(scenario, 'product').length).toBe(sideOptions(scenario, 'project').length);
		}
	});
});
