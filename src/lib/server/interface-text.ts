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
