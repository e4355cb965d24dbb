import { assign, createActor, setup, type Snapshot } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
	QUIZ_STORAGE_KEY,
	clearQuiz,
	loadQuiz,
	saveQuiz,
	type QuizStorage
} from '../../src/lib/quiz/persistence.ts';

/** An in-memory `Storage`, enough for the three methods the module uses. */
class MemoryStorage implements QuizStorage {
	readonly items = new Map<string, string>();
	getItem(key: string): string | null {
		return this.items.get(key) ?? null;
	}
	setItem(key: string, value: string): void {
		this.items.set(key, String(value));
	}
	removeItem(key: string): void {
		this.items.delete(key);
	}
}

/** A storage where every call fails, as in some private modes. */
class ThrowingStorage implements QuizStorage {
	getItem(): string | null {
		throw new DOMException('The operation is insecure.', 'SecurityError');
	}
	setItem(): void {
		throw new DOMException('Quota exceeded', 'QuotaExceededError');
	}
	removeItem(): void {
		throw new DOMException('The operation is insecure.', 'SecurityError');
	}
}

const instrument = { version: '1.2.0', fingerprint: 'a1b2c3d4' };
const questionIds = ['i1', 'i2', 's1', 'i3'];

interface QuizContext {
	questions: { id: string; kind: 'likert' | 'scenario'; optionCount: number }[];
	index: number;
	answers: Record<string, number>;
	seconds: Record<string, number>;
	enteredAt: number | null;
	returnToReview: boolean;
}

/** A stand-in with the questionnaire machine's context and states, to get real snapshots. */
const quizMachine = setup({
	types: {
		context: {} as QuizContext,
		events: {} as { type: 'answer.select'; value: number } | { type: 'nav.review' }
	}
}).createMachine({
	id: 'quiz',
	context: {
		questions: [
			{ id: 'i1', kind: 'likert', optionCount: 5 },
			{ id: 'i2', kind: 'likert', optionCount: 5 },
			{ id: 's1', kind: 'scenario', optionCount: 4 },
			{ id: 'i3', kind: 'likert', optionCount: 5 }
		],
		index: 0,
		answers: {},
		seconds: {},
		enteredAt: 1000,
		returnToReview: false
	},
	initial: 'answering',
	states: {
		answering: {
			on: {
				'answer.select': {
					actions: assign(({ context, event }) => {
						const id = context.questions[context.index]!.id;
						return {
							answers: { ...context.answers, [id]: event.value },
							seconds: { ...context.seconds, [id]: 4.5 },
							index: context.index + 1
						};
					})
				},
				'nav.review': 'reviewing'
			}
		},
		reviewing: {},
		submitted: {}
	}
});

function persistedAfter(...values: number[]): unknown {
	const actor = createActor(quizMachine).start();
	for (const value of values) actor.send({ type: 'answer.select', value });
	const snapshot = actor.getPersistedSnapshot();
	actor.stop();
	return snapshot;
}

/** A saved envelope as plain JSON, for tests that damage one part of it. */
function savedJson(): { snapshot: { context: Record<string, unknown> } } & Record<string, unknown> {
	const storage = new MemoryStorage();
	saveQuiz(storage, instrument, persistedAfter(4, 2), 5000);
	return JSON.parse(storage.getItem(QUIZ_STORAGE_KEY)!);
}

function storageWith(value: unknown): MemoryStorage {
	const storage = new MemoryStorage();
	storage.setItem(QUIZ_STORAGE_KEY, typeof value === 'string' ? value : JSON.stringify(value));
	return storage;
}

const unreadable = {
	status: 'discarded',
	reason: 'unreadable',
	notice: 'Your saved answers could not be read, so we started a fresh quiz.'
};

describe('saveQuiz', () => {
	it('stores the snapshot under one key, stamped with the instrument', () => {
		const storage = new MemoryStorage();
		const snapshot = persistedAfter(4);
		expect(saveQuiz(storage, instrument, snapshot, 1234)).toBe(true);
		expect([...storage.items.keys()]).toEqual(['rolefit.quiz']);
		expect(JSON.parse(storage.getItem('rolefit.quiz')!)).toEqual({
			format: 1,
			version: '1.2.0',
			fingerprint: 'a1b2c3d4',
			savedAt: 1234,
			snapshot: JSON.parse(JSON.stringify(snapshot))
		});
	});

	it('returns false instead of throwing when storage is full or forbidden', async () => {
		expect(saveQuiz(new ThrowingStorage(), instrument, persistedAfter(4))).toBe(false);
	});

	it('returns false for a snapshot that is not JSON', async () => {
		const storage = new MemoryStorage();
		expect(saveQuiz(storage, instrument, { context: { big: 1n } })).toBe(false);
		expect(storage.items.size).toBe(0);
	});
});

