import { describe, expect, it } from 'vitest';
import { resultFromLink, shareQuestions } from '../../src/lib/results/from-link.ts';
import {
	formatPosition,
	rangeSentences,
	verdictLabel,
	verdictSentence
} from '../../src/lib/results/wording.ts';
import { questionnaireOf } from '../../src/lib/content/questionnaire.ts';
import { questionRefsOf } from '../../src/lib/quiz/questions.ts';
import { saveQuiz } from '../../src/lib/quiz/snapshot.ts';
import { encodeShare } from '../../src/lib/share/codec.ts';
import { scoreAnswers } from '../../src/lib/scoring/score.ts';
import { allStrategic, allTactical, content } from '../helpers/content.ts';

/** A Storage stand-in kept in memory. */
function memoryStorage() {
	const data = new Map<string, string>();
	return {
		getItem: (key: string) => data.get(key) ?? null,
		setItem: (key: string, value: string) => void data.set(key, value),
		removeItem: (key: string) => void data.delete(key)
	};
}

const linkFor = (answers: Record<string, number>) =>
	encodeShare(content.instrument, shareQuestions(content), answers);

/** A finished quiz as the questionnaire would store it. */
function storeFinishedQuiz(
	storage: ReturnType<typeof memoryStorage>,
	answers: Record<string, number>,
	seconds: number
) {
	const questions = questionRefsOf(questionnaireOf(content).questions);
	saveQuiz(storage, content.instrument, {
		status: 'active',
		value: 'submitted',
		context: {
			questions,
			index: questions.length - 1,
			answers,
			seconds: Object.fromEntries(content.sequence.map((id) => [id, seconds])),
			enteredAt: null,
			returnToReview: false
		},
		historyValue: {},
		children: {}
	});
}

describe('a result from a share link', () => {
	it('shows the same verdict and scores as the answers it carries', async () => {
		const view = await resultFromLink(content, `#${linkFor(allTactical())}`, null);
		expect(view.status).toBe('ok');
		if (view.status !== 'ok') return;
		expect(view.result.verdict).toBe('project');
		expect(view.result.firmness).toBe('firm');
		expect(view.result.profile).toBeNull();
		expect(view.result.position).toBe(-100);
		expect(view.result.scales.strategic.score).toBe(0);
		expect(view.result.scales.tactical.score).toBe(100);
		expect(view.answers).toEqual(allTactical());
		expect(view.timed).toBe(false);
	});

	it('explains a damaged link instead of failing', async () => {
		const link = linkFor(allStrategic());
		const damaged = `${link.slice(0, -3)}${link.at(-3) === 'A' ? 'B' : 'A'}${link.slice(-2)}`;
		expect(await resultFromLink(content, damaged, null)).toEqual({
			status: 'invalid',
			message: 'This link is damaged or incomplete: copy it again from the results page.'
		});
	});

	it('explains a link from another version of the questions', async () => {
		const old = encodeShare(
			{ ...content.instrument, version: '0.9.0' },
			shareQuestions(content),
			allStrategic()
		);
		expect(await resultFromLink(content, old, null)).toEqual({
			status: 'invalid',
			message:
				"This link was made with version 0.9.0 of the quiz. The quiz has changed since, so this link can't be read any more: take it again to get a result on today's questions."
		});
	});

	it('asks to take the quiz again for a link from version 1, never scoring its old answers', async () => {
		// A 1.x link with answers under the old ids: only the version is read.
		const v1 = encodeShare(
			{ version: '1.4.2', fingerprint: '0badc0de' },
			[
				{ id: 'vision-1', max: 5 },
				{ id: 'scenario-launch-slip', max: 3 }
			],
			{ 'vision-1': 5, 'scenario-launch-slip': 2 }
		);
		const view = await resultFromLink(content, `#${v1}`, null);
		expect(view).toEqual({
			status: 'invalid',
			message:
				"This link was made with version 1.4.2 of the quiz. The quiz has changed since, so this link can't be read any more: take it again to get a result on today's questions."
		});
	});

	it('has nothing to show without a fragment', async () => {
		expect(await resultFromLink(content, '', null)).toEqual({ status: 'none' });
	});

	it("uses this browser's own timings when the link is its own finished quiz", async () => {
		const storage = memoryStorage();
		storeFinishedQuiz(storage, allStrategic(), 1);
		const own = await resultFromLink(content, linkFor(allStrategic()), storage);
		expect(own.status === 'ok' && own.timed).toBe(true);
		expect(own.status === 'ok' && own.result.flags.map((f) => f.id)).toContain('rushing');
		// Somebody else's link in the same browser does not borrow those timings.
		const other = await resultFromLink(content, linkFor(allTactical()), storage);
		expect(other.status === 'ok' && other.timed).toBe(false);
	});

	it('shows the finished quiz in this browser when there is no link', async () => {
		const storage = memoryStorage();
		expect(await resultFromLink(content, '', storage)).toEqual({ status: 'none' });
		storeFinishedQuiz(storage, allTactical(), 5);
		const own = await resultFromLink(content, '', storage);
		expect(own.status === 'ok' && own.fragment).toBe(linkFor(allTactical()));
		expect(own.status === 'ok' && own.result.verdict).toBe('project');
		expect(own.status === 'ok' && own.timed).toBe(true);
	});
});

