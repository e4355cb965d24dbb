/**
 * The frame's side of the embed API (`protocol.ts`): who the page around it is, and talking to it.
 *
 * A message goes only to the parent's origin (postMessage's `targetOrigin`, never `*`), and only
 * when that origin is one the server allows to frame this page, the same list it names in
 * `frame-ancestors`. The parent's origin comes from what the browser reports
 * (`location.ancestorOrigins`, Chromium and Safari), else from the referrer, else from the
 * `?parent=` that `/embed.js` adds. A wrong guess cannot leak: the browser delivers a message
 * only if the parent really is at `targetOrigin`. From the parent, only `rolefit:set-language`
 * is heard, and only from the parent window at that origin.
 */
import { envelope, EMBED_API_VERSION, SET_LANGUAGE } from './protocol.ts';
import type { FrameEvents, FrameEventType } from './protocol.ts';

/** The query parameter `/embed.js` puts the host page's origin in. */
export const PARENT_PARAMETER = 'parent';

/** What of `window` this module uses (a test passes a stand-in). */
export type FrameWindow = Pick<
	Window,
	'parent' | 'location' | 'document' | 'addEventListener' | 'removeEventListener'
>;

const originOf = (address: string) => {
	try {
		return new URL(address).origin;
	} catch {
		return null;
	}
};

/**
 * The origin of the page this one is framed by, if it is one of `allowed`; null when this page
 * is not in a frame, or its parent's origin is unknown or not allowed.
 */
export function parentOrigin(win: FrameWindow, allowed: readonly string[]): string | null {
	if (win.parent === (win as unknown)) return null;
	const own = win.location.origin;
	const reported = win.location.ancestorOrigins?.[0];
	// The browser's word is final: a parent it names that is not allowed gets nothing.
	if (reported && reported !== 'null') return allowed.includes(reported) ? reported : null;
	const candidates = [
		// The referrer is the parent on arrival; after a navigation inside the frame it is this site.
		originOf(win.document.referrer),
		originOf(new URL(win.location.href).searchParams.get(PARENT_PARAMETER) ?? '')
	];
	return candidates.find((origin) => origin && origin !== own && allowed.includes(origin)) ?? null;
}

/** The frame's line to the page around it. */
export interface ParentLink {
	/** The parent's origin, allowed to frame this page. */
	readonly origin: string;
	post<T extends FrameEventType>(type: T, data: FrameEvents[T]): void;
	/** Calls `handler` with the language of each `rolefit:set-language` the parent sends. */
	onSetLanguage(handler: (language: string) => void): () => void;
	/** Posts `rolefit:height` now and on every change of `element`'s height. */
	reportHeight(element: HTMLElement): () => void;
}

/** A line to the page around this one, or null when there is none it may talk to. */
export function linkToParent(win: FrameWindow, allowed: readonly string[]): ParentLink | null {
	const origin = parentOrigin(win, allowed);
	if (!origin) return null;
	const post: ParentLink['post'] = (type, data) =>
		win.parent.postMessage(envelope(type, data), origin);
	return {
		origin,
		post,
		onSetLanguage(handler) {
			const listener = (event: MessageEvent) => {
				if (event.source !== win.parent || event.origin !== origin) return;
				const message = event.data as Record<string, unknown> | null;
				if (
					typeof message !== 'object' ||
					message === null ||
					message.source !== 'rolefit' ||
					message.version !== EMBED_API_VERSION ||
					message.type !== SET_LANGUAGE
				) {
					return;
				}
				const language = (message.data as { language?: unknown } | null)?.language;
				if (typeof language === 'string') handler(language);
			};
			win.addEventListener('message', listener);
			return () => win.removeEventListener('message', listener);
		},
		reportHeight(element) {
			let last = -1;
			const report = () => {
				const px = Math.ceil(element.getBoundingClientRect().height);
				if (px === last) return;
				last = px;
				post('rolefit:height', { px });
			};
			const observer = new ResizeObserver(report);
			observer.observe(element);
			report();
			return () => observer.disconnect();
		}
	};
}
