/**
 * "Why did I get this?": the answers behind each facet and the choices made in
 * the situations, in the person's own answers' words. Pure: it reads the
 * content and the answers and computes no score (the scorer does that).
 */
import type { Content, ScaleId } from '../content/types.ts';
import type { Answers } from '../scoring/types.ts';

/** One answer that pulled a facet away from the middle. */
export interface MovingAnswer {
	itemId: string;
	/** The statement as the person read it. */
	statement: string;
	/** Their answer, 1 (strongly disagree) … 5 (strongly agree). */
	answer: number;
	/** Whether it pulled the facet's score up or down (reverse keying counted). */
	effect: 'raised' | 'lowered';
}

export interface FacetAnswers {
	/** How many of the facet's statements were answered. */
	answered: number;
	/** The answers that moved the facet most, strongest pull first. */
	moved: MovingAnswer[];
}

/** The middle of the five-point agreement scale: an answer there pulls neither way. */
const midpoint = 3;

/**
 * The answers that moved facet `facetId` most: answered statements whose
 * keyed value is furthest from the middle, in the quiz's order on ties, at
 * most `limit` of them. Answers in the middle moved nothing and are left out.
 */
export function answersBehindFacet(
	content: Pick<Content, 'items' | 'sequence'>,
	answers: Answers,
	facetId: string,
	limit = 3
): FacetAnswers {
	const place = new Map(content.sequence.map((id, index) => [id, index]));
	const items = content.items
		.filter((item) => item.facet === facetId && answers[item.id] !== undefined)
		.sort((a, b) => (place.get(a.id) ?? 0) - (place.get(b.id) ?? 0));
	const moved = items
		.map((item) => {
			const answer = answers[item.id]!;
			const keyed = item.keyed === 'plus' ? answer : 6 - answer;
			return { item, answer, pull: keyed - midpoint };
		})
		.filter(({ pull }) => pull !== 0)
		// Stable: equal pulls keep the quiz's order.
		.sort((a, b) => Math.abs(b.pull) - Math.abs(a.pull))
		.slice(0, limit)
		.map(({ item, answer, pull }): MovingAnswer => ({
			itemId: item.id,
			statement: item.text,
			answer,
			effect: pull > 0 ? 'raised' : 'lowered'
		}));
	return { answered: items.length, moved };
}

/** A situation and what the person chose in it. */
export interface ScenarioChoice {
	id: string;
	situation: string;
	/** The chosen option's text, or null when skipped. */
	option: string | null;
	/** Which side the chosen option counts toward; null when skipped. */
	side: ScaleId | 'both' | null;
}

/** Every situation in the quiz's order, with the option chosen and the side it counts toward. */
export function scenarioChoices(
	content: Pick<Content, 'scenarios' | 'sequence'>,
	answers: Answers
): ScenarioChoice[] {
	const place = new Map(content.sequence.map((id, index) => [id, index]));
	return [...content.scenarios]
		.sort((a, b) => (place.get(a.id) ?? 0) - (place.get(b.id) ?? 0))
		.map((scenario) => {
			const chosen = answers[scenario.id];
			const option = chosen === undefined ? undefined : scenario.options[chosen - 1];
			if (!option) return { id: scenario.id, situation: scenario.text, option: null, side: null };
			const { strategic, tactical } = option.weights;
			return {
				id: scenario.id,
				situation: scenario.text,
				option: option.text,
				side: strategic > tactical ? 'strategic' : tactical > strategic ? 'tactical' : 'both'
			};
		});
}
