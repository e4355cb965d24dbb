/**
 * The stored quiz (`snapshot.ts`): what is saved, what is restored, and that anything else is
 * discarded with a reason, quickly, whatever it is.
 */
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { questionnaireMachine } from '../../src/lib/quiz/machine.ts';
import {
	MAX_STORED_LENGTH,
	QUIZ_STORAGE_KEY,
	browserStorage,
	clearQuiz,
	loadQuiz,
	migrateQuiz,
	parseQuiz,
	persistAction,
	saveQuiz,
	serialiseQuiz,
	watchQuiz,
	type QuizStorage
} from '../../src/lib/quiz/snapshot.ts';
import type { QuestionnaireEvent, QuestionRef } from '../../src/lib/quiz/types.ts';

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
const questions: QuestionRef[] = [
	{ id: 'i1', kind: 'likert', optionCount: 5 },
	{ id: 'i2', kind: 'likert', optionCount: 5 },
	{ id: 's1', kind: 'scenario', optionCount: 4 },
	{ id: 'i3', kind: 'likert', optionCount: 5 }
];
const questionIds = questions.map((question) => question.id);

/** The real machine's persisted snapshot after `events`, as it comes out of JSON. */
function persistedAfter(...events: QuestionnaireEvent[]) {
	const actor = createActor(questionnaireMachine, { input: { questions, at: 0 } }).start();
	for (const event of events) actor.send(event);
	const snapshot = actor.getPersistedSnapshot();
	actor.stop();
	return JSON.parse(JSON.stringify(snapshot));
}

const answered = (value: number, at: number): QuestionnaireEvent[] => [
	{ type: 'answer.select', value, at },
	{ type: 'nav.next', at: at + 500 }
];

/** Two questions answered, on the third. */
const twoAnswered = () => persistedAfter(...answered(4, 1000), ...answered(2, 3000));

/** A saved envelope as plain JSON, for tests that damage one part of it. */
function savedJson() {
	const text = serialiseQuiz(instrument, twoAnswered(), 5000)!;
	return JSON.parse(text) as {
		format: number;
		version: string;
		fingerprint: string;
		savedAt?: number;
		snapshot: Record<string, unknown> & { context: Record<string, unknown> };
	};
}

function storageWith(value: unknown): MemoryStorage {
	const storage = new MemoryStorage();
	storage.setItem(QUIZ_STORAGE_KEY, typeof value === 'string' ? value : JSON.stringify(value));
	return storage;
}

/** Loads with a stopwatch: every answer, whatever the input, comes well within a second. */
async function timedLoad(
	storage: QuizStorage,
	expected: readonly QuestionRef[] | readonly string[] = questions
) {
	const started = performance.now();
	const result = await loadQuiz(storage, instrument, expected);
	return { result, ms: performance.now() - started };
}

describe('saveQuiz', () => {
	it('stores the snapshot under one key, stamped with the instrument', () => {
		// Arrange
		const storage = new MemoryStorage();
		const snapshot = twoAnswered();

		// Act
		const saved = saveQuiz(storage, instrument, snapshot, 1234);

		// Assert
		expect(saved).toBe(true);
		expect([...storage.items.keys()]).toEqual(['rolefit.quiz']);
		expect(JSON.parse(storage.getItem('rolefit.quiz')!)).toEqual({
			format: 1,
			version: '1.2.0',
			fingerprint: 'a1b2c3d4',
			savedAt: 1234,
			snapshot
		});
	});

	it('returns false instead of throwing when storage is full or forbidden', () => {
		expect(saveQuiz(new ThrowingStorage(), instrument, twoAnswered())).toBe(false);
	});

	it.each([
		['not JSON', { status: 'active', value: 'answering', context: { big: 1n } }],
		['a stopped or failed actor', { ...twoAnswered(), status: 'error' }],
		['a submission in flight', { ...twoAnswered(), value: 'submitting' }],
		['nothing', null]
	])('keeps nothing for a snapshot that is %s', (_, snapshot) => {
		// Arrange
		const storage = new MemoryStorage();

		// Act
		const saved = saveQuiz(storage, instrument, snapshot);

		// Assert
		expect(saved).toBe(false);
		expect(storage.items.size).toBe(0);
	});
});

