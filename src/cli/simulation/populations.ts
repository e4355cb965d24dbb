/**
 * Simulated respondents for `npm run simulate` and the instrument's tests.
 *
 * A consistent respondent has a true level on each scale (0–1) and a fixed
 * leaning on each statement around it, so the same person gives the same
 * answers on every administration except for answer noise: each answer is one
 * step off now and then. Careless populations answer without reading.
 */
import type { Content } from '../../lib/content/types.ts';
import type { Answers } from '../../lib/scoring/types.ts';

export type Random = () => number;

/** A small seeded PRNG (mulberry32): the same seed gives the same population. */
export function seededRandom(seed: number): Random {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const between = (random: Random, low: number, high: number) => low + (high - low) * random();
const pick = <T>(random: Random, values: readonly T[]) =>
	values[Math.floor(random() * values.length)]!;
const clampAnswer = (value: number) => Math.min(5, Math.max(1, value));

/** One simulated person: `answer` gives a fresh administration each call. */
export interface Respondent {
	answer(random: Random): Answers;
	/** The side the person truly leans to, when they have one. */
	trueSide: 'product' | 'project' | null;
}

export interface Population {
	id: string;
	description: string;
	/** Whether these respondents answer carefully (flags should stay rare) or not. */
	careful: boolean;
	create(random: Random, content: Content): Respondent;
}

/** Share of answers that land one step away from the person's usual answer. */
export const answerNoise = 0.25;

/**
 * A careful respondent with true levels on both scales and answer noise. The
 * chance of a product-side scenario pick follows the levels' gap unless
 * `productChance` sets it.
 */
function consistent(
	levels: { strategic: [number, number]; tactical: [number, number] },
	trueSide: Respondent['trueSide'],
	productChance?: number
): Population['create'] {
	return (random, content) => {
		const level = {
			strategic: between(random, ...levels.strategic),
			tactical: between(random, ...levels.tactical)
		};
		// How strongly this person agrees with each statement, keyed: their level
		// give or take a little, fixed for the person.
		const usual = new Map(
			content.items.map((item) => {
				const keyed = clampAnswer(
					Math.round(1 + 4 * level[item.scale] + between(random, -0.6, 0.6))
				);
				return [item.id, item.keyed === 'plus' ? keyed : 6 - keyed];
			})
		);
		// Chance of picking a product-side option in a scenario.
		const productSide =
			productChance ?? Math.min(0.95, Math.max(0.05, 0.5 + (level.strategic - level.tactical)));
		return {
			trueSide,
			answer(random) {
				const answers: Record<string, number> = {};
				for (const item of content.items) {
					const noise = random() < answerNoise ? (random() < 0.5 ? -1 : 1) : 0;
					answers[item.id] = clampAnswer(usual.get(item.id)! + noise);
				}
				for (const scenario of content.scenarios) {
					const picksProduct = random() < productSide;
					const options = scenario.options
						.map((option, index) => ({ option, number: index + 1 }))
						.filter(({ option }) =>
							picksProduct
								? option.weights.strategic > option.weights.tactical
								: option.weights.tactical > option.weights.strategic
						);
					answers[scenario.id] = pick(random, options).number;
				}
				return answers;
			}
		};
	};
}

/** Scenario picks without reading: any option, equally likely. */
function randomScenarios(random: Random, content: Content, answers: Record<string, number>) {
	for (const scenario of content.scenarios) {
		answers[scenario.id] = 1 + Math.floor(random() * scenario.options.length);
	}
	return answers;
}

/** A careless respondent whose statements follow `statement` on every administration. */
function careless(statement: (random: Random) => (random: Random) => number): Population['create'] {
	return (random, content) => {
		const answerOf = statement(random);
		return {
			trueSide: null,
			answer(random) {
				const answers: Record<string, number> = {};
				for (const item of content.items) answers[item.id] = answerOf(random);
				return randomScenarios(random, content, answers);
			}
		};
	};
}

export const populations: Population[] = [
	{
		id: 'uniform-random',
		description: 'every answer picked at random',
		careful: false,
		create: careless(() => (random) => 1 + Math.floor(random() * 5))
	},
	{
		id: 'all-same',
		description: 'one answer (1–5, fixed per person) to every statement, scenarios at random',
		careful: false,
		create: careless((random) => {
			const answer = 1 + Math.floor(random() * 5);
			return () => answer;
		})
	},
	{
		id: 'all-midpoint',
		description: '"neither agree nor disagree" to every statement, scenarios at random',
		careful: false,
		create: careless(() => () => 3)
	},
	{
		id: 'acquiescent',
		description: '"agree" or "strongly agree" to every statement, scenarios at random',
		careful: false,
		create: careless(() => (random) => (random() < 0.5 ? 4 : 5))
	},
	{
		id: 'pure-product',
		description: 'strategic level 0.75–0.95, tactical 0.05–0.30, with answer noise',
		careful: true,
		create: consistent({ strategic: [0.75, 0.95], tactical: [0.05, 0.3] }, 'product')
	},
	{
		id: 'pure-project',
		description: 'tactical level 0.75–0.95, strategic 0.05–0.30, with answer noise',
		careful: true,
		create: consistent({ strategic: [0.05, 0.3], tactical: [0.75, 0.95] }, 'project')
	},
	{
		id: 'leaning-product',
		description: 'strategic level 0.60–0.75, tactical 0.35–0.50, with answer noise',
		careful: true,
		create: consistent({ strategic: [0.6, 0.75], tactical: [0.35, 0.5] }, 'product')
	},
	{
		id: 'moderate-product',
		description:
			'statements about 3.8 on the product side (strategic 0.65–0.75), neutral on the project side (0.45–0.55), two thirds of scenario picks product-side, with answer noise',
		careful: true,
		create: consistent({ strategic: [0.65, 0.75], tactical: [0.45, 0.55] }, 'product', 2 / 3)
	},
	{
		id: 'moderate-project',
		description:
			'the mirror image: tactical 0.65–0.75, strategic 0.45–0.55, two thirds of scenario picks project-side, with answer noise',
		careful: true,
		create: consistent({ strategic: [0.45, 0.55], tactical: [0.65, 0.75] }, 'project', 1 / 3)
	},
	{
		id: 'hybrid',
		description: 'both levels 0.80–0.95, with answer noise',
		careful: true,
		create: consistent({ strategic: [0.8, 0.95], tactical: [0.8, 0.95] }, null)
	},
	{
		id: 'low-fit',
		description: 'both levels 0.05–0.20, with answer noise',
		careful: true,
		create: consistent({ strategic: [0.05, 0.2], tactical: [0.05, 0.2] }, null)
	}
];
