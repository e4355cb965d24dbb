/**
 * The technical manual quotes `npm run simulate`; this test reruns that
 * command's simulation and fails when a figure in the manual no longer matches.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTechnicalManual } from '../../src/lib/content/loader.server.ts';
import {
	headlineFigures,
	headlineOrder,
	scorerFor,
	simulate,
	withReliability
} from '../../src/cli/simulation/run.ts';
import { content, contentDir } from '../helpers/content.ts';

const manual = readFileSync(resolve(contentDir, 'technical-manual.md'), 'utf8');
const percent = (share: number) => `${(100 * share).toFixed(1)}%`;

/** The manual's names for the simulated populations. */
const rowNames: Record<string, string> = {
	'uniform-random': 'uniform random',
	'all-same': 'all the same',
	'all-midpoint': 'all "neither"',
	acquiescent: 'acquiescent',
	'pure-product': 'pure product',
	'pure-project': 'pure project',
	'leaning-product': 'leaning product',
	'moderate-product': 'moderate product',
	'moderate-project': 'moderate project',
	hybrid: 'hybrid',
	'low-fit': 'low-fit'
};

describe('the technical manual', () => {
	it('renders, with every citation resolved', () => {
		const rendered = parseTechnicalManual(manual, content);
		expect(rendered.title).toBe('RoleFit technical manual');
		expect(rendered.html).toContain('href="/sources#M05"');
	});

	it('quotes the figures `npm run simulate` prints (seed 20261130, 10,000 per population)', () => {
		expect(manual).toContain('seed 20261130, 10,000 respondents per population');
		const figures = simulate(content, scorerFor(content), { seed: 20261130, respondents: 10_000 });
		for (const f of figures) {
			const name = rowNames[f.population.id]!;
			const row = manual.split('\n').find((line) => line.startsWith(`| ${name} `));
			expect(row, name).toBeDefined();
			const cells = row!.split('|').map((cell) => cell.trim());
			expect(cells[2], `${name}: product`).toBe(percent(f.verdicts.product));
			expect(cells[3]!.startsWith(percent(f.verdicts['in-between'])), `${name}: in between`).toBe(
				true
			);
			expect(cells[4], `${name}: project`).toBe(percent(f.verdicts.project));
			expect(cells[5], `${name}: flagged`).toBe(percent(f.flagged));
			expect(cells[6], `${name}: not settled, one-sided`).toBe(percent(f.notSettledOneSided));
			expect(cells[7], `${name}: retest`).toBe(percent(f.retestAgreement));
			expect(cells[8], `${name}: retest, 5 outcomes`).toBe(percent(f.outcomeRetestAgreement));
		}
		expect(figures.map((f) => rowNames[f.population.id])).not.toContain(undefined);
		// 180,000 scored answer sets: slow on a shared two-core machine, so a generous limit.
	}, 120_000);

	it('quotes the headline figures at the assumed reliability and 0.1 either side', () => {
		const assumed = content.instrument.measurement.assumedAnswerReliability;
		for (const reliability of [assumed - 0.1, assumed, assumed + 0.1]) {
			const rounded = Math.round(reliability * 100) / 100;
			const variant = withReliability(content, rounded);
			const h = headlineFigures(
				simulate(variant, scorerFor(variant), { seed: 20261130, respondents: 10_000 })
			);
			const label = rounded === assumed ? `**${rounded} (used)**` : String(rounded);
			const row = manual.split('\n').find((line) => line.startsWith(`| ${label} `));
			expect(row, label).toBeDefined();
			const cells = row!.split('|').map((cell) => cell.trim());
			expect(cells.slice(2, 11)).toEqual(headlineOrder.map((key) => percent(h[key])));
			// The bars hold at every value, not only the one used.
			expect(h.randomDirectional).toBeLessThanOrEqual(0.1);
			expect(h.randomFlagged).toBeGreaterThanOrEqual(0.5);
			expect(h.midpointDirectional).toBe(0);
			expect(h.pureRightSide).toBeGreaterThanOrEqual(0.95);
			expect(h.pureOppositeSide).toBeLessThanOrEqual(0.01);
			expect(h.carefulFlagged).toBeLessThanOrEqual(0.05);
			expect(h.notSettledOneSided).toBe(0);
		}
	}, 180_000);

	it('states the thresholds the content uses', () => {
		const { thresholds } = content.instrument;
		expect(manual).toContain(`at least **+${thresholds.directionAtLeast}**`);
		expect(manual).toContain(`both levels are ${thresholds.hybridAtLeast} or more`);
		expect(manual).toContain(`both are ${thresholds.lowFitAtMost} or less`);
	});
});
