/**
 * The words a person reads follow the numbers they see (instrument 2.1), as
 * properties over answer sets with and without blanks:
 *
 * - a position range wholly on one side of 0 never reads as "not settled": the
 *   headline, the label, the card, the map's text and the batch CLI's `lean`
 *   all name that side; "not settled" only when the range includes 0;
 * - two answer sets that show the same levels, ranges and position get the same
 *   verdict, profile, lean and words, whatever was left blank;
 * - "neither" to every statement keeps both levels within 40–60 with ranges
 *   that overlap, whatever the scenario picks;
 * - "strongest facets" lists only facets that stand out from the person's own
 *   other facets by the content's margin, and otherwise says none does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summaryCard } from '../../src/lib/results/card.ts';
import { verdictLabel, verdictSentence } from '../../src/lib/results/wording.ts';
import { jsonRow } from '../../src/lib/server/batch/output.ts';
import { createScorer } from '../../src/lib/scoring/index.ts';
import type { Answers, ScoreResult } from '../../src/lib/scoring/types.ts';
import { content, seededRandom } from '../helpers/content.ts';

const score = createScorer(content);
const { wording, thresholds } = content.instrument;
const notSettled = wording.profiles.undecided;

/** Any answer set: every question answered, skipped now and then, or often. */
const anyAnswers = fc
	.tuple(
		fc.constantFrom(0, 0.1, 0.35),
		fc.array(fc.integer({ min: 1, max: 5 }), {
			minLength: content.items.length,
			maxLength: content.items.length
		}),
		fc.array(fc.integer({ min: 1, max: 4 }), {
			minLength: content.scenarios.length,
			maxLength: content.scenarios.length
		}),
		fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
			minLength: content.sequence.length,
			maxLength: content.sequence.length
		})
	)
	.map(([skipShare, statements, picks, skipDraws]) => {
		const answers: Record<string, number> = {};
		content.items.forEach((item, index) => {
			if (skipDraws[index]! >= skipShare) answers[item.id] = statements[index]!;
		});
		content.scenarios.forEach((scenario, index) => {
			if (skipDraws[content.items.length + index]! >= skipShare) {
				answers[scenario.id] = Math.min(picks[index]!, scenario.options.length);
			}
		});
		return answers as Answers;
	});

/**
 * A person who leans: a keyed level per scale (1–5) with answers a step off now
 * and then, picks mostly on one side, and a few blanks: the moderate leaners
 * most real people are, where words and numbers used to part.
 */
const leaningAnswers = fc
	.record({
		strategic: fc.double({ min: 1.5, max: 4.5, noNaN: true }),
		tactical: fc.double({ min: 1.5, max: 4.5, noNaN: true }),
		productPicks: fc.double({ min: 0, max: 1, noNaN: true }),
		seed: fc.integer()
	})
	.map(({ strategic, tactical, productPicks, seed }) => {
		const random = seededRandom(seed);
		const answers: Record<string, number> = {};
		for (const item of content.items) {
			if (random() < 0.08) continue;
			const level = item.scale === 'strategic' ? strategic : tactical;
			const keyed = Math.min(5, Math.max(1, Math.round(level + (random() - 0.5) * 2)));
			answers[item.id] = item.keyed === 'plus' ? keyed : 6 - keyed;
		}
		for (const scenario of content.scenarios) {
			if (random() < 0.08) continue;
			const product = random() < productPicks;
			const options = scenario.options.flatMap((option, index) =>
				(product ? option.weights.strategic : option.weights.tactical) === 1 ? [index + 1] : []
			);
			answers[scenario.id] = options[Math.floor(random() * options.length)]!;
		}
		return answers as Answers;
	});

const answerSets = fc.oneof(anyAnswers, leaningAnswers);

/** Every place a result is put in words, as a person or a program reads it. */
function wordsOf(result: ScoreResult) {
	const card = summaryCard(result, content);
	return {
		headline: verdictSentence(result, wording),
		label: verdictLabel(result, wording),
		card: card.sentence,
		map: card.mapSummary,
		cli: jsonRow({ id: 'x', line: 1, result }).lean
	};
}

/** The numbers a person is shown. */
const shownNumbers = (result: ScoreResult) =>
	JSON.stringify([
		result.scales.strategic.score,
		result.scales.strategic.band,
		result.scales.tactical.score,
		result.scales.tactical.band,
		result.position,
		result.band
	]);

