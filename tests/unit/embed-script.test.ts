// @vitest-environment jsdom
/**
 * static/embed.js, the host side of "Embed RoleFit" (issue 17), run as a host page runs it: the
 * file as served, evaluated in jsdom with `document.currentScript` pointing at RoleFit's
 * `/embed.js`. The host page is jsdom's http://localhost:3000; RoleFit is another origin.
 * jsdom gives each iframe a window of its own (about:blank: nothing is fetched), so a message
 * can come from the right frame, another frame or the host itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const source = readFileSync(join(import.meta.dirname, '../../static/embed.js'), 'utf8');
const rolefit = 'http://127.0.0.1:4173';
const parent = encodeURIComponent('http://localhost:3000');

interface RoleFitApi {
	version: number;
	mount(element: HTMLElement): HTMLIFrameElement | null;
	setLanguage(element: HTMLElement, language: string): boolean;
}

const host = window as unknown as { RoleFit?: RoleFitApi };

/** Runs embed.js as if loaded by `<script src>` (`src`), or with no currentScript (null). */
function runScript(src: string | null = `${rolefit}/embed.js`): RoleFitApi {
	const script = src === null ? null : Object.assign(document.createElement('script'), { src });
	Object.defineProperty(document, 'currentScript', { configurable: true, get: () => script });
	try {
		new Function(source)();
	} finally {
		// Back to jsdom's own getter on Document.prototype.
		delete (document as { currentScript?: unknown }).currentScript;
	}
	return host.RoleFit!;
}

/** A host page with `html` in its body, then embed.js run on it. */
function page(html: string, src?: string | null): RoleFitApi {
	document.body.innerHTML = html;
	return runScript(src);
}

const div = (selector = 'div') => document.querySelector<HTMLElement>(selector)!;
const frameIn = (selector = 'div') => div(selector).querySelector('iframe')!;

/** A protocol version 1 message. */
const message = (type: string, data: unknown = {}) => ({
	source: 'rolefit',
	version: 1,
	type,
	data
});

/** A `message` event on the host window, by default from `iframe`'s window and RoleFit's origin. */
function post(
	iframe: HTMLIFrameElement,
	data: unknown,
	from: { origin?: string; source?: Window | null } = {}
) {
	const { origin = rolefit, source = iframe.contentWindow } = from;
	window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
}

/** Every event the tests may cause that reaches the document, as [type, detail]. */
function eventsOnDocument() {
	const seen: [string, unknown][] = [];
	const types = ['ready', 'progress', 'height', 'completed', 'error', 'later', 'set-language'];
	// And the names of the messages that must not become events.
	for (const type of [...types.map((name) => `rolefit:${name}`), 'height', 'other:height']) {
		document.addEventListener(type, (event) =>
			seen.push([event.type, (event as CustomEvent).detail])
		);
	}
	return seen;
}

let consoleError: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
	// Each test loads the script afresh; an earlier copy's frames are gone with the old body.
	delete host.RoleFit;
	consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
	vi.restoreAllMocks();
	document.body.innerHTML = '';
});

