/**
 * What `npm run size` and `npm run audit` both need: a free port for the built server, a pause,
 * and the share link that opens the results page with a result (so both measure the same page).
 */
import { createServer } from 'node:net';
import type { Content } from '../../src/lib/content/types.ts';
import { shareQuestions } from '../../src/lib/results/from-link.ts';
import { encodeShare } from '../../src/lib/share/codec.ts';

/** A TCP port free right now on 127.0.0.1 (the OS picks it). */
export function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address
					? resolvePort(address.port)
					: reject(new Error('no port'))
			);
		});
	});
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A finished answer set as a share link: every agreement item 4, every scenario option 1. */
export function shareFragment(content: Content): string {
	const answers: Record<string, number> = {};
	for (const item of content.items) answers[item.id] = 4;
	for (const scenario of content.scenarios) answers[scenario.id] = 1;
	return encodeShare(content.instrument, shareQuestions(content), answers);
}
