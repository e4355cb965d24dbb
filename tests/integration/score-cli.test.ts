/**
 * The batch CLI as people run it: `rolefit score` (and `npm run score`) on
 * the fixtures in tests/fixtures (written by tests/fixtures/generate.ts from
 * the current content), in every format, with invalid rows, form exports, a
 * reader that closes the pipe early, and the installed `npx rolefit`.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadLanguages } from '../../src/lib/content/loader.server.ts';
import { content, contentDir } from '../helpers/content.ts';

// Every test starts Node (and some npm): allow for a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const root = resolve(import.meta.dirname, '../..');
const fixture = (name: string) => `tests/fixtures/${name}`;
const notice = content.instrument.wording.notForSelection;
const header =
	'id,strategic,tactical,strategic_low,strategic_high,tactical_low,tactical_high,position,band_low,band_high,verdict,lean,profile,flags';

interface Run {
	stdout: string;
	stderr: string;
	code: number;
}

async function run(file: string, args: string[], input?: string): Promise<Run> {
	const child = promisify(execFile)(file, args, { cwd: root, maxBuffer: 64 << 20 });
	if (input !== undefined) child.child.stdin!.end(input);
	try {
		const { stdout, stderr } = await child;
		return { stdout, stderr, code: 0 };
	} catch (error) {
		const failed = error as Run;
		return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
	}
}

/** `rolefit …` through the installed launcher (bin/rolefit.js). */
const rolefit = (...args: string[]) => run(process.execPath, ['bin/rolefit.js', ...args]);

/** stderr without the intended-use notice every run starts with. */
const messages = (stderr: string) => {
	const lines = stderr.trimEnd().split('\n');
	expect(lines[0]).toBe(notice);
	return lines.slice(1);
};

/** The same, also without the list of questions a small test file leaves out. */
const problems = (stderr: string) =>
	messages(stderr).filter((line) => !line.includes('have no column and count as unanswered'));

