// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		// interface Error {}
		interface Locals {
			/** The facilitator session cookies sent with a request under `/cohorts` (cohort id → session). */
			facilitatorSessions: import('$lib/server/facilitator').FacilitatorSessions;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
