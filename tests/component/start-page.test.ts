/**
 * The start page says what RoleFit measures: which kind of work a person prefers, not their
 * strengths or ability (issue 14), in its title, its description and its heading.
 */
import { render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { landingFacts } from '$lib/server/content';
import StartPage from '../../src/routes/[[lang=lang]]/+page.svelte';
import { load as loadFrame } from '../../src/routes/+layout.server.ts';
import { load as loadPage } from '../../src/routes/[[lang=lang]]/+page.server.ts';

/** What the page receives at this address: the frame's data and its own. */
function dataAt(path: string) {
	const url = new URL(`http://localhost${path}`);
	const lang = path.split('/')[1];
	router.page.params = lang ? { lang } : {};
	// What the hook puts in `locals`: the address's language.
	const frame = loadFrame({
		url,
		route: { id: '/[[lang=lang]]' },
		locals: { language: lang ?? 'en' }
	} as never);
	return { ...frame, ...loadPage({ url } as never) };
}

// The page only reaches these on a click or after mounting; jsdom has no router.
vi.mock('$app/navigation', () => ({ goto: vi.fn() }));
vi.mock('$app/paths', () => ({
	resolve: (route: string, params: { lang?: string } = {}) =>
		route.replace('/[[lang=lang]]', params.lang ? `/${params.lang}` : '') || '/'
}));
/** The router's state as the page reads it: the address's language in `params.lang`. */
const router = vi.hoisted(() => ({ page: { params: {} as { lang?: string } } }));
vi.mock('$app/state', () => router);

describe('the start page', () => {
	it('asks which work you prefer, and never speaks of strengths', async () => {
		render(StartPage, { data: dataAt('/') });
		const heading = screen.getByRole('heading', { level: 1 });
		const description = document.head.querySelector('meta[name="description"]')!;
		const said = [document.title, description.getAttribute('content')!, heading.textContent!];

		expect(heading).toHaveTextContent('Product or project management: which work do you prefer?');
		for (const text of said) {
			expect(text).toMatch(/prefer/);
			expect(text).not.toMatch(/strength/i);
		}
		expect(description).toHaveAttribute(
			'content',
			expect.stringContaining(`A free ${landingFacts().minutes}-minute quiz`)
		);
		// The page reads a saved quiz after mounting, through dynamic imports: let those finish
		// before the test ends, so that no module is still loading when jsdom is torn down.
		await import('$lib/quiz/snapshot');
		await import('$lib/quiz/summary');
		await tick();
	});

	it('speaks the language of its address, figures and all', async () => {
		render(StartPage, { data: dataAt('/es') });
		expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
			'Gestión de producto o de proyectos'
		);
		const { questions, minutes } = landingFacts('es');
		expect(screen.getByRole('link', { name: 'Empezar el cuestionario' })).toHaveAttribute(
			'href',
			'/es/quiz'
		);
		expect(document.body).toHaveTextContent(`${questions} preguntas`);
		expect(document.body).toHaveTextContent(`${minutes} minutos`);
		await import('$lib/quiz/snapshot');
		await import('$lib/quiz/summary');
		await tick();
	});
});