describe('mounting', () => {
	it('puts the public quiz in <div data-rolefit="quiz">, with its parent origin', () => {
		const api = page('<div data-rolefit="quiz"></div>');
		const iframe = frameIn();
		expect(api.version).toBe(1);
		expect(iframe.src).toBe(`${rolefit}/embed/quiz?parent=${parent}`);
		expect(iframe.title).toBe('RoleFit quiz');
		expect(iframe.getAttribute('referrerpolicy')).toBe('strict-origin-when-cross-origin');
		expect(iframe.getAttribute('loading')).toBe('eager');
		expect(iframe.hasAttribute('sandbox')).toBe(false);
		expect(iframe.style.width).toBe('100%');
		expect(iframe.style.display).toBe('block');
		expect(iframe.style.borderWidth).toBe('0px');
		expect(iframe.style.height).toBe('320px');
	});

	it("puts a cohort's quiz in <div data-rolefit-join>, its code in the path", () => {
		page('<div data-rolefit-join="K7PM-3QXZ"></div>');
		expect(frameIn().src).toBe(`${rolefit}/embed/join/K7PM-3QXZ?parent=${parent}`);
		expect(frameIn().title).toBe('RoleFit cohort quiz');
	});

	it('takes the title from data-rolefit-title', () => {
		page('<div data-rolefit="quiz" data-rolefit-title="Career quiz for module 3"></div>');
		expect(frameIn().title).toBe('Career quiz for module 3');
	});

	it.each([
		['es', '/es'],
		['de', '/de'],
		['ar', '/ar'],
		['AR', '/ar'],
		['en', ''],
		['fr', ''],
		['', ''],
		['/evil', '']
	])('data-rolefit-lang="%s" opens %s/embed/…', (lang, prefix) => {
		page(
			`<div id="quiz" data-rolefit="quiz" data-rolefit-lang="${lang}"></div>` +
				`<div id="join" data-rolefit-join="ABCD2345" data-rolefit-lang="${lang}"></div>`
		);
		expect(frameIn('#quiz').src).toBe(`${rolefit}${prefix}/embed/quiz?parent=${parent}`);
		expect(frameIn('#join').src).toBe(`${rolefit}${prefix}/embed/join/ABCD2345?parent=${parent}`);
	});

	it.each(['', 'AB/../cohorts', 'ABCD 2345', 'ABCD?x=1', '<b>', 'Ä1234567', 'A'.repeat(65)])(
		'refuses data-rolefit-join="%s", naming the attribute',
		(code) => {
			const element = document.createElement('div');
			element.setAttribute('data-rolefit-join', code);
			document.body.innerHTML = '';
			document.body.append(element);
			runScript();
			expect(element.querySelector('iframe')).toBeNull();
			expect(consoleError).toHaveBeenCalledOnce();
			expect(String(consoleError.mock.calls[0]![0])).toContain(`data-rolefit-join="${code}"`);
		}
	);

	it('finds its origin from its own src, whatever its path and query', () => {
		page('<div data-rolefit="quiz"></div>', 'https://rolefit.example/static/embed.js?v=3');
		expect(frameIn().src).toBe(`https://rolefit.example/embed/quiz?parent=${parent}`);
	});

	it('falls back to a <script src$="/embed.js"> when currentScript is not there', () => {
		page(
			'<script src="https://other.example/app.js"></script>' +
				'<script src="https://rolefit.example:8443/embed.js"></script>' +
				'<div data-rolefit="quiz"></div>',
			null
		);
		expect(frameIn().src).toBe(`https://rolefit.example:8443/embed/quiz?parent=${parent}`);
	});

	it('mounts the divs parsed after it when it ran while the page was loading', () => {
		Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'loading' });
		try {
			page('<div id="early" data-rolefit="quiz"></div>');
			document.body.insertAdjacentHTML('beforeend', '<div id="late" data-rolefit="quiz"></div>');
			expect(div('#late').querySelector('iframe')).toBeNull();
			document.dispatchEvent(new Event('DOMContentLoaded'));
		} finally {
			delete (document as { readyState?: unknown }).readyState;
		}
		expect(div('#early').querySelectorAll('iframe')).toHaveLength(1);
		expect(div('#late').querySelectorAll('iframe')).toHaveLength(1);
	});

	it('mounts a div added later with RoleFit.mount, once however often it is asked', () => {
		const api = page('');
		const element = document.createElement('div');
		element.dataset.rolefitJoin = 'ABCD2345';
		document.body.append(element);
		const iframe = api.mount(element);
		expect(iframe).toBe(element.querySelector('iframe'));
		expect(api.mount(element)).toBe(iframe);
		expect(element.querySelectorAll('iframe')).toHaveLength(1);
	});

	it('does nothing when loaded a second time', () => {
		const api = page('<div data-rolefit="quiz"></div>');
		expect(runScript()).toBe(api);
		expect(div().querySelectorAll('iframe')).toHaveLength(1);
	});

	it('refuses to mount an element that names no quiz', () => {
		const api = page('<div data-rolefit="survey"></div>');
		expect(div().querySelector('iframe')).toBeNull();
		expect(api.mount(div())).toBeNull();
		expect(consoleError).toHaveBeenCalledOnce();
	});
});

