/**
 * `npm run simulate [-- --seed N --respondents N]`: scores simulated
 * populations with the shipped content and prints, per population, how often
 * each verdict and profile comes out, how many carry a quality flag, and the
 * retest agreement (the same person answering again with fresh noise gets the
 * same three-way verdict). Seeded: the same command prints the same figures.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../lib/content/loader.server.ts';
import { compileScoringPlan, scoreWithPlan } from '../lib/scoring/index.ts';
import { simulate, type PopulationFigures } from './simulation/run.ts';

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
const plan = compileScoringPlan(content);
const figures = simulate(content, (answers) => scoreWithPlan(plan, answers), {
	seed,
	respondents
});

const percent = (share: number) => `${(100 * share).toFixed(1)}%`.padStart(7);
const columns = [
	'population',
	'product',
	'in-between',
	'(hybrid',
	'low-fit',
	'undecided)',
	'project',
	'directional',
	'flagged',
	'retest'
];
console.log(
	`RoleFit v${content.instrument.version} (${content.instrument.fingerprint}), seed ${seed}, ${respondents.toLocaleString('en')} respondents per population\n`
);
console.log(columns.map((c, i) => (i === 0 ? c.padEnd(16) : c.padStart(11))).join(''));
const row = (f: PopulationFigures) =>
	[
		f.population.id.padEnd(16),
		...[
			f.verdicts.product,
			f.verdicts['in-between'],
			f.profiles.hybrid,
			f.profiles['low-fit'],
			f.profiles.undecided,
			f.verdicts.project,
			f.directional,
			f.flagged,
			f.retestAgreement
		].map((share) => percent(share).padStart(11))
	].join('');
for (const f of figures) console.log(row(f));
console.log(
	'\nproduct / in-between / project: shares of all respondents; hybrid, low-fit and undecided split in-between.' +
		'\ndirectional = product + project. flagged = at least one quality flag.' +
		'\nretest = the same person answering again with fresh answer noise gets the same three-way verdict.'
);
for (const f of figures) console.log(`  ${f.population.id}: ${f.population.description}`);
