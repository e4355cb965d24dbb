/**
 * Cohorts side by side: every cohort a browser is signed in to (one session cookie each) and the
 * earlier runs they follow on from, each shown exactly as its own dashboard shows it.
 *
 * Protecting individuals: each column is `cohortFigures` of that cohort alone, with the same
 * switch the dashboard offers, so the comparison shows nothing that its dashboards do not, each
 * under its own minimum group size. There is deliberately no pooled column: a pooled count less
 * a cohort's own would give away the other's withheld cells.
 */
import type { ComparedCohort } from '$lib/cohorts/view';
import { cohortFigures, scoredResponses } from './cohort-aggregates.ts';
import { cohortsForSessions, type Role } from './cohort-sessions.ts';
import { isOpen, previousRuns, type Cohort } from './cohorts.ts';

export type { ComparedCohort };

/** At most this many columns: beyond it, a table of cohorts side by side stops being readable. */
export const MAX_COMPARED = 8;

export interface Comparable {
	cohort: Cohort;
	role: Role;
	via: ComparedCohort['via'];
}

/**
 * The cohorts these sessions may compare, oldest first: each one a session opens, and the earlier
 * runs those follow on from (an earlier run takes the role of the cohort that links to it, the
 * facilitator's when any does).
 */
export async function comparableCohorts(
	sessions: Readonly<Record<string, string>>,
	now: number = Date.now()
): Promise<Comparable[]> {
	const signedIn = await cohortsForSessions(sessions, now);
	const found = new Map<string, Comparable>(
		signedIn.map(({ cohort, role }) => [cohort.id, { cohort, role, via: 'session' }])
	);
	for (const { cohort, role } of signedIn) {
		for (const earlier of await previousRuns(cohort)) {
			const known = found.get(earlier.id);
			if (known?.via === 'session' || known?.role === 'facilitator') continue;
			found.set(earlier.id, { cohort: earlier, role, via: 'previous-run' });
		}
	}
	return [...found.values()].sort(
		(a, b) => a.cohort.createdAt.getTime() - b.cohort.createdAt.getTime()
	);
}

/** Each chosen cohort's column, in the order given. */
export async function compareCohorts(
	chosen: readonly Comparable[],
	options: { includeFlagged?: boolean } = {}
): Promise<ComparedCohort[]> {
	const ids = new Set(chosen.map(({ cohort }) => cohort.id));
	return Promise.all(
		chosen.map(async ({ cohort, role, via }) => {
			const figures = cohortFigures(cohort, await scoredResponses(cohort.id), {
				includeFlagged: options.includeFlagged,
				individuals: false
			});
			const shown = figures.aggregate;
			// The map stays on the dashboard: a table of cohorts side by side carries counts and means.
			const aggregate: ComparedCohort['aggregate'] = shown && {
				n: shown.n,
				verdicts: shown.verdicts,
				profiles: shown.profiles,
				scales: shown.scales,
				facets: shown.facets,
				health: shown.health,
				withheld: shown.withheld
			};
			return {
				id: cohort.id,
				name: cohort.name,
				createdAt: cohort.createdAt.toISOString(),
				closedAt: cohort.closedAt?.toISOString() ?? null,
				open: isOpen(cohort),
				minGroupSize: cohort.minGroupSize,
				joinCode: via === 'session' ? cohort.joinCode : null,
				role,
				via,
				previousRunId:
					cohort.previousCohortId && ids.has(cohort.previousCohortId)
						? cohort.previousCohortId
						: null,
				total: figures.total,
				counted: figures.counted,
				withheld: figures.withheld,
				aggregate
			};
		})
	);
}

export type ComparisonRequest =
	| { ok: true; chosen: Comparable[]; includeFlagged: boolean; capped: boolean }
	| { ok: false; message: string };

/**
 * Reads what to compare from the address: `c` (repeated) names the cohorts, oldest first whatever
 * the order given; none names the most recent `MAX_COMPARED`. `flagged=include` counts the
 * responses with quality flags wherever a dashboard would offer that. A problem names its field.
 */
export function chooseCohorts(
	comparable: readonly Comparable[],
	query: URLSearchParams
): ComparisonRequest {
	const flagged = query.get('flagged');
	if (flagged !== null && flagged !== 'include' && flagged !== 'exclude') {
		return { ok: false, message: 'flagged: must be "include" or "exclude"' };
	}
	const wanted = query.getAll('c');
	if (wanted.length === 0) {
		return {
			ok: true,
			chosen: comparable.slice(-MAX_COMPARED),
			includeFlagged: flagged === 'include',
			capped: comparable.length > MAX_COMPARED
		};
	}
	const unique = new Set(wanted);
	if (unique.size > MAX_COMPARED) {
		return {
			ok: false,
			message: `c: choose at most ${MAX_COMPARED} cohorts (${unique.size} given)`
		};
	}
	// Unknown, malformed and not this browser's are one answer: it tells nothing about other ids.
	const unknown = [...unique].find((id) => !comparable.some(({ cohort }) => cohort.id === id));
	if (unknown !== undefined) {
		return {
			ok: false,
			message: `c: "${unknown.slice(0, 40)}" is not one of the cohorts this browser can see`
		};
	}
	return {
		ok: true,
		chosen: comparable.filter(({ cohort }) => unique.has(cohort.id)),
		includeFlagged: flagged === 'include',
		capped: false
	};
}
