/**
 * Housekeeping that every instance runs at start-up and then hourly: responses past their
 * cohort's retention period, expired facilitator sessions and old rate-limit counters are deleted.
 * Idempotent, so several instances doing it at once is harmless.
 */
import { deleteExpiredSessions } from './cohort-sessions.ts';
import { sweepRateLimits } from './rate-limit.ts';
import { sweepExpiredResponses } from './responses.ts';
import { errorDetail } from '../../server/log.js';

export async function sweep(now: number = Date.now()) {
	return {
		responses: await sweepExpiredResponses(now),
		sessions: await deleteExpiredSessions(now),
		rateLimits: await sweepRateLimits(now)
	};
}

const HOUR = 3_600_000;
let timer: ReturnType<typeof setInterval> | undefined;

/** Sweeps now and every hour after (the timer does not keep the process alive). */
export async function startHousekeeping(): Promise<void> {
	const run = () =>
		sweep().then(
			(counts) => {
				if (counts.responses > 0) console.log(`Retention: deleted ${counts.responses} responses`);
			},
			(error: unknown) => console.error(`Retention sweep failed: ${errorDetail(error)}`)
		);
	await run();
	timer ??= setInterval(run, HOUR);
	timer.unref();
}
