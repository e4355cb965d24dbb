/**
 * `npm run bench`: scores 100,000 synthetic respondents and prints the
 * throughput and peak memory. It reports figures; it asserts nothing.
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadContent } from '../../src/lib/content/loader.ts';
import { createScorer } from '../../src/lib/scoring/score.ts';
import type { Answers } from '../../src/lib/scoring/types.ts';
import { randomRespondent, seededRandom } from '../helpers/content.ts';

const respondents = Number(process.env.BENCH_RESPONDENTS ?? 100_000);
const batchSize = 10_000;

const content = await loadContent(resolve(import.meta.dirname, '../../content'));
const score = createScorer(content);
const random = seededRandom(42);
const questions = content.sequence.length;

// Warm up the JIT so the figure reflects steady-state scoring.
for (let i = 0; i < 2_000; i += 1) score(randomRespondent(random, content));

let scoringMs = 0;
let verdicts = 0;
let peakHeap = 0;
for (let done = 0; done < respondents; done += batchSize) {
	// Answers are generated outside the timed part: only scoring is measured.
	const batch: Answers[] = [];
	for (let i = 0; i < Math.min(batchSize, respondents - done); i += 1) {
		batch.push(randomRespondent(random, content));
	}
	const start = performance.now();
	for (const answers of batch) if (score(answers).verdict) verdicts += 1;
	scoringMs += performance.now() - start;
	peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
console.log(`Scored ${respondents.toLocaleString('en')} respondents × ${questions} questions`);
console.log(`  time:             ${(scoringMs / 1000).toFixed(2)} s`);
console.log(
	`  throughput:       ${Math.round((respondents / scoringMs) * 1000).toLocaleString('en')} respondents/s`
);
console.log(`  per respondent:   ${((scoringMs * 1000) / respondents).toFixed(1)} µs`);
console.log(`  peak RSS:         ${mib(process.resourceUsage().maxRSS * 1024)}`);
console.log(`  peak heap used:   ${mib(peakHeap)}`);
console.log(`  with a verdict:   ${verdicts.toLocaleString('en')}`);
console.log(`  node ${process.version}, ${process.platform}/${process.arch}`);
