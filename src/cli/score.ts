/**
 * `npm run score -- answers.csv [--json] [--content dir]`
 *
 * Prints one result per respondent (CSV, or JSON with --json) on stdout and
 * every bad row, with its line number, on stderr. Exits 1 when any row was
 * bad (the good rows are still printed), 2 on a usage error.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { scoreCsv, toCsv, toJson } from '../lib/batch/score-csv.ts';
import { ContentError } from '../lib/content/errors.ts';
import { loadContent } from '../lib/content/loader.ts';

const usage = 'usage: npm run score -- <answers.csv> [--json] [--content <dir>]';

let options;
try {
	options = parseArgs({
		allowPositionals: true,
		options: {
			json: { type: 'boolean', default: false },
			content: { type: 'string', default: 'content' },
			help: { type: 'boolean', short: 'h', default: false }
		}
	});
} catch (error) {
	console.error(`${(error as Error).message}\n${usage}`);
	process.exit(2);
}
const { values, positionals } = options;
if (values.help) {
	console.log(usage);
	process.exit(0);
}
if (positionals.length !== 1) {
	console.error(usage);
	process.exit(2);
}

const file = positionals[0]!;
let csv: string;
try {
	csv = await readFile(resolve(file), 'utf8');
} catch (error) {
	console.error(
		`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`
	);
	process.exit(2);
}

let content;
try {
	content = await loadContent(resolve(values.content));
} catch (error) {
	console.error(error instanceof ContentError ? error.message : String(error));
	process.exit(2);
}

const { rows, problems } = scoreCsv(content, csv);
process.stdout.write(values.json ? toJson(rows) : toCsv(rows));
for (const problem of problems) console.error(`${file}:${problem.line}: ${problem.message}`);
if (problems.length > 0) {
	console.error(
		`${problems.length} problem${problems.length === 1 ? '' : 's'}; ${rows.length} respondent${rows.length === 1 ? '' : 's'} scored.`
	);
	process.exitCode = 1;
}
