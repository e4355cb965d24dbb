/** The results page's own modules: citations, "why", saved results, whose result it is, the card. */
import { beforeAll, describe, expect, it } from 'vitest';
import { optionCountOf, questionnaireOf } from '../../src/lib/content/questionnaire.ts';
import { fill } from '../../src/lib/content/template.ts';
import { summaryCard } from '../../src/lib/results/card.ts';
import {
	numberCitations,
	sectionNumbers,
	withoutInlineCitations
} from '../../src/lib/results/citations.ts';
import {
	clearFinishedQuiz,
	forgetOwnResults,
	resultFromLink,
	shareQuestions
} from '../../src/lib/results/from-link.ts';
import {
	clearSavedResults,
	keep,
	loadSavedResults,
	recordResult,
	RESULTS_STORAGE_KEY
} from '../../src/lib/results/saved-results.ts';
import { answersBehindFacet, scenarioChoices } from '../../src/lib/results/why.ts';
import { QUIZ_STORAGE_KEY, saveQuiz } from '../../src/lib/quiz/snapshot.ts';
import { scoreAnswers } from '../../src/lib/scoring/score.ts';
import { encodeShare } from '../../src/lib/share/codec.ts';
import { allStrategic, allTactical, content, slightProductLean } from '../helpers/content.ts';

/** A Storage stand-in kept in memory that counts writes. */
function memoryStorage(initial: Record<string, string> = {}) {
	const data = new Map(Object.entries(initial));
	const writes: string[] = [];
	return {
		data,
		writes,
		getItem: (key: string) => data.get(key) ?? null,
		setItem: (key: string, value: string) => {
			writes.push(`set ${key}`);
			data.set(key, value);
		},
		removeItem: (key: string) => {
			writes.push(`remove ${key}`);
			data.delete(key);
		}
	};
}

/** The questions as a saved quiz lists them. */
const questionRefs = () =>
	questionnaireOf(content).questions.map((question) => ({
		id: question.id,
		kind: question.kind,
		optionCount: optionCountOf(question)
	}));

const linkFor = (answers: Record<string, number>) =>
	encodeShare(content.instrument, shareQuestions(content), answers);

/** A finished quiz as the questionnaire stores it. */
function storeFinishedQuiz(
	storage: ReturnType<typeof memoryStorage>,
	answers: Record<string, number>
) {
	const questions = questionRefs();
	saveQuiz(storage, content.instrument, {
		status: 'active',
		value: 'submitted',
		context: {
			questions,
			index: questions.length - 1,
			answers,
			seconds: Object.fromEntries(content.sequence.map((id) => [id, 5])),
			enteredAt: null,
			returnToReview: false,
			submitError: null
		},
		historyValue: {},
		children: {}
	});
	storage.writes.length = 0;
}

/** Like allStrategic but lukewarm: agreeing (4) rather than strongly (5). */
function mildlyStrategic() {
	const answers = allStrategic();
	for (const item of content.items) answers[item.id] = answers[item.id] === 5 ? 4 : 2;
	return answers;
}

// ---------------------------------------------------------------- citations

describe('citations', () => {
	it('takes every inline citation marker out of every explanation, and nothing else', () => {
		for (const explanation of content.explanations) {
			for (const paragraph of explanation.paragraphs) {
				const plain = withoutInlineCitations(paragraph.html);
				expect(plain, explanation.id).not.toMatch(/class="citation|\[(S\d{3}|M\d{2})/);
				// The words around the markers stay: the text minus the markers' own length.
				const markers = paragraph.html.match(
					/<span class="citations">.*?<\/span><\/span>|<span class="citations">.*?\]<\/span>/g
				);
				if (!markers) expect(plain).toBe(paragraph.html);
				expect(plain.replace(/<[^>]+>/g, '').length).toBeGreaterThan(20);
			}
		}
		expect(
			withoutInlineCitations(
				'Vision matters <span class="citations">[<a class="citation" href="/sources#S003" title="t" aria-label="Source S003: t">S003</a>, <a class="citation" href="/sources#M05">M05</a>]</span>.'
			)
		).toBe('Vision matters.');
	});

	it('numbers the sources first, in reading order, then the method references', () => {
		const index = numberCitations(
			[
				['M05', 'S003'],
				['S001', 'S003'],
				['M01', 'S000']
			],
			content
		);
		expect(index.sources.map((entry) => [entry.number, entry.id])).toEqual([
			[1, 'S003'],
			[2, 'S001'],
			[3, 'S000']
		]);
		expect(index.references.map((entry) => [entry.number, entry.id])).toEqual([
			[4, 'M05'],
			[5, 'M01']
		]);
		expect(index.sources[0]?.source?.title).toBe(
			content.sources.find((s) => s.id === 'S003')?.title
		);
		expect(sectionNumbers(index, ['S000', 'M05', 'S003', 'S000'])).toEqual([1, 3, 4]);
	});
});

