import { error } from '@sveltejs/kit';
import { chooseCohorts, comparableCohorts, compareCohorts } from '$lib/server/cohort-comparison';
import { comparisonExport } from '$lib/server/comparison-export';

/**
 * `compare.csv` / `compare.json`: the comparison as the page shows it (same `c` and `flagged`),
 * for the cohorts this browser facilitates; a co-facilitator's cohorts stay out, as their
 * dashboards' exports do. 404 when none of those is chosen.
 */
export async function GET({ params, locals, url }) {
	if (params.format !== 'csv' && params.format !== 'json') {
		error(400, 'format: must be "csv" or "json"');
	}
	const comparable = await comparableCohorts(locals.facilitatorSessions);
	const request = chooseCohorts(comparable, url.searchParams);
	if (!request.ok) error(400, request.message);
	const chosen = request.chosen.filter(({ role }) => role === 'facilitator');
	if (chosen.length === 0) error(404, 'Not found');
	const columns = await compareCohorts(chosen, { includeFlagged: request.includeFlagged });
	const file = comparisonExport(columns, params.format, { includeFlagged: request.includeFlagged });
	return new Response(file.body, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.filename}"`,
			'cache-control': 'no-store'
		}
	});
}
