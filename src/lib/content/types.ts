/**
 * The instrument as the loader assembles it from the validated files: the one
 * shape that scoring, the questionnaire and the result view all read.
 *
 * It is plain JSON (no functions, no Maps) so that the build can inline it in
 * the browser bundle as is.
 */
import type {
	ConsistencyPair,
	ExplanationKind,
	FacilitatorGuideFile,
	Measurement,
	MethodReference,
	NextStep,
	QuizPageText,
	ResultsPageText,
	ScaleId,
	Source,
	Thresholds,
	Wording
} from './schema.ts';

export type {
	ScaleId,
	Source,
	Thresholds,
	ConsistencyPair,
	ExplanationKind,
	Measurement,
	MethodReference,
	QuizPageText,
	ResultsPageText,
	Wording
};
export type { FirmnessId, FlagId, GroupPatternId, LeanId, ProfileId, VerdictId } from './schema.ts';

export interface Facet {
	id: string;
	scale: ScaleId;
	name: string;
	description: string;
	sources: string[];
}

export interface Scale {
	id: ScaleId;
	name: string;
	role: string;
	description: string;
	facetIds: string[];
}

/** A self-description statement answered on the five-point agreement scale. */
export interface LikertItem {
	kind: 'likert';
	id: string;
	facet: string;
	scale: ScaleId;
	keyed: 'plus' | 'minus';
	text: string;
	sources: string[];
}

/** A short work situation; each option weighs onto both scales (0–1). */
export interface Scenario {
	kind: 'scenario';
	id: string;
	text: string;
	sources: string[];
	options: { text: string; weights: Record<ScaleId, number> }[];
}

export type Question = LikertItem | Scenario;

/** One paragraph of an explanation, with the source ids it cites. */
export interface Paragraph {
	/** The paragraph as written, Markdown with `[S003]` citation markers. */
	markdown: string;
	/** Rendered HTML; citation markers become links to `/sources#S003`. */
	html: string;
	/** Source and method-reference ids, in order of first citation. */
	citations: string[];
	/** Marked `[ours]`: our own advice, resting on no source. */
	ours: boolean;
}

export interface Explanation {
	id: string;
	kind: ExplanationKind;
	/** The verdict, facet, profile or flag this explains; null for caveat and method. */
	target: string | null;
	/** Facet explanations come in two variants: what a high and a low score mean. */
	variant: 'high' | 'low' | null;
	title: string;
	paragraphs: Paragraph[];
	/** The content file it came from, for error messages and editors. */
	file: string;
}

export interface InstrumentInfo {
	id: string;
	title: string;
	version: string;
	/**
	 * A short hash of everything that changes how answers are read (ids, order,
	 * keying, option weights). Stored quizzes and share links carry it, so an
	 * edited instrument never silently misreads old answers.
	 */
	fingerprint: string;
	likertLabels: [string, string, string, string, string];
	thresholds: Thresholds;
	measurement: Measurement;
	/** Every sentence a result leads with: verdicts, profiles, firmness, the band. */
	wording: Wording;
}

export interface Content {
	/** The language its words are in: `en`, or a translation's code. */
	language: string;
	instrument: InstrumentInfo;
	sources: Source[];
	/** Works on measurement that explanations cite as [M01]. */
	methodReferences: MethodReference[];
	scales: Scale[];
	facets: Facet[];
	items: LikertItem[];
	scenarios: Scenario[];
	consistencyPairs: ConsistencyPair[];
	/** Question ids in the order the quiz presents them. */
	sequence: string[];
	explanations: Explanation[];
	/** What to try next, per direction and per kind of in-between (`next-steps.yaml`). */
	nextSteps: Record<NextStepTarget, NextStepContent>;
	/** Every label and sentence of the results page (`results-page.yaml`). */
	resultsPage: ResultsPageText;
	/** Every label and sentence of the quiz that is not a question (`quiz-page.yaml`). */
	quizPage: QuizPageText;
}

/**
 * The content as a page that shows a result gets it in the browser (`virtual:rolefit/content/<code>`,
 * through `contentIn`): everything but the quiz's own words, which no result reads. The results
 * page, a private response and the join page's result are typed with it, so the compiler proves
 * that nothing there reads what the chunk leaves out.
 */
export type ResultContent = Omit<Content, 'quizPage'>;

/** What a next-steps entry is for: a direction, or a kind of in-between. */
export type NextStepTarget =
	'product' | 'project' | 'hybrid' | 'low-fit' | 'undecided' | 'lean-product' | 'lean-project';

/** A next-steps entry as the page reads it: the intro split into text and citations. */
export interface NextStepContent extends Omit<NextStep, 'intro' | 'settle'> {
	intro: { text: string; citations: string[] };
	/** Empty except for `undecided`. */
	settle: string[];
}

/** The part of the content the questionnaire needs: no explanations, no rubric. */
export interface QuestionnaireContent {
	/** The language its words are in (numbers are written its way). */
	language: string;
	instrument: Pick<InstrumentInfo, 'id' | 'title' | 'version' | 'fingerprint' | 'likertLabels'>;
	questions: Question[];
	/** The quiz's own labels and sentences. */
	text: QuizPageText;
}

/** The facilitator guide (`facilitator-guide.yaml`), with "what not to do" split from its citations. */
export interface FacilitatorGuide extends Omit<FacilitatorGuideFile, 'avoid'> {
	avoid: { heading: string; items: { text: string; citations: string[] }[] };
}
