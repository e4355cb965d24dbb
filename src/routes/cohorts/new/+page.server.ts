import { fail } from '@sveltejs/kit';
import { cohortDefaults, createCohort, parseCohortForm } from '$lib/server/cohorts';
import { readForm } from '$lib/server/http';
import { clientAddress, hit } from '$lib/server/rate-limit';

export const load = () => ({ defaults: cohortDefaults });

export const actions = {
	default: async ({ request, getClientAddress, url }) => {
		const limited = await hit('create', clientAddress(getClientAddress));
		if (!limited.ok) {
			return fail(429, {
				errors: {
					form: `Too many cohorts created from here: try again in ${limited.retryAfter} s.`
				}
			});
		}
		const body = await readForm(request);
		if (!body.ok) return fail(body.status, { errors: { form: body.message } });
		const { form } = body;
		const parsed = parseCohortForm(form);
		if (!parsed.ok) {
			return fail(400, {
				errors: parsed.errors,
				values: {
					name: String(form.get('name') ?? ''),
					collectNames: form.get('collectNames') === 'on',
					minGroupSize: String(form.get('minGroupSize') ?? ''),
					closesOn: String(form.get('closesOn') ?? ''),
					retentionDays: String(form.get('retentionDays') ?? ''),
					resultTiming: String(form.get('resultTiming') ?? '')
				}
			});
		}
		const created = await createCohort(parsed.input);
		return {
			created: {
				name: parsed.input.name,
				joinCode: created.joinCode,
				joinLink: `${url.origin}/join/${created.joinCode}`,
				facilitatorLink: `${url.origin}/f/${created.token}`
			}
		};
	}
};
