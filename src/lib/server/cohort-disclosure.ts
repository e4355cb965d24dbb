/**
 * What may leave the server about a cohort: the rule, as pure functions over counts (no database,
 * no content). `cohort-aggregates.ts` applies it to every figure it computes, so that the
 * dashboard, the present view, the exports and the page data all follow one decision.
 *
 * The rule, in words (README, "What the facilitator sees"):
 *
 * 1. The total number of responses is always shown; below the minimum group size nothing else.
 * 2. A count may be shown when it is 0 (it describes nobody) or at least the minimum.
 * 3. The figures count one group of responses: every response scored with this quiz ("all"), or
 *    those without quality flags ("unflagged"). Since the total is always shown, a group can be
 *    shown only when it and the responses it leaves out are both shown counts. Both groups are
 *    offered (the switch, with the flagged count) only when the flagged responses that tell them
 *    apart are a shown count too, and never in a cohort with display names, where the list of
 *    names would tell who was left out.
 * 4. In each table (verdicts; the kinds of in between; who has a score and who has not) a cell is
 *    withheld when, in any group offered or in the difference of the two, it would count between 1
 *    and the minimum − 1 people; then cells are withheld in turn, smallest first, until the
 *    withheld cells together count 0 or at least the minimum in every one of those groups
 *    (complementary suppression), so that no sum or difference of what is shown gives them away.
 */

/** Whether a count may be shown: 0 describes nobody, and from the minimum it describes a group. */
export function shownCount(count: number, minimum: number): boolean {
	return count === 0 || count >= minimum;
}

/** A group of responses the figures can count. */
export type GroupId = 'all' | 'unflagged';

export interface GroupCounts {
	/** Every stored response. */
	total: number;
	/** Responses given to another version of the quiz (never counted in the figures). */
	otherVersion: number;
	/** Responses scored with this version that carry at least one quality flag. */
	flagged: number;
	minimum: number;
	/** Display names were collected: the facilitator sees a list of names beside the figures. */
	collectNames: boolean;
}

/**
 * The groups whose figures may be shown, in the order offered (the first is the default). Empty
 * below the minimum and whenever every group would single someone out.
 */
export function groupsToShow(counts: GroupCounts): GroupId[] {
	const { total, otherVersion, flagged, minimum } = counts;
	if (total < minimum) return [];
	const scored = total - otherVersion;
	const unflagged = scored - flagged;
	const all = scored >= minimum && shownCount(otherVersion, minimum);
	// With no flagged response the two groups are one.
	const clean = flagged > 0 && unflagged >= minimum && shownCount(flagged + otherVersion, minimum);
	if (all && clean && shownCount(flagged, minimum) && !counts.collectNames) {
		return ['unflagged', 'all'];
	}
	if (all) return ['all'];
	if (clean) return ['unflagged'];
	return [];
}

/**
 * Complementary cell suppression for one table. `counts[g][k]` is how many responses of group g
 * fall into cell k, for every group whose counts can be read (each group offered and the
 * difference of two nested ones); every group's cells add up to a total that may be shown.
 * Returns, per cell, whether it is withheld (in every group alike).
 *
 * Cells between 1 and the minimum − 1 in any group are withheld; then, while the withheld cells of
 * some group add up to between 1 and the minimum − 1 (its total minus the cells shown gives that
 * sum away), the smallest shown cell that counts someone of that group is withheld too. Once a
 * cell is withheld, empty cells are withheld as well, so that "withheld" never means "not empty".
 */
export function suppressCells(counts: readonly (readonly number[])[], minimum: number): boolean[] {
	const cells = counts[0]?.length ?? 0;
	const withheld = Array.from({ length: cells }, (_, k) =>
		counts.some((group) => !shownCount(group[k]!, minimum))
	);
	const size = (k: number) => counts.reduce((sum, group) => sum + group[k]!, 0);
	for (;;) {
		const short = counts.find((group) => {
			const sum = group.reduce((total, count, k) => total + (withheld[k] ? count : 0), 0);
			return !shownCount(sum, minimum);
		});
		if (!short) break;
		let next = -1;
		for (let k = 0; k < cells; k += 1) {
			if (withheld[k] || short[k] === 0) continue;
			if (next === -1 || size(k) < size(next)) next = k;
		}
		// Unreachable while every group's total may be shown: withholding all of it would do.
		if (next === -1) return withheld.map(() => true);
		withheld[next] = true;
	}
	if (withheld.some(Boolean)) {
		for (let k = 0; k < cells; k += 1) if (size(k) === 0) withheld[k] = true;
	}
	return withheld;
}

/**
 * Responses per day (UTC, oldest first) merged into runs of consecutive days that each count at
 * least the minimum; a short last run joins the one before. Null below the minimum.
 */
export function daySpans(
	days: readonly { day: string; count: number }[],
	minimum: number
): { from: string; to: string; count: number }[] | null {
	const total = days.reduce((sum, day) => sum + day.count, 0);
	if (total < minimum) return null;
	const spans: { from: string; to: string; count: number }[] = [];
	let open: { from: string; to: string; count: number } | null = null;
	for (const { day, count } of days) {
		open ??= { from: day, to: day, count: 0 };
		open.to = day;
		open.count += count;
		if (open.count >= minimum) {
			spans.push(open);
			open = null;
		}
	}
	if (open) {
		const last = spans.at(-1)!;
		last.to = open.to;
		last.count += open.count;
	}
	return spans;
}
