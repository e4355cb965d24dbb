/**
 * The interface's words in a page's language, from Paraglide's compiled messages
 * (`content/messages/<code>.json`). Only the server calls the message functions: a page gets its
 * own language's words as data (JSON in the prerendered HTML), so the browser downloads no
 * message code and no other language's words.
 */
import { m } from '$lib/paraglide/messages.js';
import { locales } from '$lib/paraglide/runtime.js';
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