describe('loadQuiz', () => {
	it('finds nothing when nothing was saved', async () => {
		expect(await loadQuiz(new MemoryStorage(), instrument, questions)).toEqual({ status: 'none' });
	});

	it('restores what was saved, and the real machine resumes from it', async () => {
		// Arrange
		const storage = new MemoryStorage();
		saveQuiz(storage, instrument, twoAnswered(), 5000);

		// Act
		const loaded = await loadQuiz(storage, instrument, questions);

		// Assert
		expect(loaded).toMatchObject({ status: 'restored', savedAt: 5000 });
		if (loaded.status !== 'restored') return;
		const actor = createActor(questionnaireMachine, {
			input: { questions },
			snapshot: loaded.snapshot
		}).start();
		actor.send({ type: 'answer.select', value: 3 });
		const resumed = actor.getSnapshot();
		expect(resumed.value).toBe('answering');
		expect(resumed.context.index).toBe(2);
		expect(resumed.context.answers).toEqual({ i1: 4, i2: 2, s1: 3 });
		expect(resumed.context.seconds).toEqual({ i1: 1.5, i2: 2 });
		expect(storage.getItem(QUIZ_STORAGE_KEY)).not.toBeNull();
	});

	it('restores the review screen and a submitted quiz', async () => {
		// Arrange
		const reviewing = persistedAfter({ type: 'review.open' });
		const submitted = { ...reviewing, value: 'submitted' };

		// Act
		const fromReview = await loadQuiz(
			storageWith(serialiseQuiz(instrument, reviewing)),
			instrument,
			questions
		);
		const fromSubmitted = await loadQuiz(
			storageWith(serialiseQuiz(instrument, submitted)),
			instrument,
			questions
		);

		// Assert
		expect(fromReview).toMatchObject({ status: 'restored', snapshot: { value: 'reviewing' } });
		expect(fromSubmitted).toMatchObject({ status: 'restored', snapshot: { value: 'submitted' } });
	});

	it('passes on only the fields it checked, with the current questions', async () => {
		// Arrange: fields nobody asked for, in the context and beside it.
		const saved = savedJson();
		saved.snapshot.context.extra = { injected: true };
		saved.snapshot.context.submitError = 'old news';

		// Act
		const loaded = await loadQuiz(storageWith(saved), instrument, questions);

		// Assert
		expect(loaded.status).toBe('restored');
		if (loaded.status !== 'restored') return;
		expect(Object.keys(loaded.snapshot.context).sort()).toEqual(
			[
				'answers',
				'enteredAt',
				'index',
				'questions',
				'returnToReview',
				'seconds',
				'submitError'
			].sort()
		);
		expect(loaded.snapshot.context.submitError).toBeNull();
		expect(loaded.snapshot.context.questions).toEqual(questions);
		expect(loaded.snapshot.context.questions).not.toBe(questions);
	});

	it('accepts the question ids alone, as the results page passes them', async () => {
		expect((await loadQuiz(storageWith(savedJson()), instrument, questionIds)).status).toBe(
			'restored'
		);
	});

	type Saved = ReturnType<typeof savedJson>;
	const context = (saved: Saved) => saved.snapshot.context;
	const questionsOf = (saved: Saved) => context(saved).questions as Record<string, unknown>[];

	/** Every kind of damage a stored quiz can come back with, and how it is reported. */
	const damages: [string, (saved: Saved) => void][] = [
		// Bad state
		['an unknown state value', (saved) => (saved.snapshot.value = 'bogus')],
		['a nested state value', (saved) => (saved.snapshot.value = { answering: 'x' })],
		['a submission in flight', (saved) => (saved.snapshot.value = 'submitting')],
		['a finished actor', (saved) => (saved.snapshot.status = 'done')],
		['a history value', (saved) => (saved.snapshot.historyValue = { a: 1 })],
		['a running child actor', (saved) => (saved.snapshot.children = { x: { src: 'nope' } })],
		['an unknown snapshot field', (saved) => (saved.snapshot.tags = ['question'])],
		['no context', (saved) => Reflect.deleteProperty(saved.snapshot, 'context')],
		// Another shape of envelope
		['another format', (saved) => (saved.format = 2)],
		['no snapshot', (saved) => Reflect.deleteProperty(saved, 'snapshot')],
		['no savedAt', (saved) => delete saved.savedAt],
		// Counts out of range
		['a negative index', (saved) => (context(saved).index = -1)],
		['an index past the last question', (saved) => (context(saved).index = 4)],
		['a fractional index', (saved) => (context(saved).index = 1.5)],
		['a huge index', (saved) => (context(saved).index = 1e300)],
		['an answer to an unknown question', (saved) => (context(saved).answers = { zz: 3 })],
		['an agreement answer of 6', (saved) => (context(saved).answers = { i1: 6 })],
		['an answer of 0', (saved) => (context(saved).answers = { i1: 0 })],
		['a fractional answer', (saved) => (context(saved).answers = { i1: 2.5 })],
		['a text answer', (saved) => (context(saved).answers = { i1: '3' })],
		['a scenario answer beyond its options', (saved) => (context(saved).answers = { s1: 5 })],
		['a tampered option count', (saved) => (questionsOf(saved)[0]!.optionCount = 99)],
		['an option count of 0', (saved) => (questionsOf(saved)[0]!.optionCount = 0)],
		['seconds for an unknown question', (saved) => (context(saved).seconds = { zz: 3 })],
		['negative seconds', (saved) => (context(saved).seconds = { i1: -1 })],
		['infinite seconds', (saved) => (context(saved).seconds = { i1: 'Infinity' })],
		['enteredAt as text', (saved) => (context(saved).enteredAt = 'now')],
		['no returnToReview', (saved) => delete context(saved).returnToReview],
		// Other questions
		['questions in another order', (saved) => questionsOf(saved).reverse()],
		['a question missing', (saved) => questionsOf(saved).pop()],
		[
			'an extra question',
			(saved) => questionsOf(saved).push({ id: 'i9', kind: 'likert', optionCount: 5 })
		],
		['an unknown question kind', (saved) => (questionsOf(saved)[0]!.kind = 'essay')],
		['a question of another kind', (saved) => (questionsOf(saved)[0]!.kind = 'scenario')]
	];

	it.each(damages)('discards a save with %s, removes it and says why', async (_, damage) => {
		// Arrange
		const saved = savedJson();
		damage(saved);
		const storage = storageWith(saved);

		// Act
		const { result, ms } = await timedLoad(storage);

		// Assert
		expect(result).toEqual({ status: 'discarded', reason: 'unreadable' });
		expect(storage.getItem(QUIZ_STORAGE_KEY)).toBeNull();
		expect(ms).toBeLessThan(250);
	});

	it('restores the undamaged save those cases start from', async () => {
		// Guards the table above: each case fails because of its damage alone.
		expect((await loadQuiz(storageWith(savedJson()), instrument, questions)).status).toBe(
			'restored'
		);
	});

	const valid = () => serialiseQuiz(instrument, twoAnswered())!;
	const megabytes = (n: number) => n * 1024 * 1024;

	it.each<[string, () => string]>([
		['broken JSON', () => '{"format": 1, '],
		['truncated JSON', () => valid().slice(0, valid().length / 2)],
		['the last character missing', () => valid().slice(0, -1)],
		['an empty string', () => ''],
		['JSON that is not an object', () => '42'],
		['null', () => 'null'],
		['an array', () => '[1,2,3]'],
		['numbers too large for JSON', () => valid().replace('"savedAt":', '"savedAt":1e999,"x":')],
		['megabytes of junk', () => 'x'.repeat(megabytes(5))],
		['megabytes of valid JSON', () => JSON.stringify({ junk: 'y'.repeat(megabytes(3)) })],
		['deeply nested arrays', () => '['.repeat(100_000) + ']'.repeat(100_000)],
		['just over the size limit', () => valid() + ' '.repeat(MAX_STORED_LENGTH)]
	])('discards %s as unreadable, within a fraction of a second', async (_, text) => {
		// Arrange
		const storage = storageWith(text());

		// Act
		const { result, ms } = await timedLoad(storage);

		// Assert
		expect(result).toEqual({ status: 'discarded', reason: 'unreadable' });
		expect(storage.getItem(QUIZ_STORAGE_KEY)).toBeNull();
		expect(ms).toBeLessThan(250);
	});

	it('discards a save whose questions differ from the current ones', async () => {
		// Arrange
		const storage = storageWith(savedJson());

		// Act
		const result = await loadQuiz(storage, instrument, ['i1', 'i2', 's1', 'i4']);

		// Assert
		expect(result).toEqual({ status: 'discarded', reason: 'unreadable' });
		expect(storage.getItem(QUIZ_STORAGE_KEY)).toBeNull();
	});

	it.each([
		['an earlier major version', { ...instrument, version: '0.9.9' }, instrument],
		[
			'an earlier version, compared as numbers',
			{ ...instrument, version: '9.0.0' },
			{ ...instrument, version: '10.0.0' }
		],
		[
			'other questions under the same version',
			{ ...instrument, fingerprint: 'ffff0000' },
			instrument
		]
	])('discards a save from %s, as an earlier version', async (_, saved, current) => {
		// Arrange
		const storage = new MemoryStorage();
		saveQuiz(storage, saved, twoAnswered());

		// Act
		const result = await loadQuiz(storage, current, questions);

		// Assert
		expect(result).toEqual({ status: 'discarded', reason: 'earlier-version' });
		expect(storage.getItem(QUIZ_STORAGE_KEY)).toBeNull();
	});

	it('keeps a save from an earlier minor version with the same questions, and says so', async () => {
		const storage = new MemoryStorage();
		saveQuiz(storage, { ...instrument, version: '1.1.9' }, twoAnswered());
		const result = await loadQuiz(storage, instrument, questions);
		expect(result).toMatchObject({ status: 'restored', rescoredFrom: '1.1.9' });
		// The same version gives no such note.
		saveQuiz(storage, instrument, twoAnswered());
		expect(await loadQuiz(storage, instrument, questions)).toMatchObject({
			status: 'restored',
			rescoredFrom: null
		});
	});

	it('does not call a save from a newer version "earlier"', async () => {
		const storage = new MemoryStorage();
		saveQuiz(storage, { ...instrument, version: '2.0.0' }, twoAnswered());
		expect(await loadQuiz(storage, instrument, questions)).toEqual({
			status: 'discarded',
			reason: 'later-version'
		});
	});

	it('reports another version even when the old snapshot has another shape', async () => {
		const storage = storageWith({ ...savedJson(), version: '0.9.0', snapshot: { old: true } });
		expect(await loadQuiz(storage, instrument, questions)).toEqual({
			status: 'discarded',
			reason: 'earlier-version'
		});
	});

	it('treats storage that throws as having nothing saved', async () => {
		expect(await loadQuiz(new ThrowingStorage(), instrument, questions)).toEqual({
			status: 'none'
		});
	});

	it('still discards when the bad save cannot be removed', async () => {
		const storage = storageWith('not json');
		storage.removeItem = () => {
			throw new DOMException('The operation is insecure.', 'SecurityError');
		};
		expect(await loadQuiz(storage, instrument, questions)).toEqual({
			status: 'discarded',
			reason: 'unreadable'
		});
	});
});

