/**
 * The interface's words in a page's language, from Paraglide's compiled messages
 * (`content/messages/<code>.json`). Only the server calls the message functions: a page gets its
 * own language's words as data (JSON in the prerendered HTML), so the browser downloads no
 * message code and no other language's words.
 */
import { m } from '$lib/paraglide/messages.js';
import { locales } from '$lib/paraglide/runtime.js';
import { ORIGIN_PROBLEMS, type OriginProblem } from '$lib/embed/origins';
import { BASE_LANGUAGE } from '$lib/i18n/languages';

type Locale = (typeof locales)[number];

/** A language code Paraglide knows, or the base language. */
const localeOf = (code: string): Locale =>
	(locales as readonly string[]).includes(code) ? (code as Locale) : (BASE_LANGUAGE as Locale);

/** The site frame's words: skip link, navigation, footer, the draft notice. */
export function layoutText(code: string) {
	const locale = { locale: localeOf(code) };
	return {
		skipLink: m.layout_skip_link({}, locale),
		navLabel: m.layout_nav_label({}, locale),
		navQuiz: m.layout_nav_quiz({}, locale),
		navSources: m.layout_nav_sources({}, locale),
		languagesLabel: m.layout_languages_label({}, locale),
		footer: m.layout_footer({}, locale),
		footerSources: m.layout_footer_sources({}, locale),
		notReviewed: m.layout_not_reviewed({}, locale)
	};
}

/** The start page's words, with its figures filled in. */
export function startText(
	code: string,
	facts: { minutes: number; questions: number; statements: number; scenarios: number }
) {
	const locale = { locale: localeOf(code) };
	const { minutes, questions, statements, scenarios } = facts;
	return {
		title: m.start_title({}, locale),
		description: m.start_description({ minutes }, locale),
		heading: m.start_heading({}, locale),
		lead: m.start_lead({}, locale),
		continue: m.start_continue({}, locale),
		/** `{position}` and `{total}` are filled in the browser (the saved quiz is only there). */
		position: m.start_position({ position: '{position}', total: '{total}' }, locale),
		seeResult: m.start_see_result({}, locale),
		takeAgain: m.start_take_again({}, locale),
		start: m.start_start({}, locale),
		length: m.start_length({ questions, minutes }, locale),
		measuresHeading: m.start_measures_heading({}, locale),
		howHeading: m.start_how_heading({}, locale),
		howQuestions: m.start_how_questions({ statements, scenarios }, locale),
		howScreens: m.start_how_screens({}, locale),
		howPrivateStrong: m.start_how_private_strong({}, locale),
		howPrivate: m.start_how_private({}, locale),
		howResume: m.start_how_resume({}, locale),
		notHeading: m.start_not_heading({}, locale),
		not: m.start_not({ questions }, locale),
		notLink: m.start_not_link({}, locale),
		groupsHeading: m.start_groups_heading({}, locale),
		groupsTaking: m.start_groups_taking({}, locale),
		groupsJoin: m.start_groups_join({}, locale),
		groupsRunning: m.start_groups_running({}, locale),
		groupsCreate: m.start_groups_create({}, locale),
		groupsWhat: m.start_groups_what({}, locale)
	};
}

/** The sources page's words, with the instrument's thresholds filled in. */
export function sourcesText(
	code: string,
	thresholds: {
		directionAtLeast: number;
		hybridAtLeast: number;
		lowFitAtMost: number;
		straightLiningShare: number;
		rushingMedianSeconds: number;
		contradictedPairsAtLeast: number;
		contradictionGap: number;
		minAnsweredShare: number;
	},
	version: string
) {
	const locale = { locale: localeOf(code) };
	const percent = (share: number) => Math.round(share * 100);
	return {
		title: m.sources_title({}, locale),
		description: m.sources_description({}, locale),
		heading: m.sources_heading({}, locale),
		intro: m.sources_intro({}, locale),
		bibliography: m.sources_bibliography({}, locale),
		/** Only where the page is not in English, the articles' language. */
		articlesNote: code === BASE_LANGUAGE ? null : m.sources_articles_note({}, locale),
		methodReferences: m.sources_method_references({}, locale),
		methodIntro: m.sources_method_intro({}, locale),
		manualLink: m.sources_manual_link({}, locale),
		scalesHeading: m.sources_scales_heading({}, locale),
		numbersHeading: m.sources_numbers_heading({}, locale),
		rules: [
			m.sources_rule_direction({ direction: thresholds.directionAtLeast }, locale),
			m.sources_rule_profiles(
				{ hybrid: thresholds.hybridAtLeast, lowFit: thresholds.lowFitAtMost },
				locale
			),
			m.sources_rule_flags(
				{
					straightLining: percent(thresholds.straightLiningShare),
					rushing: thresholds.rushingMedianSeconds,
					pairs: thresholds.contradictedPairsAtLeast,
					gap: thresholds.contradictionGap,
					minAnswered: percent(thresholds.minAnsweredShare)
				},
				locale
			)
		],
		version: m.version_line({ version }, locale)
	};
}

/** The manual page's words; `heading` is its translated safe-use section's, if any. */
export function methodText(code: string, version: string, heading: string | null) {
	const locale = { locale: localeOf(code) };
	return {
		title: m.method_title({}, locale),
		description: m.method_description({}, locale),
		version: m.version_line({ version }, locale),
		restInEnglish: heading === null ? null : m.method_rest_in_english({ heading }, locale)
	};
}

/** `join_cohort_title` without `join_cohort_`, camel-cased: `title`. */
type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
	? `${Head}${Capitalize<CamelCase<Tail>>}`
	: S;