describe('messages from the frame', () => {
	it('sets the height, kept between data-rolefit-min-height and -max-height', () => {
		page(
			'<div id="plain" data-rolefit="quiz"></div>' +
				'<div id="sized" data-rolefit="quiz" data-rolefit-min-height="400" data-rolefit-max-height="700"></div>'
		);
		const plain = frameIn('#plain');
		const sized = frameIn('#sized');
		expect(sized.style.height).toBe('400px');

		const heights = (px: number) => {
			post(plain, message('rolefit:height', { px }));
			post(sized, message('rolefit:height', { px }));
			return [plain.style.height, sized.style.height];
		};
		expect(heights(100)).toEqual(['320px', '400px']);
		expect(heights(512.3)).toEqual(['513px', '513px']);
		expect(heights(2400)).toEqual(['2400px', '700px']);
		expect(heights(0)).toEqual(['320px', '400px']);
	});

	it.each([
		['NaN', Number.NaN],
		['Infinity', Number.POSITIVE_INFINITY],
		['negative', -10],
		['a string', '900'],
		['missing', undefined]
	])('ignores a height that is %s', (_, px) => {
		page('<div data-rolefit="quiz"></div>');
		const seen = eventsOnDocument();
		post(frameIn(), message('rolefit:height', { px: 900 }));
		post(frameIn(), message('rolefit:height', { px }));
		expect(frameIn().style.height).toBe('900px');
		expect(seen).toEqual([['rolefit:height', { px: 900 }]]);
	});

	it('re-emits each message on its div as a bubbling event, detail = data', () => {
		page('<div data-rolefit="quiz"></div>');
		const onDiv: string[] = [];
		div().addEventListener('rolefit:completed', (event) => onDiv.push(event.type));
		const seen = eventsOnDocument();
		const summary = { shared: true, version: '1.0.0', verdict: 'strategic', link: 'x' };
		post(frameIn(), message('rolefit:ready'));
		post(frameIn(), message('rolefit:progress', { answered: 3, total: 40 }));
		post(frameIn(), message('rolefit:completed', summary));
		post(frameIn(), message('rolefit:error', { reason: 'storage' }));
		post(frameIn(), message('rolefit:later', { a: 1 }));
		expect(seen).toEqual([
			['rolefit:ready', {}],
			['rolefit:progress', { answered: 3, total: 40 }],
			['rolefit:completed', summary],
			['rolefit:error', { reason: 'storage' }],
			['rolefit:later', { a: 1 }]
		]);
		expect(onDiv).toEqual(['rolefit:completed']);
	});

	const height = message('rolefit:height', { px: 900 });
	it.each([
		['another origin', height, { origin: 'https://evil.example' }],
		["RoleFit's origin with a slash", height, { origin: `${rolefit}/` }],
		['the host window itself', height, { source: window }],
		['no window', height, { source: null }],
		['another source', { ...height, source: 'other' }, {}],
		['another version', { ...height, version: 2 }, {}],
		['the version as a string', { ...height, version: '1' }, {}],
		['a type outside rolefit:', { ...height, type: 'height' }, {}],
		['another prefix', { ...height, type: 'other:height' }, {}],
		['a type that is not a string', { ...height, type: ['rolefit:height'] }, {}],
		['no object', 'rolefit:height', {}],
		['null', null, {}]
	])('ignores a message from or with %s', (_, data, from) => {
		page('<div data-rolefit="quiz"></div>');
		const seen = eventsOnDocument();
		post(frameIn(), data, from);
		expect(frameIn().style.height).toBe('320px');
		expect(seen).toEqual([]);
	});

	it("gives each frame only its own messages, even from RoleFit's origin", () => {
		page('<div id="a" data-rolefit="quiz"></div><div id="b" data-rolefit-join="ABCD2345"></div>');
		const onA: unknown[] = [];
		const onB: unknown[] = [];
		div('#a').addEventListener('rolefit:progress', (event) => onA.push(event.type));
		div('#b').addEventListener('rolefit:progress', (event) => onB.push(event.type));
		post(frameIn('#a'), message('rolefit:height', { px: 1000 }), {
			source: frameIn('#b').contentWindow
		});
		post(frameIn('#b'), message('rolefit:progress', { answered: 1, total: 40 }));
		expect(frameIn('#a').style.height).toBe('320px');
		expect(frameIn('#b').style.height).toBe('1000px');
		expect(onA).toEqual([]);
		expect(onB).toEqual(['rolefit:progress']);
	});

	it('ignores a message without a window once its frame is removed (its window is null)', () => {
		page('<div data-rolefit="quiz"></div>');
		const element = div();
		const iframe = frameIn();
		const seen: string[] = [];
		element.addEventListener('rolefit:height', (event) => seen.push(event.type));
		iframe.remove();
		// A browser's removed frame has no window; jsdom keeps it, so it is taken away here.
		Object.defineProperty(iframe, 'contentWindow', { get: () => null });
		post(iframe, message('rolefit:height', { px: 900 }), { source: null });
		expect(iframe.style.height).toBe('320px');
		expect(seen).toEqual([]);
	});

	it('does not re-emit a set-language message (it would go back to the frame)', () => {
		page('<div data-rolefit="quiz"></div>');
		const postMessage = vi.spyOn(frameIn().contentWindow!, 'postMessage');
		const seen = eventsOnDocument();
		post(frameIn(), message('rolefit:ready'));
		post(frameIn(), message('rolefit:set-language', { language: 'de' }));
		expect(seen).toEqual([['rolefit:ready', {}]]);
		expect(postMessage).not.toHaveBeenCalled();
	});
});

