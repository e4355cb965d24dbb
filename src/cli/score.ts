/**
 * `rolefit score <answers.csv> [--format csv|json|ndjson] [--skip-invalid]`
 * (also `npm run --silent score -- …`): scores a CSV of answers collected
 * elsewhere, streaming, and prints one result per respondent on stdout.
 * Everything else (the intended-use notice, warnings, invalid rows, progress
 * on a terminal) goes to stderr, so stdout holds only data. A Google Forms or
 * Microsoft Forms export may be in any of the content's languages.
 *
 * Exit codes: 0 done (invalid rows skipped with --skip-invalid, or the reader
 * of stdout closed it early, as `| head` does); 1 invalid rows were left out
 * or the file stopped being readable CSV; 2 a usage error (arguments, an
 * unreadable file, invalid content, a header with no question column, with titles in
 * two languages or with a title a few letters off a question's text).
 */
import { once } from 'node:events';
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ContentError } from '../lib/content/errors.ts';
import { loadContent, loadLanguages } from '../lib/content/loader.server.ts';
import type { Content } from '../lib/content/types.ts';
import { idColumnNames, languageName, type HeaderPlan } from '../lib/server/batch/columns.ts';
import { CsvSyntaxError } from '../lib/server/batch/csv-reader.ts';
import { formats, formatter, type Format } from '../lib/server/batch/output.ts';
import { BatchHeaderError, scoreCsvStream } from '../lib/server/batch/score-csv.ts';

/** The instrument shipped with this package, whatever the working directory. */
const packageContent = resolve(import.meta.dirname, '../../content');

const usageOf = (program: string) =>
	`usage: ${program} <answers.csv | -> [--format csv|json|ndjson] [--json] [--skip-invalid] [--content <dir>]`;

/** What each result says, for --help: the ranges named for what they are. */
export const outputHelp = `Each result gives the strategic and tactical levels (0–100) with their ranges
(strategic_low/high, tactical_low/high), the position (strategic − tactical, −100 project …
+100 product) with its range (band_low/high), the verdict (product | in-between | project),
the lean (the side the position's range lies wholly on; empty when the range includes 0, which
is the only case called "not settled"), the profile (hybrid | low-fit | undecided) and quality
flags. A range shows how precisely these answers place the person, under an assumed reliability
of one answer; it is not a forecast of a retake, which would vary more (technical manual, §4).
Not for hiring, promotion or placement decisions.`;

/** Output is written in pieces of about this many characters. */
const outputChunk = 1 << 16;

/**
 * Runs the command with its arguments; resolves to the exit code. `program`
 * is how usage messages name it.
 */
