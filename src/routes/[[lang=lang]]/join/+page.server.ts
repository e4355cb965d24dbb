import { fail, redirect } from '@sveltejs/kit';
import { inLanguage, languageOf } from '$lib/i18n/languages';
import { cohortByCode } from '$lib/server/cohorts';
import { readForm } from '$lib/server/http';
import { clientAddress, hit } from '$lib/server/rate-limit';

export const actions = {
	default: async ({ request, url, getClientAddress }) => {
		const limited = await hit('join', clientAddress(getClientAddress));
		if (!limited.ok) {
			return fail(429, {
				code: '',
				errors: { code: `Too many attempts: try again in ${limited.retryAfter} s.` }
			});
		}
		const body = await readForm(request);
		if (!body.ok) return fail(body.status, { code: '', errors: { code: body.message } });
		const value = body.form.get('code');
		const code = typeof value === 'string' ? value.slice(0, 40) : '';
		if (code.trim() === '')
			return fail(400, { code, errors: { code: 'Enter the code you were given' } });
		const cohort = await cohortByCode(code);
		if (!cohort) {
			return fail(404, {
				code,
				errors: { code: 'No cohort has this code: check it and try again' }
			});
		}
		// The cohort's page in the language the person is using.
		redirect(303, inLanguage(`/join/${cohort.joinCode}`, languageOf(url.pathname)));
	}
};