describe('loadQuiz', () => {
	it('finds nothing when nothing was saved', async () => {
		expect(await loadQuiz(new MemoryStorage(), instrument, questionIds)).toEqual({
			status: 'none'
		});
	});

	it('restores what was saved, and an actor resumes from it', async () => {
		const storage = new MemoryStorage();
		saveQuiz(storage, instrument, persistedAfter(4, 2), 5000);

		const loaded = await loadQuiz(storage, instrument, questionIds);
		expect(loaded).toMatchObject({ status: 'restored', savedAt: 5000 });
		if (loaded.status !== 'restored') return;
		// It type-checks as what createActor accepts.
		const snapshot: Snapshot<unknown> = loaded.snapshot;
		const actor = createActor(quizMachine, { snapshot }).start();
		actor.send({ type: 'answer.select', value: 3 });
		const resumed = actor.getSnapshot();
		expect(resumed.value).toBe('answering');
		expect(resumed.context.index).toBe(3);
		expect(resumed.context.answers).toEqual({ i1: 4, i2: 2, s1: 3 });
		expect(resumed.context.seconds).toEqual({ i1: 4.5, i2: 4.5, s1: 4.5 });
		expect(storage.getItem(QUIZ_STORAGE_KEY)).not.toBeNull();
	});

	it('restores the reviewing state and fields it does not know about', async () => {
		const actor = createActor(quizMachine).start();
		actor.send({ type: 'nav.review' });
		const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
		persisted.context.extra = { kept: true };
		const storage = new MemoryStorage();
		saveQuiz(storage, instrument, persisted);
		const loaded = await loadQuiz(storage, instrument, questionIds);
		expect(loaded).toMatchObject({
			status: 'restored',
			snapshot: { value: 'reviewing', context: { extra: { kept: true } } }
		});
	});

	it.each([
		['broken JSON', '{"format": 1, '],
		['an empty string', ''],
		['JSON that is not an object', '42'],
		['null', 'null']
	])('discards %s', async (_, raw) => {
		const storage = storageWith(raw);
		expect(await loadQuiz(storage, instrument, questionIds)).toEqual(unreadable);
		expect(storage.getItem(QUIZ_STORAGE_KEY)).toBeNull();
	});

	type Damage = (saved: ReturnType<typeof savedJson>) => void;
	const context = (saved: ReturnType<typeof savedJson>) => saved.snapshot.context;
	const questionsOf = (saved: ReturnType<typeof savedJson>) =>
		context(saved).questions as { id: string; kind: string; optionCount: number }[];

	it.each<[string, Damage]>([
		['another format', (saved) => (saved.format = 2)],
		['no snapshot', (saved) => Reflect.deleteProperty(saved, 'snapshot')],
		['no savedAt', (saved) => delete saved.savedAt],
		['a finished actor', (saved) => Object.assign(saved.snapshot, { status: 'done' })],
		['an unknown state', (saved) => Object.assign(saved.snapshot, { value: 'finished' })],
		['a nested state value', (saved) => Object.assign(saved.snapshot, { value: { a: 'b' } })],
		['no context', (saved) => Object.assign(saved.snapshot, { context: undefined })],
		['a negative index', (saved) => (context(saved).index = -1)],
		['an index past the last question', (saved) => (context(saved).index = 4)],
		['a fractional index', (saved) => (context(saved).index = 1.5)],
		['an answer to an unknown question', (saved) => (context(saved).answers = { zz: 3 })],
		['an agreement answer of 6', (saved) => (context(saved).answers = { i1: 6 })],
		['an answer of 0', (saved) => (context(saved).answers = { i1: 0 })],
		['a fractional answer', (saved) => (context(saved).answers = { i1: 2.5 })],
		['a text answer', (saved) => (context(saved).answers = { i1: '3' })],
		['a scenario answer beyond its options', (saved) => (context(saved).answers = { s1: 5 })],
		['seconds for an unknown question', (saved) => (context(saved).seconds = { zz: 3 })],
		['negative seconds', (saved) => (context(saved).seconds = { i1: -1 })],
		['enteredAt as text', (saved) => (context(saved).enteredAt = 'now')],
		['no returnToReview', (saved) => delete context(saved).returnToReview],
		['questions in another order', (saved) => questionsOf(saved).reverse()],
		['a question missing', (saved) => questionsOf(saved).pop()],
		[
			'an extra question',
			(saved) => questionsOf(saved).push({ id: 'i9', kind: 'likert', optionCount: 5 })
		],
		['an unknown question kind', (saved) => (questionsOf(saved)[0]!.kind = 'essay')]
	])('discards a save with %s, and removes it', async (_, damage) => {
		const saved = savedJson();
		damage(saved);
		const storage = storageWith(saved);
		expect(await loadQuiz(storage, instrument, questionIds)).toEqual(unreadable);
		expect(storage.getItem(QUIZ_STORAGE_KEY)).toBeNull();
	});

	it('restores the undamaged save those cases start from', async () => {
		// Guards the table above: each case fails because of its damage alone.
		expect((await loadQuiz(storageWith(savedJson()), instrument, questionIds)).status).toBe(
			'restored'
		);
	});

	it('discards a save whose questions differ from the current ones', async () => {
		const storage = storageWith(savedJson());
		expect(await loadQuiz(storage, instrument, ['i1', 'i2', 's1', 'i4'])).toEqual(unreadable);
		expect(storage.getItem(QUIZ_STORAGE_KEY)).toBeNull();
	});

	it.each([
		['an earlier version', { ...instrument, version: '1.1.9' }, instrument],
		[
			'an earlier version, compared as numbers',
			{ ...instrument, version: '1.9.0' },
			{ ...instrument, version: '1.10.0' }
		],
		[
			'other questions under the same version',
			{ ...instrument, fingerprint: 'ffff0000' },
			instrument
		]
	])('discards a save from %s, saying so', async (_, saved, current) => {
		const storage = new MemoryStorage();
		saveQuiz(storage, saved, persistedAfter(4));
		expect(await loadQuiz(storage, current, questionIds)).toEqual({
			status: 'discarded',
			reason: 'other-version',
			notice:
				'This quiz has changed since you last answered it, so your earlier answers cannot be used: we started a fresh one for you to take again.'
		});
		expect(storage.getItem(QUIZ_STORAGE_KEY)).toBeNull();
	});

	it('does not call a save from a newer version "earlier"', async () => {
		const storage = new MemoryStorage();
		saveQuiz(storage, { ...instrument, version: '2.0.0' }, persistedAfter(4));
		expect(await loadQuiz(storage, instrument, questionIds)).toEqual({
			status: 'discarded',
			reason: 'other-version',
			notice:
				'We found an unfinished quiz from a different version of the questions, so we started a fresh one.'
		});
	});

	it('reports another version even when the old snapshot has another shape', async () => {
		const storage = storageWith({ ...savedJson(), version: '0.9.0', snapshot: { old: true } });
		expect(await loadQuiz(storage, instrument, questionIds)).toMatchObject({
			reason: 'other-version'
		});
	});

	it('treats storage that throws as having nothing saved', async () => {
		expect(await loadQuiz(new ThrowingStorage(), instrument, questionIds)).toEqual({
			status: 'none'
		});
	});

	it('still discards when the bad save cannot be removed', async () => {
		const storage = storageWith('not json');
		storage.removeItem = () => {
			throw new DOMException('The operation is insecure.', 'SecurityError');
		};
		expect(await loadQuiz(storage, instrument, questionIds)).toEqual(unreadable);
	});
});

describe('clearQuiz', () => {
	it('removes the saved quiz and nothing else', async () => {
		const storage = new MemoryStorage();
		storage.setItem('other', 'x');
		saveQuiz(storage, instrument, persistedAfter(4));
		clearQuiz(storage);
		expect([...storage.items.keys()]).toEqual(['other']);
		expect(await loadQuiz(storage, instrument, questionIds)).toEqual({ status: 'none' });
	});

	it('does not throw when storage does', async () => {
		expect(() => clearQuiz(new ThrowingStorage())).not.toThrow();
	});
});