export async function runScore(args: string[], program = 'rolefit score'): Promise<number> {
	const usage = usageOf(program);
	let options;
	try {
		options = parseArgs({
			args,
			allowPositionals: true,
			options: {
				format: { type: 'string' },
				json: { type: 'boolean', default: false },
				'skip-invalid': { type: 'boolean', default: false },
				content: { type: 'string', default: packageContent },
				help: { type: 'boolean', short: 'h', default: false }
			}
		});
	} catch (error) {
		console.error(`${(error as Error).message}\n${usage}`);
		return 2;
	}
	const { values, positionals } = options;
	if (values.help) {
		console.log(`${usage}\n\n${outputHelp}`);
		return 0;
	}
	const format = (values.format ?? (values.json ? 'json' : 'csv')) as Format;
	if (!formats.includes(format) || (values.json && format !== 'json')) {
		console.error(
			values.json
				? `--json is short for --format json; it cannot go with --format ${format}\n${usage}`
				: `--format must be one of ${formats.join(', ')}, got "${format}"\n${usage}`
		);
		return 2;
	}
	if (positionals.length !== 1) {
		console.error(usage);
		return 2;
	}

	let content: Content;
	let translations: Content[];
	try {
		const dir = resolve(values.content);
		[content, translations] = await Promise.all([
			loadContent(dir),
			loadLanguages(dir).then((languages) => languages.map((language) => language.content))
		]);
	} catch (error) {
		console.error(error instanceof ContentError ? error.message : String(error));
		return 2;
	}
	// Issue 8: the same intended-use notice as the app's caveat, from the content.
	console.error(content.instrument.wording.notForSelection);

	const file = positionals[0]!;
	const label = file === '-' ? 'stdin' : file;
	let input: AsyncIterable<string> & { bytesRead?: number };
	let size = 0;
	if (file === '-') {
		process.stdin.setEncoding('utf8');
		input = process.stdin;
	} else {
		try {
			const handle = await open(resolve(file), 'r');
			size = (await handle.stat()).size;
			input = handle.createReadStream({ encoding: 'utf8', highWaterMark: outputChunk });
		} catch (error) {
			console.error(
				`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`
			);
			return 2;
		}
	}

	// A reader that stops early (`| head`) is not an error: stop quietly.
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') process.exit(0);
		throw error;
	});

	const progress = new Progress(process.stderr.isTTY === true, size, () => input.bytesRead ?? 0);
	const say = (line: string) => {
		progress.clear();
		process.stderr.write(`${line}\n`);
	};
	const skip = values['skip-invalid'];
	const output = formatter(format);
	let pending = output.start();
	let draining: Promise<unknown> | null = null;
	const flush = () => {
		if (pending === '') return;
		if (!process.stdout.write(pending)) draining ??= once(process.stdout, 'drain');
		pending = '';
	};

	let code = 0;
	try {
		const summary = await scoreCsvStream(
			content,
			input,
			{
				header: (plan) => reportHeader(plan, content, label, say),
				row: (row) => {
					pending += output.row(row);
					if (pending.length >= outputChunk) flush();
					progress.tick();
				},
				problem: ({ line, message }) =>
					say(
						skip
							? `${label}:${line}: warning: ${message}; row skipped`
							: `${label}:${line}: ${message}`
					)
			},
			{
				translations,
				afterChunk: async () => {
					if (draining) {
						await draining;
						draining = null;
					}
				}
			}
		);
		progress.clear();
		if (summary.invalid > 0) {
			const rows = `${summary.invalid} invalid row${summary.invalid === 1 ? '' : 's'}`;
			const scored = `${summary.scored} respondent${summary.scored === 1 ? '' : 's'} scored`;
			say(skip ? `${rows} skipped; ${scored}.` : `${rows} not scored (above); ${scored}.`);
			if (!skip) code = 1;
		}
	} catch (error) {
		if (error instanceof BatchHeaderError) {
			say(`${label}:${error.line}: ${error.message}`);
			return 2;
		}
		if (!(error instanceof CsvSyntaxError)) throw error;
		// What was read so far is printed; the rest of the file cannot be read.
		say(`${label}:${error.line}: ${error.message}; the rest of the file was not read`);
		code = 1;
	}
	pending += output.end();
	flush();
	if (draining) await draining;
	return code;
}

/** Tells on stderr how the header was read: what is ignored, what is missing. */
function reportHeader(
	plan: HeaderPlan,
	content: Content,
	label: string,
	say: (line: string) => void
) {
	const at = `${label}:1`;
	const byText = plan.questions.filter((column) => column.matchedBy === 'text').length;
	if (byText > 0) {
		const ids = plan.idColumn
			? `respondent ids from column ${plan.idColumn.index + 1} (${JSON.stringify(plan.idColumn.header)})`
			: 'respondents numbered by row';
		say(
			`${at}: a form export in ${languageName(plan.language)}: ${byText} of ${plan.questions.length} questions matched by their text; ${ids}`
		);
	} else if (!plan.idColumn) {
		say(`${at}: no id column (${idColumnNames.join(', ')}): respondents are numbered by row`);
	}
	for (const { index, header } of plan.unmatched) {
		say(
			`${at}: warning: column ${index + 1} (${JSON.stringify(header)}) matches no question id or question text; ignored`
		);
	}
	for (const { index, header, question } of plan.repeated) {
		say(
			`${at}: warning: column ${index + 1} (${JSON.stringify(header)}) is a second column for ${question}; ignored`
		);
	}
	if (plan.missing.length > 0) {
		const total = content.sequence.length;
		say(
			`${at}: warning: ${plan.missing.length} of ${total} questions have no column and count as unanswered: ${plan.missing.join(', ')}`
		);
	}
}

/** A one-line count on a terminal, redrawn at most four times a second; nothing otherwise. */
class Progress {
	private rows = 0;
	private shown = false;
	private next = 0;

	constructor(
		private readonly enabled: boolean,
		private readonly size: number,
		private readonly bytesRead: () => number
	) {}

	tick() {
		this.rows += 1;
		if (!this.enabled || (this.rows & 1023) !== 0) return;
		const now = Date.now();
		if (now < this.next) return;
		this.next = now + 250;
		const share = this.size > 0 ? ` (${Math.floor((100 * this.bytesRead()) / this.size)}%)` : '';
		process.stderr.write(`\r\x1b[Kscored ${this.rows.toLocaleString('en')} rows${share}`);
		this.shown = true;
	}

	clear() {
		if (!this.shown) return;
		process.stderr.write('\r\x1b[K');
		this.shown = false;
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	process.exitCode = await runScore(process.argv.slice(2), 'npm run --silent score --');
}
