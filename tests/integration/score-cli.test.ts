import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { scoreCsv } from '../../src/lib/batch/score-csv.ts';
import { content } from '../helpers/content.ts';

const root = resolve(import.meta.dirname, '../..');
const fixture = (name: string) => `tests/fixtures/${name}`;

/** Runs `npm run score -- …` as a user would, and returns its output and exit code. */
async function runCli(...args: string[]) {
	try {
		const { stdout, stderr } = await promisify(execFile)(
			process.execPath,
			['--import', 'tsx', 'src/cli/score.ts', ...args],
			{ cwd: root }
		);
		return { stdout, stderr, code: 0 };
	} catch (error) {
		const failed = error as { stdout: string; stderr: string; code: number };
		return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
	}
}

describe('npm run score', () => {
	it('scores the good rows as CSV, reports bad rows by line and exits 1', async () => {
		const { stdout, stderr, code } = await runCli(fixture('answers.csv'));
		expect(stdout).toBe(
			[
				'id,strategic,tactical,position,band_low,band_high,verdict,flags',
				'alice,100,0,100,96.3,100,clear-product,',
				'bob,0,100,-100,-100,-96.3,clear-project,',
				'carol,50,50,0,-4,4,balanced,straight-lining',
				'"erin, the second",60,60,0,-30.5,30.5,balanced,straight-lining;inconsistent',
				'gina,100,0,,,,no-verdict,incomplete',
				''
			].join('\n')
		);
		expect(stderr.trim().split('\n')).toEqual([
			'tests/fixtures/answers.csv:5: missing respondent id in column "id"',
			'tests/fixtures/answers.csv:6: respondent "dave": "vision-1" must be a whole number from 1 to 5, got "7"',
			'tests/fixtures/answers.csv:8: respondent "frank": "scenario-launch-slip" must be a whole number from 1 to 3, got "x"',
			'tests/fixtures/answers.csv:9: respondent "alice" already appears on line 2',
			'4 problems; 5 respondents scored.'
		]);
		expect(code).toBe(1);
	});

	it('prints JSON with --json and flags an unknown column on the header line', async () => {
		const { stdout, stderr, code } = await runCli(fixture('answers-unknown-column.csv'), '--json');
		const rows = JSON.parse(stdout);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ id: 'hana', verdict: 'clear-project', position: -100 });
		expect(Object.keys(rows[0].facets)).toHaveLength(content.facets.length);
		expect(stderr).toContain(
			'answers-unknown-column.csv:1: unknown column "favourite_colour": not a question id of this instrument'
		);
		expect(code).toBe(1);
	});

	it('exits 0 when every row is good', async () => {
		const csv = `id,vision-1\nx,4\n`;
		const outcome = scoreCsv(content, csv);
		expect(outcome.problems).toEqual([]);
		const { code, stderr } = await runCli('--help');
		expect(code).toBe(0);
		expect(stderr).toBe('');
	});

	it('explains usage errors with exit code 2', async () => {
		const missing = await runCli('no-such-file.csv');
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain('cannot read no-such-file.csv: ENOENT');
		const none = await runCli();
		expect(none.code).toBe(2);
		expect(none.stderr).toContain('usage: npm run score');
	});
});

describe('scoreCsv', () => {
	it('reports a header without an id column', () => {
		expect(scoreCsv(content, 'vision-1\n3\n').problems).toEqual([
			{ line: 1, message: 'no "id" column: the header needs a respondent id column named "id"' }
		]);
	});

	it('reports a row with more values than columns', () => {
		const { rows, problems } = scoreCsv(content, 'id,vision-1\na,3,4\nb,2\n');
		expect(rows.map((r) => r.id)).toEqual(['b']);
		expect(problems).toEqual([
			{ line: 2, message: 'respondent "a" has 3 values but the header has 2 columns' }
		]);
	});

	it('counts lines correctly across quoted multi-line fields', () => {
		const { problems } = scoreCsv(content, 'id,vision-1\n"a\nb",3\nc,9\n');
		expect(problems).toEqual([
			{ line: 4, message: 'respondent "c": "vision-1" must be a whole number from 1 to 5, got "9"' }
		]);
	});
});