describe('result wording', () => {
	const { wording } = content.instrument;
	const noVerdict = {
		verdict: null,
		lean: null,
		profile: null,
		position: null,
		band: null,
		firmness: null
	};
	// Consistent states of a ScoreResult: a direction has a firmness, an in-between a profile,
	// a lean, or both.
	const states = {
		productFirm: {
			verdict: 'product',
			lean: 'product',
			profile: null,
			position: 64,
			band: { low: 47, high: 81 },
			firmness: 'firm'
		},
		productTentative: {
			verdict: 'product',
			lean: 'product',
			profile: null,
			position: 35,
			band: { low: 12, high: 58 },
			firmness: 'tentative'
		},
		projectFirm: {
			verdict: 'project',
			lean: 'project',
			profile: null,
			position: -100,
			band: { low: -100, high: -83 },
			firmness: 'firm'
		},
		projectTentative: {
			verdict: 'project',
			lean: 'project',
			profile: null,
			position: -31,
			band: { low: -52, high: -10 },
			firmness: 'tentative'
		},
		hybrid: {
			verdict: 'in-between',
			lean: null,
			profile: 'hybrid',
			position: 19,
			band: { low: 0, high: 38 },
			firmness: null
		},
		lowFit: {
			verdict: 'in-between',
			lean: null,
			profile: 'low-fit',
			position: -4,
			band: { low: -27, high: 19 },
			firmness: null
		},
		undecided: {
			verdict: 'in-between',
			lean: null,
			profile: 'undecided',
			position: 10,
			band: { low: -13, high: 33 },
			firmness: null
		},
		leanProduct: {
			verdict: 'in-between',
			lean: 'product',
			profile: null,
			position: 22,
			band: { low: 7, high: 37 },
			firmness: null
		},
		hybridLeanProject: {
			verdict: 'in-between',
			lean: 'project',
			profile: 'hybrid',
			position: -20,
			band: { low: -35, high: -5 },
			firmness: null
		}
	} as const;

	it('formats whole-number positions with a sign and a true minus', () => {
		expect(formatPosition(31, 'en')).toBe('+31');
		expect(formatPosition(-13, 'en')).toBe('−13');
		expect(formatPosition(-13, 'en').codePointAt(0)).toBe(0x2212);
		expect(formatPosition(100, 'en')).toBe('+100');
		expect(formatPosition(0, 'en')).toBe('0');
		expect(formatPosition(-0, 'en')).toBe('0');
	});

	it.each([
		['productFirm', 'Leans product', 'Your answers lean toward product management.'],
		['productTentative', 'Leans product', 'Your answers lean toward product management.'],
		['projectFirm', 'Leans project', 'Your answers lean toward project management.'],
		['projectTentative', 'Leans project', 'Your answers lean toward project management.'],
		['hybrid', 'Strong on both', 'Your answers show you drawn to both sides.'],
		['lowFit', 'Drawn to neither', 'Your answers show neither side drawing you strongly.'],
		[
			'undecided',
			'Not settled',
			'Your answers sit in between: they do not settle which side suits you.'
		],
		[
			'leanProduct',
			'Slight lean to product',
			'Your answers lean slightly toward product management, not strongly enough to call it.'
		],
		[
			'hybridLeanProject',
			'Strong on both',
			'Your answers show you drawn to both sides. Your whole range lies on the project side: a slight lean toward project management, not strongly enough to call it.'
		]
	] as const)(
		"%s: labels and states the verdict in the content's words",
		(state, label, sentence) => {
			expect(verdictLabel(states[state], wording)).toBe(label);
			expect(verdictSentence(states[state], wording)).toBe(sentence);
		}
	);

	it('falls back to the plain in-between words when an in-between has no profile', () => {
		const bare = { verdict: 'in-between', profile: null, lean: null } as const;
		expect(verdictLabel(bare, wording)).toBe('In between');
		expect(verdictSentence(bare, wording)).toBe(
			'Your answers sit in between product and project management.'
		);
	});

	it('says there is no result yet, with no label, when there is no verdict', () => {
		expect(verdictSentence(noVerdict, wording)).toBe('We cannot give you a result yet.');
		expect(verdictLabel(noVerdict, wording)).toBeNull();
		expect(rangeSentences(noVerdict, wording, 'en')).toBeNull();
	});

	const bandMeaning =
		"The range shows how precisely this sitting's answers place you, assuming each answer is only partly reliable; the less your answers agree with each other, the wider it is. It is not a forecast of a retake, which would vary more.";
	const firm =
		'Even the cautious end of your range is well away from the middle, so this lean is a firm one.';
	const tentative =
		'The cautious end of your range comes close to the middle, so hold this lean lightly.';

	it.each([
		['productFirm', '+64', '+47 to +81', firm],
		['productTentative', '+35', '+12 to +58', tentative],
		['projectFirm', '−100', '−100 to −83', firm],
		['projectTentative', '−31', '−52 to −10', tentative]
	] as const)(
		'%s: gives the position, its range, what the range means and how firm the lean is',
		(state, position, range, firmness) => {
			expect(rangeSentences(states[state], wording, 'en')).toEqual([
				`Your position is ${position} on a scale from −100 (project) to +100 (product), with a range from ${range}.`,
				bandMeaning,
				firmness
			]);
		}
	);

	it.each([
		['hybrid', '+19', '0 to +38'],
		['lowFit', '−4', '−27 to +19'],
		['undecided', '+10', '−13 to +33']
	] as const)(
		'%s: gives the position and range, and no firmness in between',
		(state, position, range) => {
			expect(rangeSentences(states[state], wording, 'en')).toEqual([
				`Your position is ${position} on a scale from −100 (project) to +100 (product), with a range from ${range}.`,
				bandMeaning
			]);
		}
	);

	it('words the results real answers get in the same way', () => {
		const strategic = scoreAnswers(content, allStrategic());
		expect(strategic).toMatchObject({ verdict: 'product', profile: null, firmness: 'firm' });
		expect(verdictSentence(strategic, wording)).toBe(
			'Your answers lean toward product management.'
		);
		expect(rangeSentences(strategic, wording, 'en')?.at(-1)).toBe(firm);
		const nothing = scoreAnswers(content, { 'vision-a': 4 });
		expect(nothing.verdict).toBeNull();
		expect(verdictSentence(nothing, wording)).toBe('We cannot give you a result yet.');
		expect(rangeSentences(nothing, wording, 'en')).toBeNull();
	});
});
