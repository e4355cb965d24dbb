/** The real content, loaded once per test file, plus answer sets used across tests. */
import { resolve } from 'node:path';
import { loadContent } from '../../src/lib/content/loader.server.ts';
import type { Content, Scenario } from '../../src/lib/content/types.ts';
import type { Answers } from '../../src/lib/scoring/types.ts';

export const contentDir = resolve(import.meta.dirname, '../../content');
export const content: Content = await loadContent(contentDir);

/** The 1-based option number whose weights maximise `score`. */
function bestOption(
	scenario: Scenario,
	score: (w: Scenario['options'][number]['weights']) => number
) {
	let best = 0;
	scenario.options.forEach((option, index) => {
		if (score(option.weights) > score(scenario.options[best]!.weights)) best = index;
	});
	return best + 1;
}

/** Someone who agrees with everything strategic and disagrees with everything tactical. */
export function allStrategic(source: Content = content): Record<string, number> {
	const answers: Record<string, number> = {};
	for (const item of source.items) {
		const agree = (item.scale === 'strategic') === (item.keyed === 'plus');
		answers[item.id] = agree ? 5 : 1;
	}
	for (const scenario of source.scenarios) {
		answers[scenario.id] = bestOption(scenario, (w) => w.strategic - w.tactical);
	}
	return answers;
}

/** The mirror image of `allStrategic`. */
export function allTactical(source: Content = content): Record<string, number> {
	const answers: Record<string, number> = {};
	for (const item of source.items) {
		const agree = (item.scale === 'tactical') === (item.keyed === 'plus');
		answers[item.id] = agree ? 5 : 1;
	}
	for (const scenario of source.scenarios) {
		answers[scenario.id] = bestOption(scenario, (w) => w.tactical - w.strategic);
	}
	return answers;
}

/** Neither agrees nor disagrees; picks the product side and the project side in turn. */
export function allNeutral(source: Content = content): Record<string, number> {
	const answers: Record<string, number> = {};
	for (const item of source.items) answers[item.id] = 3;
	source.scenarios.forEach((scenario, index) => {
		answers[scenario.id] = bestOption(scenario, (w) =>
			index % 2 === 0 ? w.strategic - w.tactical : w.tactical - w.strategic
		);
	});
	return answers;
}

/** "Strongly agree" to every statement, scenarios skipped. */
export function agreeToEverything(source: Content = content): Record<string, number> {
	return Object.fromEntries(source.items.map((item) => [item.id, 5]));
}

/** The simulation's seeded PRNG (mulberry32), so random respondents are the same on every run. */
export { seededRandom } from '../../src/cli/simulation/populations.ts';

/** A respondent who answers every question uniformly at random. */
export function randomRespondent(random: () => number, source: Content = content): Answers {
	const answers: Record<string, number> = {};
	for (const item of source.items) answers[item.id] = 1 + Math.floor(random() * 5);
	for (const scenario of source.scenarios) {
		answers[scenario.id] = 1 + Math.floor(random() * scenario.options.length);
	}
	return answers;
}

/**
 * A slight lean to product: "neither" to most statements, six strategic ones agreed with,
 * every scenario on the product side. Its range lies wholly on the product side, short of a
 * direction (in between, lean product, no profile).
 */
export function slightProductLean(source: Content = content): Record<string, number> {
	const answers: Record<string, number> = {};
	for (const item of source.items) answers[item.id] = 3;
	for (const item of source.items.filter((i) => i.scale === 'strategic').slice(0, 6)) {
		answers[item.id] = item.keyed === 'plus' ? 4 : 2;
	}
	for (const scenario of source.scenarios) {
		answers[scenario.id] = 1 + scenario.options.findIndex((o) => o.weights.strategic === 1);
	}
	return answers;
}
