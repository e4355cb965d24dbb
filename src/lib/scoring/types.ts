import type {
	Explanation,
	FlagId,
	ProfileId,
	ScaleId,
	Source,
	VerdictId
} from '../content/types.ts';

export type { FlagId, ProfileId, ScaleId, VerdictId };

/**
 * A person's answers: question id → value. Agreement items take 1–5
 * (strongly disagree … strongly agree); scenarios take the 1-based number of
 * the chosen option. A question that is absent was skipped.
 */
export type Answers = Readonly<Record<string, number>>;

/** Seconds spent on each question, by question id (optional). */
export type Timings = Readonly<Record<string, number>>;

export interface ScaleScore {
	/** 0–100; null when nothing on the scale was answered. */
	score: number | null;
	answered: number;
	total: number;
	answeredShare: number;
}

export interface FacetScore {
	id: string;
	scale: ScaleId;
	name: string;
	/** 0–100; null when none of its items was answered. */
	score: number | null;
	answered: number;
	total: number;
}

export interface QualityFlag {
	id: FlagId;
	/** What was seen, in plain words ("31 of 36 answers were the same"). */
	detail: string;
}

/** Where an explanation sits in the result. */
export type ExplanationRole = 'verdict' | 'profile' | 'strength' | 'growth' | 'flag' | 'caveat';

/** An explanation with its citations resolved to the bibliography. */
export interface ResultExplanation {
	role: ExplanationRole;
	explanation: Explanation;
	/** Every source the explanation cites, in order of first citation. */
	sources: Source[];
}

export interface ScoreResult {
	instrument: { version: string; fingerprint: string };
	scales: Record<ScaleId, ScaleScore>;
	facets: FacetScore[];
	/** Strategic minus tactical, −100 (all project) … +100 (all product); null without a verdict. */
	position: number | null;
	/** The 90% band around the position, from the spread of the person's own answers. */
	band: { low: number; high: number } | null;
	/**
	 * How likely the lean has the sign the position shows (0.5 … 1), from the
	 * same spread: 0.5 is a coin toss, 0.99 is very sure.
	 */
	confidence: number | null;
	verdict: VerdictId | null;
	/** Why there is no verdict, when there is none. */
	noVerdictReason: string | null;
	/** Both scales high (hybrid) or both low (low-fit); null otherwise. */
	profile: ProfileId | null;
	flags: QualityFlag[];
	/** Facet ids, strongest first. */
	strengths: string[];
	/** Facet ids, weakest first. */
	growthAreas: string[];
	explanations: ResultExplanation[];
}
