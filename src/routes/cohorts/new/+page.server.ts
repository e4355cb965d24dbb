import { fail } from '@sveltejs/kit';
import { cohortsForSessions } from '$lib/server/cohort-sessions';
import { cohortDefaults, createCohort, parseCohortForm } from '$lib/server/cohorts';
import type { FacilitatorSessions } from '$lib/server/facilitator';
import { readForm } from '$lib/server/http';
import { fieldProblems, formRefusal, message, pageText } from '$lib/server/interface-text';
import { inLanguage, languages } from '$lib/i18n/languages';
import { clientAddress, hit } from '$lib/server/rate-limit';

/** The cohorts this browser facilitates: a new cohort may be a new run of one of them. */
async function facilitated(sessions: FacilitatorSessions) {
	const signedIn = await cohortsForSessions(sessions);
	return signedIn.filter(({ role }) => role === 'facilitator').map(({ cohort }) => cohort);
}

/**
 * `?after=<cohort id>` (the dashboard's "Run it again"): a new run of that cohort, its settings
 * filled in, when this browser facilitates it.
 */
export async function load({ locals, url }) {
	const runs = await facilitated(locals.facilitatorSessions);
	const after = runs.find((cohort) => cohort.id === url.searchParams.get('after'));
	return {
		defaults: after
			? {
					minGroupSize: after.minGroupSize,
					retentionDays: after.retentionDays,
					resultTiming: after.resultTiming,
					collectNames: after.collectNames,
					language: after.language
				}
			: { ...cohortDefaults, collectNames: false, language: locals.language },
		/** The languages a cohort can run in, each by its own name. */
		languages: languages.map(({ code, name }) => ({ code, name })),
		previousRuns: runs
			.map((cohort) => ({
				id: cohort.id,
				name: cohort.name,
				createdAt: cohort.createdAt.toISOString()
			}))
			.reverse(),
		after: after?.id ?? '',
		text: pageText('cohort_new', locals.language),
		/** The manual and the join page in the page's language. */
		methodPath: inLanguage('/method', locals.language),
		joinPath: inLanguage('/join', locals.language)
	};
}

export const actions = {
	default: async ({ request, getClientAddress, url, locals }) => {
		const limited = await hit('create', clientAddress(getClientAddress));
		if (!limited.ok) {
			return fail(429, {
				errors: {
					form: message('cohort_new_error_too_many', locals.language, {
						seconds: limited.retryAfter
					})
				}
			});
		}
		const body = await readForm(request);
		if (!body.ok)
			return fail(body.status, { errors: { form: formRefusal(locals.language, body) } });
		const { form } = body;
		const parsed = parseCohortForm(form);
		const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
		// Linking runs shows the earlier one's group figures beside this one's: only its facilitator may.
		if (parsed.ok && parsed.input.previousCohortId) {
			const runs = await facilitated(locals.facilitatorSessions);
			if (!runs.some((cohort) => cohort.id === parsed.input.previousCohortId)) {
				errors.previous =
					'must be a cohort you facilitate from this browser (open its facilitator link here first)';
			}
		}
		if (!parsed.ok || Object.keys(errors).length > 0) {
			return fail(400, {
				errors: fieldProblems(locals.language, errors),
				values: {
					name: String(form.get('name') ?? ''),
					collectNames: form.get('collectNames') === 'on',
					minGroupSize: String(form.get('minGroupSize') ?? ''),
					closesOn: String(form.get('closesOn') ?? ''),
					retentionDays: String(form.get('retentionDays') ?? ''),
					resultTiming: String(form.get('resultTiming') ?? ''),
					previous: String(form.get('previous') ?? ''),
					language: String(form.get('language') ?? '')
				}
			});
		}
		const created = await createCohort(parsed.input);
		return {
			created: {
				name: parsed.input.name,
				joinCode: created.joinCode,
				// The join page in the cohort's language.
				joinLink: url.origin + inLanguage(`/join/${created.joinCode}`, parsed.input.language),
				facilitatorLink: `${url.origin}/f/${created.token}`
			}
		};
	}
};
