import { describe, expect, it } from 'vitest';
import {
	frameAncestors,
	ORIGIN_PROBLEMS,
	parseOrigin,
	parseOriginList
} from '../../src/lib/embed/origins.ts';

describe('parseOrigin', () => {
	it.each([
		['https://lms.example.edu', 'https://lms.example.edu'],
		['https://LMS.Example.edu/', 'https://lms.example.edu'],
		['  https://intranet.example.com:8443 ', 'https://intranet.example.com:8443'],
		['https://example.com:443', 'https://example.com'],
		['http://127.0.0.2:4173', 'http://127.0.0.2:4173'],
		['http://[::1]:3000', 'http://[::1]:3000']
	])('%s is the origin %s', (entry, origin) => {
		expect(parseOrigin(entry)).toEqual({ ok: true, origin });
	});

	it.each([
		['lms.example.edu', ORIGIN_PROBLEMS.notAnOrigin],
		['', ORIGIN_PROBLEMS.notAnOrigin],
		['ftp://example.com', ORIGIN_PROBLEMS.scheme],
		['javascript:alert(1)', ORIGIN_PROBLEMS.scheme],
		['data:text/html,hi', ORIGIN_PROBLEMS.scheme],
		['https://example.com/course/7', ORIGIN_PROBLEMS.path],
		['https://example.com/?a=1', ORIGIN_PROBLEMS.path],
		['https://example.com#x', ORIGIN_PROBLEMS.path],
		['https://example.com?', ORIGIN_PROBLEMS.path],
		['https://user:pw@example.com', ORIGIN_PROBLEMS.credentials],
		['https://*.example.com', ORIGIN_PROBLEMS.wildcard],
		['*', ORIGIN_PROBLEMS.wildcard]
	])('%s is refused: %s', (entry, problem) => {
		expect(parseOrigin(entry)).toEqual({ ok: false, problem });
	});
});

describe('parseOriginList', () => {
	it('reads commas, spaces and new lines, drops repeats, keeps the order', () => {
		expect(
			parseOriginList('https://b.example, https://a.example\nhttps://B.example/  http://c.test:81')
		).toEqual({
			ok: true,
			origins: ['https://b.example', 'https://a.example', 'http://c.test:81']
		});
		expect(parseOriginList('  ')).toEqual({ ok: true, origins: [] });
	});

	it('names the first bad entry', () => {
		expect(parseOriginList('https://a.example https://b.example/page')).toEqual({
			ok: false,
			entry: 'https://b.example/page',
			problem: ORIGIN_PROBLEMS.path
		});
	});

	it('refuses more than the maximum, counting each origin once', () => {
		const five = ['a', 'b', 'c', 'd', 'e'].map((host) => `https://${host}.example`).join(' ');
		expect(parseOriginList(`${five} https://a.example`, { max: 5 }).ok).toBe(true);
		expect(parseOriginList(`${five} https://f.example`, { max: 5 })).toEqual({
			ok: false,
			entry: 'https://f.example',
			problem: 'must list at most 5 origins'
		});
	});
});

describe('frameAncestors', () => {
	it("is 'none' without origins, else exactly them", () => {
		expect(frameAncestors([])).toBe("'none'");
		expect(frameAncestors(['https://a.example', 'http://127.0.0.2:4173'])).toBe(
			'https://a.example http://127.0.0.2:4173'
		);
	});
});

describe('the server side: EMBED_ORIGINS and the page policy', async () => {
	const { deploymentEmbedOrigins, withFrameAncestors } =
		await import('../../src/lib/server/embed.ts');

	it('reads EMBED_ORIGINS, none when unset, and stops on a bad entry naming it', () => {
		expect(deploymentEmbedOrigins({})).toEqual([]);
		expect(
			deploymentEmbedOrigins({ EMBED_ORIGINS: 'https://lms.example.edu, http://127.0.0.2:4173' })
		).toEqual(['https://lms.example.edu', 'http://127.0.0.2:4173']);
		expect(() =>
			deploymentEmbedOrigins({ EMBED_ORIGINS: 'https://lms.example.edu/moodle' })
		).toThrow(
			'EMBED_ORIGINS: "https://lms.example.edu/moodle" must be an origin only, without a path, query or #fragment'
		);
	});

	it("replaces the policy's frame-ancestors, and only it", () => {
		const policy = "default-src 'self'; script-src 'self' 'nonce-abc'; frame-ancestors 'none'";
		expect(withFrameAncestors(policy, ['https://lms.example.edu'])).toBe(
			"default-src 'self'; script-src 'self' 'nonce-abc'; frame-ancestors https://lms.example.edu"
		);
		expect(withFrameAncestors(policy, [])).toBe(policy);
		expect(withFrameAncestors("default-src 'self'", ['https://a.example'])).toBe(
			"default-src 'self'; frame-ancestors https://a.example"
		);
	});
});
