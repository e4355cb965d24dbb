import { error } from '@sveltejs/kit';
import { cohortByCode } from '$lib/server/cohorts';
import { languageOf } from '$lib/i18n/languages';
import { questionnaire } from '$lib/server/content';
import { clientAddress, hit } from '$lib/server/rate-limit';

export async function load({ params, url, getClientAddress, setHeaders }) {
	const limited = await hit('join', clientAddress(getClientAddress));
	if (!limited.ok) {
		setHeaders({ 'retry-after': String(limited.retryAfter) });
		error(429, `Too many attempts: try again in ${limited.retryAfter} s.`);
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
		quiz: questionnaire(languageOf(url.pathname))
	};
}
