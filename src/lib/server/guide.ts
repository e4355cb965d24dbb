/**
 * The facilitator guide for one cohort's dashboard: the guide from content, the
 * question sets that fit the group's counts as the dashboard shows them, and
 * the method references its "what not to do" cites. Nothing is read that the
 * dashboard withholds: without group figures, only the general questions apply.
 */
import guide from 'virtual:rolefit/guide';
import { groupPatterns, type GroupCounts } from '$lib/cohorts/guide';
import type { DashboardView } from './cohort-aggregates.ts';
import { content } from './scored.ts';

/** The counts the guide's patterns read, from what the dashboard shows. */
export function groupCountsOf(view: DashboardView): GroupCounts | null {
	const aggregate = view.aggregate;
	if (!aggregate) return null;
	const count = (list: { id: string; count: number }[], id: string) =>
		list.find((entry) => entry.id === id)?.count ?? 0;
	return {
		n: aggregate.n,
		productSide: count(aggregate.verdicts, 'product') + count(aggregate.profiles, 'lean-product'),
		projectSide: count(aggregate.verdicts, 'project') + count(aggregate.profiles, 'lean-project'),
		inBetween: count(aggregate.verdicts, 'in-between'),
		flagged: { count: view.flagged, of: view.total - view.otherVersion }
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
