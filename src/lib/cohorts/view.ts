/** What the cohort pages receive from the server: group figures only (types, no code). */

export interface ScaleHealth {
	/** Cronbach's α of the scale's items; null when it cannot be computed (no variance). */
	alpha: number | null;
	/** Respondents who answered every item of the scale (α uses only them). */
	respondents: number;
	/** Each item's corrected item-total correlation (with the sum of the other items). */
	items: { id: string; itemTotal: number | null }[];
}

export interface Spread {
	id: string;
	name: string;
	n: number;
	mean: number;
	sd: number;
}

export interface Aggregate {
	/** Responses that went into it. */
	n: number;
	/** Strategic × tactical levels, sorted (never in the order people finished). */
	points: { strategic: number; tactical: number }[];
	verdicts: { id: string; label: string; count: number }[];
	profiles: { id: string; label: string; count: number }[];
	scales: Spread[];
	facets: (Spread & { scale: string })[];
	/** From `HEALTH_PANEL_FROM` responses: Cronbach's α and item-total correlations per scale. */
	health: { scale: string; name: string; health: ScaleHealth }[] | null;
}
