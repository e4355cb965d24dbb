/**
 * Which answers the current content can score: the one rule for share links,
 * saved results, saved quizzes and cohort submissions.
 *
 * The fingerprint covers the questions (their order, keying, facets and
 * option weights), the version the rules. Answers given under the same
 * fingerprint and the same major version are answers to the same questions,
 * so a newer minor version scores them again under its own rules (with a
 * visible note); anything else cannot be scored faithfully.
 */
export interface Edition {
	version: string;
	fingerprint: string;
}

/** `same`: as now; `rescored`: same questions, scored again under today's rules; `other`: unreadable. */
export type EditionMatch = 'same' | 'rescored' | 'other';

const majorOf = (version: string) => version.split('.')[0];

export function matchEdition(stamp: Edition, current: Edition): EditionMatch {
	if (stamp.fingerprint !== current.fingerprint) return 'other';
	if (stamp.version === current.version) return 'same';
	return majorOf(stamp.version) === majorOf(current.version) ? 'rescored' : 'other';
}
