/**
 * The batch CLI's parts without a process: spreadsheet-safe cells, the
 * streaming CSV reader, reading a header, repeated ids and row checks.
 */
import { describe, expect, it } from 'vitest';
import { loadLanguages } from '../../src/lib/content/loader.server.ts';
import type { Content } from '../../src/lib/content/types.ts';
import { csvCell, csvLine, csvText } from '../../src/lib/csv/escape.ts';
import {
	looseText,
	nearMissLimit,
	planHeader,
	readAnswer
} from '../../src/lib/server/batch/columns.ts';
import {
	CsvReader,
	CsvSyntaxError,
	sniffDelimiter
} from '../../src/lib/server/batch/csv-reader.ts';
import { IdRegistry } from '../../src/lib/server/batch/ids.ts';
import { formatter } from '../../src/lib/server/batch/output.ts';
import { BatchHeaderError, scoreCsvText } from '../../src/lib/server/batch/score-csv.ts';
import { allStrategic, content, contentDir } from '../helpers/content.ts';

const translations = (await loadLanguages(contentDir)).map((language) => language.content);
const inLanguage = (code: string) => translations.find((language) => language.language === code)!;

describe('csvText (OWASP CSV injection)', () => {
	it('prefixes a quote and quotes every cell a spreadsheet could run as a formula', () => {
		expect(csvText('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
		expect(csvText('+1')).toBe('"\'+1"');
		expect(csvText('-1+2')).toBe('"\'-1+2"');
		expect(csvText('@SUM(A1)')).toBe('"\'@SUM(A1)"');
		expect(csvText('\t=1')).toBe('"\'\t=1"');
		expect(csvText('\r=1')).toBe('"\'\r=1"');
	});

	it('quotes separators, quotes and line breaks (RFC 4180) and leaves plain text alone', () => {
		expect(csvText('plain text')).toBe('plain text');
		expect(csvText('a,b')).toBe('"a,b"');
		expect(csvText('a;b')).toBe('"a;b"');
		expect(csvText('say "hi"')).toBe('"say ""hi"""');
		expect(csvText('two\nlines')).toBe('"two\nlines"');
		expect(csvText('a=b')).toBe('a=b');
	});

	it('writes numbers as numbers, so a negative position stays one', () => {
		expect(csvCell(-12)).toBe('-12');
		expect(csvCell('-12')).toBe('"\'-12"');
		expect(csvCell(null)).toBe('');
		expect(csvLine(['=x', -3, null, 'y'])).toBe('"\'=x",-3,,y');
	});
});

describe('CsvReader', () => {
	/** Reads `text` in chunks of `size` characters. */
	function read(text: string, size: number) {
		const reader = new CsvReader();
		const records = [];
		for (let start = 0; start < text.length; start += size) {
			records.push(...reader.push(text.slice(start, start + size)));
		}
		records.push(...reader.end());
		return records.map((record) => [record.line, ...record.fields]);
	}

	const tricky = '\ufeffid,a\r\nx,"1"\r\n\r\n"y\r\nz",2\n"q""uote",3\n"after"text,4\rlast,"5"';

	it('reads quotes, doubled quotes, line breaks in quotes, CRLF, CR and a BOM', () => {
		expect(read(tricky, 1 << 20)).toEqual([
			[1, 'id', 'a'],
			[2, 'x', '1'],
			[4, 'y\r\nz', '2'],
			[6, 'q"uote', '3'],
			[7, 'aftertext', '4'],
			[8, 'last', '5']
		]);
	});

	it('gives the same records whatever the chunk boundaries', () => {
		const whole = read(tricky, 1 << 20);
		for (let size = 1; size <= 12; size += 1) expect(read(tricky, size)).toEqual(whole);
	});

	it('keeps empty cells and a trailing empty cell, and skips blank lines', () => {
		expect(read('a,b,c\n1,,\n\n,2,\n', 4)).toEqual([
			[1, 'a', 'b', 'c'],
			[2, '1', '', ''],
			[4, '', '2', '']
		]);
	});

	it('uses the separator the header uses: comma, semicolon or tab', () => {
		expect(sniffDelimiter('id;"a,b";c\n')).toBe(';');
		expect(sniffDelimiter('id\ta\tb')).toBe('\t');
		expect(sniffDelimiter('id,a;b')).toBe(',');
		expect(read('id;a\nx;3\n', 3)).toEqual([
			[1, 'id', 'a'],
			[2, 'x', '3']
		]);
	});

	it('fails on a quote that is never closed, naming the line it opened on', () => {
		expect(() => read('a\n"b\nc\n', 2)).toThrow(
			new CsvSyntaxError('a quoted value opened on line 2 is never closed', 2)
		);
	});

	it('fails on a record longer than the limit instead of holding the file', () => {
		const reader = new CsvReader({ maxRecordLength: 100 });
		reader.push('id,a\n');
		expect(() => reader.push(`"${'x'.repeat(200)}`)).toThrow(/line 2 is longer than 100/);
	});
});

describe('reading a header', () => {
	const vision = content.items.find((item) => item.id === 'vision-a')!;
	const launch = content.scenarios.find((scenario) => scenario.id === 'scenario-launch-slip')!;

	it('compares texts loosely: case, spaces, typographic and surrounding quotes, final stop', () => {
		expect(looseText('  “I’d   rather  ship.”  ')).toBe("i'd rather ship");
		expect(looseText('"Agree"')).toBe('agree');
	});

	it('matches question ids, question texts, Google Forms grid rows and numbered questions', () => {
		const plan = planHeader(content, [
			'Timestamp',
			'Email Address',
			'VISION-A',
			`Your view [${content.items[1]!.text}]`,
			`3. ${content.items[2]!.text}`,
			`  ${launch.text.toUpperCase()} `,
			'Department'
		]);
		expect(
			plan.questions.map((column) => [column.index, column.question.id, column.matchedBy])
		).toEqual([
			[2, 'vision-a', 'id'],
			[3, content.items[1]!.id, 'text'],
			[4, content.items[2]!.id, 'text'],
			[5, 'scenario-launch-slip', 'text']
		]);
		expect(plan.idColumn).toEqual({ index: 1, header: 'Email Address' });
		expect(plan.formTool).toEqual(['Timestamp']);
		expect(plan.unmatched).toEqual([{ index: 6, header: 'Department' }]);
		expect(plan.missing).toHaveLength(content.sequence.length - 4);
	});

	it('prefers an ID column to an email column, and reports a second column for one question', () => {
		const plan = planHeader(content, ['Email', 'ID', 'vision-a', vision.text]);
		expect(plan.idColumn).toEqual({ index: 1, header: 'ID' });
		expect(plan.formTool).toEqual(['Email']);
		expect(plan.repeated).toEqual([{ index: 3, header: vision.text, question: 'vision-a' }]);
	});

	it('reads an answer as a number, a label or an option text; blank is unanswered', () => {
		const plan = planHeader(content, ['vision-a', 'scenario-launch-slip']);
		const [statement, scenario] = plan.questions;
		expect(readAnswer(statement!, '4')).toBe(4);
		expect(readAnswer(statement!, ' strongly  DISAGREE ')).toBe(1);
		expect(readAnswer(statement!, 'Agree')).toBe(4);
		expect(readAnswer(statement!, '')).toBeUndefined();
		expect(readAnswer(statement!, '   ')).toBeUndefined();
		expect(readAnswer(statement!, '6')).toBeNull();
		expect(readAnswer(statement!, '3.5')).toBeNull();
		expect(readAnswer(statement!, 'Agree strongly')).toBeNull();
		expect(readAnswer(scenario!, launch.options[2]!.text)).toBe(3);
		expect(readAnswer(scenario!, launch.options[2]!.text.replace(/\.$/, ''))).toBe(3);
		expect(readAnswer(scenario!, '4')).toBe(4);
		expect(readAnswer(scenario!, '5')).toBeNull();
	});
});

describe('reading a header in any of the content’s languages', () => {
	const es = inLanguage('es');
	const ar = inLanguage('ar');
	const titles = (language: Content) => content.sequence.map((id) => textOf(language, id));
	function textOf(language: Content, id: string) {
		return [...language.items, ...language.scenarios].find((question) => question.id === id)!.text;
	}

	it('matches translated titles to the base ids and translated labels to the base numbers', () => {
		const plan = planHeader(content, ['Email Address', ...titles(es)], translations);
		expect(plan.language).toBe('es');
		expect(plan.questions.map((column) => column.question.id)).toEqual(content.sequence);
		expect(plan.questions.every((column) => column.matchedBy === 'text')).toBe(true);
		// The column holds the base question (its options, weights and keying), not the translation.
		const launch = plan.questions.find((column) => column.question.id === 'scenario-launch-slip')!;
		expect(launch.question).toBe(
			content.scenarios.find((scenario) => scenario.id === 'scenario-launch-slip')
		);
		const slip = es.scenarios.find((scenario) => scenario.id === 'scenario-launch-slip')!;
		expect(readAnswer(launch, slip.options[3]!.text)).toBe(4);
		const vision = plan.questions[0]!;
		expect(es.instrument.likertLabels.map((label) => readAnswer(vision, label))).toEqual([
			1, 2, 3, 4, 5
		]);
		expect(vision.expected).toBe(
			'1 to 5 or a label from "Totalmente en desacuerdo" to "Totalmente de acuerdo"'
		);
		// English labels are not answers in a Spanish file: one language per file.
		expect(readAnswer(vision, 'Agree')).toBeNull();
		expect(vision.elsewhere.get('agree')).toBe('en');
		expect(plan.unmatched).toEqual([]);
		expect(plan.missing).toEqual([]);
	});

	it('compares Arabic loosely: Unicode form, direction marks, spacing and the final stop', () => {
		const [first, second] = titles(ar);
		const plan = planHeader(
			content,
			[
				`\u200f${first!.normalize('NFD')}\u200f`,
				`  ${second!.replace(/\.$/, '').replace(/ /g, '   ')}`
			],
			translations
		);
		expect(first!.normalize('NFD')).not.toBe(first);
		expect(plan.language).toBe('ar');
		expect(plan.questions.map((column) => column.question.id)).toEqual(
			content.sequence.slice(0, 2)
		);
		const agree = ar.instrument.likertLabels[3]!;
		expect(readAnswer(plan.questions[0]!, ` ${agree.normalize('NFD')}\u200f `)).toBe(4);
	});

	it('reads the file in the language most titles are in, and reports titles in another one', () => {
		const header = titles(es);
		header[4] = textOf(inLanguage('de'), content.sequence[4]!);
		header[7] = textOf(content, content.sequence[7]!);
		const plan = planHeader(content, header, translations);
		expect(plan.language).toBe('es');
		expect(plan.foreign).toEqual([
			{ index: 4, header: header[4], language: 'de' },
			{ index: 7, header: header[7], language: 'en' }
		]);
		expect(plan.questions).toHaveLength(content.sequence.length - 2);
	});

	it('reports a title a few letters off a question text as a near miss, not as an extra column', () => {
		const header = ['Timestamp', ...titles(es), '¿Cuál es tu puesto actual?'];
		const id = content.sequence[12]!;
		header[13] = header[13]!.replace('dos años', 'dos anos').replace('producto', 'produto');
		const plan = planHeader(content, header, translations);
		expect(plan.nearMisses).toEqual([
			{ index: 13, header: header[13], question: id, text: textOf(es, id), language: 'es' }
		]);
		expect(plan.unmatched).toEqual([{ index: 37, header: '¿Cuál es tu puesto actual?' }]);
		expect(plan.missing).toEqual([id]);
	});

	it('keeps every two questions of a language further apart than a near miss', () => {
		for (const language of [content, ...translations]) {
			const texts = titles(language).map(looseText);
			texts.forEach((text, at) => {
				for (const other of texts.slice(at + 1)) {
					expect(distance(text, other), `${language.language}: ${text} / ${other}`).toBeGreaterThan(
						2 * nearMissLimit(text)
					);
				}
			});
		}
	});
});

/** Plain Levenshtein distance, for the test above. */
function distance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i += 1) {
		const current = [i];
		for (let j = 1; j <= b.length; j += 1) {
			current[j] = Math.min(
				previous[j]! + 1,
				current[j - 1]! + 1,
				previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
			);
		}
		previous = current;
	}
	return previous[b.length]!;
}

