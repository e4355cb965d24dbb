import type { HealthReading } from './health.ts';

/**
 * What the cohort pages receive from the server: group figures only (types, no code). A figure
 * the server withholds to protect a small group is `null` (see `src/lib/server/cohort-disclosure.ts`).
 */

export interface ScaleHealth {
	/** Cronbach's α of the scale's items; null when it cannot be computed (no variance). */
	alpha: number | null;
	/** Its 95% confidence interval (Feldt); null with α. */
	interval: { lower: number; upper: number } | null;
	/** Respondents who answered every item of the scale (α uses only them). */
	respondents: number;
	/** Each item's corrected item-total correlation (with the sum of the other items). */
	items: { id: string; itemTotal: number | null }[];
}

/** A scale's health as the dashboard shows it: rounded to two decimals, statements with text. */
export interface ScaleHealthShown {
	scale: string;
	name: string;
	/** Null when its count of complete responses is withheld. */
	health:
		| (Omit<ScaleHealth, 'items'> & {
				items: { id: string; text: string; itemTotal: number | null }[];
		  })
		| null;
	/** What α and its interval say, decided on the rounded figures; null with `health`. */
	reading: HealthReading | null;
}

/** One cell of a count table; `count` is null when it is withheld. */
export interface Count {
	id: string;
	label: string;
	count: number | null;
}

/** A mean and spread; `n`, `mean` and `sd` are null when they are withheld. */
export interface Spread {
	id: string;
	name: string;
	n: number | null;
	mean: number | null;
	sd: number | null;
}

export interface Aggregate {
	/** Responses that went into it. */
	n: number;
	/**
	 * Strategic × tactical levels, sorted (never in the order people finished); null when the dots
	 * would show a count that is withheld.
	 */
	points: { strategic: number; tactical: number }[] | null;
	/** How many responses sit in each quarter of the map (levels split at `split`). */
	quarters: { split: number; cells: Count[] };
	verdicts: Count[];
	/** The kinds of in between (a breakdown of the in-between verdict). */
	profiles: Count[];
	scales: Spread[];
	facets: (Spread & { scale: string })[];
	/**
	 * From `HEALTH_PANEL_FROM` responses: Cronbach's α and item-total correlations per scale
	 * (null for a scale whose count of complete responses is withheld).
	 */
	health: ScaleHealthShown[] | null;
	/** Whether any figure above is withheld. */
	withheld: boolean;
}

/** One cohort's column in the comparison: what its own dashboard shows, without the map. */
export interface ComparedCohort {
	id: string;
	name: string;
	createdAt: string;
	closedAt: string | null;
	open: boolean;
	minGroupSize: number;
	/** The join code; null for an earlier run seen only through the cohort that follows it. */
	joinCode: string | null;
	/**
	 * How this browser may see it: signed in as its facilitator or co-facilitator, or as an earlier
	 * run of a cohort it is signed in to (then the role is that cohort's).
	 */
	role: 'facilitator' | 'viewer';
	via: 'session' | 'previous-run';
	/** The earlier run it follows on from, when that run can be compared too. */
	previousRunId: string | null;
	/** Every stored response (always shown). */
	total: number;
	/** The group the figures count, or null while they are withheld. */
	counted: 'all' | 'unflagged' | null;
	/** Why the figures are withheld; null when they are shown. */
	withheld: string | null;
	aggregate: Omit<Aggregate, 'points' | 'quarters'> | null;
}

/** The words of a group's results (GroupResults, CohortMap), from `pageText('group', …)`. */
export type GroupText = import('$lib/server/interface-text').PageText<'group'>;

/** The words of the compare page and its table, from `pageText('compare', …)`. */
export type CompareText = import('$lib/server/interface-text').PageText<'compare'>;
