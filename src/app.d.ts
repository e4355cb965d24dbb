// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		// interface Error {}
		interface Locals {
			/** The facilitator session cookies sent with a request under `/cohorts` (cohort id → session). */
			facilitatorSessions: import('$lib/server/facilitator').FacilitatorSessions;
			/**
			 * The page's language: its address's (`/es/quiz`), or for pages with one address for every
			 * language (the facilitator's) the visitor's choice or browser's (`src/hooks.server.ts`).
			 */
			language: string;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
