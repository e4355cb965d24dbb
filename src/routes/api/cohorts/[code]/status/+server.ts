import { json } from '@sveltejs/kit';
import type { RevealStatus } from '$lib/cohorts/reveal';
import { cohortByCode } from '$lib/server/cohorts';
import { notFound } from '$lib/server/http';

/**
 * Whether a cohort's participants may see their own result now (`{ revealed }`, nothing else:
 * no counts, no name), for the end screen that waits for the facilitator's reveal. An unknown or
 * malformed code gets the same 404 as the submission endpoint's. Not rate-limited: a room of
 * participants behind one address polls it every few seconds, and it reads one indexed row.
 */
export async function GET({ params }) {
	const cohort = await cohortByCode(params.code);
	if (!cohort) return notFound();
	return json({ revealed: cohort.revealed } satisfies RevealStatus, {
		headers: { 'cache-control': 'no-store' }
	});
}