// ---------------------------------------------------------------- why

describe('why did I get this?', () => {
	it('picks the answers furthest from the middle, reverse keying counted, in quiz order on ties', () => {
		const answers = allStrategic();
		const { answered, moved } = answersBehindFacet(content, answers, 'strategic.vision');
		const items = content.items.filter((item) => item.facet === 'strategic.vision');
		expect(answered).toBe(items.length);
		expect(moved).toHaveLength(3);
		for (const entry of moved) {
			const item = items.find((i) => i.id === entry.itemId)!;
			expect(entry.statement).toBe(item.text);
			expect(entry.answer).toBe(item.keyed === 'plus' ? 5 : 1);
			expect(entry.effect).toBe('raised');
		}
		const order = content.sequence.filter((id) => items.some((i) => i.id === id));
		expect(moved.map((entry) => entry.itemId)).toEqual(order.slice(0, 3));
		// The tactical side of the same person: every answer lowered it.
		expect(
			answersBehindFacet(content, answers, 'tactical.planning').moved.every(
				(entry) => entry.effect === 'lowered'
			)
		).toBe(true);
	});

	it('leaves out answers in the middle, and says when nothing was answered', () => {
		const items = content.items.filter((item) => item.facet === 'strategic.customers');
		const [strong, middle] = items;
		const answers = { [strong!.id]: strong!.keyed === 'plus' ? 2 : 4, [middle!.id]: 3 };
		const { answered, moved } = answersBehindFacet(content, answers, 'strategic.customers');
		expect(answered).toBe(2);
		expect(moved).toEqual([
			{
				itemId: strong!.id,
				statement: strong!.text,
				answer: answers[strong!.id],
				effect: 'lowered'
			}
		]);
		expect(answersBehindFacet(content, {}, 'strategic.customers')).toEqual({
			answered: 0,
			moved: []
		});
	});

	it('lists every situation with the chosen option and its side', () => {
		const choices = scenarioChoices(content, { ...allTactical(), [content.scenarios[0]!.id]: 0 });
		expect(choices).toHaveLength(content.scenarios.length);
		expect(choices.map((c) => c.id)).toEqual(
			content.sequence.filter((id) => content.scenarios.some((s) => s.id === id))
		);
		const skipped = choices.find((c) => c.id === content.scenarios[0]!.id)!;
		expect(skipped).toMatchObject({ option: null, side: null });
		for (const choice of choices.filter((c) => c !== skipped)) {
			expect(choice.side).toBe('tactical');
			expect(choice.option).toBeTruthy();
		}
	});
});

// ---------------------------------------------------------------- saved results

