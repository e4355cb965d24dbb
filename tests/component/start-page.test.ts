/**
 * The start page says what RoleFit measures: which kind of work a person prefers, not their
 * strengths or ability (issue 14), in its title, its description and its heading.
 */
import { render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { landingFacts } from '$lib/server/content';
import StartPage from '../../src/routes/+page.svelte';

// The page only reaches these on a click or after mounting; jsdom has no router.
vi.mock('$app/navigation', () => ({ goto: vi.fn() }));
vi.mock('$app/paths', () => ({ resolve: (path: string) => path }));

describe('the start page', () => {
	it('asks which work you prefer, and never speaks of strengths', async () => {
		render(StartPage, { data: landingFacts() });
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
});