describe('migrateQuiz', () => {
	it('gives a snapshot saved before submitError existed a null one, and it restores', async () => {
		// Arrange: what the previous release stored (format 1, no submitError).
		const saved = savedJson();
		delete saved.snapshot.context.submitError;

		// Act
		const migrated = migrateQuiz(saved) as ReturnType<typeof savedJson>;
		const loaded = await loadQuiz(storageWith(saved), instrument, questions);

		// Assert
		expect(migrated.snapshot.context.submitError).toBeNull();
		expect(saved.snapshot.context).not.toHaveProperty('submitError');
		expect(loaded).toMatchObject({
			status: 'restored',
			snapshot: { context: { submitError: null } }
		});
	});

	it.each([null, 42, 'text', [], { snapshot: 1 }, { snapshot: { context: [] } }])(
		'leaves %j for validation to reject',
		(json) => {
			expect(migrateQuiz(json)).toBe(json);
		}
	);
});

describe('parseQuiz', () => {
	it('checks a text without touching storage, as another tab wrote it', async () => {
		// Act
		const restored = await parseQuiz(valid(), instrument, questions);
		const discarded = await parseQuiz('{', instrument, questions);

		// Assert
		expect(restored.status).toBe('restored');
		expect(discarded).toEqual({ status: 'discarded', reason: 'unreadable' });
	});

	function valid() {
		return serialiseQuiz(instrument, twoAnswered())!;
	}
});

