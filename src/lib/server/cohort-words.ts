/**
 * A cohort's figures in the page's language. The figures are computed once, with the instrument's
 * base (English) content (`cohort-aggregates.ts`); here their words are swapped for the language's
 * by id: verdict and profile labels, scale and facet names and statements from the language's
 * content, the map's quarters and "no verdict" from the messages, and the two reasons figures are
 * withheld. English is left as it is.
 */
import { BASE_LANGUAGE } from '$lib/i18n/languages';
import type { Aggregate, ComparedCohort, Count } from '$lib/cohorts/view';
import type { Content } from '$lib/content/types';
import type { DashboardView, PresentView } from './cohort-aggregates.ts';
import { contentIn } from './content.ts';
import { message } from './interface-text.ts';
import { content as english } from './scored.ts';

type Words = { code: string; content: Content };

const wordsOf = (code: string): Words => ({ code, content: contentIn(code) });

function verdictLabel({ code, content }: Words, id: string): string | null {
	if (id === 'none') return message('group_verdict_none', code);
	const verdicts = content.instrument.wording.verdicts as Record<string, { label: string }>;
	return verdicts[id]?.label ?? null;
}

function profileLabel({ content }: Words, id: string): string | null {
	const { wording } = content.instrument;
	if (id === 'lean-product') return wording.leans.product.label;
	if (id === 'lean-project') return wording.leans.project.label;
	const profiles = wording.profiles as Record<string, { label: string }>;
	return profiles[id]?.label ?? null;
}

const relabel = (counts: Count[], label: (id: string) => string | null): Count[] =>
	counts.map((count) => ({ ...count, label: label(count.id) ?? count.label }));

const nameOf = (list: { id: string; name: string }[], id: string) =>
	list.find((entry) => entry.id === id)?.name;

/** The group figures' words in the language (any part the view has: the comparison has no map). */
function aggregateIn<A extends Omit<Aggregate, 'points' | 'quarters'> & Partial<Aggregate>>(
	aggregate: A,
	words: Words
): A {
	const { content, code } = words;
	return {
		...aggregate,
		verdicts: relabel(aggregate.verdicts, (id) => verdictLabel(words, id)),
		profiles: relabel(aggregate.profiles, (id) => profileLabel(words, id)),
		...(aggregate.quarters && {
			quarters: {
				...aggregate.quarters,
				cells: relabel(aggregate.quarters.cells, (id) =>
					['both', 'strategic', 'tactical', 'neither'].includes(id)
						? message(`group_quarter_${id as 'both' | 'strategic' | 'tactical' | 'neither'}`, code)
						: null
				)
			}
		}),
		scales: aggregate.scales.map((scale) => ({
			...scale,
			name: nameOf(content.scales, scale.id) ?? scale.name
		})),
		facets: aggregate.facets.map((facet) => ({
			...facet,
			name: nameOf(content.facets, facet.id) ?? facet.name
		})),
		health:
			aggregate.health?.map((scale) => ({
				...scale,
				name: nameOf(content.scales, scale.scale) ?? scale.name,
				health: scale.health && {
					...scale.health,
					items: scale.health.items.map((item) => ({
						...item,
						text: content.items.find((own) => own.id === item.id)?.text ?? item.text
					}))
				}
			})) ?? null
	};
}

/** Why the group figures are withheld, said again in the language. */
function withheldIn(
	view: { total: number; withheld: string | null },
	minimum: number,
	code: string
) {
	if (view.withheld === null) return null;
	return view.total < minimum
		? message('group_withheld_minimum', code, { minimum, total: view.total })
		: message('group_withheld_held', code);
}

/** A cohort's dashboard in the language `code`. */
export function dashboardIn(view: DashboardView, code: string): DashboardView {
	if (code === BASE_LANGUAGE) return view;
	const words = wordsOf(code);
	// The individual rows carry the English label (a verdict's, a profile's or a lean's): the
	// language's label is the one in the same place of its wording.
	const labelIn = (label: string): string => {
		if (label === 'No verdict') return message('group_verdict_none', code);
		const { wording } = english.instrument;
		const own = words.content.instrument.wording;
		for (const kind of ['verdicts', 'profiles', 'leans'] as const) {
			const entries = Object.entries(wording[kind] as Record<string, { label: string }>);
			const id = entries.find(([, entry]) => entry.label === label)?.[0];
			const mine = id && (own[kind] as Record<string, { label: string }>)[id];
			if (mine) return mine.label;
		}
		return label;
	};
	return {
		...view,
		aggregate: view.aggregate && aggregateIn(view.aggregate, words),
		withheld: withheldIn(view, view.cohort.minGroupSize, code),
		individuals:
			view.individuals?.map((person) => ({
				...person,
				name: person.name === '(no name given)' ? message('group_no_name', code) : person.name,
				verdict: labelIn(person.verdict)
			})) ?? null,
		notice: words.content.instrument.wording.notForSelection
	};
}

/** The present view in the language `code`. */
export function presentIn(view: PresentView, code: string): PresentView {
	if (code === BASE_LANGUAGE) return view;
	const words = wordsOf(code);
	return {
		...view,
		aggregate: view.aggregate && aggregateIn(view.aggregate, words),
		withheld: withheldIn(view, view.minGroupSize, code),
		notice: words.content.instrument.wording.notForSelection
	};
}

/** The compared cohorts' columns in the language `code`. */
export function columnsIn(columns: ComparedCohort[], code: string): ComparedCohort[] {
	if (code === BASE_LANGUAGE) return columns;
	const words = wordsOf(code);
	return columns.map((column) => ({
		...column,
		aggregate: column.aggregate && aggregateIn(column.aggregate, words),
		withheld: withheldIn(column, column.minGroupSize, code)
	}));
}
