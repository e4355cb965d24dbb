/**
 * The security headers of every response, defined in one place.
 *
 * - `pageCsp` is the Content-Security-Policy of the pages. `svelte.config.js` hands it to
 *   SvelteKit (`kit.csp`), which adds a nonce to it on server-rendered pages (sent as a header)
 *   and the sha256 of each inline script on prerendered ones (written as a `<meta>` tag). The
 *   server (`./index.js`) turns that tag into a header with `prerenderedPageCsp`, adding what a
 *   `<meta>` cannot carry (`frame-ancestors`).
 * - `resourceCsp` covers everything else: scripts, styles, images, JSON, plain-text errors;
 *   `serviceWorkerCsp` the service worker's script, which may fetch from this origin.
 * - `securityHeaders` go on every response, whatever it is.
 *
 * Plain JavaScript without dependencies: both `svelte.config.js` and the production server
 * import it unbundled.
 */

/** @typedef {NonNullable<NonNullable<import('@sveltejs/kit').KitConfig['csp']>['directives']>} CspDirectives */

/**
 * The pages' policy. No external origins: scripts, styles, images and fonts all come from this
 * server. Inline scripts are allowed only by hash or nonce (SvelteKit adds them); styles keep
 * 'unsafe-inline' for the inline styles Svelte renders.
 *
 * @type {CspDirectives}
 */
export const pageCsp = {
	'default-src': ['self'],
	'script-src': ['self'],
	// The service worker (src/service-worker.ts), from this origin only.
	'worker-src': ['self'],
	'style-src': ['self', 'unsafe-inline'],
	'img-src': ['self', 'data:'],
	'object-src': ['none'],
	'base-uri': ['self'],
	'form-action': ['self'],
	'frame-ancestors': ['none']
};

/** The policy of every response that is not a page: it may load nothing and be framed by no one. */
export const resourceCsp = "default-src 'none'; frame-ancestors 'none'";

/**
 * The service worker's script (`/service-worker.js`). A worker obeys the policy its script is
 * served with, and this one must fetch the app from its own origin to cache it for offline use;
 * it may load nothing else.
 */
export const serviceWorkerCsp = "default-src 'none'; connect-src 'self'; frame-ancestors 'none'";

/** Where the service worker is served (SvelteKit builds `src/service-worker.ts` to it). */
export const serviceWorkerPath = '/service-worker.js';

/**
 * Powerful features the app never uses, denied to it and to anything it might embed. Not listed,
 * so left at the default (this origin only): `clipboard-write` (Copy link) and `web-share`
 * (Share). Only names Chromium knows: an unknown one is a console error on every page.
 */
const deniedFeatures = [
	'accelerometer',
	'autoplay',
	'browsing-topics',
	'camera',
	'display-capture',
	'encrypted-media',
	'fullscreen',
	'geolocation',
	'gyroscope',
	'hid',
	'idle-detection',
	'magnetometer',
	'microphone',
	'midi',
	'payment',
	'picture-in-picture',
	'publickey-credentials-get',
	'screen-wake-lock',
	'serial',
	'usb',
	'xr-spatial-tracking'
];

/** Headers sent with every response besides its Content-Security-Policy. */
export const securityHeaders = Object.freeze({
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'permissions-policy': deniedFeatures.map((feature) => `${feature}=()`).join(', '),
	'cross-origin-opener-policy': 'same-origin'
});

/** Directives a `<meta>` policy ignores, so SvelteKit leaves them out of it. */
const headerOnlyDirectives = /** @type {const} */ (['frame-ancestors', 'report-uri', 'sandbox']);

/** Source keywords are quoted in a policy; hosts and schemes (`data:`) are not. */
const keyword =
	/^(self|none|unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|strict-dynamic|report-sample|(nonce|sha256|sha384|sha512)-.+)$/;

const metaCsp = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;

/**
 * The Content-Security-Policy header of a prerendered page: the policy SvelteKit wrote into its
 * `<meta>` tag (with the hashes of its inline scripts) plus the directives only a header carries.
 *
 * @param {string} html the prerendered page
 * @param {string} file its path, for the error message
 * @returns {string}
 */
export function prerenderedPageCsp(html, file) {
	const meta = metaCsp.exec(html)?.[1];
	if (meta === undefined) {
		throw new Error(
			`${file} has no Content-Security-Policy <meta> tag: kit.csp in svelte.config.js must use mode 'auto' or 'hash'`
		);
	}
	const policy = meta.replaceAll('&quot;', '"').replaceAll('&amp;', '&');
	const extra = headerOnlyDirectives.flatMap((name) => {
		const sources = pageCsp[name];
		if (sources === undefined) return [];
		return [[name, ...sources.map((s) => (keyword.test(s) ? `'${s}'` : s))].join(' ')];
	});
	return [policy, ...extra].join('; ');
}
