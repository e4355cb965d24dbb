/**
 * The facilitator guide for one cohort's dashboard: the guide from content, the
 * question sets that fit the group's counts as the dashboard shows them, and
 * the method references its "what not to do" cites. Nothing is read that the
 * dashboard withholds: without group figures, only the general questions apply.
 */
import guide from 'virtual:rolefit/guide';
import { groupPatterns, type GroupCounts } from '$lib/cohorts/guide';
import type { Count } from '$lib/cohorts/view';
import type { DashboardView } from './cohort-aggregates.ts';
import { content } from './scored.ts';

/** The counts the guide's patterns read, from what the dashboard shows (a withheld cell is null). */
export function groupCountsOf(view: DashboardView): GroupCounts | null {
	const aggregate = view.aggregate;
	if (!aggregate) return null;
	// A row that is not listed counts 0; a listed row whose count is withheld stays null.
	const count = (list: Count[], id: string) => {
		const entry = list.find((candidate) => candidate.id === id);
		return entry ? entry.count : 0;
	};
	const sum = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);
	// Flagged responses are shown with the switch, or as left out of an unflagged count.
	const flagged =
		view.flaggedSwitch?.flagged ??
		(view.counted === 'unflagged' ? (view.leftOut?.flagged ?? null) : null);
	return {
		n: aggregate.n,
		productSide: sum(
			count(aggregate.verdicts, 'product'),
			count(aggregate.profiles, 'lean-product')
		),
		projectSide: sum(
			count(aggregate.verdicts, 'project'),
			count(aggregate.profiles, 'lean-project')
		),
		inBetween: count(aggregate.verdicts, 'in-between'),
		flagged: {
			count: flagged,
			of: view.counted === 'all' ? aggregate.n : aggregate.n + (flagged ?? 0)
		}
	};
}

export function facilitatorGuide(view: DashboardView) {
	const counts = groupCountsOf(view);
	const cited = [...new Set(guide.avoid.items.flatMap((item) => item.citations))];
	return {
		guide,
		patterns: counts ? groupPatterns(counts, guide.patterns) : ['mixed' as const],
		references: cited.flatMap((id) => content.methodReferences.filter((work) => work.id === id))
	};
}
