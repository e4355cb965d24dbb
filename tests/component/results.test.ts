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

const { wording } = content.instrument;

/** Renders the view for `answers` with the content's own wording. */
function renderResult(answers: Record<string, number>) {
	const result = scoreAnswers(content, answers);
	render(ResultView, { result, wording });
	return result;
}

/** Strong on both: agrees with every statement's own direction, picks alternate sides. */
function strongOnBoth(): Record<string, number> {
	const answers: Record<string, number> = {};
	for (const item of content.items) answers[item.id] = item.keyed === 'plus' ? 5 : 1;
	content.scenarios.forEach((scenario, index) => (answers[scenario.id] = index % 2 === 0 ? 2 : 1));
	return answers;
}

/** The score a scale's box shows, and the range under it. */
function scaleBox(name: string) {
	const box = screen.getByText(name).closest('div')!;
	const [score, range] = within(box).getAllByRole('definition');
	return { score: score?.textContent?.trim(), range: range?.textContent?.trim() };
}

describe('the result view', () => {
	it('leads with the verdict, where the range puts it and how firm it is', () => {
		const result = renderResult(allStrategic(content));
		expect(result).toMatchObject({ verdict: 'product', firmness: 'firm', position: 100 });
		const verdict = screen.getByText('Your answers lean toward product management.');
		expect(verdict).toHaveAttribute('data-verdict', 'product');
		expect(verdict).toHaveAttribute('data-profile', 'none');
		expect(
			screen.getByText(
				'Your position is +100 on a scale from −100 (project) to +100 (product), with a range from +83 to +100.'
			)
		).toBeInTheDocument();
		expect(screen.getByText(wording.band)).toBeInTheDocument();
		expect(
			screen.getByText(
				'Even the cautious end of your range is well away from the middle, so this lean is a firm one.'
			)
		).toBeInTheDocument();
		expect(screen.queryByText(wording.firmness.tentative)).toBeNull();
		// No percentage of sureness: the header describes the band in words.
		const header = screen.getByRole('heading', { level: 1, name: 'Your result' }).closest('header');
		expect(header?.textContent).not.toMatch(/%|\bsure\b/i);
		expect(scaleBox('Strategic (product)')).toEqual({ score: '100 / 100', range: 'range 90–100' });
		expect(scaleBox('Tactical (project)')).toEqual({ score: '0 / 100', range: 'range 0–10' });
	});

	it('says which kind of in-between, with no firmness', () => {
		const result = renderResult(strongOnBoth());
		expect(result).toMatchObject({ verdict: 'in-between', profile: 'hybrid', firmness: null });
		const verdict = screen.getByText('Your answers sit in between: you are drawn to both sides.');
		expect(verdict).toHaveAttribute('data-verdict', 'in-between');
		expect(verdict).toHaveAttribute('data-profile', 'hybrid');
		expect(screen.getByText(wording.band)).toBeInTheDocument();
		for (const sentence of Object.values(wording.firmness)) {
			expect(screen.queryByText(sentence)).toBeNull();
		}
		const profile = result.explanations.find((e) => e.role === 'profile')!.explanation;
		expect(profile.target).toBe('hybrid');
		expect(screen.getByRole('region', { name: profile.title })).toBeInTheDocument();
	});

	it('takes its words from the wording it is given', () => {
		const result = scoreAnswers(content, allStrategic(content));
		render(ResultView, {
			result,
			wording: {
				...wording,
				verdicts: {
					...wording.verdicts,
					product: { label: 'P', sentence: 'A product lean, in other words.' }
				},
				band: 'The range, in other words.'
			}
		});
		expect(screen.getByText('A product lean, in other words.')).toBeInTheDocument();
		expect(screen.getByText('The range, in other words.')).toBeInTheDocument();
		expect(screen.queryByText(wording.verdicts.product.sentence)).toBeNull();
	});

	it('shows the explanations for this result with working citation links', () => {
		const result = renderResult(allStrategic(content));
		const verdict = result.explanations.find((e) => e.role === 'verdict')!.explanation;
		expect(verdict.target).toBe('product');
		const section = screen.getByRole('region', { name: verdict.title });
		const links = within(section).getAllByRole('link', { name: /^Source S00\d:/ });
		expect(links.length).toBeGreaterThan(0);
		for (const link of links) expect(link.getAttribute('href')).toMatch(/^\/sources#S00\d$/);

		const strengths = screen.getByRole('region', { name: 'Your strongest facets' });
		expect(within(strengths).getAllByRole('heading', { level: 3 })).toHaveLength(3);
		expect(screen.getByRole('region', { name: 'Where you could grow' })).toBeInTheDocument();
		const caveat = screen.getByRole('region', { name: 'What this result does not tell you' });
		const references = within(caveat).getAllByRole('link', { name: /^Method reference M\d\d:/ });
		expect(references.length).toBeGreaterThan(0);
		for (const link of references) expect(link.getAttribute('href')).toMatch(/^\/sources#M\d\d$/);

		const cited = within(screen.getByRole('region', { name: 'Sources cited in this result' }));
		const citedIds = new Set(result.explanations.flatMap((e) => e.sources.map((s) => s.id)));
		const referenceIds = new Set(result.explanations.flatMap((e) => e.references.map((r) => r.id)));
		expect(referenceIds.size).toBeGreaterThan(0);
		const [sourceList, referenceList] = cited.getAllByRole('list');
		expect(within(sourceList!).getAllByRole('listitem')).toHaveLength(citedIds.size);
		expect(within(referenceList!).getAllByRole('listitem')).toHaveLength(referenceIds.size);
		expect(cited.getByRole('heading', { name: 'On how it was measured' })).toBeInTheDocument();
	});

	it('gives each chart a text summary and a data table', () => {
		renderResult(allStrategic(content));
		expect(
			screen.getByRole('img', {
				name: 'Your position is 100 towards product management; the 90% band runs from 83 to 100.'
			})
		).toBeInTheDocument();
		const table = screen.getByRole('table', { name: /facet/i });
		expect(within(table).getAllByRole('row')).toHaveLength(content.facets.length + 1);
		expect(
			within(table).getByRole('rowheader', { name: 'Vision and the "why"' })
		).toBeInTheDocument();
	});

	it('says the quality flags kindly', () => {
		const result = renderResult(agreeToEverything(content));
		expect(result.flags.map((flag) => flag.id)).toEqual(['straight-lining', 'inconsistent']);
		const notice = screen.getByRole('region', { name: 'Read this result with care' });
		expect(
			within(notice).getByText(
				'What we noticed: 30 of your 30 agreement answers were "Strongly agree".'
			)
		).toBeInTheDocument();
		expect(within(notice).getAllByText(/^What we noticed: /)).toHaveLength(2);
	});

	it('explains why there is no verdict when too little was answered', () => {
		renderResult({ 'vision-a': 4 });
		expect(screen.getByText('We cannot give you a result yet.')).toBeInTheDocument();
		expect(
			screen.getByText(/Only 1 of the 21 questions on the Strategic scale/)
		).toBeInTheDocument();
		expect(
			screen.getByText(/Only 0 of the 21 questions on the Tactical scale/)
		).toBeInTheDocument();
		expect(screen.queryByText(wording.band)).toBeNull();
		expect(screen.queryByRole('img')).toBeNull();
	});
});
