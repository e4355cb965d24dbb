import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import content from 'virtual:rolefit/content';
import ResultView from '$lib/results/ResultView.svelte';
import { scoreAnswers } from '../../src/lib/scoring/score.ts';
import { allStrategic, agreeToEverything, slightProductLean } from '../helpers/content.ts';

// jsdom has no canvas: the chart library is replaced, the text alternatives are real.
vi.mock('$lib/charts/register', () => ({
	loadChart: () => new Promise(() => {})
}));

const { wording } = content.instrument;
const text = content.resultsPage;

/** Waits until the whole view is built: the card comes at once, the sections below it after. */
async function built() {
	await waitFor(() => expect(document.querySelector('section.cited')).not.toBeNull());
}

/** Renders the view for `answers` with the content's own words, and waits until it is whole. */
async function renderResult(answers: Record<string, number>, props: Record<string, unknown> = {}) {
	const result = scoreAnswers(content, answers);
	render(ResultView, { result, content, answers, ...props });
	await built();
	return result;
}

/** Strong on both: agrees with every statement's own direction, picks alternate sides. */
function strongOnBoth(): Record<string, number> {
	const answers: Record<string, number> = {};
	for (const item of content.items) answers[item.id] = item.keyed === 'plus' ? 5 : 1;
	content.scenarios.forEach((scenario, index) => (answers[scenario.id] = index % 2 === 0 ? 2 : 1));
	return answers;
}

