import { error } from '@sveltejs/kit';
import {
	chooseCohorts,
	comparableCohorts,
	compareCohorts,
	MAX_COMPARED
} from '$lib/server/cohort-comparison';
import { HEALTH_PANEL_FROM } from '$lib/server/cohort-aggregates';
import { columnsIn } from '$lib/server/cohort-words';
import { contentIn } from '$lib/server/content';
import { pageText } from '$lib/server/interface-text';

/**
 * The cohorts this browser is signed in to, and the earlier runs they follow on from, side by
 * side. Nobody signed in sees an empty list (never a 404: the page itself holds no secret).
 */
export async function load({ locals, url }) {
	const comparable = await comparableCohorts(locals.facilitatorSessions);
	const request = chooseCohorts(comparable, url.searchParams);
	if (!request.ok) error(400, request.message);
	const columns = await compareCohorts(request.chosen, { includeFlagged: request.includeFlagged });
	return {
		cohorts: comparable.map(({ cohort, role, via }) => ({
			id: cohort.id,
			name: cohort.name,
			createdAt: cohort.createdAt.toISOString(),
			role,
			via,
			chosen: request.chosen.some((chosen) => chosen.cohort.id === cohort.id)
		})),
		columns: columnsIn(columns, locals.language),
		includeFlagged: request.includeFlagged,
		capped: request.capped,
		maxCompared: MAX_COMPARED,
		healthFrom: HEALTH_PANEL_FROM,
		notice: contentIn(locals.language).instrument.wording.notForSelection,
		text: pageText('compare', locals.language)
	};
}