/** The words of the messages whose keys start with `<prefix>_`, by the rest of the key. */
export type PageText<Prefix extends string> = {
	[
		Key in keyof typeof m as Key extends `${Prefix}_${infer Rest}` ? CamelCase<Rest> : never
	]: string;
};

/** Every input a message asks for answers its own name as a placeholder: `{name}`. */
const placeholders = new Proxy({} as Record<string, string>, {
	get: (_, name) => (typeof name === 'string' ? `{${name}}` : undefined)
});

const camelCase = (key: string) =>
	key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * A page's words: every message whose key starts with `<prefix>_` (`join_cohort`: the join page's),
 * in the page's language, by the rest of its key camel-cased (`join_cohort_stored_heading`:
 * `storedHeading`). Placeholders are left as `{name}` for the page to fill (`fill` from
 * `$lib/content/template`), so one set of words serves whatever the page shows.
 */
export function pageText<Prefix extends string>(prefix: Prefix, code: string): PageText<Prefix> {
	const locale = { locale: localeOf(code) };
	const text: Record<string, string> = {};
	for (const [key, message] of Object.entries(m)) {
		if (!key.startsWith(`${prefix}_`)) continue;
		const call = message as (inputs: Record<string, string>, options: typeof locale) => string;
		text[camelCase(key.slice(prefix.length + 1))] = call(placeholders, locale);
	}
	return text as PageText<Prefix>;
}

/** The message with key `key` in the language `code`, its placeholders filled from `inputs`. */
export function message(
	key: keyof typeof m,
	code: string,
	inputs: Record<string, string | number> = {}
): string {
	const call = m[key] as (inputs: Record<string, string | number>, options: object) => string;
	return call(inputs, { locale: localeOf(code) });
}

/**
 * Why a form was refused (`readForm`), in the page's language. English keeps the reader's own
 * words; the others say it by status.
 */
export function formRefusal(code: string, refused: { status: number; message: string }): string {
	if (localeOf(code) === BASE_LANGUAGE) return refused.message;
	if (refused.status === 415) return message('form_refused_type', code);
	if (refused.status === 413) {
		const limit = /(\d+) bytes/.exec(refused.message)?.[1] ?? '';
		return message('form_too_large', code, { limit });
	}
	return message('form_unreadable', code);
}

/** A pattern matching exactly this text. */
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** An embed origin's problem (`setEmbedOrigins`), read from the parser's own wording. */
const originPattern = (problem: OriginProblem) => new RegExp(`^"(.+)" ${literally(problem)}$`);

/**
 * A cohort form field's problem, as `src/lib/server/cohorts.ts` words it (in English), in the
 * page's language. The field names stay; only the words change. A problem worded in a way this
 * list does not know reads "is not valid" rather than staying in English.
 */
const fieldPatterns: [RegExp, keyof typeof m, string[]][] = [
	[/^must be a whole number$/, 'cohort_field_whole_number', []],
	[/^must be at least (\d+) days?$/, 'cohort_field_days_at_least', ['min']],
	[/^must be at most (\d+) days?$/, 'cohort_field_days_at_most', ['max']],
	[/^must be at least (\d+)$/, 'cohort_field_at_least', ['min']],
	[/^must be at most (\d+)$/, 'cohort_field_at_most', ['max']],
	[/^is required$/, 'cohort_field_required', []],
	[/^Give the cohort a name$/, 'cohort_field_name_empty', []],
	[/^Use at most (\d+) characters$/, 'cohort_field_name_long', ['max']],
	[/^must be a checkbox$/, 'cohort_field_checkbox', []],
	[/^must be a date \(YYYY-MM-DD\)$/, 'cohort_field_date_format', []],
	[/^is not a date$/, 'cohort_field_not_date', []],
	[/^must be in the future$/, 'cohort_field_future', []],
	[/^must be one of /, 'cohort_field_timing', []],
	[/^must be a cohort id$/, 'cohort_field_cohort_id', []],
	[/^must be a cohort you facilitate/, 'cohort_field_previous', []],
	[/^can be raised but not lowered .*\(it is (.+)\)$/, 'cohort_field_not_lowered', ['current']],
	[originPattern(ORIGIN_PROBLEMS.notAnOrigin), 'cohort_field_origin_not_origin', ['entry']],
	[originPattern(ORIGIN_PROBLEMS.scheme), 'cohort_field_origin_scheme', ['entry']],
	[originPattern(ORIGIN_PROBLEMS.path), 'cohort_field_origin_path', ['entry']],
	[originPattern(ORIGIN_PROBLEMS.credentials), 'cohort_field_origin_credentials', ['entry']],
	[originPattern(ORIGIN_PROBLEMS.wildcard), 'cohort_field_origin_wildcard', ['entry']],
	[
		/^must list at most (\d+) origins \("(.+)" is one too many\)$/,
		'cohort_field_origins_too_many',
		['max', 'entry']
	]
];

export function fieldProblem(code: string, problem: string): string {
	if (localeOf(code) === BASE_LANGUAGE) return problem;
	for (const [pattern, key, names] of fieldPatterns) {
		const match = pattern.exec(problem);
		if (match) {
			return message(key, code, Object.fromEntries(names.map((name, i) => [name, match[i + 1]!])));
		}
	}
	return message('cohort_field_invalid', code);
}

/** Every field's problem in the page's language (`fieldProblem`). */
export const fieldProblems = (code: string, errors: Record<string, string>) =>
	Object.fromEntries(
		Object.entries(errors).map(([field, problem]) => [field, fieldProblem(code, problem)])
	);
