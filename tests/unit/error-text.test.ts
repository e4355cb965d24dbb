/**
 * The error page's "failed to load ({status})" sentence reaches the page cut where the status
 * goes (the root layout's data), in every language, with nothing of it lost.
 */
import { describe, expect, it } from 'vitest';
import { load } from '../../src/routes/+layout.server.ts';
import { m } from '../../src/lib/paraglide/messages.js';

const layoutData = (language: string) =>
	load({
		url: new URL('http://localhost/quiz'),
		route: { id: '/[[lang=lang]]/quiz' },
		locals: { language }
	} as unknown as Parameters<typeof load>[0]) as {
		errorText: { failedBefore: string; failedAfter: string };
	};

describe('the error page words', () => {
	for (const language of ['en', 'es', 'de', 'ar'] as const) {
		it(`${language}: the sentence around the status, whole`, () => {
			const text = layoutData(language).errorText;
			const whole = m.error_failed({ status: 503 }, { locale: language });
			expect(`${text.failedBefore}503${text.failedAfter}`).toBe(whole);
			expect(text.failedBefore.length).toBeGreaterThan(0);
			expect(text).not.toHaveProperty('failed');
		});
	}
});
