/**
 * Arabic reads right to left, and the result's pictures keep their meaning there: the position
 * chart is not mirrored (project on the left, product on the right, both ends named in words, as
 * on the map); the facets chart, whose axis has no side of its own, is mirrored consistently; the
 * map's labels stay on their sides; legends and tooltips read right to left.
 */
import { describe, expect, it } from 'vitest';
import type { ChartConfiguration } from 'chart.js';
import { buildChartConfig } from '../../src/lib/charts/config.ts';
import { anchorIn } from '../../src/lib/charts/map.ts';
import { lightTheme } from '../../src/lib/charts/theme.ts';
import { loadLanguages } from '../../src/lib/content/loader.server.ts';
import { summaryCard } from '../../src/lib/results/card.ts';
import { scoreAnswers } from '../../src/lib/scoring/score.ts';
import { allTactical, content as english, contentDir } from '../helpers/content.ts';

const ar = (await loadLanguages(contentDir)).find(
	(edition) => edition.language.code === 'ar'
)!.content;
const result = scoreAnswers(ar, allTactical());
const arabic = { language: 'ar', dir: 'rtl' } as const;

type Scale = {
	reverse?: boolean;
	position?: string;
	ticks?: { callback?: (value: number) => unknown };
};
const scalesOf = (config: ChartConfiguration) =>
	(config.options as { scales: Record<'x' | 'y', Scale> }).scales;
const pluginsOf = (config: ChartConfiguration) =>
	(config.options as { plugins: Record<string, { rtl?: boolean; textDirection?: string }> })
		.plugins;

describe('the position chart in Arabic', () => {
	const config = buildChartConfig('position', result, ar.resultsPage.charts, lightTheme, arabic);

	it('keeps project on the left and product on the right, each end named in words', () => {
		const { x } = scalesOf(config);
		expect(x.reverse).toBe(false);
		const { ends } = ar.resultsPage.charts;
		expect(x.ticks?.callback?.(-100)).toEqual(['\u200E\u2212100', ends.project]);
		expect(x.ticks?.callback?.(100)).toEqual(['\u200E+100', ends.product]);
		expect(x.ticks?.callback?.(0)).toBe('0');
		// The same direction as in English: only the words change.
		const en = buildChartConfig('position', result, english.resultsPage.charts, lightTheme);
		expect(scalesOf(en).x.reverse).toBe(false);
	});

	it('writes numbers the Arabic way and reads its tooltip right to left', () => {
		expect((config.options as { locale?: string }).locale).toBe('ar-u-nu-latn');
		expect(pluginsOf(config).tooltip).toMatchObject({ rtl: true, textDirection: 'rtl' });
	});
});

describe('the facets chart in Arabic', () => {
	const config = buildChartConfig('facets', result, ar.resultsPage.charts, lightTheme, arabic);

	it('is mirrored consistently: names on the right, bars growing leftwards from 0', () => {
		const { x, y } = scalesOf(config);
		expect(x.reverse).toBe(true);
		expect(y.position).toBe('right');
		expect(x.ticks?.callback?.(75)).toBe('75');
		expect(pluginsOf(config).legend).toMatchObject({ rtl: true, textDirection: 'rtl' });
		expect(pluginsOf(config).tooltip).toMatchObject({ rtl: true, textDirection: 'rtl' });
	});

	it('is not mirrored in English', () => {
		const { x, y } = scalesOf(
			buildChartConfig('facets', result, english.resultsPage.charts, lightTheme)
		);
		expect(x.reverse).toBe(false);
		expect(y.position).toBe('left');
	});
});

describe('the map in Arabic', () => {
	it('keeps its sides: the same geometry as in English, labels anchored to stay put', () => {
		const card = summaryCard(result, ar);
		const englishCard = summaryCard(scoreAnswers(english, allTactical()), english);
		expect(card.map.point).toEqual(englishCard.map.point);
		expect(card.map.band).toEqual(englishCard.map.band);
		expect(card.map.areas).toEqual(englishCard.map.areas);
		// The project label starts at the left edge: in right-to-left SVG, that is its end.
		const project = card.map.labels.find(
			(label) => label.text === ar.instrument.wording.verdicts.project.label
		)!;
		expect(project.anchor).toBe('start');
		expect(anchorIn(project.anchor, 'rtl')).toBe('end');
		expect(anchorIn('end', 'rtl')).toBe('start');
		expect(anchorIn('middle', 'rtl')).toBe('middle');
		expect(anchorIn('start', 'ltr')).toBe('start');
	});

	it('says its numbers the Arabic way in its text alternative', () => {
		const card = summaryCard(result, ar);
		// The position is negative (a project lean): its sign is kept left of its digits.
		expect(result.position).toBeLessThan(0);
		expect(card.mapSummary).toContain(`\u200E\u2212${Math.abs(result.position!)}`);
	});
});
