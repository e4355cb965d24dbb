import { error } from '@sveltejs/kit';
import { cohortByCode } from '$lib/server/cohorts';
import { languageOf } from '$lib/i18n/languages';
import { questionnaire } from '$lib/server/content';
import { message, pageText } from '$lib/server/interface-text';
import { clientAddress, hit } from '$lib/server/rate-limit';

export async function load({ params, url, getClientAddress, setHeaders, locals }) {
	const limited = await hit('join', clientAddress(getClientAddress));
	if (!limited.ok) {
		setHeaders({ 'retry-after': String(limited.retryAfter) });
		const seconds = limited.retryAfter;
		error(429, message('join_form_error_too_many', locals.language, { seconds }));
	}
	const cohort = await cohortByCode(params.code);
	if (!cohort) error(404, 'Not found');
	return {
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
		text: pageText('join_cohort', locals.language)
	};
}
