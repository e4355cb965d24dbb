/**
 * The compiled engine against the plain reference scorer: same levels, bands,
 * facets, position, verdict, lean, profile, firmness, flags and highlights for
 * 100,000 seeded random respondents of several kinds (uniform, leaning one
 * way, some high or low on both, straight-lining, skipping, with timings).
 */
import { describe, expect, it } from 'vitest';
import { compileScoringPlan, scoreWithPlan } from '../../src/lib/scoring/index.ts';
import type { Answers, ScoreResult, Timings } from '../../src/lib/scoring/types.ts';
import { content, seededRandom } from '../helpers/content.ts';
import { referenceScore, type ReferenceResult } from '../helpers/reference-scorer.ts';

const seed = 20_240_917;
const respondents = 100_000;

/** What the engine's result says, in the reference's shape. */
function comparable(result: ScoreResult): Omit<ReferenceResult, 'standardError'> {
	const { strategic, tactical } = result.scales;
	return {
		levels: { strategic: strategic.score, tactical: tactical.score },
		levelBands: { strategic: strategic.band, tactical: tactical.band },
		answered: { strategic: strategic.answered, tactical: tactical.answered },
		facets: Object.fromEntries(result.facets.map((facet) => [facet.id, facet.score])),
		position: result.position,
		band: result.band,
		verdict: result.verdict,
		lean: result.lean,
		profile: result.profile,
		firmness: result.firmness,
		flags: result.flags,
		strengths: result.strengths,
		growthAreas: result.growthAreas
	};
}

/**
 * One random respondent. Kinds: uniform random; leaning (each answer pulled
 * toward one side by a random strength); straight-lining; skipping (each
 * question left out with a random probability, sometimes most of them).
 * Some get timings, some of them fast enough to count as rushing.
 */
function respondent(random: () => number): { answers: Answers; timings?: Timings } {
	const kind = random();
	const answers: Record<string, number> = {};
	const skip = kind < 0.2 ? random() : kind < 0.25 ? 0.3 + 0.7 * random() : 0;
	const lean = random() * 2 - 1;
	// Some leaning respondents are high (or low) on both scales, to reach a hybrid or low-fit lean.
	const both = kind >= 0.4 && kind < 0.6 ? random() * 3 - 1.5 : 0;
	const same = 1 + Math.floor(random() * 5);
	for (const item of content.items) {
		if (random() < skip) continue;
		let answer = 1 + Math.floor(random() * 5);
		if (kind >= 0.4 && kind < 0.85) {
			// Leaning: the keyed answer drifts toward 5 on one scale and 1 on the other.
			const sign = item.keyed === 'plus' ? 1 : -1;
			const toward = (item.scale === 'strategic' ? lean : -lean) * sign;
			answer = Math.min(
				5,
				Math.max(1, Math.round(3 + toward * 2 + both * sign + (random() - 0.5) * 2))
			);
		} else if (kind >= 0.85) {
			answer = random() < 0.9 ? same : answer;
		}
		answers[item.id] = answer;
	}
	for (const scenario of content.scenarios) {
		if (random() < skip) continue;
		let option = 1 + Math.floor(random() * scenario.options.length);
		if (kind >= 0.4 && kind < 0.85 && random() < Math.abs(lean)) {
			const side = lean > 0 ? 'strategic' : 'tactical';
			const best = scenario.options.findIndex((o) => o.weights[side] >= 0.5);
			if (best >= 0) option = best + 1;
		}
		answers[scenario.id] = option;
	}
	if (random() < 0.1) {
		const timings: Record<string, number> = {};
		const typical = random() * 6;
		for (const id of content.sequence) {
			if (random() < 0.05) continue;
			timings[id] = random() < 0.02 ? Number.NaN : typical * (0.5 + random());
		}
		return { answers, timings };
	}
	return { answers };
}

describe('scoreWithPlan against the reference scorer', () => {
	it(`agrees on ${respondents.toLocaleString('en')} seeded random respondents (seed ${seed})`, () => {
		const plan = compileScoringPlan(content);
		const random = seededRandom(seed);
		const seen = new Set<string>();
		let mismatches = 0;
		for (let index = 0; index < respondents; index += 1) {
			const { answers, timings } = respondent(random);
			const result = scoreWithPlan(plan, answers, timings);
			const { standardError, ...expected } = referenceScore(content, answers, timings);
			const actual = comparable(result);
			// Compare cheaply first; on a difference, let expect() print the whole of it.
			if (JSON.stringify(actual) !== JSON.stringify(expected)) {
				mismatches += 1;
				expect({ index, answers, timings, ...actual }).toEqual({
					index,
					answers,
					timings,
					...expected
				});
			}
			if (standardError === null) expect(result.standardError).toBeNull();
			else if (Math.abs(result.standardError! - standardError) > 1e-9) {
				expect({ index, standardError: result.standardError }).toEqual({ index, standardError });
			}
			seen.add(`${result.verdict}/${result.profile ?? result.firmness}/${result.lean}`);
			for (const flag of result.flags) seen.add(flag.id);
		}
		expect(mismatches).toBe(0);
		// The population reaches every outcome, so every branch was compared.
		expect([...seen].sort()).toEqual(
			[
				'in-between/hybrid/null',
				'in-between/hybrid/product',
				'in-between/hybrid/project',
				'in-between/low-fit/null',
				'in-between/low-fit/product',
				'in-between/low-fit/project',
				'in-between/undecided/null',
				'in-between/null/product',
				'in-between/null/project',
				'product/firm/product',
				'product/tentative/product',
				'project/firm/project',
				'project/tentative/project',
				'null/null/null',
				'straight-lining',
				'inconsistent',
				'rushing',
				'incomplete'
			].sort()
		);
	}, 60_000);
});
