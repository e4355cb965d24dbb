import type { Handle, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { database } from '$lib/server/db';
import { FACILITATOR_COOKIE } from '$lib/server/facilitator';
import { startHousekeeping } from '$lib/server/lifecycle';

/**
 * Start-up: open the database (applying pending migrations) and run the retention sweep, then
 * hourly. Not while building: prerendering needs no database.
 */
export const init: ServerInit = async () => {
	if (building) return;
	await database();
	await startHousekeeping();
};

/** Fills `locals` with the facilitator session cookie of the cohort being visited, if any. */
export const handle: Handle = async ({ event, resolve }) => {
	event.locals.facilitatorSession = event.cookies.get(FACILITATOR_COOKIE);
	return resolve(event);
};
