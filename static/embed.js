// @ts-check
/**
 * RoleFit's embed script (/embed.js, served as-is). On a page of an origin RoleFit allows:
 *   <div data-rolefit="quiz"></div>  or  <div data-rolefit-join="CODE"></div>
 *   <script src="https://rolefit.example/embed.js" async></script>
 * Optional on the div: data-rolefit-lang (en es de ar), -title, -min-height (px, 320),
 * -max-height. A div added later: RoleFit.mount(div).
 *
 * The div gets the quiz's messages as bubbling events named by type, detail = data
 * (rolefit:ready, :progress, :height, :completed, :error). To switch language, dispatch
 * 'rolefit:set-language' with detail { language } on it, or call RoleFit.setLanguage(div, lang).
 *
 * Any window can post us messages: one counts only if it comes from RoleFit's origin, from the
 * div's own frame (so two embeds never hear each other) and speaks protocol version 1.
 */
(() => {
	/** @typedef {'en' | 'es' | 'de' | 'ar'} Language */
	/** @typedef {{ iframe: HTMLIFrameElement, ready?: boolean, pending?: Language }} Embed */

	// currentScript is null after this first run (and in old browsers).
	const script = /** @type {HTMLScriptElement | null} */ (
		document.currentScript || document.querySelector('script[src$="/embed.js"]')
	);
	const host = /** @type {Window & { RoleFit?: object }} */ (window);
	if (host.RoleFit) return; // loaded twice: the first copy does the work
	if (!script || !script.src) return console.error('RoleFit: where is embed.js from?');
	const origin = new URL(script.src).origin;
	/** @type {readonly string[]} */
	const languages = ['en', 'es', 'de', 'ar'];
	/** @type {WeakMap<HTMLElement, Embed>} */
	const embeds = new WeakMap();

	/** @param {HTMLElement} element @param {string} name @param {number} fallback */
	const size = (element, name, fallback) => {
		const value = parseFloat(element.getAttribute('data-rolefit-' + name) || '');
		return value >= 0 ? value : fallback;
	};

	/**
	 * Puts the quiz's frame in `element` (once); null if the element names no quiz.
	 * @param {HTMLElement} element
	 * @returns {HTMLIFrameElement | null}
	 */
	function mount(element) {
		const known = embeds.get(element);
		if (known) return known.iframe;
		const code = element.getAttribute('data-rolefit-join');
		let path = '/embed/quiz';
		if (code !== null) {
			if (!/^[A-Za-z0-9-]{1,64}$/.test(code)) {
				console.error(`RoleFit: data-rolefit-join="${code}" is not a join code`, element);
				return null;
			}
			path = '/embed/join/' + encodeURIComponent(code);
		} else if (element.getAttribute('data-rolefit') !== 'quiz') {
			console.error('RoleFit: mount() needs data-rolefit="quiz" or data-rolefit-join', element);
			return null;
		}
		const lang = (element.getAttribute('data-rolefit-lang') || '').toLowerCase();
		const prefix = lang !== 'en' && languages.includes(lang) ? '/' + lang : '';
		const min = size(element, 'min-height', 320);
		const max = size(element, 'max-height', Infinity);

		const iframe = document.createElement('iframe');
		iframe.src = `${origin}${prefix}${path}?parent=${encodeURIComponent(location.origin)}`;
		iframe.title =
			element.getAttribute('data-rolefit-title') ||
			(code === null ? 'RoleFit quiz' : 'RoleFit cohort quiz');
		iframe.style.cssText = `width:100%;border:0;display:block;height:${min}px`;
		// No sandbox: the quiz keeps its progress in storage.
		iframe.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
		iframe.setAttribute('loading', 'eager');
		/** @type {Embed} */
		const embed = { iframe };
		embeds.set(element, embed);

		window.addEventListener('message', (event) => {
			const frame = iframe.contentWindow; // null once the frame is gone: matches nothing
			const message = Object(event.data);
			const { type, data } = message;
			if (event.origin !== origin || !frame || event.source !== frame) return;
			if (message.source !== 'rolefit' || message.version !== 1) return;
			if (typeof type !== 'string' || !type.startsWith('rolefit:')) return;
			// set-language is ours to send: re-emitted, it would go back to the frame.
			if (type === 'rolefit:set-language') return;
			if (type === 'rolefit:height') {
				const px = data && data.px;
				if (!Number.isFinite(px) || px < 0) return; // a broken message: ignored whole
				iframe.style.height = `${Math.min(max, Math.max(min, Math.ceil(px)))}px`;
			}
			if (type === 'rolefit:ready') {
				// A language asked for before the quiz listened.
				embed.ready = true;
				if (embed.pending) setLanguage(element, embed.pending);
			}
			element.dispatchEvent(new CustomEvent(type, { bubbles: true, detail: data }));
		});
		element.addEventListener('rolefit:set-language', (event) => {
			setLanguage(element, /** @type {CustomEvent} */ (event).detail?.language);
		});
		element.appendChild(iframe);
		return iframe;
	}

	/**
	 * Switches the quiz in `element` to `language`, once it is ready.
	 * @param {HTMLElement} element
	 * @param {Language} language
	 * @returns {boolean} false for an unknown language or an element without a quiz
	 */
	function setLanguage(element, language) {
		const embed = embeds.get(element);
		if (!languages.includes(language)) {
			console.error(`RoleFit: no language "${language}" (en, es, de, ar)`);
			return false;
		}
		if (!embed) return false;
		const frame = embed.iframe.contentWindow;
		embed.pending = language;
		if (!embed.ready || !frame) return true;
		embed.pending = undefined;
		// To RoleFit's origin only: never to another site the frame may show.
		const type = 'rolefit:set-language';
		frame.postMessage({ source: 'rolefit', version: 1, type, data: { language } }, origin);
		return true;
	}

	const mountAll = () =>
		document
			.querySelectorAll('div[data-rolefit="quiz"], div[data-rolefit-join]')
			.forEach((element) => mount(/** @type {HTMLElement} */ (element)));

	host.RoleFit = { version: 1, mount, setLanguage };
	mountAll();
	// Loaded early or async: the divs further down come later.
	if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
})();