describe('IdRegistry', () => {
	it('finds every repeated id among many, with the line it was first seen on', () => {
		const ids = new IdRegistry();
		for (let index = 0; index < 100_000; index += 1) {
			expect(ids.add(`respondent-${index}`, index + 2)).toBeNull();
		}
		expect(ids.add('respondent-0', 200_000)).toBe(2);
		expect(ids.add('respondent-99999', 200_001)).toBe(100_001);
		expect(ids.add('respondent-100000', 200_002)).toBeNull();
	});
});

describe('scoreCsvText', () => {
	const columns = content.sequence;
	const strategic = allStrategic();

	it('scores a row with the compiled plan, blank cells as unanswered', async () => {
		const cells = columns.map((id, index) => (index < 3 ? '' : String(strategic[id])));
		const { rows, problems, summary } = await scoreCsvText(
			content,
			`id,${columns.join(',')}\nx,${cells.join(',')}\n`
		);
		expect(problems).toEqual([]);
		expect(summary).toEqual({ scored: 1, invalid: 0 });
		expect(
			rows[0]!.result.scales.strategic.answered + rows[0]!.result.scales.tactical.answered
		).toBe(2 * content.scenarios.length + content.items.length - 3);
		expect(rows[0]!.result.verdict).toBe('product');
		expect(rows[0]!.result.explanations).toEqual([]);
	});

	it('reports a short row, a long row and a non-numeric answer by line and column', async () => {
		const { rows, problems } = await scoreCsvText(
			content,
			'id,vision-a,planning-a\na,3\nb,3,4,5\nc,x,4\nd,3,\n'
		);
		expect(rows.map((row) => row.id)).toEqual(['d']);
		expect(problems).toEqual([
			{
				line: 2,
				message:
					'row has 2 values but the header has 3 columns: column 3 (planning-a) onward missing'
			},
			{
				line: 3,
				message: 'row has 4 values but the header has 3 columns: column 4 onward has no header'
			},
			{
				line: 4,
				message:
					'column 2 (vision-a): "x" is not an answer (expected 1 to 5 or a label from "Strongly disagree" to "Strongly agree")'
			}
		]);
	});

	it('scores a translated export as the base, and names a label of another language', async () => {
		const es = inLanguage('es');
		const titles = content.sequence.map(
			(id) => [...es.items, ...es.scenarios].find((question) => question.id === id)!.text
		);
		const label = (id: string, answer: number) => {
			const scenario = es.scenarios.find((question) => question.id === id);
			return scenario
				? scenario.options[answer - 1]!.text
				: es.instrument.likertLabels[answer - 1]!;
		};
		const { rows } = await scoreCsvText(
			content,
			csvLine(['id', ...titles]) +
				'\n' +
				csvLine(['x', ...columns.map((id) => label(id, strategic[id]!))]),
			translations
		);
		const plain = await scoreCsvText(
			content,
			`id,${columns.join(',')}\nx,${columns.map((id) => strategic[id]).join(',')}\n`
		);
		expect(rows).toEqual(plain.rows);

		const mixed = await scoreCsvText(
			content,
			`id,${csvLine(titles.slice(0, 2))}\ny,De acuerdo,Strongly agree\n`,
			translations
		);
		expect(mixed.problems).toEqual([
			{
				line: 2,
				message:
					'column 3 (planning-a): "Strongly agree" is not an answer (expected 1 to 5 or a label from "Totalmente en desacuerdo" to "Totalmente de acuerdo"): it is a label in English (en), but the file is in Spanish (es)'
			}
		]);
	});

	it('refuses a header in two languages, or with a misspelt title, naming the column', async () => {
		const es = inLanguage('es');
		const vision = es.items.find((item) => item.id === 'vision-a');
		const planning = es.items.find((item) => item.id === 'planning-a');
		const english = content.items[2]!.text;
		await expect(
			scoreCsvText(content, csvLine(['id', vision!.text, planning!.text, english]), translations)
		).rejects.toThrow(
			new BatchHeaderError(
				`column 4 (${JSON.stringify(english)}) is a question's text in English (en), but the file's other titles are in Spanish (es): a file must be in one language`,
				1
			)
		);
		const typo = planning!.text.replace('detallado', 'detalado');
		await expect(
			scoreCsvText(content, csvLine(['id', vision!.text, typo]), translations)
		).rejects.toThrow(
			`column 3 (${JSON.stringify(typo)}) is nearly, but not exactly, the text of ${planning!.id} in Spanish (es) (${JSON.stringify(planning!.text)}): correct the title, or that question would count as unanswered for everyone`
		);
	});

	it('writes JSON as an array that is valid with no rows and with many', () => {
		const json = formatter('json');
		expect(json.start() + json.end()).toBe('[]\n');
	});
});
