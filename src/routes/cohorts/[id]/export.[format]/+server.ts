import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { exportCohort } from '$lib/server/cohort-exports';
import { requireCohort } from '$lib/server/facilitator';

const input = z.object({
	format: z.enum(['csv', 'json']),
	raw: z.enum(['0', '1']).optional()
});

/** `export.csv` / `export.json`, `?raw=1` adds the raw answers. Facilitators only. */
export async function GET({ params, locals, url }) {
	const cohort = await requireCohort(params.id, locals.facilitatorSessions);
	const parsed = input.safeParse({
		format: params.format,
		raw: url.searchParams.get('raw') ?? undefined
	});
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		error(400, `${issue.path.join('.')}: ${issue.message}`);
	}
	const result = await exportCohort(cohort, parsed.data.format, { raw: parsed.data.raw === '1' });
	if (!result.ok) error(409, result.message);
	return new Response(result.body, {
		headers: {
			'content-type': result.contentType,
			'content-disposition': `attachment; filename="${result.filename}"`,
			'cache-control': 'no-store'
		}
	});
}