/** Neither agrees nor disagrees; picks the product side and the project side in turn. */
function undecided(): Record<string, number> {
	const answers: Record<string, number> = {};
	for (const item of content.items) answers[item.id] = 3;
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
	it('leads with the verdict, where the range puts it and how firm it is', async () => {
		const result = await renderResult(allStrategic(content));
		expect(result).toMatchObject({ verdict: 'product', firmness: 'firm', position: 100 });
		const verdict = screen.getByText('Your answers lean toward product management.');
		expect(verdict).toHaveAttribute('data-verdict', 'product');
		expect(verdict).toHaveAttribute('data-profile', 'none');
		expect(
			screen.getByText(
				'Your position is +100 on a scale from −100 (project) to +100 (product), with a range from +84 to +100.'
			)
		).toBeInTheDocument();
		expect(screen.getByText(wording.band)).toBeInTheDocument();
		// Said once, in the card.
		expect(
			screen.getAllByText(
				'Even the cautious end of your range is well away from the middle, so this lean is a firm one.'
			)
		).toHaveLength(1);
		expect(screen.queryByText(wording.firmness.tentative)).toBeNull();
		// No percentage of sureness: the card describes the band in words.
		const header = screen.getByRole('heading', { level: 1, name: 'Your result' }).closest('header');
		expect(header?.textContent).not.toMatch(/%|\bsure\b/i);
		expect(scaleBox('Strategic (product)')).toEqual({ score: '100 / 100', range: 'range 89–100' });
		expect(scaleBox('Tactical (project)')).toEqual({ score: '0 / 100', range: 'range 0–11' });
	});

	it('shows the card in one direction: project on the left, product on the right', async () => {
		await renderResult(allStrategic(content));
		const header = screen
			.getByRole('heading', { level: 1, name: 'Your result' })
			.closest('header')!;
		const terms = within(header)
			.getAllByRole('term')
			.map((term) => term.textContent);
		expect(terms).toEqual([text.levels.tactical, text.levels.strategic]);
		const map = within(header).getByRole('img');
		expect(map.tagName.toLowerCase()).toBe('svg');
		expect(map).toHaveAccessibleName(
			'A map of your two levels: strategic 100 and tactical 0, a position of +100 with a range from +84 to +100: Leans product. Product management is to the right, project management to the left; both levels high is at the top, both low at the bottom.'
		);
		expect(within(header).getByText('You')).toBeInTheDocument();
		// The strongest facets, by name and score.
		expect(header.textContent).toContain('Vision and the "why" 100');
	});

	it('says which kind of in-between, with no firmness', async () => {
		const result = await renderResult(strongOnBoth());
		expect(result).toMatchObject({ verdict: 'in-between', profile: 'hybrid', firmness: null });
		const verdict = screen.getByText('Your answers show you drawn to both sides.');
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

	it('takes its words from the content it is given', async () => {
		const result = scoreAnswers(content, allStrategic(content));
		render(ResultView, {
			result,
			content: {
				...content,
				instrument: {
					...content.instrument,
					wording: {
						...wording,
						verdicts: {
							...wording.verdicts,
							product: { label: 'P', sentence: 'A product lean, in other words.' }
						},
						band: 'The range, in other words.'
					}
				},
				resultsPage: { ...text, next: { ...text.next, heading: 'Now try this' } }
			}
		});
		await built();
		expect(screen.getByText('A product lean, in other words.')).toBeInTheDocument();
		expect(screen.getByText('The range, in other words.')).toBeInTheDocument();
		expect(screen.queryByText(wording.verdicts.product.sentence)).toBeNull();
		expect(screen.getByRole('heading', { level: 2, name: 'Now try this' })).toBeInTheDocument();
	});

	it('cites as small numbered links per section, leading to the numbered list at the bottom', async () => {
		const result = await renderResult(allStrategic(content));
		const verdict = result.explanations.find((e) => e.role === 'verdict')!.explanation;
		expect(verdict.target).toBe('product');
		const section = screen.getByRole('region', { name: verdict.title });
		// No inline "[S003]" in the running text any more.
		expect(section.textContent).not.toMatch(/\[S\d{3}/);
		const numbers = within(section).getAllByRole('link', { name: /^Source \d+: / });
		expect(numbers.length).toBe(new Set(verdict.paragraphs.flatMap((p) => p.citations)).size);
		for (const link of numbers) {
			expect(link.textContent).toMatch(/^\d+$/);
			const target = document.querySelector(link.getAttribute('href')!);
			expect(target?.tagName).toBe('LI');
			expect(target?.textContent).toContain(link.textContent);
		}

		const cited = within(screen.getByRole('region', { name: 'Sources cited in this result' }));
		const citedIds = new Set(result.explanations.flatMap((e) => e.sources.map((s) => s.id)));
		const referenceIds = new Set(result.explanations.flatMap((e) => e.references.map((r) => r.id)));
		expect(referenceIds.size).toBeGreaterThan(0);
		const [sourceList, referenceList] = cited.getAllByRole('list', { hidden: true });
		const sourceItems = within(sourceList!).getAllByRole('listitem', { hidden: true });
		// Every source the explanations cite, and the next steps' too.
		expect(sourceItems.length).toBeGreaterThanOrEqual(citedIds.size);
		// Numbered from 1 without gaps, the method references after the articles.
		const all = [
			...sourceItems,
			...within(referenceList!).getAllByRole('listitem', { hidden: true })
		];
		expect(all.map((item) => item.querySelector('.number')?.textContent)).toEqual(
			all.map((_, index) => String(index + 1))
		);
		// Each article with its title and publisher, and a link to its entry on the sources page.
		const s003 = content.sources.find((source) => source.id === 'S003')!;
		const entry = sourceItems.find((item) => item.id === 'cite-S003')!;
		expect(entry.textContent).toContain(s003.title);
		expect(entry.textContent).toContain(s003.origin);
		expect(entry.textContent).not.toMatch(/snippet/i);
		expect(within(entry).getByRole('link', { name: 'S003', hidden: true })).toHaveAttribute(
			'href',
			'/sources#S003'
		);
		expect(
			cited.getByRole('heading', { name: 'On how it was measured', hidden: true })
		).toBeInTheDocument();
	});

	it('opens the list at the bottom when a number is followed, without touching the address', async () => {
		const user = userEvent.setup();
		await renderResult(allStrategic(content));
		const before = location.href;
		const list = document.querySelector<HTMLDetailsElement>('.cited-list')!;
		expect(list.open).toBe(false);
		const [first] = screen.getAllByRole('link', { name: /^Source 1: / });
		Element.prototype.scrollIntoView = vi.fn();
		await user.click(first!);
		expect(list.open).toBe(true);
		expect(document.activeElement?.id).toMatch(/^cite-S\d{3}$/);
		expect(location.href).toBe(before);
	});

	it('says a slight lean where the range lies on one side, with its own next steps, never "not settled"', async () => {
		const answers = slightProductLean(content);
		const result = await renderResult(answers);
		expect(result).toMatchObject({ verdict: 'in-between', lean: 'product', profile: null });
		expect(result.band!.low).toBeGreaterThan(0);
		expect(screen.getByText(wording.leans.product.sentence)).toBeInTheDocument();
		expect(screen.queryByText(wording.profiles.undecided.sentence)).toBeNull();
		expect(screen.queryByText(wording.profiles.undecided.label)).toBeNull();
		expect(screen.getByText(content.nextSteps['lean-product'].intro.text)).toBeInTheDocument();
		const lean = result.explanations.find((e) => e.role === 'lean')!.explanation;
		expect(lean.target).toBe('product');
		expect(screen.getByRole('heading', { name: lean.title })).toBeInTheDocument();
	});

	it('gives each chart a text summary and a data table', async () => {
		await renderResult(allStrategic(content));
		expect(
			screen.getByRole('img', {
				name: 'Your position is 100 towards product management; the range runs from 84 to 100.'
			})
		).toBeInTheDocument();
		const table = screen.getByRole('table', { name: /facet/i });
		expect(within(table).getAllByRole('row')).toHaveLength(content.facets.length + 1);
		expect(
			within(table).getByRole('rowheader', { name: 'Vision and the "why"' })
		).toBeInTheDocument();
	});

	it('says the quality flags kindly', async () => {
		const result = await renderResult(agreeToEverything(content));
		expect(result.flags.map((flag) => flag.id)).toEqual(['straight-lining', 'inconsistent']);
		const notice = screen.getByRole('region', { name: 'Read this result with care' });
		expect(
			within(notice).getByText(
				'What we noticed: 30 of your 30 agreement answers were "Strongly agree".'
			)
		).toBeInTheDocument();
		expect(within(notice).getAllByText(/^What we noticed: /)).toHaveLength(2);
	});

	it('explains why there is no verdict when too little was answered', async () => {
		await renderResult({ 'vision-a': 4 });
		expect(screen.getByText('We cannot give you a result yet.')).toBeInTheDocument();
		expect(
			screen.getByText(/Only 1 of the 15 statements on the Strategic scale/)
		).toBeInTheDocument();
		expect(
			screen.getByText(/Only 0 of the 15 statements on the Tactical scale/)
		).toBeInTheDocument();
		expect(screen.queryByText(wording.band)).toBeNull();
		// The map without a point, and the facets; no chart of a position there is not.
		expect(screen.getAllByRole('img').map((image) => image.getAttribute('aria-label'))).toEqual([
			text.map.noPoint,
			'Your highest facet score is Vision and the "why" (75) and your lowest is Vision and the "why" (75), out of 100.'
		]);
		expect(document.querySelector('#chart-position')).toBeNull();
		expect(screen.queryByRole('heading', { name: text.next.heading })).toBeNull();
	});

	it('builds the card at once, the next step and the sections below a moment later', async () => {
		const result = scoreAnswers(content, allStrategic(content));
		render(ResultView, { result, content });
		expect(screen.getByText(wording.verdicts.product.sentence)).toBeInTheDocument();
		expect(screen.getByRole('img', { name: /^A map of your two levels/ })).toBeInTheDocument();
		expect(screen.queryByRole('heading', { name: text.next.heading })).toBeNull();
		expect(screen.queryByRole('heading', { name: text.why.heading })).toBeNull();
		expect(document.querySelector('section.cited')).toBeNull();
		await built();
		expect(screen.getByRole('heading', { name: text.next.heading })).toBeInTheDocument();
		expect(screen.getByRole('heading', { name: text.why.heading })).toBeInTheDocument();
		expect(screen.getByRole('heading', { name: text.position.heading })).toBeInTheDocument();
	});
});

describe('what to try next', () => {
	it('names the titles the sources name, three things to try as ours, and the sources to read', async () => {
		await renderResult(allStrategic(content));
		const next = within(screen.getByRole('region', { name: text.next.heading }));
		const step = content.nextSteps.product;
		expect(next.getByText(step.intro.text)).toBeInTheDocument();
		for (const title of step.titles) expect(next.getByText(title.title)).toBeInTheDocument();
		const tries = next.getAllByRole('list')[1]!;
		expect(
			within(tries)
				.getAllByRole('listitem')
				.map((li) => li.textContent)
		).toEqual([...step.tries]);
		expect(next.getByText(text.next.ours)).toBeInTheDocument();
		for (const entry of step.read) {
			const title = content.sources.find((source) => source.id === entry.source)!.title;
			expect(next.getByRole('link', { name: title })).toHaveAttribute(
				'href',
				`#cite-${entry.source}`
			);
			expect(next.getByText(entry.why)).toBeInTheDocument();
		}
		expect(next.queryByRole('heading', { name: text.next.settle })).toBeNull();
		// Its citations as numbers, like every other section.
		expect(next.getAllByRole('link', { name: /^Source \d+: / }).length).toBeGreaterThan(0);
	});

	it('follows the kind of in-between, and says what would settle an undecided result', async () => {
		const result = await renderResult(undecided());
		expect(result).toMatchObject({ verdict: 'in-between', profile: 'undecided' });
		const next = within(screen.getByRole('region', { name: text.next.heading }));
		expect(next.getByText(content.nextSteps.undecided.intro.text)).toBeInTheDocument();
		expect(next.getByRole('heading', { name: text.next.settle })).toBeInTheDocument();
		for (const line of content.nextSteps.undecided.settle) {
			expect(next.getByText(line)).toBeInTheDocument();
		}
	});
});

describe('why did I get this?', () => {
	it('opens each facet to the answers that moved it most, in the person’s own answers', async () => {
		const user = userEvent.setup();
		const answers = allStrategic(content);
		await renderResult(answers);
		const why = screen.getByRole('region', { name: text.why.heading });
		// The ten facets, each a closed <details>, grouped by scale, strategic (product) first.
		const facets = [...why.querySelectorAll<HTMLDetailsElement>('details.facet')];
		expect(facets.map((facet) => facet.dataset.facet)).toEqual(
			[...content.facets].sort((a, b) => a.scale.localeCompare(b.scale)).map((f) => f.id)
		);
		expect(facets.every((facet) => !facet.open)).toBe(true);
		// Closed, a facet holds only its summary; its body is built when it is opened.
		expect(facets.every((facet) => facet.querySelector('.facet-body') === null)).toBe(true);
		const vision = document.querySelector<HTMLDetailsElement>('[data-facet="strategic.vision"]')!;
		expect(vision.open).toBe(false);
		await user.click(within(vision).getByText('Vision and the "why"'));
		expect(vision.open).toBe(true);
		const moved = within(vision).getAllByRole('listitem');
		expect(moved.length).toBeGreaterThan(0);
		expect(moved.length).toBeLessThanOrEqual(3);
		const item = content.items.find((i) => i.facet === 'strategic.vision' && i.keyed === 'plus')!;
		expect(answers[item.id]).toBe(5);
		expect(vision.textContent).toContain(`${text.why.answered[4]}: “${item.text}”`);
		expect(vision.textContent).toContain(text.why.raised);
		// A strength shows its own explanation inside.
		const strength = content.explanations.find(
			(e) => e.target === 'strategic.vision' && e.variant === 'high'
		)!;
		expect(vision.textContent).toContain(strength.paragraphs[0]!.markdown.slice(0, 40));
	});

	it('lists the choices in the situations with the side each counts toward, once opened', async () => {
		const user = userEvent.setup();
		await renderResult(allStrategic(content));
		const choices = screen.getByText(text.why.choicesHeading).closest('details')!;
		// Closed, it holds only its summary.
		expect(within(choices).queryAllByRole('listitem')).toHaveLength(0);
		await user.click(within(choices).getByText(text.why.choicesHeading));
		const items = within(choices).getAllByRole('listitem');
		expect(items).toHaveLength(content.scenarios.length);
		for (const item of items) expect(item.textContent).toContain(text.why.towardProduct);
	});
});

describe('whose result it is', () => {
	it('opens a shared link as "A result shared with you", with "Take the quiz yourself"', async () => {
		await renderResult(allStrategic(content), { audience: 'shared' });
		expect(
			screen.getByRole('heading', { level: 1, name: text.card.sharedHeading })
		).toBeInTheDocument();
		expect(screen.queryByRole('heading', { level: 1, name: text.card.heading })).toBeNull();
		expect(screen.getByRole('link', { name: text.card.takeQuizYourself })).toHaveAttribute(
			'href',
			'/quiz'
		);
		expect(screen.queryByRole('link', { name: text.card.ownLatest })).toBeNull();
	});

	it('points a visitor who has a result of their own to it', async () => {
		await renderResult(allStrategic(content), { audience: 'shared', hasOwn: true });
		expect(screen.getByRole('link', { name: text.card.ownLatest })).toHaveAttribute(
			'href',
			'/results'
		);
	});

	it('shows "last time → now" for the person’s own result after a retake', async () => {
		const before = scoreAnswers(content, strongOnBoth());
		const savedAt = Date.UTC(2025, 2, 14);
		await renderResult(allStrategic(content), { previous: { result: before, savedAt } });
		const previous = within(screen.getByRole('region', { name: text.previous.heading }));
		const rows = previous
			.getAllByRole('row')
			.slice(1)
			.map((row) => [...row.children].map((cell) => cell.textContent));
		expect(rows).toEqual([
			[text.previous.verdict, wording.profiles.hybrid.label, wording.verdicts.product.label],
			[text.levels.strategic, String(before.scales.strategic.score), '100'],
			[text.levels.tactical, String(before.scales.tactical.score), '0'],
			[text.previous.position, expect.any(String), '+100']
		]);
	});

	it('never shows a previous result beside someone else’s', async () => {
		const before = scoreAnswers(content, strongOnBoth());
		await renderResult(allStrategic(content), {
			audience: 'shared',
			previous: { result: before, savedAt: 0 }
		});
		expect(screen.queryByRole('region', { name: text.previous.heading })).toBeNull();
	});
});
