/**
 * Every language under `content/translations/` loads, and says the same instrument as English:
 * the same questions in the same order with the same keying, facets, options and weights (so
 * the same fingerprint), its answer words running from least to most agreement, and no
 * statement, option or explanation left in English. What the loader checks for every language
 * (ids, option counts, placeholders, citations) is in `translation-rules.test.ts`; the meaning of
 * each reverse-keyed statement is checked by people (`keying-check.md` in each folder).
 */
import { describe, expect, it } from 'vitest';
import { loadLanguages } from '../../src/lib/content/loader.server.ts';
import { content as english, contentDir } from '../helpers/content.ts';
import { describePosition } from '../../src/lib/charts/summary.ts';

const languages = await loadLanguages(contentDir);

/**
 * How much agreement an answer word says, -2 (strongly disagree) to 2 (strongly agree), read
 * from words each language uses for it. Null when the words are not recognised (a test failure).
 */
const agreement: Record<string, (text: string) => number | null> = {
	es(text) {
		const t = text.toLowerCase();
		if (/ni .*acuerdo ni .*desacuerdo/.test(t)) return 0;
		const strong = /totalmente|muy/.test(t);
		if (/desacuerdo/.test(t)) return strong ? -2 : -1;
		if (/de acuerdo/.test(t)) return strong ? 2 : 1;
		return null;
	},
	de(text) {
		const t = text.toLowerCase();
		if (/weder/.test(t)) return 0;
		const strong = /überhaupt|voll und ganz/.test(t);
		if (/nicht zu|nicht zugestimmt|abgelehnt/.test(t)) return strong ? -2 : -1;
		if (/zu(gestimmt)?\b/.test(t)) return strong ? 2 : 1;
		return null;
	},
	ar(text) {
		// "Neither agree nor object", "do not agree", "agree", "strongly".
		if (/لا أوافق ولا أعارض/.test(text)) return 0;
		const strong = /بشدة/.test(text);
		if (/لا أوافق/.test(text)) return strong ? -2 : -1;
		if (/أوافق/.test(text)) return strong ? 2 : 1;
		return null;
	}
};

describe.each(
	languages.map(({ language, content }) => [language.code, language, content] as const)
)('%s', (code, language, content) => {
	it('has a status: who translated, how, and whether a native speaker has reviewed it', () => {
		expect(language.translatedBy.length).toBeGreaterThan(3);
		expect(language.method.length).toBeGreaterThan(20);
		expect(typeof language.reviewed).toBe('boolean');
		expect(language.dir).toBe(code === 'ar' ? 'rtl' : 'ltr');
	});

	it('asks the same questions, in the same order, keyed and weighted the same', () => {
		expect(content.instrument.fingerprint).toBe(english.instrument.fingerprint);
		expect(content.instrument.version).toBe(english.instrument.version);
		expect(content.sequence).toEqual(english.sequence);
		expect(content.items.map(({ id, facet, keyed, scale }) => [id, facet, keyed, scale])).toEqual(
			english.items.map(({ id, facet, keyed, scale }) => [id, facet, keyed, scale])
		);
		expect(content.scenarios.map((s) => s.options.map((o) => o.weights))).toEqual(
			english.scenarios.map((s) => s.options.map((o) => o.weights))
		);
		expect(content.consistencyPairs).toEqual(english.consistencyPairs);
		expect(content.instrument.thresholds).toEqual(english.instrument.thresholds);
	});

	it('runs its answer words from least to most agreement', () => {
		const read = agreement[code];
		expect(read, `no agreement words known for "${code}": add them to this test`).toBeDefined();
		for (const labels of [content.instrument.likertLabels, content.resultsPage.why.answered]) {
			expect(
				labels.map((label) => read!(label)),
				labels.join(' | ')
			).toEqual([-2, -1, 0, 1, 2]);
		}
	});

	it('leaves no statement, option, explanation or page text in English', () => {
		const pairs: [string, string][] = [
			...content.items.map((item, i): [string, string] => [item.text, english.items[i]!.text]),
			...content.scenarios.flatMap((scenario, i) => [
				[scenario.text, english.scenarios[i]!.text] as [string, string],
				...scenario.options.map((option, k): [string, string] => [
					option.text,
					english.scenarios[i]!.options[k]!.text
				])
			]),
			...content.explanations.flatMap((explanation, i) =>
				explanation.paragraphs.map((paragraph, k): [string, string] => [
					paragraph.markdown,
					english.explanations[i]!.paragraphs[k]!.markdown
				])
			),
			[content.quizPage.question.likertPrompt, english.quizPage.question.likertPrompt],
			[content.resultsPage.card.heading, english.resultsPage.card.heading],
			[content.instrument.wording.notForSelection, english.instrument.wording.notForSelection]
		];
		const untranslated = pairs.filter(([text, base]) => text === base).map(([text]) => text);
		expect(untranslated).toEqual([]);
	});

	it('carries the manual’s safe-use section under a heading of its own', () => {
		expect(languages.find((l) => l.language.code === code)!.manualHeading).not.toBe(
			'Evidence status and safe use'
		);
	});
});

it('fills a sentence with words written for it: German nouns keep their capital', () => {
	const de = languages.find(({ language }) => language.code === 'de')!.content;
	const result = { position: 42, band: { low: 30, high: 54 }, noVerdictReason: null };
	expect(describePosition(result, de.resultsPage.charts, 'de').summary).toContain(
		'Produktmanagement'
	);
	expect(describePosition(result, english.resultsPage.charts, 'en').summary).toContain(
		'towards product management'
	);
});

it('finds Spanish, German and Arabic', () => {
	expect(languages.map(({ language }) => language.code)).toEqual(['ar', 'de', 'es']);
});
