/**
 * `npm run simulate [-- --seed N --respondents N]`: scores simulated
 * populations with the shipped content and prints, per population, how often
 * each verdict, profile and slight lean comes out, how many carry a quality
 * flag, how many are told "not settled" while their range lies on one side
 * (never, by design), and the retest agreement of the three-way verdict and of
 * the outcome told; then the headline figures at the assumed reliability of
 * one answer and ±0.1. Seeded: the same command prints the same figures.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../lib/content/loader.server.ts';
import {
	headlineFigures,
	headlineOrder,
	scorerFor,
	simulate,
	withReliability
} from './simulation/run.ts';

const { values } = parseArgs({
	options: {
		seed: { type: 'string', default: '20261130' },
		respondents: { type: 'string', default: '10000' }
	}
});
const seed = Number(values.seed);
const respondents = Number(values.respondents);
if (!Number.isInteger(seed) || !Number.isInteger(respondents) || respondents < 1) {
	console.error('usage: npm run simulate -- [--seed <integer>] [--respondents <count>]');
	process.exit(2);
}

const content = await loadContent(resolve(import.meta.dirname, '../../content'));
const figures = simulate(content, scorerFor(content), { seed, respondents });

const percent = (share: number) => `${(100 * share).toFixed(1)}%`;
const columns = [
	'population',
	'product',
	'in-between',
	'(hybrid',
	'low-fit',
	'undecided',
	'lean)',
	'project',
	'directional',
	'flagged',
	'one-sided*',
	'retest',
	'retest-5'
];
const line = (cells: string[]) =>
	cells.map((c, i) => (i === 0 ? c.padEnd(18) : c.padStart(14))).join('');
console.log(
	`RoleFit v${content.instrument.version} (${content.instrument.fingerprint}), seed ${seed}, ${respondents.toLocaleString('en')} respondents per population\n`
);
console.log(line(columns));
for (const f of figures) {
	console.log(
		line([
			f.population.id,
			...[
				f.verdicts.product,
				f.verdicts['in-between'],
				f.profiles.hybrid,
				f.profiles['low-fit'],
				f.profiles.undecided,
				f.lean,
				f.verdicts.project,
				f.directional,
				f.flagged,
				f.notSettledOneSided,
				f.retestAgreement,
				f.outcomeRetestAgreement
			].map(percent)
		])
	);
}
console.log(
	'\nproduct / in-between / project: shares of all respondents; hybrid, low-fit, undecided and lean split in-between' +
		'\n(lean = a range wholly on one side of 0 without a direction; hybrid and low-fit may also lean).' +
		'\ndirectional = product + project. flagged = at least one quality flag.' +
		'\none-sided* = told that nothing is settled while the range lies wholly on one side of 0 (must be 0).' +
		'\nretest = the same person answering again with fresh answer noise gets the same three-way verdict;' +
		'\nretest-5 = the same outcome told: product, slight lean to product, not settled, slight lean to project, project.'
);
for (const f of figures) console.log(`  ${f.population.id}: ${f.population.description}`);

// How much the headline figures depend on the assumed reliability of one answer.
const assumed = content.instrument.measurement.assumedAnswerReliability;
console.log(
	`\nHeadline figures at the assumed reliability of one answer (${assumed}) and ±0.1 (${respondents.toLocaleString('en')} per population):\n`
);
const headline = [
	'reliability',
	'random dir.',
	'random flag',
	'midpoint dir.',
	'pure right',
	'pure opposite',
	'careful flag',
	'moderate side',
	'one-sided*',
	'moderate rt-5'
];
console.log(line(headline));
for (const reliability of [assumed - 0.1, assumed, assumed + 0.1]) {
	const rounded = Math.round(reliability * 100) / 100;
	const variant = withReliability(content, rounded);
	const rows =
		rounded === assumed ? figures : simulate(variant, scorerFor(variant), { seed, respondents });
	const h = headlineFigures(rows);
	console.log(
		line([
			`${rounded}${rounded === assumed ? ' (used)' : ''}`,
			...headlineOrder.map((key) => percent(h[key]))
		])
	);
}
console.log(
	'\npure right / opposite: the lower of the two pure types on their own side, the higher on the other.' +
		'\ncareful flag: the highest flagged share among careful populations. moderate side: the lower share of' +
		'\nmoderate leaners told a direction or a slight lean; moderate rt-5: their lower retest-5 agreement.'
);