describe('saved results', () => {
	const { instrument } = content;
	// The schema loads on demand; loaded once here, so the timings below measure the checks.
	beforeAll(() => import('../../src/lib/results/saved-results-schema.ts'));

	it('keeps the newest first, at most two, without repeating the latest', async () => {
		const storage = memoryStorage();
		let entries = recordResult(storage, instrument, [], 'v-a', 1);
		entries = recordResult(storage, instrument, entries, 'v-a', 2);
		expect(entries).toEqual([{ fragment: 'v-a', savedAt: 1 }]);
		entries = recordResult(storage, instrument, entries, 'v-b', 3);
		entries = recordResult(storage, instrument, entries, 'v-c', 4);
		expect(keep).toBe(2);
		expect(entries).toEqual([
			{ fragment: 'v-c', savedAt: 4 },
			{ fragment: 'v-b', savedAt: 3 }
		]);
		expect(await loadSavedResults(storage, instrument)).toEqual({ status: 'ok', entries });
		clearSavedResults(storage);
		expect(await loadSavedResults(storage, instrument)).toEqual({ status: 'none' });
	});

	it.each([
		['truncated JSON', '{"format":1,"version":"2.0.0","entr'],
		['another shape', JSON.stringify({ format: 1, entries: 'yes' })],
		['megabytes of junk', 'x'.repeat(3_000_000)],
		[
			'too many entries',
			JSON.stringify({
				format: 1,
				version: content.instrument.version,
				fingerprint: content.instrument.fingerprint,
				entries: Array.from({ length: 9 }, (_, i) => ({ fragment: `v${i}`, savedAt: i }))
			})
		]
	])('throws away %s, quickly, and says so', async (_name, raw) => {
		const storage = memoryStorage({ [RESULTS_STORAGE_KEY]: raw });
		const started = performance.now();
		expect(await loadSavedResults(storage, instrument)).toEqual({
			status: 'discarded',
			reason: 'unreadable'
		});
		expect(performance.now() - started).toBeLessThan(200);
		expect(storage.data.has(RESULTS_STORAGE_KEY)).toBe(false);
	});

	it('throws away results from another version of the quiz', async () => {
		const storage = memoryStorage();
		recordResult(storage, { version: '1.4.0', fingerprint: 'old' }, [], 'v1', 1);
		expect(await loadSavedResults(storage, instrument)).toEqual({
			status: 'discarded',
			reason: 'other-version'
		});
	});

	it('never throws when storage refuses', async () => {
		const broken = {
			getItem: () => {
				throw new DOMException('denied', 'SecurityError');
			},
			setItem: () => {
				throw new DOMException('full', 'QuotaExceededError');
			},
			removeItem: () => {
				throw new DOMException('denied', 'SecurityError');
			}
		};
		expect(await loadSavedResults(broken, instrument)).toEqual({ status: 'none' });
		expect(recordResult(broken, instrument, [], 'v-a', 1)).toEqual([
			{ fragment: 'v-a', savedAt: 1 }
		]);
		expect(() => clearSavedResults(broken)).not.toThrow();
	});
});

// ---------------------------------------------- answers from an earlier minor version

describe('answers given under 2.0.0 (same questions)', () => {
	const earlier = { ...content.instrument, version: '2.0.0' };
	const earlierLink = (answers: Record<string, number>) =>
		encodeShare(earlier, shareQuestions(content), answers);

	it("opens a 2.0.0 link under today's rules, with a note naming both versions", async () => {
		expect(content.instrument.version).toBe('2.1.0');
		const view = await resultFromLink(content, earlierLink(mildlyStrategic()), memoryStorage());
		expect(view).toMatchObject({ status: 'ok', audience: 'shared' });
		if (view.status !== 'ok') return;
		expect(view.result).toEqual(scoreAnswers(content, mildlyStrategic()));
		expect(view.notices).toEqual([
			fill(content.resultsPage.states.rescored, { version: '2.0.0', current: '2.1.0' })
		]);
	});

	it("keeps results saved under 2.0.0 as this device's own, rewritten as today's links", async () => {
		const storage = memoryStorage();
		recordResult(storage, earlier, [], earlierLink(allStrategic()), 1000);
		const view = await resultFromLink(content, '', storage, 2000);
		expect(view).toMatchObject({
			status: 'ok',
			audience: 'own',
			fragment: linkFor(allStrategic())
		});
		expect(view.status === 'ok' && view.notices?.[0]).toContain('version 2.0.0');
	});

	it('says so only of the result shown: a 2.1 link beside a kept 2.0.0 result has no note', async () => {
		const storage = memoryStorage();
		recordResult(storage, earlier, [], earlierLink(allStrategic()), 1000);
		const view = await resultFromLink(content, linkFor(allTactical()), storage, 2000);
		expect(view).toMatchObject({ status: 'ok' });
		expect(view.status === 'ok' && view.notices).toBeFalsy();
	});

	it('still says the quiz changed for a link from another major version', async () => {
		const old = encodeShare({ ...earlier, version: '1.0.0' }, shareQuestions(content), {});
		const view = await resultFromLink(content, old, memoryStorage());
		expect(view).toMatchObject({ status: 'invalid' });
	});
});

