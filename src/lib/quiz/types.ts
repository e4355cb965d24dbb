/**
 * The questionnaire's data shapes: what the machine keeps, the events it takes and what a
 * component reads. Types only, so that any module can import them without pulling XState (or
 * anything else) into a bundle.
 */
import type { Snapshot } from 'xstate';

/** What the machine needs to know about a question: no text, no keying, no weights. */
export interface QuestionRef {
	id: string;
	kind: 'likert' | 'scenario';
	/** How many answers there are to choose from: 5 for likert items, the option count for scenarios. */
	optionCount: number;
}

/**
 * The machine's context. Plain JSON, because it is persisted to localStorage as part of the
 * actor's persisted snapshot (`snapshot.ts` owns that stored shape).
 */
export interface QuestionnaireContext {
	questions: QuestionRef[];
	/** The question being shown (0-based); while reviewing, the one the person came from. */
	index: number;
	/** Raw answers by question id: likert 1–5, scenario the 1-based option number. */
	answers: Record<string, number>;
	/** Seconds spent on each question by id, summed over visits (for the rushing check). */
	seconds: Record<string, number>;
	/** When the current question was shown (ms timestamp); null when unknown or not showing one. */
	enteredAt: number | null;
	/** Set when a question was opened from the review screen: `nav.next` then returns there. */
	returnToReview: boolean;
	/** Why the last submission failed (the `submitAnswers` actor's error), until the next try. */
	submitError: string | null;
}

/** Data in: the question list, and optionally when the first question was shown (ms). */
export interface QuestionnaireInput {
	questions: QuestionRef[];
	at?: number;
}

/**
 * Every event may carry `at`, the ms timestamp at which it happened. The adapter stamps it with
 * `Date.now()`; tests pass fixed numbers or leave it out (then no time is recorded).
 *
 * `answer.select` may carry `advanceAfter` (ms): the machine then moves on by itself after that
 * pause, unless something else happens first (another choice, Back, Next). A tap sends it; a
 * keyboard user moving through the options with the arrow keys does not.
 */
export type QuestionnaireEvent =
	| { type: 'answer.select'; value: number; advanceAfter?: number; at?: number }
	| { type: 'nav.next'; at?: number }
	| { type: 'nav.back'; at?: number }
	| { type: 'nav.jump'; index: number; at?: number }
	| { type: 'review.open'; at?: number }
	| { type: 'quiz.submit'; at?: number }
	| { type: 'quiz.restart'; at?: number };

// Distributes over the union, so each event keeps its own payload.
type WithoutAt<E> = E extends unknown ? Omit<E, 'at'> : never;

/** An event as a component sends it; the adapter adds `at`. */
export type QuestionnaireCommand = WithoutAt<QuestionnaireEvent>;

/** The machine's top-level states; `submitting` is never stored. */
export type QuestionnaireStateValue = 'answering' | 'reviewing' | 'submitting' | 'submitted';

/** Tags components read with `snapshot.hasTag()`. */
export type QuestionnaireTag = 'question' | 'review' | 'busy' | 'done';

/**
 * What components read: the parts of the machine's snapshot they may use. A running actor's
 * snapshot is one; so is the stand-in the adapter shows before XState has loaded.
 */
export interface QuestionnaireView {
	readonly value: QuestionnaireStateValue;
	readonly context: QuestionnaireContext;
	hasTag(tag: QuestionnaireTag): boolean;
	can(event: QuestionnaireEvent): boolean;
}

/** What the actor's `getPersistedSnapshot()` returns for this machine: safe to `JSON.stringify`. */
export type PersistedQuestionnaire = Snapshot<unknown> & {
	status: 'active';
	value: Exclude<QuestionnaireStateValue, 'submitting'>;
	context: QuestionnaireContext;
};

/** The result of a submission the `submitAnswers` actor receives. */
export interface SubmittedAnswers {
	answers: Record<string, number>;
	seconds: Record<string, number>;
}
