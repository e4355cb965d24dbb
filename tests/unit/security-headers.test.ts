import { describe, expect, it } from 'vitest';
import {
	pageCsp,
	prerenderedPageCsp,
	resourceCsp,
	securityHeaders,
	serviceWorkerCsp
} from '../../src/server/headers.js';

/** A prerendered page as SvelteKit writes it: the policy in a `<meta>`, `&` and `"` escaped. */
const page = (policy: string) =>
	`<!doctype html><html><head><meta http-equiv="content-security-policy" content="${policy}"></head></html>`;

describe('prerenderedPageCsp', () => {
	it("keeps SvelteKit's policy with its hashes and adds frame-ancestors, which a <meta> cannot carry", () => {
		const meta = "default-src 'self'; script-src 'self' 'sha256-abc='; style-src 'self'";
		expect(prerenderedPageCsp(page(meta), 'index.html')).toBe(`${meta}; frame-ancestors 'none'`);
	});

	it('reads the attribute as HTML: escaped characters come back', () => {
		expect(prerenderedPageCsp(page('img-src https://a.test/?x=1&amp;y=2'), 'a.html')).toBe(
			"img-src https://a.test/?x=1&y=2; frame-ancestors 'none'"
		);
	});

	it('fails, naming the file, when the page has no policy to derive the header from', () => {
		expect(() => prerenderedPageCsp('<html><head></head></html>', 'build/quiz.html')).toThrow(
			/build\/quiz\.html has no Content-Security-Policy <meta>/
		);
	});
});

describe('the policies', () => {
	it('let scripts run only by hash, nonce or from this origin, and never in a frame', () => {
		expect(pageCsp['script-src']).toEqual(['self']);
		expect(pageCsp['frame-ancestors']).toEqual(['none']);
		expect(resourceCsp).toBe("default-src 'none'; frame-ancestors 'none'");
	});

	it('let pages register a service worker from this origin, which may fetch only from it', () => {
		expect(pageCsp['worker-src']).toEqual(['self']);
		expect(serviceWorkerCsp).toBe("default-src 'none'; connect-src 'self'; frame-ancestors 'none'");
	});

	it('deny the powerful features the app does not use, but not the clipboard or sharing', () => {
		const policy = securityHeaders['permissions-policy'];
		for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
			expect(policy).toContain(`${feature}=()`);
		}
		expect(policy).not.toMatch(/clipboard|web-share/);
	});
});