// ---------------------------------------------------------------- whose result it is

describe('whose result it is', () => {
	it('keeps the own finished quiz as a result on the device, and compares after a retake', async () => {
		const storage = memoryStorage();
		storeFinishedQuiz(storage, mildlyStrategic());
		const first = await resultFromLink(content, linkFor(mildlyStrategic()), storage, 1000);
		expect(first).toMatchObject({ status: 'ok', audience: 'own', previous: null, hasOwn: true });
		expect(await loadSavedResults(storage, content.instrument)).toMatchObject({
			entries: [{ fragment: linkFor(mildlyStrategic()), savedAt: 1000 }]
		});

		// Taken again: a new finished quiz.
		storeFinishedQuiz(storage, allStrategic());
		const second = await resultFromLink(content, linkFor(allStrategic()), storage, 2000);
		expect(second.status === 'ok' && second.audience).toBe('own');
		expect(second.status === 'ok' && second.previous?.savedAt).toBe(1000);
		expect(second.status === 'ok' && second.previous?.result.scales).toEqual(
			scoreAnswers(content, mildlyStrategic()).scales
		);

		// Later, with the finished quiz gone: /results alone shows the latest own result.
		storage.data.delete(QUIZ_STORAGE_KEY);
		const later = await resultFromLink(content, '', storage, 3000);
		expect(later).toMatchObject({
			status: 'ok',
			audience: 'own',
			fragment: linkFor(allStrategic())
		});
		expect(later.status === 'ok' && later.previous?.savedAt).toBe(1000);
		// The earlier own link still reads as own, without a comparison (it is not the latest).
		const earlier = await resultFromLink(content, linkFor(mildlyStrategic()), storage, 4000);
		expect(earlier).toMatchObject({ status: 'ok', audience: 'own', previous: null });
	});

	it('opens anyone else’s link as shared and never writes to this browser’s storage', async () => {
		const storage = memoryStorage();
		storeFinishedQuiz(storage, allStrategic());
		recordResult(storage, content.instrument, [], linkFor(allStrategic()), 1);
		const snapshot = new Map(storage.data);
		storage.writes.length = 0;
		const view = await resultFromLink(content, linkFor(allTactical()), storage, 5);
		expect(view).toMatchObject({ status: 'ok', audience: 'shared', previous: null, hasOwn: true });
		expect(storage.writes).toEqual([]);
		expect(storage.data).toEqual(snapshot);
	});

	it('never removes the visitor’s unfinished or unreadable quiz, whatever it holds', async () => {
		for (const raw of ['{"format":1,"snap', 'x'.repeat(200_000), JSON.stringify({ format: 1 })]) {
			const storage = memoryStorage({ [QUIZ_STORAGE_KEY]: raw });
			const view = await resultFromLink(content, linkFor(allTactical()), storage);
			expect(view.status === 'ok' && view.audience).toBe('shared');
			expect(storage.data.get(QUIZ_STORAGE_KEY)).toBe(raw);
			expect(storage.writes).toEqual([]);
		}
	});

	it('recovers at once from a saved quiz with a tampered option count', async () => {
		const storage = memoryStorage();
		const questions = questionRefs().map((q) =>
			q.id === content.sequence[0] ? { ...q, optionCount: 99 } : q
		);
		const answers = { ...allStrategic(), [content.sequence[0]!]: 42 };
		saveQuiz(storage, content.instrument, {
			status: 'active',
			value: 'submitted',
			context: {
				questions,
				index: 0,
				answers,
				seconds: {},
				enteredAt: null,
				returnToReview: false,
				submitError: null
			},
			historyValue: {},
			children: {}
		});
		const started = performance.now();
		const view = await resultFromLink(content, '', storage);
		expect(performance.now() - started).toBeLessThan(1000);
		expect(view.status).toBe('none');
	});

	it('removes unreadable saved results and says so', async () => {
		const storage = memoryStorage({ [RESULTS_STORAGE_KEY]: '{"entries": [' });
		const view = await resultFromLink(content, '', storage);
		expect(view).toEqual({
			status: 'none',
			notices: [content.resultsPage.states.savedResultsUnreadable]
		});
		expect(storage.data.has(RESULTS_STORAGE_KEY)).toBe(false);
	});

	it('removes saved results whose links no longer read, and says so', async () => {
		const storage = memoryStorage();
		recordResult(storage, content.instrument, [], 'v2.0.0.garbage.AAAA', 1);
		const view = await resultFromLink(content, '', storage);
		expect(view).toEqual({
			status: 'none',
			notices: [content.resultsPage.states.savedResultsUnreadable]
		});
	});

	it('takes the quiz again without losing a quiz in progress, and forgets on request', async () => {
		const storage = memoryStorage();
		storeFinishedQuiz(storage, allStrategic());
		await resultFromLink(content, '', storage);
		await clearFinishedQuiz(content, storage);
		expect(storage.data.has(QUIZ_STORAGE_KEY)).toBe(false);
		// The kept result stays for "last time → now".
		expect(storage.data.has(RESULTS_STORAGE_KEY)).toBe(true);

		const inProgress = '{"format":1,"version":"x"}';
		storage.data.set(QUIZ_STORAGE_KEY, inProgress);
		await forgetOwnResults(content, storage);
		expect(storage.data.has(RESULTS_STORAGE_KEY)).toBe(false);
		expect(storage.data.get(QUIZ_STORAGE_KEY)).toBe(inProgress);
	});
});

