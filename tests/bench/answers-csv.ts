/**
 * Writes a synthetic answers CSV for trying the batch CLI on a large file:
 * `npx tsx tests/bench/answers-csv.ts 1000000 > /tmp/big.csv`. Seeded, so the
 * same count gives the same file; it streams, so any count fits in memory.
 */
import { once } from 'node:events';
import { resolve } from 'node:path';
import { loadContent } from '../../src/lib/content/loader.server.ts';
import { randomRespondent, seededRandom } from '../helpers/content.ts';

const count = Number(process.argv[2] ?? 1_000_000);
const content = await loadContent(resolve(import.meta.dirname, '../../content'));
const columns = content.sequence;
const random = seededRandom(7);

process.stdout.on('error', () => process.exit(0));
let chunk = `id,${columns.join(',')}\n`;
for (let row = 1; row <= count; row += 1) {
	const answers = randomRespondent(random, content);
	// About one answer in forty is left blank (unanswered).
	chunk += `r${row},${columns.map((id) => (random() < 0.025 ? '' : answers[id])).join(',')}\n`;
	if (chunk.length > 1 << 16) {
		if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
		chunk = '';
	}
}
process.stdout.write(chunk);
