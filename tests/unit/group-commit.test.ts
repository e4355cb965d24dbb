/**
 * Group commit (src/lib/server/group-commit.ts) over a scripted writer: what arrives together is
 * written together, what arrives during a write waits for the next one, nobody is answered before
 * the write holding their item has returned, and a failed write is retried item by item.
 */
import { describe, expect, it } from 'vitest';
import { groupCommit } from '../../src/lib/server/group-commit.ts';

/** A writer whose writes stay open until the test finishes them, recording what each held. */
function heldWriter() {
	const writes: { items: string[]; finish: (fail?: Error) => void }[] = [];
	const write = (items: string[]) =>
		new Promise<string[]>((resolve, reject) => {
			writes.push({
				items,
				finish: (fail) => (fail ? reject(fail) : resolve(items.map((item) => `stored ${item}`)))
			});
		});
	return { write, writes };
}

/** Lets what is due run: a few turns of the event loop (a write starts on the next one). */
async function turn() {
	for (let i = 0; i < 3; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Whether each promise has settled yet, without waiting for it. */
function watch<T>(promises: Promise<T>[]) {
	const settled = promises.map(() => false);
	promises.forEach((promise, i) =>
		promise.then(
			() => (settled[i] = true),
			() => (settled[i] = true)
		)
	);
	return settled;
}

describe('groupCommit', () => {
	it('writes what arrives in one turn in one write, answering each caller with its own result', async () => {
		const { write, writes } = heldWriter();
		const store = groupCommit(write, { maxItems: 100, concurrency: () => 1 });
		const answers = ['a', 'b', 'c'].map((item) => store(item));
		await turn();
		expect(writes.map((w) => w.items)).toEqual([['a', 'b', 'c']]);
		writes[0]!.finish();
		expect(await Promise.all(answers)).toEqual(['stored a', 'stored b', 'stored c']);
	});

	it('gathers what arrives during a write for the next one, and answers only after its write', async () => {
		const { write, writes } = heldWriter();
		const store = groupCommit(write, { maxItems: 100, concurrency: () => 1 });
		const first = store('a');
		await turn();
		const later = ['b', 'c', 'd'].map((item) => store(item));
		const settled = watch([first, ...later]);
		await turn();
		// One write in flight: the others wait, and nobody has an answer.
		expect(writes.map((w) => w.items)).toEqual([['a']]);
		expect(settled).toEqual([false, false, false, false]);

		writes[0]!.finish();
		await turn();
		expect(settled).toEqual([true, false, false, false]);
		expect(writes.map((w) => w.items)).toEqual([['a'], ['b', 'c', 'd']]);

		writes[1]!.finish();
		expect(await Promise.all(later)).toEqual(['stored b', 'stored c', 'stored d']);
	});

	it('keeps up to `concurrency` writes in flight and at most `maxItems` items in each', async () => {
		const { write, writes } = heldWriter();
		const store = groupCommit(write, { maxItems: 2, concurrency: () => 2 });
		const answers = ['a', 'b', 'c', 'd', 'e'].map((item) => store(item));
		await turn();
		expect(writes.map((w) => w.items)).toEqual([
			['a', 'b'],
			['c', 'd']
		]);
		writes[1]!.finish();
		await turn();
		expect(writes.map((w) => w.items)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
		writes[0]!.finish();
		writes[2]!.finish();
		expect(await Promise.all(answers)).toEqual([
			'stored a',
			'stored b',
			'stored c',
			'stored d',
			'stored e'
		]);
	});

	it('retries a failed write item by item: the bad item fails alone, the others are stored', async () => {
		const attempts: string[][] = [];
		const store = groupCommit(
			async (items: string[]) => {
				attempts.push(items);
				if (items.includes('bad')) throw new Error(`cannot store ${items.join(', ')}`);
				return items.map((item) => `stored ${item}`);
			},
			{ maxItems: 100, concurrency: () => 1 }
		);
		const [a, bad, c] = ['a', 'bad', 'c'].map((item) => store(item));
		await expect(a).resolves.toBe('stored a');
		await expect(bad).rejects.toThrow('cannot store bad');
		await expect(c).resolves.toBe('stored c');
		expect(attempts).toEqual([['a', 'bad', 'c'], ['a'], ['bad'], ['c']]);
	});

	it('takes a writer that answers for the wrong number of items as a failed write', async () => {
		const store = groupCommit(async (items: string[]) => (items.length > 1 ? ['?'] : items), {
			maxItems: 100,
			concurrency: () => 1
		});
		expect(await Promise.all([store('a'), store('b')])).toEqual(['a', 'b']);
	});

	it('goes on writing after a failure', async () => {
		let fail = true;
		const store = groupCommit(
			async (items: string[]) => {
				if (fail) throw new Error('database gone');
				return items;
			},
			{ maxItems: 100, concurrency: () => 1 }
		);
		await expect(store('a')).rejects.toThrow('database gone');
		fail = false;
		expect(await store('b')).toBe('b');
	});
});
