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
			/**
			 * The origins that may show this page in a frame, set by an embed page's load
			 * (`$lib/server/embed`); unset everywhere else, which no one may frame.
			 */
			frameAncestors?: string[];
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
