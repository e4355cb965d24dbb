/**
 * `npm run bench`: how many respondents per second each way of scoring
 * handles, measured in one run on the same synthetic respondents:
 *
 * - previous engine: the plain reference scorer (tests/helpers/reference-scorer.ts),
 *   which walks the content on every call as the first engine did;
 * - single: `createScorer`, one person at a time with explanations (the server, a link);
 * - batch: `scoreWithPlan` on a plan compiled once (the CLI, simulations).
 *
 * Rounds alternate between the three so that a busy machine slows all of them
 * alike, and each figure is the median round. It reports; it asserts nothing.
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadContent } from '../../src/lib/content/loader.server.ts';
import { compileScoringPlan } from '../../src/lib/scoring/plan.ts';
import { createScorer, scoreWithPlan } from '../../src/lib/scoring/score.ts';
import type { Answers } from '../../src/lib/scoring/types.ts';
import { randomRespondent, seededRandom } from '../helpers/content.ts';
import { referenceScore } from '../helpers/reference-scorer.ts';

const respondents = Number(process.env.BENCH_RESPONDENTS ?? 100_000);
const rounds = 5;
const perRound = Math.max(1, Math.round(respondents / rounds));
const seed = 42;

const content = await loadContent(resolve(import.meta.dirname, '../../content'));
const single = createScorer(content);
const plan = compileScoringPlan(content);
const random = seededRandom(seed);
const pool: Answers[] = Array.from({ length: perRound }, () => randomRespondent(random, content));

const engines = {
	'previous engine': (answers: Answers) => referenceScore(content, answers).verdict,
	single: (answers: Answers) => single(answers).verdict,
	batch: (answers: Answers) => scoreWithPlan(plan, answers).verdict
};
type Engine = keyof typeof engines;
const names = Object.keys(engines) as Engine[];

/** Scores the pool once; returns respondents per second (and checks the verdicts agree). */
function round(name: Engine): { rate: number; verdicts: string } {
	const score = engines[name];
	const counts: Record<string, number> = {};
	const start = performance.now();
	for (const answers of pool) {
		const verdict = String(score(answers));
		counts[verdict] = (counts[verdict] ?? 0) + 1;
	}
	const seconds = (performance.now() - start) / 1000;
	return {
		rate: pool.length / seconds,
		verdicts: JSON.stringify(counts, Object.keys(counts).sort())
	};
}

// Warm up the JIT so the figures reflect steady-state scoring.
for (const name of names) for (let i = 0; i < 3_000; i += 1) engines[name](pool[i % pool.length]!);

const rates: Record<Engine, number[]> = { 'previous engine': [], single: [], batch: [] };
const verdicts = new Set<string>();
for (let index = 0; index < rounds; index += 1) {
	for (const name of names) {
		const { rate, verdicts: counts } = round(name);
		rates[name].push(rate);
		verdicts.add(counts);
	}
}
if (verdicts.size !== 1) throw new Error(`the engines disagree on verdicts: ${[...verdicts]}`);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const previous = median(rates['previous engine']);
const whole = (value: number) => Math.round(value).toLocaleString('en');
const labels: Record<Engine, string> = {
	'previous engine': 'previous engine (reference)',
	single: 'single (createScorer)',
	batch: 'batch (scoreWithPlan)'
};

console.log(
	`Scored ${rounds} rounds of ${whole(perRound)} synthetic respondents × ${content.sequence.length} questions (seed ${seed}) per engine; median round:`
);
for (const name of names) {
	const rate = median(rates[name]);
	console.log(
		`  ${labels[name].padEnd(28)} ${whole(rate).padStart(9)} respondents/s  ${((1e6 / rate).toFixed(1) + ' µs').padStart(8)} each  ${(rate / previous).toFixed(1).padStart(5)}× the previous engine`
	);
}
console.log(`  peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MiB`);
console.log(`  node ${process.version}, ${process.platform}/${process.arch}`);