describe('set-language', () => {
	const expected = (language: string) => [
		{ source: 'rolefit', version: 1, type: 'rolefit:set-language', data: { language } },
		rolefit
	];

	it("forwards a rolefit:set-language event on the div to its frame, at RoleFit's origin", () => {
		page('<div id="a" data-rolefit="quiz"></div><div id="b" data-rolefit="quiz"></div>');
		const toA = vi.spyOn(frameIn('#a').contentWindow!, 'postMessage').mockImplementation(() => {});
		const toB = vi.spyOn(frameIn('#b').contentWindow!, 'postMessage').mockImplementation(() => {});
		post(frameIn('#a'), message('rolefit:ready'));
		post(frameIn('#b'), message('rolefit:ready'));
		div('#a').dispatchEvent(
			new CustomEvent('rolefit:set-language', { detail: { language: 'de' } })
		);
		expect(toA.mock.calls).toEqual([expected('de')]);
		expect(toB).not.toHaveBeenCalled();
	});

	it('does the same for RoleFit.setLanguage, and refuses a language RoleFit lacks', () => {
		const api = page('<div data-rolefit="quiz"></div>');
		const postMessage = vi
			.spyOn(frameIn().contentWindow!, 'postMessage')
			.mockImplementation(() => {});
		post(frameIn(), message('rolefit:ready'));
		expect(api.setLanguage(div(), 'ar')).toBe(true);
		expect(api.setLanguage(div(), 'fr')).toBe(false);
		div().dispatchEvent(new CustomEvent('rolefit:set-language', { detail: { language: 'xx' } }));
		div().dispatchEvent(new CustomEvent('rolefit:set-language'));
		expect(postMessage.mock.calls).toEqual([expected('ar')]);
		expect(consoleError).toHaveBeenCalledTimes(3);
	});

	it('holds a language asked for before the quiz is ready, and sends the last one then', () => {
		const api = page('<div data-rolefit="quiz"></div>');
		const postMessage = vi
			.spyOn(frameIn().contentWindow!, 'postMessage')
			.mockImplementation(() => {});
		expect(api.setLanguage(div(), 'es')).toBe(true);
		expect(api.setLanguage(div(), 'de')).toBe(true);
		expect(postMessage).not.toHaveBeenCalled();
		post(frameIn(), message('rolefit:ready'));
		expect(postMessage.mock.calls).toEqual([expected('de')]);
		post(frameIn(), message('rolefit:ready'));
		expect(postMessage).toHaveBeenCalledOnce();
	});

	it('answers false for an element without a quiz', () => {
		const api = page('<p>no quiz</p>');
		expect(api.setLanguage(document.body, 'es')).toBe(false);
	});
});
