import { describe, expect, it } from 'vitest';
import { resultFromLink, shareQuestions } from '../../src/lib/results/from-link.ts';
import {
	certaintySentence,
	formatPosition,
	verdictSentence
} from '../../src/lib/results/wording.ts';
import { questionnaireOf } from '../../src/lib/content/questionnaire.ts';
import { questionRefsOf } from '../../src/lib/quiz/machine.ts';
import { saveQuiz } from '../../src/lib/quiz/persistence.ts';
import { encodeShare } from '../../src/lib/share/codec.ts';
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
		expect(view.result.verdict).toBe('clear-project');
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
		const view = await resultFromLink(content, old, null);
		expect(view.status).toBe('invalid');
		expect(view.status === 'invalid' && view.message).toMatch(/version 0\.9\.0/);
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
		expect(own.status === 'ok' && own.result.verdict).toBe('clear-project');
		expect(own.status === 'ok' && own.timed).toBe(true);
	});
});

describe('result wording', () => {
	it('formats positions with a sign and a true minus', () => {
		expect(formatPosition(31.4)).toBe('+31');
		expect(formatPosition(-12.6)).toBe('−13');
		expect(formatPosition(0.3)).toBe('0');
	});

	it('says how sure in words and numbers', () => {
		expect(
			certaintySentence({
				verdict: 'leaning-product',
				position: 20,
				band: { low: 4, high: 36 },
				confidence: 0.9
			})
		).toBe(
			'We are fairly sure of the direction (90%). Your position is +20 on a scale from −100 (project) to +100 (product); your 90% band runs from +4 to +36.'
		);
		expect(
			certaintySentence({
				verdict: 'balanced',
				position: -5,
				band: { low: -20, high: 10 },
				confidence: 0.7
			})
		).toMatch(/it includes zero, so we cannot say you lean either way/);
		expect(
			certaintySentence({ verdict: null, position: null, band: null, confidence: null })
		).toBeNull();
		expect(verdictSentence({ verdict: null, noVerdictReason: 'x' })).toBe(
			'We cannot give you a result yet.'
		);
	});
});
