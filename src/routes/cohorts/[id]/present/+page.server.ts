import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { presentView } from '$lib/server/cohort-aggregates';
import { presentIn } from '$lib/server/cohort-words';
import { requireViewer } from '$lib/server/facilitator';
import { message, pageText } from '$lib/server/interface-text';

const query = z.object({ flagged: z.enum(['include', 'exclude']).optional() });

/**
 * The projector view: group figures only, reloaded by the page every few seconds. Flagged
 * responses are left out unless the dashboard's switch passed `?flagged=include` along. Open to
 * the read-only co-facilitator too.
 */
export async function load({ params, locals, url }) {
	const { cohort } = await requireViewer(params.id, locals.facilitatorSessions);
	const parsed = query.safeParse({ flagged: url.searchParams.get('flagged') ?? undefined });
	if (!parsed.success) error(400, message('dashboard_error_flagged', locals.language));
	return {
		present: presentIn(
			await presentView(cohort, parsed.data.flagged === 'include'),
			locals.language
		),
		text: pageText('present', locals.language),
		group: pageText('group', locals.language)
	};
}
