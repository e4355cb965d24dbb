/**
 * The frame's side of the embed API: it talks only to an allowed parent, at that parent's
 * origin, and hears only `rolefit:set-language` from that parent window.
 */
import { describe, expect, it, vi } from 'vitest';
import { linkToParent, parentOrigin, type FrameWindow } from '../../src/lib/embed/messenger.ts';

const allowed = ['https://lms.example.edu', 'http://127.0.0.2:4173'];

/** A framed page at `href`, whose parent is `parent` (or itself: not framed). */
function framed({
	href = 'https://rolefit.example/embed/quiz',
	ancestor,
	referrer = '',
	top = false
}: { href?: string; ancestor?: string; referrer?: string; top?: boolean } = {}) {
	const listeners = new Set<(event: MessageEvent) => void>();
	const parent = { postMessage: vi.fn() };
	const url = new URL(href);
	const win = {
		location: {
			href,
			origin: url.origin,
			ancestorOrigins: ancestor === undefined ? undefined : [ancestor]
		},
		document: { referrer },
		addEventListener: (_: string, listener: (event: MessageEvent) => void) =>
			listeners.add(listener),
		removeEventListener: (_: string, listener: (event: MessageEvent) => void) =>
			listeners.delete(listener)
	} as unknown as FrameWindow & { parent: typeof parent };
	(win as { parent: unknown }).parent = top ? win : parent;
	const receive = (data: unknown, origin: string, source: unknown = parent) =>
		listeners.forEach((listener) => listener({ data, origin, source } as MessageEvent));
	return { win, parent, receive, listeners };
}

describe('parentOrigin', () => {
	it('is null for a page that is not framed', () => {
		expect(parentOrigin(framed({ top: true }).win, allowed)).toBeNull();
	});

	it("takes the browser's word for the parent, allowed or not", () => {
		expect(parentOrigin(framed({ ancestor: 'https://lms.example.edu' }).win, allowed)).toBe(
			'https://lms.example.edu'
		);
		const hint = 'https://rolefit.example/embed/quiz?parent=https%3A%2F%2Flms.example.edu';
		expect(
			parentOrigin(framed({ ancestor: 'https://evil.example', href: hint }).win, allowed)
		).toBeNull();
	});

	it('else the referrer, else the parent named by embed.js, when allowed', () => {
		expect(parentOrigin(framed({ referrer: 'http://127.0.0.2:4173/course/7' }).win, allowed)).toBe(
			'http://127.0.0.2:4173'
		);
		const hinted = (parent: string) =>
			`https://rolefit.example/es/embed/quiz?parent=${encodeURIComponent(parent)}`;
		// After a navigation inside the frame, the referrer is RoleFit itself: the hint decides.
		expect(
			parentOrigin(
				framed({
					href: hinted('https://lms.example.edu'),
					referrer: 'https://rolefit.example/embed/quiz'
				}).win,
				allowed
			)
		).toBe('https://lms.example.edu');
		expect(parentOrigin(framed({ href: hinted('https://evil.example') }).win, allowed)).toBeNull();
		expect(parentOrigin(framed().win, allowed)).toBeNull();
	});
});

describe('linkToParent', () => {
	it('posts each event to the parent at its origin, never to *', () => {
		const { win, parent } = framed({ ancestor: 'https://lms.example.edu' });
		const link = linkToParent(win, allowed)!;
		link.post('rolefit:progress', { answered: 3, total: 36 });
		expect(parent.postMessage).toHaveBeenCalledWith(
			{ source: 'rolefit', version: 1, type: 'rolefit:progress', data: { answered: 3, total: 36 } },
			'https://lms.example.edu'
		);
	});

	it('is null where no allowed parent frames the page', () => {
		expect(linkToParent(framed({ ancestor: 'https://evil.example' }).win, allowed)).toBeNull();
		expect(linkToParent(framed({ top: true }).win, allowed)).toBeNull();
	});

	it('hears set-language from the parent at its origin, and nothing else', () => {
		const { win, receive, listeners } = framed({ ancestor: 'https://lms.example.edu' });
		const link = linkToParent(win, allowed)!;
		const heard = vi.fn();
		const stop = link.onSetLanguage(heard);
		const message = (type: string, data: unknown, version = 1) => ({
			source: 'rolefit',
			version,
			type,
			data
		});
		receive(message('rolefit:set-language', { language: 'es' }), 'https://lms.example.edu');
		receive(message('rolefit:set-language', { language: 'de' }), 'https://evil.example');
		receive(message('rolefit:set-language', { language: 'de' }), 'https://lms.example.edu', {});
		receive(message('rolefit:set-language', { language: 'de' }, 2), 'https://lms.example.edu');
		receive(message('rolefit:completed', { shared: false }), 'https://lms.example.edu');
		receive(
			{ ...message('rolefit:set-language', { language: 'de' }), source: 'x' },
			'https://lms.example.edu'
		);
		receive('rolefit:set-language', 'https://lms.example.edu');
		receive(message('rolefit:set-language', { language: 7 }), 'https://lms.example.edu');
		expect(heard.mock.calls).toEqual([['es']]);
		stop();
		expect(listeners.size).toBe(0);
	});
});
