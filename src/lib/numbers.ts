/** Number formatting shared by the content rules and the scoring engine. */

/**
 * Rounds to a whole number, halves away from zero, so that −x always rounds to
 * −round(x) (Math.round sends −2.5 to −2 but 2.5 to 3). Every number a person
 * sees is rounded by this, and every decision reads the rounded number.
 */
export function roundHalfAway(value: number): number {
	const rounded = Math.round(Math.abs(value));
	// 0 − x, not −x: a rounded −0.4 is 0, never −0.
	return value < 0 ? 0 - rounded : rounded;
}

/**
 * Rounds a level (0–100) to a whole number, halves away from the middle (50),
 * so that a mirror-image answer set (every level x becoming 100 − x) shows
 * mirror-image numbers: 41.5 → 41 and 58.5 → 59, never 42 beside 59.
 */
export function roundLevel(value: number): number {
	return 50 + roundHalfAway(value - 50);
}

/**
 * The locale numbers are written in for a language: its own conventions, Latin digits.
 *
 * Latin digits (0–9) are CLDR's default for Arabic (`ar`) since CLDR 42; some regions
 * (`ar-EG`, `ar-SA`, …) default to Arabic-Indic digits (٠–٩), but RoleFit's Arabic is not tied
 * to a region. The numbering system is pinned rather than left to the ICU at hand, so that the
 * prerendered page (Node's ICU), the browser that takes it over (whose ICU may predate CLDR 42)
 * and the translated sentences (which write "−100" and "+100" in Latin digits) all agree.
 */
export function numberLocale(language: string): string {
	return `${language}-u-nu-latn`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** One formatter per language and sign style, made once (making one is slow). */
function formatter(language: string, signed: boolean): Intl.NumberFormat {
	const key = `${language}:${signed}`;
	let format = formatters.get(key);
	if (!format) {
		format = new Intl.NumberFormat(numberLocale(language), {
			maximumFractionDigits: 0,
			signDisplay: signed ? 'exceptZero' : 'auto'
		});
		formatters.set(key, format);
	}
	return format;
}

/**
 * Makes `language`'s number formats now. A page's first number format loads the browser's locale
 * data: 12–30 ms on a laptop (measured in Chromium), four times that on a slow phone. A page about
 * to show many numbers at once (the results) calls this in a task of its own, so that the loading
 * does not lengthen the task that draws them into one the phone is stuck in.
 */
export function prepareNumberFormats(language: string): void {
	formatter(language, false);
	formatter(language, true);
}

/**
 * Joins formatted parts with a true minus sign (U+2212, read as "minus" by screen readers) for
 * the hyphen Intl writes. The bidi marks a language puts around its signs (Arabic's U+200E) stay,
 * so that "−12" keeps its sign on the left of its digits in right-to-left text.
 */
function joinParts(parts: readonly Intl.NumberFormatPart[]): string {
	return parts
		.map((part) => (part.type === 'minusSign' ? part.value.replace('-', '\u2212') : part.value))
		.join('');
}

/**
 * A whole number as shown in `language`: 72, −12. The value is rounded first with
 * `roundHalfAway`, the rounding every decision reads (STYLE 18): scores arrive already rounded,
 * and this never rounds them a second, different way.
 */
export function formatWhole(value: number, language: string): string {
	return joinParts(formatter(language, false).formatToParts(roundHalfAway(value)));
}

/** A signed whole number, as a position is shown: +31, −12, and 0 without a sign. */
export function formatSigned(value: number, language: string): string {
	return joinParts(formatter(language, true).formatToParts(roundHalfAway(value)));
}

/**
 * A range of whole numbers in `language`'s own way ("64–80"; signed: "−12 – +31"), with
 * `Intl.NumberFormat.prototype.formatRange` where the browser has it and an en dash otherwise.
 * A range whose ends round to one number shows that number (Intl would write "~64").
 */
export function formatWholeRange(
	low: number,
	high: number,
	language: string,
	{ signed = false }: { signed?: boolean } = {}
): string {
	const [from, to] = [roundHalfAway(low), roundHalfAway(high)];
	const show = signed ? formatSigned : formatWhole;
	if (from === to) return show(from, language);
	const format = formatter(language, signed);
	if (typeof format.formatRangeToParts !== 'function') {
		return `${show(from, language)}\u2013${show(to, language)}`;
	}
	return joinParts(format.formatRangeToParts(from, to));
}
