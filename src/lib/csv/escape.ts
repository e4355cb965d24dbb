/**
 * Writing CSV that is safe to open in a spreadsheet. Pure: no Node imports,
 * so the batch CLI, a server export and a browser download can share it.
 *
 * Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that
 * starts with `=`, `+`, `-` or `@` as a formula (tab and carriage return can
 * hide such a start), so a respondent id like `=HYPERLINK("http://…")` would
 * become a live link. Every text cell that starts with one of those
 * characters is prefixed with a single quote, which spreadsheets show as
 * text, and quoted.
 *
 * Numbers we format ourselves are not text from anyone: they are written as
 * they are, so `-12` stays a number a spreadsheet can sort and sum. Pass
 * anything that came from outside (ids, names, free text) as a string.
 */

/** The characters OWASP lists as able to start a formula. */
const formulaStart = /^[=+\-@\t\r]/;

/** Needs RFC 4180 quotes: a separator, a quote or a line break. */
const needsQuotes = /[",;\r\n]/;

/**
 * One CSV cell of text, made safe: a formula-like start gets a leading `'`
 * and quotes; a separator, quote or line break gets quotes (RFC 4180, with
 * quotes doubled). Anything else is returned unchanged.
 */
export function csvText(value: string): string {
	if (formulaStart.test(value)) return `"'${value.replace(/"/g, '""')}"`;
	return needsQuotes.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A cell we write ourselves: a number as is, null as an empty cell, text through `csvText`. */
export function csvCell(value: string | number | null): string {
	if (value === null) return '';
	return typeof value === 'number' ? String(value) : csvText(value);
}

/** One CSV line (without its line break) from cells. */
export function csvLine(cells: readonly (string | number | null)[]): string {
	let line = '';
	for (let index = 0; index < cells.length; index += 1) {
		if (index > 0) line += ',';
		line += csvCell(cells[index]!);
	}
	return line;
}
