/**
 * The end screen's watch on the reveal status (src/lib/cohorts/reveal.ts), over a scripted fetch,
 * fake timers and a fake page visibility: it asks at once and then every interval, stops once
 * revealed, backs off on errors, ends on a 404, pauses while the page is hidden.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { revealStatusPath, watchReveal, type Visibility } from '../../src/lib/cohorts/reveal.ts';

const ok = (revealed: boolean) =>
	new Response(JSON.stringify({ revealed }), {
		status: 200,
		headers: { 'content-type': 'application/json' }
	});

function page() {
	const listeners = new Set<() => void>();
	const visibility = {
		visibilityState: 'visible' as DocumentVisibilityState,
		addEventListener: (_: string, listener: () => void) => void listeners.add(listener),
		removeEventListener: (_: string, listener: () => void) => void listeners.delete(listener)
	};
	return {
		visibility: visibility as unknown as Visibility,
		listeners,
		set(state: DocumentVisibilityState) {
			visibility.visibilityState = state;
			for (const listener of [...listeners]) listener();
		}
	};
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('watchReveal', () => {
	it('asks at once and every interval until revealed, then calls back once and stops', async () => {
		const answers = [false, false, true];
		const fetcher = vi.fn(async (_url: string) => ok(answers.shift() ?? true));
		const onRevealed = vi.fn();
		const { visibility, listeners } = page();
		watchReveal({ code: 'ABCD2345', fetcher: fetcher as never, onRevealed, visibility });
		await vi.advanceTimersByTimeAsync(0);
		expect(fetcher).toHaveBeenCalledTimes(1);
		expect(fetcher.mock.calls[0]![0]).toBe(revealStatusPath('ABCD2345'));
		await vi.advanceTimersByTimeAsync(3999);
		expect(fetcher).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(1);
		expect(fetcher).toHaveBeenCalledTimes(2);
		expect(onRevealed).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(4000);
		expect(fetcher).toHaveBeenCalledTimes(3);
		expect(onRevealed).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(60_000);
		expect(fetcher).toHaveBeenCalledTimes(3);
		expect(listeners.size).toBe(0);
	});

	it('backs off on network errors and 5xx, never below the interval, and recovers', async () => {
		// Hand-worked with random() = 0: failures 1, 2, 3, 4 wait max(4 s, 1 s), max(4 s, 2 s),
		// max(4 s, 4 s), max(4 s, 8 s) = 4, 4, 4, 8 s; the next success resets to 4 s.
		const script: (() => Response)[] = [
			() => {
				throw new TypeError('offline');
			},
			() => new Response('', { status: 503 }),
			() => new Response('not json', { status: 200 }),
			() => new Response('', { status: 429 }),
			() => ok(false),
			() => ok(true)
		];
		const times: number[] = [];
		const fetcher = vi.fn(async () => {
			times.push(Date.now());
			return script.shift()!();
		});
		const onRevealed = vi.fn();
		const start = Date.now();
		watchReveal({ code: 'C', fetcher: fetcher as never, onRevealed, random: () => 0 });
		await vi.advanceTimersByTimeAsync(30_000);
		expect(times.map((t) => t - start)).toEqual([0, 4000, 8000, 12000, 20000, 24000]);
		expect(onRevealed).toHaveBeenCalledTimes(1);
	});

	it('ends the watch on a 404 (the cohort is gone) without calling back', async () => {
		const fetcher = vi.fn(async () => new Response('{"message":"Not found"}', { status: 404 }));
		const onRevealed = vi.fn();
		watchReveal({ code: 'C', fetcher: fetcher as never, onRevealed });
		await vi.advanceTimersByTimeAsync(60_000);
		expect(fetcher).toHaveBeenCalledTimes(1);
		expect(onRevealed).not.toHaveBeenCalled();
	});

	it('pauses while the page is hidden and asks at once when it is shown again', async () => {
		const fetcher = vi.fn(async () => ok(false));
		const view = page();
		const stop = watchReveal({
			code: 'C',
			fetcher: fetcher as never,
			onRevealed: () => {},
			visibility: view.visibility
		});
		await vi.advanceTimersByTimeAsync(0);
		expect(fetcher).toHaveBeenCalledTimes(1);
		view.set('hidden');
		await vi.advanceTimersByTimeAsync(60_000);
		expect(fetcher).toHaveBeenCalledTimes(1);
		view.set('visible');
		await vi.advanceTimersByTimeAsync(0);
		expect(fetcher).toHaveBeenCalledTimes(2);
		await vi.advanceTimersByTimeAsync(4000);
		expect(fetcher).toHaveBeenCalledTimes(3);
		stop();
		await vi.advanceTimersByTimeAsync(60_000);
		expect(fetcher).toHaveBeenCalledTimes(3);
		expect(view.listeners.size).toBe(0);
	});
});