describe('persistAction', () => {
	it('saves the snapshot each change leads to, once the transition is over', async () => {
		// Arrange
		const storage = new MemoryStorage();
		const results: boolean[] = [];
		const actor = createActor(
			questionnaireMachine.provide({
				actions: { persist: persistAction(storage, instrument, (saved) => results.push(saved)) }
			}),
			{ input: { questions } }
		).start();

		// Act
		actor.send({ type: 'answer.select', value: 5 });
		actor.send({ type: 'review.open' });
		await Promise.resolve();

		// Assert: the last save shows the review screen, not the question before it.
		const loaded = await loadQuiz(storage, instrument, questions);
		expect(loaded).toMatchObject({
			status: 'restored',
			snapshot: { value: 'reviewing', context: { answers: { i1: 5 } } }
		});
		expect(results).toEqual([true, true]);
	});

	it('reports a save storage refused', async () => {
		// Arrange
		const results: boolean[] = [];
		const actor = createActor(
			questionnaireMachine.provide({
				actions: {
					persist: persistAction(new ThrowingStorage(), instrument, (saved) => results.push(saved))
				}
			}),
			{ input: { questions } }
		).start();

		// Act
		actor.send({ type: 'answer.select', value: 5 });
		await Promise.resolve();

		// Assert
		expect(results).toEqual([false]);
	});
});