let scratch: string;
beforeAll(async () => {
	scratch = await mkdtemp(join(tmpdir(), 'rolefit-cli-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** Writes a CSV into the scratch folder and returns its path. */
async function csvFile(name: string, text: string) {
	const path = join(scratch, name);
	await writeFile(path, text);
	return path;
}

describe('rolefit score: our own format', () => {
	it('prints one CSV row per respondent, blank cells unanswered, and only the notice on stderr', async () => {
		const { stdout, stderr, code } = await rolefit('score', fixture('answers.csv'));
		expect(stdout).toBe(
			[
				header,
				'alice,100,0,89,100,0,11,100,84,100,product,product,,',
				'bob,0,100,0,11,89,100,-100,-100,-84,project,project,,',
				// Issue 8: "neither" to everything + free-week option 4 is no longer "leaning project".
				'carol,48,52,37,59,41,63,-4,-20,12,in-between,,undecided,straight-lining',
				'"erin, the second",53,53,31,75,31,75,0,-31,31,in-between,,undecided,"straight-lining;inconsistent"',
				'"Fay ""Quotes"" Ng",92,92,81,100,81,100,0,-18,18,in-between,,hybrid,',
				// Too few answers on the tactical scale: no verdict, no profile.
				'gina,52,,40,64,,,,,,,,,"straight-lining;incomplete"',
				'hugo,8,8,0,19,0,19,0,-18,18,in-between,,low-fit,',
				'ines,73,27,61,85,15,39,46,27,65,product,product,,',
				''
			].join('\n')
		);
		expect(messages(stderr)).toEqual([]);
		expect(code).toBe(0);
	});

	it('prints a JSON array written row by row, with --json as an alias', async () => {
		const json = await rolefit('score', fixture('answers.csv'), '--format', 'json');
		expect(json.code).toBe(0);
		expect(json.stdout.startsWith('[\n{"id":"alice",')).toBe(true);
		expect(json.stdout.endsWith('}\n]\n')).toBe(true);
		const rows = JSON.parse(json.stdout);
		expect(rows).toHaveLength(8);
		expect(rows[0]).toEqual({
			id: 'alice',
			strategic: 100,
			strategicBand: { low: 89, high: 100 },
			tactical: 0,
			tacticalBand: { low: 0, high: 11 },
			position: 100,
			band: { low: 84, high: 100 },
			verdict: 'product',
			lean: 'product',
			profile: null,
			firmness: 'firm',
			noVerdictReason: null,
			flags: [],
			facets: Object.fromEntries(
				content.facets.map((facet) => [facet.id, facet.scale === 'strategic' ? 100 : 0])
			)
		});
		const gina = rows.find((row: { id: string }) => row.id === 'gina');
		expect(gina).toMatchObject({ verdict: null, profile: null, position: null, band: null });
		expect(gina.noVerdictReason).toMatch(
			/^Only 0 of the 15 statements on the .* scale were answered/
		);
		expect(gina.flags).toEqual(['straight-lining', 'incomplete']);

		const alias = await rolefit('score', fixture('answers.csv'), '--json');
		expect(alias.stdout).toBe(json.stdout);
	});

	it('prints NDJSON, one object per line', async () => {
		const { stdout, code } = await rolefit('score', fixture('answers.csv'), '--format', 'ndjson');
		expect(code).toBe(0);
		const lines = stdout.trimEnd().split('\n');
		expect(lines).toHaveLength(8);
		expect(lines.map((line) => JSON.parse(line).verdict)).toEqual([
			'product',
			'project',
			'in-between',
			'in-between',
			'in-between',
			null,
			'in-between',
			'product'
		]);
	});

	it('prints an empty array for a header without rows', async () => {
		const file = await csvFile('empty.csv', 'id,vision-a\n');
		const { stdout, code } = await rolefit('score', file, '--json');
		expect(JSON.parse(stdout)).toEqual([]);
		expect(code).toBe(0);
	});

	it('reads from stdin with -', async () => {
		const { stdout, code } = await run(
			process.execPath,
			['bin/rolefit.js', 'score', '-', '--format', 'ndjson'],
			'id,vision-a,planning-a\nx,5,1\n'
		);
		expect(JSON.parse(stdout)).toMatchObject({ id: 'x', verdict: null });
		expect(code).toBe(0);
	});
});

describe('rolefit score: invalid rows', () => {
	const expected = [
		'tests/fixtures/answers-invalid.csv:3: column 1 ("id"): no respondent id',
		'tests/fixtures/answers-invalid.csv:4: column 2 (vision-a): "7" is not an answer (expected 1 to 5 or a label from "Strongly disagree" to "Strongly agree"); column 6 (scenario-launch-slip): "x" is not an answer (expected an option number from 1 to 4 or an option\'s text)',
		'tests/fixtures/answers-invalid.csv:5: column 1 ("id"): respondent "ok-1" already appears on line 2',
		'tests/fixtures/answers-invalid.csv:6: row has 34 values but the header has 37 columns: column 35 (execution-c) onward missing',
		'tests/fixtures/answers-invalid.csv:7: row has 38 values but the header has 37 columns: column 38 onward has no header'
	];

	it('names the line and the column of each, still prints the good rows and exits 1', async () => {
		const { stdout, stderr, code } = await rolefit('score', fixture('answers-invalid.csv'));
		expect(stdout.split('\n').map((line) => line.split(',')[0])).toEqual([
			'id',
			'ok-1',
			'ok-2',
			''
		]);
		expect(messages(stderr)).toEqual([
			...expected,
			'5 invalid rows not scored (above); 2 respondents scored.'
		]);
		expect(code).toBe(1);
	});

	it('warns instead with --skip-invalid and exits 0', async () => {
		const { stdout, stderr, code } = await rolefit(
			'score',
			fixture('answers-invalid.csv'),
			'--skip-invalid'
		);
		expect(stdout.trimEnd().split('\n')).toHaveLength(3);
		expect(messages(stderr)).toEqual([
			...expected.map((line) =>
				line.replace(/^([^ ]+?:\d+): (.*)$/, '$1: warning: $2; row skipped')
			),
			'5 invalid rows skipped; 2 respondents scored.'
		]);
		expect(code).toBe(0);
	});

	it('counts lines across quoted line breaks', async () => {
		const file = await csvFile('multiline.csv', 'id,vision-a\n"a\nb",3\nc,9\n');
		const { stdout, stderr } = await rolefit('score', file, '--format', 'ndjson');
		expect(JSON.parse(stdout).id).toBe('a\nb');
		expect(problems(stderr)[0]).toBe(
			`${file}:4: column 2 (vision-a): "9" is not an answer (expected 1 to 5 or a label from "Strongly disagree" to "Strongly agree")`
		);
	});

	it('stops at a quote that is never closed, keeping the output valid', async () => {
		const file = await csvFile('unclosed.csv', 'id,vision-a\na,3\n"b,4\nc,5\n');
		const { stdout, stderr, code } = await rolefit('score', file, '--json');
		expect(JSON.parse(stdout).map((row: { id: string }) => row.id)).toEqual(['a']);
		expect(problems(stderr)).toEqual([
			`${file}:3: a quoted value opened on line 3 is never closed; the rest of the file was not read`
		]);
		expect(code).toBe(1);
	});
});

describe('rolefit score: spreadsheet exports', () => {
	it('reads a Google Forms export: questions by their text, answers by their label', async () => {
		const { stdout, stderr, code } = await rolefit('score', fixture('google-forms.csv'));
		expect(stdout).toBe(
			[
				header,
				'ana@example.org,100,0,89,100,0,11,100,84,100,product,product,,',
				'ben@example.org,0,100,0,11,89,100,-100,-100,-84,project,project,,',
				'cleo@example.org,48,52,37,59,41,63,-4,-20,12,in-between,,undecided,straight-lining',
				'dan@example.org,73,27,61,85,15,39,46,27,65,product,product,,',
				''
			].join('\n')
		);
		expect(messages(stderr)).toEqual([
			'tests/fixtures/google-forms.csv:1: a form export in English (en): 36 of 36 questions matched by their text; respondent ids from column 2 ("Email Address")',
			// The column it could not match is reported, then ignored.
			'tests/fixtures/google-forms.csv:1: warning: column 39 ("What is your current role?") matches no question id or question text; ignored'
		]);
		expect(code).toBe(0);
	});

	it('reads a Microsoft Forms export (BOM, CRLF, its own columns, loose headers)', async () => {
		const { stdout, stderr, code } = await rolefit('score', fixture('microsoft-forms.csv'));
		expect(stdout).toBe(
			[
				header,
				'1,0,100,0,11,89,100,-100,-100,-84,project,project,,',
				'2,92,92,81,100,81,100,0,-18,18,in-between,,hybrid,',
				'3,8,8,0,19,0,19,0,-18,18,in-between,,low-fit,',
				''
			].join('\n')
		);
		expect(messages(stderr)).toEqual([
			'tests/fixtures/microsoft-forms.csv:1: a form export in English (en): 36 of 36 questions matched by their text; respondent ids from column 1 ("ID")'
		]);
		expect(code).toBe(0);
	});

	it('reports a column that matches nothing and the questions left without a column', async () => {
		const { stdout, stderr, code } = await rolefit('score', fixture('answers-unknown-column.csv'));
		expect(stdout.split('\n')[1]).toBe('hana,0,100,0,11,89,100,-100,-100,-84,project,project,,');
		expect(messages(stderr)).toEqual([
			'tests/fixtures/answers-unknown-column.csv:1: warning: column 38 ("favourite_colour") matches no question id or question text; ignored'
		]);
		expect(code).toBe(0);

		const file = await csvFile('few.csv', 'Respondent,vision-a,vison-b\nx,4,2\n');
		const few = await rolefit('score', file);
		expect(messages(few.stderr)).toEqual([
			`${file}:1: warning: column 3 ("vison-b") matches no question id or question text; ignored`,
			`${file}:1: warning: 35 of 36 questions have no column and count as unanswered: ${content.sequence.filter((id) => id !== 'vision-a').join(', ')}`
		]);
	});

	it('numbers respondents by row when there is no id column', async () => {
		const file = await csvFile('no-id.csv', 'Timestamp,vision-a\n2026-03-01,4\n2026-03-02,2\n');
		const { stdout, stderr } = await rolefit('score', file, '--format', 'ndjson');
		expect(
			stdout
				.trimEnd()
				.split('\n')
				.map((line) => JSON.parse(line).id)
		).toEqual(['1', '2']);
		expect(problems(stderr)).toEqual([
			`${file}:1: no id column (id, respondent, respondent id, email address, email, username): respondents are numbered by row`
		]);
	});
});

describe('rolefit score: form exports in other languages', () => {
	/** The JSON results of a fixture with the respondent ids set aside. */
	async function results(name: string) {
		const { stdout, stderr, code } = await rolefit('score', fixture(name), '--json');
		expect(code).toBe(0);
		const rows = JSON.parse(stdout) as Record<string, unknown>[];
		return {
			ids: rows.map((row) => row.id),
			scores: rows.map((row) =>
				Object.fromEntries(Object.entries(row).filter(([key]) => key !== 'id'))
			),
			messages: messages(stderr)
		};
	}

	it('scores a Spanish Google Forms export exactly as the plain CSV of the same answers', async () => {
		const [plain, spanish] = await Promise.all([
			results('answers.csv'),
			results('google-forms-es.csv')
		]);
		expect(plain.scores).toHaveLength(8);
		expect(spanish.scores).toEqual(plain.scores);
		expect(spanish.ids).toEqual(
			['alice', 'bob', 'carol', 'erin', 'fay', 'gina', 'hugo', 'ines'].map(
				(name) => `${name}@example.org`
			)
		);
		expect(spanish.messages).toEqual([
			'tests/fixtures/google-forms-es.csv:1: a form export in Spanish (es): 36 of 36 questions matched by their text; respondent ids from column 2 ("Email Address")',
			'tests/fixtures/google-forms-es.csv:1: warning: column 39 ("¿Cuál es tu puesto actual?") matches no question id or question text; ignored'
		]);
	});

	it('scores an Arabic Microsoft Forms export exactly as the plain CSV of the same answers', async () => {
		const [plain, arabic] = await Promise.all([
			results('answers.csv'),
			results('microsoft-forms-ar.csv')
		]);
		expect(arabic.scores).toEqual(plain.scores);
		expect(arabic.ids).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
		expect(arabic.messages).toEqual([
			'tests/fixtures/microsoft-forms-ar.csv:1: a form export in Arabic (ar): 36 of 36 questions matched by their text; respondent ids from column 1 ("ID")'
		]);
	});

	it('refuses an export with a misspelt translated title, naming the column and the text', async () => {
		const es = (await loadLanguages(contentDir)).find(
			(language) => language.language.code === 'es'
		)!.content;
		const title = es.items.find((item) => item.id === 'vision-b')!.text;
		const typo = title.replace('dos años', 'dos anos');
		expect(typo).not.toBe(title);
		const text = await readFile(resolve(root, fixture('google-forms-es.csv')), 'utf8');
		const file = await csvFile('misspelt-es.csv', text.replace(title, typo));
		const { stdout, stderr, code } = await rolefit('score', file);
		expect(stdout).toBe('');
		expect(messages(stderr)).toEqual([
			`${file}:1: column 15 (${JSON.stringify(typo)}) is nearly, but not exactly, the text of vision-b in Spanish (es) (${JSON.stringify(title)}): correct the title, or that question would count as unanswered for everyone`
		]);
		expect(code).toBe(2);
	});

	it('refuses an export whose titles are in two languages, naming the column', async () => {
		const text = await readFile(resolve(root, fixture('google-forms-es.csv')), 'utf8');
		const [header, ...rows] = text.split('\n');
		const english = content.items.find((item) => item.id === 'vision-b')!.text;
		const columns = header!.split(',');
		const file = await csvFile(
			'mixed.csv',
			[
				header!.replace(
					columns.find((column) => column.startsWith('Pensar en'))!,
					english
				),
				...rows
			].join('\n')
		);
		const { stdout, stderr, code } = await rolefit('score', file);
		expect(stdout).toBe('');
		expect(messages(stderr)).toEqual([
			`${file}:1: column 15 (${JSON.stringify(english)}) is a question's text in English (en), but the file's other titles are in Spanish (es): a file must be in one language`
		]);
		expect(code).toBe(2);
	});
});

describe('rolefit score: safe output', () => {
	it('neutralises ids a spreadsheet would run as formulas (OWASP), and only those', async () => {
		// (Tab and carriage return are covered in tests/unit/batch.test.ts: ids are trimmed.)
		const ids = ['=HYPERLINK("http://evil.example","click")', '+1', '-2', '@SUM(A1)', 'plain'];
		const file = await csvFile(
			'formulas.csv',
			`id,vision-a,planning-a\n${ids.map((id) => `"${id.replace(/"/g, '""')}",5,1`).join('\n')}\n`
		);
		const { stdout, code } = await rolefit('score', file);
		expect(code).toBe(0);
		expect(
			stdout
				.trimEnd()
				.split('\n')
				.slice(1)
				.map((line) => line.split(',')[0])
		).toEqual([
			'"\'=HYPERLINK(""http://evil.example""',
			'"\'+1"',
			'"\'-2"',
			'"\'@SUM(A1)"',
			'plain'
		]);
		// Numbers we write ourselves stay numbers: a negative position is not text.
		const bob = await rolefit('score', fixture('answers.csv'));
		expect(bob.stdout.split('\n')[2]).toBe('bob,0,100,0,11,89,100,-100,-100,-84,project,project,,');
	});

	it('exits quietly with 0 when the reader closes the pipe (| head -3)', async () => {
		const rows = Array.from({ length: 30_000 }, (_, index) => `r${index},5,1,4,2`).join('\n');
		const file = await csvFile(
			'long.csv',
			`id,vision-a,planning-a,customers-a,resources-a\n${rows}\n`
		);
		const { stdout, stderr } = await run('bash', [
			'-c',
			`${JSON.stringify(process.execPath)} bin/rolefit.js score ${JSON.stringify(file)} | head -3; echo "status \${PIPESTATUS[*]}"`
		]);
		const lines = stdout.trimEnd().split('\n');
		expect(lines.slice(0, 3).map((line) => line.split(',')[0])).toEqual(['id', 'r0', 'r1']);
		expect(lines[3]).toBe('status 0 0');
		expect(problems(stderr)).toEqual([]);
	});
});

describe('rolefit as an installed command', () => {
	it('npx rolefit score prints only data on stdout (no npm banner)', async () => {
		const npx = await run('npx', ['rolefit', 'score', fixture('answers.csv')]);
		const direct = await rolefit('score', fixture('answers.csv'));
		expect(npx.stdout.split('\n')[0]).toBe(header);
		expect(npx.stdout).toBe(direct.stdout);
		expect(messages(npx.stderr)).toEqual([]);
		expect(npx.code).toBe(0);
	}, 30_000);

	it('npm run score runs the same command', async () => {
		const npm = await run('npm', ['run', '--silent', 'score', '--', fixture('answers.csv')]);
		expect(npm.stdout.split('\n')[0]).toBe(header);
		expect(npm.code).toBe(0);
	}, 30_000);

	it('explains usage errors with exit code 2', async () => {
		const [missing, none, format, both, unknown, help] = await Promise.all([
			rolefit('score', 'no-such-file.csv'),
			rolefit('score'),
			rolefit('score', fixture('answers.csv'), '--format', 'xml'),
			rolefit('score', fixture('answers.csv'), '--json', '--format', 'csv'),
			rolefit('grade'),
			rolefit('score', '--help')
		]);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain('cannot read no-such-file.csv: ENOENT');
		expect(none.code).toBe(2);
		expect(none.stderr).toContain('usage: rolefit score');
		expect(format.code).toBe(2);
		expect(format.stderr).toContain('--format must be one of csv, json, ndjson, got "xml"');
		expect(both.code).toBe(2);
		expect(both.stderr).toContain('--json is short for --format json');
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toContain('unknown command "grade"');
		expect(help.code).toBe(0);
		expect(help.stdout).toContain('usage: rolefit score');
		// The range is called what it is: precision of this sitting, not a retake forecast.
		expect(help.stdout).toContain('how precisely these answers place the person');
		expect(help.stdout).toContain('not a forecast of a retake');
		expect(help.stdout).toContain('the lean');
	});

	it('refuses a file whose header names no question, with exit code 2', async () => {
		const file = await csvFile('no-questions.csv', 'name,age\nx,3\n');
		const { stdout, stderr, code } = await rolefit('score', file);
		expect(stdout).toBe('');
		expect(messages(stderr).at(-1)).toMatch(
			/^.*no-questions\.csv:1: no column of the header is a question/
		);
		expect(code).toBe(2);
	});
});
