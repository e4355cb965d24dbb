/**
 * A streaming CSV reader (RFC 4180): feed it text chunks as they arrive and
 * it hands back the complete records, each with the line it starts on, so a
 * file of any size is read in constant memory.
 *
 * Quoted values may hold separators, doubled quotes and line breaks; lines
 * may end in LF, CRLF or CR; a byte-order mark is dropped; blank lines are
 * skipped. It is lenient where spreadsheets are (a quote inside an unquoted
 * value is kept as text) and strict only where data would be lost: a quoted
 * value that is never closed, or a record longer than `maxRecordLength`.
 */

export interface CsvRecord {
	/** The 1-based line of the file the record starts on. */
	line: number;
	fields: string[];
}

export class CsvSyntaxError extends Error {
	constructor(
		message: string,
		readonly line: number
	) {
		super(message);
		this.name = 'CsvSyntaxError';
	}
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** The separator the header line uses most: `,`, `;` (spreadsheets in many locales) or tab. */
export function sniffDelimiter(text: string): string {
	const counts = new Map([
		[',', 0],
		[';', 0],
		['\t', 0]
	]);
	let quoted = false;
	for (const char of text) {
		if (char === '"') quoted = !quoted;
		else if (!quoted && (char === '\n' || char === '\r')) break;
		else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
	}
	let best = ',';
	for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
	return best;
}

export class CsvReader {
	/** Text received but not yet part of a complete record. */
	private pending = '';
	/** The line the pending text starts on. */
	private line = 1;
	private started = false;
	private delimiter = -1;

	/**
	 * @param delimiter the separator; by default the one the first line uses most.
	 * @param maxRecordLength a record longer than this (in characters) is an error,
	 *   so that a stray quote cannot make the reader hold the rest of the file.
	 */
	constructor(private readonly options: { delimiter?: string; maxRecordLength?: number } = {}) {}

	/** The separator in use (known once the first line has arrived). */
	get separator(): string | null {
		return this.delimiter === -1 ? null : String.fromCharCode(this.delimiter);
	}

	/** Adds a chunk of text and returns the records it completed. */
	push(chunk: string): CsvRecord[] {
		let text = this.pending + chunk;
		if (!this.started) {
			if (text.length === 0) return [];
			if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
			if (this.options.delimiter === undefined && !/[\r\n]/.test(text)) {
				this.pending = text;
				this.checkLength();
				return [];
			}
			this.delimiter = (this.options.delimiter ?? sniffDelimiter(text)).charCodeAt(0);
			this.started = true;
		}
		return this.parse(text, false);
	}

	/** Ends the input and returns the last record, if the text did not end with a line break. */
	end(): CsvRecord[] {
		if (!this.started) {
			if (this.pending.length === 0) return [];
			this.delimiter = (this.options.delimiter ?? sniffDelimiter(this.pending)).charCodeAt(0);
			this.started = true;
		}
		const records = this.parse(this.pending, true);
		this.pending = '';
		return records;
	}

	private parse(text: string, final: boolean): CsvRecord[] {
		const records: CsvRecord[] = [];
		const delimiter = this.delimiter;
		const length = text.length;
		let line = this.line;
		let recordStart = 0;
		let recordLine = line;
		let position = 0;
		let fields: string[] = [];

		// Each pass of this loop reads one field and the separator or line break after it.
		while (position < length || (final && fields.length > 0)) {
			let value: string;
			if (position < length && text.charCodeAt(position) === QUOTE) {
				// A quoted value: up to the next quote that is not doubled.
				let cursor = position + 1;
				let parts = '';
				let closed = false;
				while (cursor < length) {
					const next = text.indexOf('"', cursor);
					if (next === -1) break;
					if (next + 1 < length && text.charCodeAt(next + 1) === QUOTE) {
						parts += text.slice(cursor, next + 1);
						cursor = next + 2;
						continue;
					}
					if (next + 1 === length && !final) break; // might be the first of a doubled quote
					parts += text.slice(cursor, next);
					cursor = next + 1;
					closed = true;
					break;
				}
				if (!closed) {
					if (final) {
						throw new CsvSyntaxError(
							`a quoted value opened on line ${recordLine} is never closed`,
							recordLine
						);
					}
					break; // wait for more text
				}
				// Count the line breaks inside the quotes.
				for (let index = position; index < cursor; index += 1) {
					const code = text.charCodeAt(index);
					if (code === LF || (code === CR && text.charCodeAt(index + 1) !== LF)) line += 1;
				}
				// Text between the closing quote and the separator is kept, as spreadsheets do.
				let end = cursor;
				while (end < length) {
					const code = text.charCodeAt(end);
					if (code === delimiter || code === LF || code === CR) break;
					end += 1;
				}
				if (end === length && !final) break;
				value = parts + text.slice(cursor, end);
				position = end;
			} else {
				let end = position;
				while (end < length) {
					const code = text.charCodeAt(end);
					if (code === delimiter || code === LF || code === CR) break;
					end += 1;
				}
				if (end === length && !final) break;
				value = text.slice(position, end);
				position = end;
			}

			fields.push(value);
			if (position < length && text.charCodeAt(position) === delimiter) {
				position += 1;
				continue;
			}
			// A line break (or the end of the text) ends the record.
			if (position < length) {
				if (text.charCodeAt(position) === CR) {
					if (position + 1 === length && !final) break; // CR LF split across chunks
					position += text.charCodeAt(position + 1) === LF ? 2 : 1;
				} else {
					position += 1;
				}
				line += 1;
			}
			if (fields.length > 1 || fields[0] !== '') records.push({ line: recordLine, fields });
			fields = [];
			recordStart = position;
			recordLine = line;
			if (position === length) break;
		}

		// Whatever did not complete a record waits for the next chunk, from the record's start.
		this.pending = text.slice(recordStart);
		this.line = recordLine;
		this.checkLength();
		return records;
	}

	private checkLength() {
		const limit = this.options.maxRecordLength ?? 1 << 20;
		if (this.pending.length > limit) {
			throw new CsvSyntaxError(
				`the record on line ${this.line} is longer than ${limit.toLocaleString('en')} characters (a stray quote?)`,
				this.line
			);
		}
	}
}
