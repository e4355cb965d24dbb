import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import content from 'virtual:rolefit/content';
import { scoreAnswers } from '../../src/lib/scoring/score.ts';
import ResultView from '../../src/routes/results/ResultView.svelte';
import { allStrategic, agreeToEverything } from '../helpers/content.ts';

// jsdom has no canvas: the chart library is replaced, the text alternatives are real.
vi.mock('$lib/charts/register', () => ({
	loadChart: () => new Promise(() => {})
}));

describe('the result view', () => {
	it('leads with the verdict and how sure it is', () => {
		render(ResultView, { result: scoreAnswers(content, allStrategic(content)) });
		expect(
			screen.getByText('Your strengths lean clearly strategic: towards product management.')
		).toBeInTheDocument();
		expect(screen.getByText(/We are very sure of the direction \(99%\)/)).toBeInTheDocument();
		expect(screen.getByText('Strategic (product)').nextElementSibling).toHaveTextContent(
			'100 / 100'
		);
	});

	it('shows the explanations for this result with working citation links', () => {
		const result = scoreAnswers(content, allStrategic(content));
		render(ResultView, { result });
		const verdict = result.explanations.find((e) => e.role === 'verdict')!.explanation;
		const section = screen.getByRole('region', { name: verdict.title });
		const links = within(section).getAllByRole('link', { name: /^Source S00\d:/ });
		expect(links.length).toBeGreaterThan(0);
		for (const link of links) expect(link.getAttribute('href')).toMatch(/^\/sources#S00\d$/);

		const strengths = screen.getByRole('region', { name: 'Your strongest facets' });
		expect(within(strengths).getAllByRole('heading', { level: 3 })).toHaveLength(3);
		expect(screen.getByRole('region', { name: 'Where you could grow' })).toBeInTheDocument();
		expect(
			screen.getByRole('heading', { name: 'What this result does not tell you' })
		).toBeInTheDocument();

		const cited = within(screen.getByRole('region', { name: 'Sources cited in this result' }));
		const citedIds = new Set(result.explanations.flatMap((e) => e.sources.map((s) => s.id)));
		expect(cited.getAllByRole('listitem')).toHaveLength(citedIds.size);
	});

	it('gives each chart a text summary and a data table', () => {
		render(ResultView, { result: scoreAnswers(content, allStrategic(content)) });
		expect(
			screen.getByRole('img', {
				name: 'Your position is 100 towards product management; the 90% band runs from 96 to 100.'
			})
		).toBeInTheDocument();
		const table = screen.getByRole('table', { name: /facet/i });
		expect(within(table).getAllByRole('row')).toHaveLength(content.facets.length + 1);
		expect(
			within(table).getByRole('rowheader', { name: 'Vision and the "why"' })
		).toBeInTheDocument();
	});

	it('says the quality flags kindly', () => {
		render(ResultView, { result: scoreAnswers(content, agreeToEverything(content)) });
		const notice = screen.getByRole('region', { name: 'Read this result with care' });
		expect(
			within(notice).getByText(/What we noticed: 30 of your 30 agreement answers/)
		).toBeInTheDocument();
	});

	it('explains why there is no verdict when too little was answered', () => {
		render(ResultView, { result: scoreAnswers(content, { 'vision-1': 4 }) });
		expect(screen.getByText('We cannot give you a result yet.')).toBeInTheDocument();
		expect(
			screen.getByText(/Only 1 of the 21 questions on the Strategic scale/)
		).toBeInTheDocument();
		expect(screen.queryByRole('img')).toBeNull();
	});
});
