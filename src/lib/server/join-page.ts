/**
 * What a cohort's join page loads, framed or not (`/join/<code>`, `/embed/join/<code>`): the
 * cohort as participants see it, the quiz in the page's language and the page's words, after the
 * per-address limit on joining (`data`), and who may show it in a frame (`embedOrigins`, its
 * facilitator's list, for `/embed/join` alone). Null for a code no cohort has.
 */
import { error } from '@sveltejs/kit';
import { languageOf } from '$lib/i18n/languages';
import { cohortByCode } from './cohorts.ts';
import { questionnaire } from './content.ts';
import { message, pageText } from './interface-text.ts';
import { clientAddress, hit } from './rate-limit.ts';

/** What of a join page's load event this needs (`/join/<code>` and `/embed/join/<code>` alike). */
export interface JoinRequest {
	params: { code: string };
	url: URL;
	locals: App.Locals;
	getClientAddress: () => string;
	setHeaders: (headers: Record<string, string>) => void;
}

export async function joinPage({ params, url, locals, getClientAddress, setHeaders }: JoinRequest) {
	const { language } = locals;
	const limited = await hit('join', clientAddress(getClientAddress));
	if (!limited.ok) {
		setHeaders({ 'retry-after': String(limited.retryAfter) });
		const seconds = limited.retryAfter;
		error(429, message('join_form_error_too_many', language, { seconds }));
	}
	const cohort = await cohortByCode(params.code);
	if (!cohort) return null;
	const data = {
		cohort: {
			joinCode: cohort.joinCode,
			name: cohort.name,
			collectNames: cohort.collectNames,
			retentionDays: cohort.retentionDays,
			minGroupSize: cohort.minGroupSize,
			open: cohort.open,
			resultsOnReveal: cohort.resultsOnReveal,
			revealed: cohort.revealed
		},
		quiz: questionnaire(languageOf(url.pathname)),
		text: pageText('join_cohort', language)
	};
	return { data, embedOrigins: cohort.embedOrigins };
}