describe('the words follow the numbers (fast-check, seed in tests/setup/fast-check.ts)', () => {
	it('a range wholly on one side says which side, everywhere; "not settled" only when it includes 0', () => {
		fc.assert(
			fc.property(answerSets, (answers) => {
				const result = score(answers);
				if (result.band === null) return;
				const words = wordsOf(result);
				const side = result.band.low > 0 ? 'product' : result.band.high < 0 ? 'project' : null;
				expect(result.lean).toBe(side);
				expect(words.cli).toBe(side);
				if (side === null) {
					expect(result.verdict).toBe('in-between');
					return;
				}
				for (const text of [words.headline, words.card, words.map, words.label]) {
					expect(text).not.toContain(notSettled.label);
					expect(text).not.toContain(notSettled.sentence);
				}
				expect(result.profile).not.toBe('undecided');
				// The side is named: a direction's sentence, or a slight lean's.
				const naming =
					result.verdict === side
						? wording.verdicts[side].sentence
						: result.profile
							? wording.leans[side].withProfile
							: wording.leans[side].sentence;
				expect(words.headline).toContain(naming);
				expect(words.card).toBe(words.headline);
				expect(words.map).toContain(words.label!);
			}),
			{ numRuns: 1000 }
		);
	});

	it('says "not settled" whenever the range includes 0 and the levels are neither both high nor both low', () => {
		fc.assert(
			fc.property(answerSets, (answers) => {
				const result = score(answers);
				if (result.band === null || result.lean !== null || result.profile !== 'undecided') return;
				expect(result.band.low).toBeLessThanOrEqual(0);
				expect(result.band.high).toBeGreaterThanOrEqual(0);
				expect(wordsOf(result).headline).toBe(notSettled.sentence);
			}),
			{ numRuns: 500 }
		);
	});

	it('two answer sets shown the same numbers get the same verdict, profile, lean and words, whatever was left blank', () => {
		// Seeded leaners with one or two blanks, so that the same numbers come up again and again.
		const random = seededRandom(20261204);
		const seen = new Map<string, string>();
		let repeats = 0;
		for (let person = 0; person < 20_000; person += 1) {
			const answers: Record<string, number> = {};
			const lean = 1 + random() * 4;
			for (const item of content.items) {
				const level = item.scale === 'strategic' ? lean : 6 - lean;
				const keyed = Math.min(5, Math.max(1, Math.round(level + (random() - 0.5) * 2)));
				answers[item.id] = item.keyed === 'plus' ? keyed : 6 - keyed;
			}
			for (const scenario of content.scenarios) {
				answers[scenario.id] = 1 + Math.floor(random() * scenario.options.length);
			}
			const blanks = 1 + Math.floor(random() * 2);
			for (let blank = 0; blank < blanks; blank += 1) {
				delete answers[content.sequence[Math.floor(random() * content.sequence.length)]!];
			}
			const result = score(answers);
			if (result.verdict === null) continue;
			const key = shownNumbers(result);
			const told = JSON.stringify([
				result.verdict,
				result.profile,
				result.lean,
				result.firmness,
				wordsOf(result)
			]);
			const before = seen.get(key);
			if (before === undefined) seen.set(key, told);
			else {
				repeats += 1;
				expect(told, key).toBe(before);
			}
		}
		// The check had teeth: many results were shown the same numbers as an earlier one.
		expect(repeats).toBeGreaterThan(1000);
	});

	it('"neither" to every statement keeps both levels within 40–60, with ranges that overlap, whatever the picks', () => {
		const midpoint = Object.fromEntries(content.items.map((item) => [item.id, 3]));
		const picks = fc.tuple(
			...content.scenarios.map((scenario) =>
				fc.option(fc.integer({ min: 1, max: scenario.options.length }), { nil: undefined })
			)
		);
		fc.assert(
			fc.property(picks, (chosen) => {
				const answers: Record<string, number> = { ...midpoint };
				content.scenarios.forEach((scenario, index) => {
					if (chosen[index] !== undefined) answers[scenario.id] = chosen[index]!;
				});
				const { strategic, tactical } = score(answers).scales;
				for (const level of [strategic, tactical]) {
					expect(level.score).toBeGreaterThanOrEqual(40);
					expect(level.score).toBeLessThanOrEqual(60);
				}
				expect(strategic.band!.low).toBeLessThanOrEqual(tactical.band!.high);
				expect(tactical.band!.low).toBeLessThanOrEqual(strategic.band!.high);
			})
		);
		// Every pick on the product side still moves the position, without settling it.
		const allProduct: Record<string, number> = { ...midpoint };
		for (const scenario of content.scenarios) {
			allProduct[scenario.id] =
				scenario.options.findIndex((option) => option.weights.strategic === 1) + 1;
		}
		const result = score(allProduct);
		expect(result.position).toBeGreaterThan(0);
		expect(result.verdict).toBe('in-between');
	});

	it('names as strongest only facets that stand out by the content margin, and otherwise says none does', () => {
		const margin = thresholds.facetStandsOutBy;
		fc.assert(
			fc.property(answerSets, (answers) => {
				const result = score(answers);
				if (result.verdict === null) return;
				const scored = result.facets.filter((facet) => facet.score !== null);
				const othersMean = (id: string) => {
					const others = scored.filter((facet) => facet.id !== id);
					return others.reduce((sum, facet) => sum + facet.score!, 0) / others.length;
				};
				const standsOut = scored.filter((facet) => facet.score! - othersMean(facet.id) >= margin);
				expect(result.strengths.length).toBe(
					Math.min(standsOut.length, thresholds.facetsToHighlight)
				);
				for (const id of result.strengths) {
					const facet = scored.find((candidate) => candidate.id === id)!;
					expect(facet.score! - othersMean(id)).toBeGreaterThanOrEqual(margin);
				}
				const card = summaryCard(result, content);
				expect(card.strongest.length).toBe(result.strengths.length);
				expect(card.noneStandsOut !== null).toBe(result.strengths.length === 0);
			}),
			{ numRuns: 500 }
		);
		// "Neither" to everything: nothing stands out, and the card says so.
		const neutral = Object.fromEntries(content.items.map((item) => [item.id, 3]));
		const card = summaryCard(score(neutral), content);
		expect(card.strongest).toEqual([]);
		expect(card.noneStandsOut).toContain(String(margin));
	});
});