// ---------------------------------------------------------------- the card

describe('the summary card', () => {
	it('says the verdict, lists project then product, and the strongest facets, in content’s words', () => {
		const result = scoreAnswers(content, allStrategic());
		const card = summaryCard(result, content);
		expect(card.sentence).toBe(content.instrument.wording.verdicts.product.sentence);
		expect(card.firmness).toBe(content.instrument.wording.firmness.firm);
		expect(
			card.levels.map((level) => [level.scale, level.label, level.score, level.range])
		).toEqual([
			['tactical', 'Tactical (project)', '0', 'range 0–11'],
			['strategic', 'Strategic (product)', '100', 'range 89–100']
		]);
		expect(card.strongest).toHaveLength(content.instrument.thresholds.facetsToHighlight);
		expect(card.strongest[0]).toBe('Vision and the "why" 100');
		expect(card.map.point).not.toBeNull();
		expect(card.mapSummary).toContain(
			'a position of +100 with a range from +84 to +100: Leans product.'
		);
		expect(card.noneStandsOut).toBeNull();
	});

	it('calls a slight lean a slight lean on the card and in the map text, never "not settled"', () => {
		const answers = slightProductLean();
		const result = scoreAnswers(content, answers);
		expect(result).toMatchObject({ verdict: 'in-between', lean: 'product', profile: null });
		const card = summaryCard(result, content);
		const { leans, profiles } = content.instrument.wording;
		expect(card.sentence).toBe(leans.product.sentence);
		expect(card.mapSummary).toContain(`: ${leans.product.label}.`);
		expect(card.mapSummary).not.toContain(profiles.undecided.label);
		// The picture agrees: the range's region lies wholly right of the middle line (position 0).
		const middleX = card.map.middle[0][0];
		expect(card.map.middle[1][0]).toBe(middleX);
		expect(Math.min(...card.map.band!.map(([x]) => x))).toBeGreaterThan(middleX);
	});
});
