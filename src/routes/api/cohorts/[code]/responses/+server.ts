import { json } from '@sveltejs/kit';
import { SUBMISSION_BODY_LIMIT } from '$lib/cohorts/submission';
import { notFound, problem, readJson, tooManyRequests } from '$lib/server/http';
import { clientAddress, hit } from '$lib/server/rate-limit';
import { submitResponse } from '$lib/server/responses';

/**
 * A participant's submission (JSON). 201 when stored, 200 when this key was stored before (a
 * retry), 400 naming each bad field (or a body that is not JSON, or was cut off), 404 for an
 * unknown code, 409 closed or another version, 413 too large, 415 not JSON, 429 too many from this
 * address.
 */
export async function POST({ params, request, getClientAddress }) {
	// Before the body: a client that leaves in the middle of it takes its address with it.
	const address = clientAddress(getClientAddress);
	const body = await readJson(request, SUBMISSION_BODY_LIMIT);
	if (!body.ok) {
		// Counted too: a flood of broken bodies is limited like any other.
		const limited = await hit('submit', address);
		return limited.ok ? body.response : tooManyRequests(limited.retryAfter);
	}
	// The hit is counted by submitResponse, in the same statement that stores the response.
	const result = await submitResponse(params.code, body.body, { address });
	switch (result.status) {
		case 429:
			return tooManyRequests(result.retryAfter);
		case 201:
		case 200:
			return json(
				{ id: result.id, stored: result.status === 201 ? 'new' : 'already' },
				{ status: result.status }
			);
		case 404:
			return notFound();
		default:
			return problem(result.status, result.message, 'errors' in result ? result.errors : undefined);
	}
}
