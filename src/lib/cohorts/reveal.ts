/**
 * The reveal status of a cohort, as its participants' pages see it: the one owner of the status
 * endpoint's body (`GET /api/cohorts/<code>/status`, `{ revealed }` and nothing else) and the
 * browser's watch on it. When a cohort shows results only once the facilitator reveals them, the
 * end screen waits and asks every few seconds; it stops once revealed, pauses while the page is
 * hidden, and backs off on errors as the outbox does. Pure logic over a fetch function, a clock
 * and a visibility source, so it is tested in Node.
 */
import { z } from 'zod';
import { backoff } from './outbox.ts';

export const revealStatusSchema = z.strictObject({ revealed: z.boolean() });

export type RevealStatus = z.infer<typeof revealStatusSchema>;

/** The status endpoint's path for a join code. */
export const revealStatusPath = (code: string) => `/api/cohorts/${encodeURIComponent(code)}/status`;

/** How often a waiting page asks, when all is well (ms). */
export const REVEAL_POLL_INTERVAL = 4000;

/** What `watchReveal` needs of the page: whether it is visible, and word when that changes. */
export type Visibility = Pick<
	Document,
	'visibilityState' | 'addEventListener' | 'removeEventListener'
>;

export interface WatchOptions {
	code: string;
	fetcher: typeof fetch;
	/** Called once, when the status says revealed; the watch has stopped by then. */
	onRevealed: () => void;
	/** Polling pauses while this is hidden and resumes (asking at once) when it is visible. */
	visibility?: Visibility;
	interval?: number;
	random?: () => number;
	setTimer?: (run: () => void, ms: number) => unknown;
	clearTimer?: (timer: unknown) => void;
}

/**
 * Asks the status endpoint now and then every `interval` until it says revealed. A network
 * error, a 5xx or a 429 waits longer each time (the outbox's backoff, never less than the
 * interval); a 404 (the cohort was deleted) ends the watch. Returns the function that stops it.
 */
export function watchReveal(options: WatchOptions): () => void {
	const {
		code,
		fetcher,
		onRevealed,
		visibility,
		interval = REVEAL_POLL_INTERVAL,
		random = Math.random,
		setTimer = (run, ms) => setTimeout(run, ms),
		clearTimer = (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>)
	} = options;
	let stopped = false;
	let timer: unknown;
	let failures = 0;
	let asking = false;

	const hidden = () => visibility?.visibilityState === 'hidden';

	function schedule() {
		clearTimer(timer);
		if (stopped || hidden()) return;
		const delay = failures === 0 ? interval : Math.max(interval, backoff(failures, random));
		timer = setTimer(ask, delay);
	}

	async function ask() {
		if (stopped || hidden() || asking) return;
		asking = true;
		let status: RevealStatus | 'gone' | null = null;
		try {
			const response = await fetcher(revealStatusPath(code), {
				headers: { accept: 'application/json' },
				cache: 'no-store'
			});
			if (response.status === 404) status = 'gone';
			else if (response.ok) {
				const parsed = revealStatusSchema.safeParse(await response.json());
				status = parsed.success ? parsed.data : null;
			}
		} catch {
			status = null;
		}
		asking = false;
		if (stopped) return;
		if (status === 'gone') return stop();
		if (status?.revealed) {
			stop();
			onRevealed();
			return;
		}
		failures = status === null ? failures + 1 : 0;
		schedule();
	}

	function onVisibility() {
		if (hidden()) clearTimer(timer);
		else void ask();
	}

	function stop() {
		stopped = true;
		clearTimer(timer);
		visibility?.removeEventListener('visibilitychange', onVisibility);
	}

	visibility?.addEventListener('visibilitychange', onVisibility);
	void ask();
	return stop;
}
