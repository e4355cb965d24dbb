/**
 * Which of the facilitator guide's question sets fit a group: a pure rule over
 * the counts the dashboard already shows, with the shares from content
 * (`facilitator-guide.yaml` → `patterns`). A count the dashboard withholds
 * (a cell below the cohort's minimum) is null, and no pattern is read from it.
 */
import type { FacilitatorGuide, GroupPatternId } from '../content/types.ts';

export interface GroupCounts {
	/** Responses counted. */
	n: number;
	/** A direction and a slight lean on each side, and every in-between result, among the n. */
	productSide: number | null;
	projectSide: number | null;
	inBetween: number | null;
	/** Flagged responses among every scored response (flagged ones may be left out of n). */
	flagged: { count: number | null; of: number };
}

/** The question sets that apply, in the guide's order; `mixed` only when none of the others does. */
export function groupPatterns(
	counts: GroupCounts,
	patterns: FacilitatorGuide['patterns']
): GroupPatternId[] {
	if (counts.n <= 0) return ['mixed'];
	const share = (count: number | null) => (count === null ? null : count / counts.n);
	const product = share(counts.productSide);
	const project = share(counts.projectSide);
	const inBetween = share(counts.inBetween);
	const flagged =
		counts.flagged.count === null || counts.flagged.of <= 0
			? null
			: counts.flagged.count / counts.flagged.of;
	const found: GroupPatternId[] = [];
	if (product !== null && product >= patterns.mostlyOneSide) found.push('mostly-product');
	if (project !== null && project >= patterns.mostlyOneSide) found.push('mostly-project');
	if (
		product !== null &&
		project !== null &&
		product >= patterns.bothSidesAtLeast &&
		project >= patterns.bothSidesAtLeast
	) {
		found.push('spread-out');
	}
	if (inBetween !== null && inBetween >= patterns.inBetweenAtLeast) found.push('many-in-between');
	if (flagged !== null && flagged >= patterns.flaggedAtLeast) found.push('many-flagged');
	return found.length > 0 ? found : ['mixed'];
}
