import { fail, redirect } from '@sveltejs/kit';
import { inLanguage, languageOf } from '$lib/i18n/languages';
import { cohortByCode } from '$lib/server/cohorts';
import { readForm } from '$lib/server/http';
import { formRefusal, message, pageText } from '$lib/server/interface-text';
import { clientAddress, hit } from '$lib/server/rate-limit';

/** The form's words in the page's language. */
export const load = ({ locals }) => ({ text: pageText('join_form', locals.language) });

export const actions = {
	default: async ({ request, url, getClientAddress, locals }) => {
		const language = locals.language;
		const limited = await hit('join', clientAddress(getClientAddress));
		if (!limited.ok) {
			return fail(429, {
				code: '',
				errors: {
					code: message('join_form_error_too_many', language, { seconds: limited.retryAfter })
				}
			});
		}
		const body = await readForm(request);
		if (!body.ok)
			return fail(body.status, { code: '', errors: { code: formRefusal(language, body) } });
		const value = body.form.get('code');
		const code = typeof value === 'string' ? value.slice(0, 40) : '';
		if (code.trim() === '')
			return fail(400, { code, errors: { code: message('join_form_error_empty', language) } });
		const cohort = await cohortByCode(code);
		if (!cohort) {
			return fail(404, {
				code,
				errors: { code: message('join_form_error_unknown', language) }
			});
		}
		// The cohort's page in the language the person is using.
		redirect(303, inLanguage(`/join/${cohort.joinCode}`, languageOf(url.pathname)));
	}
};
