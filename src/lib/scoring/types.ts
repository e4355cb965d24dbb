import type {
	Explanation,
	MethodReference,
	FirmnessId,
	FlagId,
	LeanId,
	ProfileId,
	ScaleId,
	Source,
	VerdictId
} from '../content/types.ts';

export type { FirmnessId, FlagId, LeanId, ProfileId, ScaleId, VerdictId };

/**
 * A person's answers: question id → value. Agreement items take 1–5
 * (strongly disagree … strongly agree); scenarios take the 1-based number of
 * the chosen option. A question that is absent was skipped.
 */
export type Answers = Readonly<Record<string, number>>;

/** Seconds spent on each question, by question id (optional). */
export type Timings = Readonly<Record<string, number>>;

/** A range of likely values around a score, in whole points. */
export interface Band {
	low: number;
	high: number;
}

export interface ScaleScore {
	/** The level, a whole number 0–100; null when nothing on the scale was answered. */
	score: number | null;
	/**
	 * How precisely this sitting's answers place the level, under the assumed
	 * reliability (whole points, 0–100); not a forecast of a retake.
	 */
	band: Band | null;
	/** Questions answered on the scale (statements and scenarios). */
	answered: number;
	/** Questions on the scale (statements and scenarios). */
	total: number;
	/** The share of the scale's statements answered (a result needs `minAnsweredShare`). */
	answeredShare: number;
}

export interface FacetScore {
	id: string;
	scale: ScaleId;
	name: string;
	/** A whole number 0–100; null when none of its items was answered. */
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
export type ExplanationRole =
	'verdict' | 'profile' | 'lean' | 'strength' | 'growth' | 'flag' | 'caveat';

/** An explanation with its citations resolved to the bibliography. */
export interface ResultExplanation {
	role: ExplanationRole;
	explanation: Explanation;
	/** Every source the explanation cites, in order of first citation. */
	sources: Source[];
	/** Every method reference it cites, in order of first citation. */
	references: MethodReference[];
}

export interface ScoreResult {
	instrument: { version: string; fingerprint: string };
	scales: Record<ScaleId, ScaleScore>;
	facets: FacetScore[];
	/**
	 * Strategic level minus tactical level (both rounded), −100 (all project) …
	 * +100 (all product); null without a verdict.
	 */
	position: number | null;
	/** The band around the position, in whole points; null without a verdict. */
	band: Band | null;
	/** The standard error of the position in points, before rounding (the band's half-width ÷ z). */
	standardError: number | null;
	/** `product`, `in-between` or `project`; null when too few questions were answered. */
	verdict: VerdictId | null;
	/**
	 * The side the band lies wholly on (whatever the verdict), or null when it
	 * includes 0 or there is no verdict. Only a null lean is "not settled".
	 */
	lean: LeanId | null;
	/**
	 * For `in-between` only: hybrid, low-fit, or undecided (band includes 0);
	 * null otherwise, and for a slight lean that is neither hybrid nor low-fit.
	 */
	profile: ProfileId | null;
	/** For a direction only: how firm the band says it is; null otherwise. */
	firmness: FirmnessId | null;
	/** Why there is no verdict, when there is none. */
	noVerdictReason: string | null;
	flags: QualityFlag[];
	/** Facet ids, strongest first. */
	strengths: string[];
	/** Facet ids, weakest first. */
	growthAreas: string[];
	explanations: ResultExplanation[];
}
