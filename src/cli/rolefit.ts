/**
 * `rolefit <command>`: the installed command-line tool (package.json `bin`,
 * started by bin/rolefit.js). One command so far: `score`.
 */
import { outputHelp, runScore } from './score.ts';

const usage = `usage: rolefit score <answers.csv | -> [--format csv|json|ndjson] [--skip-invalid] [--content <dir>]

  score   scores a CSV of answers (our own columns or a Google Forms / Microsoft Forms
          export, in any of the content's languages) and prints one result per
          respondent on stdout

${outputHelp}`;

/** Runs `rolefit` with its arguments; resolves to the exit code. */
export async function main(args: string[]): Promise<number> {
	const [command, ...rest] = args;
	if (command === 'score') return runScore(rest, 'rolefit score');
	if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
		console.log(usage);
		return command === undefined ? 2 : 0;
	}
	console.error(`unknown command "${command}"\n${usage}`);
	return 2;
}