describe('clearQuiz', () => {
	it('removes the saved quiz and nothing else', async () => {
		const storage = new MemoryStorage();
		storage.setItem('other', 'x');
		saveQuiz(storage, instrument, twoAnswered());
		clearQuiz(storage);
		expect([...storage.items.keys()]).toEqual(['other']);
		expect(await loadQuiz(storage, instrument, questions)).toEqual({ status: 'none' });
	});

	it('does not throw when storage does', () => {
		expect(() => clearQuiz(new ThrowingStorage())).not.toThrow();
	});
});

describe('watchQuiz', () => {
	it('reports what another tab writes under the quiz key, or clears, and stops when asked', () => {
		// Arrange
		const target = new EventTarget();
		const seen: (string | null)[] = [];
		const stop = watchQuiz(target as unknown as Window, (raw) => seen.push(raw));
		const storageEvent = (key: string | null, newValue: string | null) =>
			Object.assign(new Event('storage'), { key, newValue });

		// Act
		target.dispatchEvent(storageEvent(QUIZ_STORAGE_KEY, 'saved'));
		target.dispatchEvent(storageEvent('something.else', 'ignored'));
		target.dispatchEvent(storageEvent(null, null));
		stop();
		target.dispatchEvent(storageEvent(QUIZ_STORAGE_KEY, 'after'));

		// Assert
		expect(seen).toEqual(['saved', null]);
	});
});

describe('browserStorage', () => {
	it('stands in with a storage that keeps nothing where there is none', () => {
		// Arrange: Node has no localStorage (or one behind a flag).
		const storage = browserStorage();

		// Act
		const saved = saveQuiz(storage, instrument, twoAnswered());

		// Assert
		if (!globalThis.localStorage) {
			expect(saved).toBe(false);
			expect(storage.getItem(QUIZ_STORAGE_KEY)).toBeNull();
		} else {
			expect(saved).toBe(true);
			clearQuiz(storage);
		}
	});
});
