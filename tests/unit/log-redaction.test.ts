/**
 * The log's redaction (`src/server/log.js`): a table of mangled links, each carrying a secret,
 * must come out without it, however the link was cased, slashed or encoded; and what is not a
 * secret (the route, a form action, a stack frame, a UUID) stays readable.
 */
import { describe, expect, it } from 'vitest';
import { errorDetail, forLog, redact, requestLine } from '../../src/server/log.js';
import { randomToken } from '../../src/lib/server/tokens.ts';
import { newSubmissionKey } from '../../src/lib/cohorts/submission.ts';

/** Undoes percent-encoding as often as it can, leaving malformed escapes. */
function decodeAll(text: string) {
	let value = text;
	for (;;) {
		const next = value.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
			String.fromCharCode(parseInt(hex, 16))
		);
		if (next === value) return value;
		value = next;
	}
}

/** Whether `text`, as written or decoded, in any case, still holds `secret`. */
const holds = (text: string, secret: string) =>
	[text, decodeAll(text)].some((form) => form.toLowerCase().includes(secret.toLowerCase()));

/** Links and messages that carry a secret `@`: how facilitator, private and join links get mangled. */
const mangled = [
	'/f/@',
	'/f/@%',
	'//f/@%',
	'/F/@%',
	'/F/@',
	'///f///@',
	'/f//@',
	'/\\f\\@',
	'\\F\\@%',
	'/%66/@%',
	'/%46/@',
	'/%2566/@',
	'/f%2F@',
	'/f%2f@%',
	'/%2Ff%2F@',
	'/f%5C@',
	'/f%252F@',
	'/f/@%E0%A4%A',
	'/f/@/%',
	'/f/@?x=%',
	'/f/@.json',
	'/./f/@%',
	'/x/../f/@%',
	'/r/@%',
	'/R/@?/delete',
	'//r//@',
	'/r%2F@',
	'/join/@%',
	'/JOIN/@',
	'//join//@',
	'/%4A%4F%49%4E/@',
	'/api/cohorts/@/responses%',
	'/API/Cohorts/@/responses',
	'/x?token=@',
	'/x?@',
	'/x?next=/f/@',
	'/?a=1&key=@&b=2',
	'/x?/f/@',
	'http://example.test//F/@%',
	'Not found: /F/@',
	'TypeError: Invalid URL: http://127.0.0.1:3000\\f\\@',
	'signIn failed for @',
	'400 GET "/F/@%": malformed percent-encoding'
];

const secrets = {
	'facilitator token': randomToken(),
	'private key': newSubmissionKey(),
	// Letters only: the route, not the token's shape, has to give it away.
	'letters only': 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ',
	'join code': 'ABCD2345'
};

describe('redact', () => {
	for (const [kind, secret] of Object.entries(secrets)) {
		// A join code is no token: it is found by its route alone.
		const cases =
			kind === 'join code'
				? mangled.filter((link) => /join|cohorts/i.test(link))
				: kind === 'letters only'
					? mangled.filter((link) => !/for @$/.test(link))
					: mangled;
		it(`removes a ${kind} from ${cases.length} mangled links and messages`, () => {
			for (const link of cases) {
				const text = link.replaceAll('@', secret);
				const out = redact(text);
				expect(holds(out, secret), `${text} → ${out}`).toBe(false);
				expect(out, text).toContain('[redacted]');
			}
		});
	}

	it('keeps what is no secret: the route, a form action, a stack frame, a UUID, a hash', () => {
		const kept = [
			'/cohorts/new?/delete',
			'/cohorts/3f2b6c1e-1111-4222-8333-444455556666/export.csv',
			'/quiz',
			'/results',
			'at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
			'key_hash 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
			'request body size exceeded BODY_SIZE_LIMIT of 524288',
			'What now? Nothing.'
		];
		for (const text of kept) expect(redact(text)).toBe(text);
		const token = randomToken();
		expect(redact(`/F/${token}%`)).toBe('/F/[redacted]');
		expect(redact(`/x?flagged=include&raw=1`)).toBe('/x?flagged=[redacted]&raw=[redacted]');
		expect(
			redact(`at POST (file:///app/build/entries/api/cohorts/_code_/responses/x.js:9:5)`)
		).toBe('at POST (file:///app/build/entries/api/cohorts/[redacted]/responses/x.js:9:5)');
	});
});

describe('the lines the log is written with', () => {
	it('quote and shorten a target: no line break or quote in it can forge a line', () => {
		expect(forLog('/a"\nb')).toBe('"/a\\"\\nb"');
		expect(forLog('/x'.repeat(200))).toHaveLength(203);
	});

	it('write one line per request, redacted, whatever the reason holds', () => {
		const token = randomToken();
		const line = requestLine(413, 'POST', `//f/${token}%`, `too large\nfor /r/${token}`);
		expect(line).toBe('413 POST "//f/[redacted]": too large for /r/[redacted]');
		expect(line).not.toContain('\n');
	});

	it('redact an error with its stack', () => {
		const token = randomToken();
		const error = new TypeError(`Invalid URL: /F/${token}`);
		const detail = errorDetail(error);
		expect(detail).toContain('TypeError: Invalid URL: /F/[redacted]');
		expect(detail).toMatch(/\n\s+at /);
		expect(detail).not.toContain(token);
	});
});
