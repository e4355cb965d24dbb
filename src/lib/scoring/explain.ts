/**
 * Picks the explanations that apply to a result, in reading order: verdict,
 * profile, a slight lean (in between only), strengths, growth areas, quality flags, then the caveat. Citations
 * are resolved to the bibliography once, when the scorer is created.
 */
import type { ResultContent, Explanation, MethodReference, Source } from '../content/types.ts';
import type {
	FlagId,
	LeanId,
	ProfileId,
	QualityFlag,
	ResultExplanation,
	VerdictId
} from './types.ts';

export interface ExplanationChoice {
	verdict: VerdictId | null;
	profile: ProfileId | null;
	lean: LeanId | null;
	flags: QualityFlag[];
	strengths: string[];
	growthAreas: string[];
}

const keyOf = (kind: string, target: string | null, variant: string | null) =>
	`${kind}:${target ?? ''}:${variant ?? ''}`;

export function explanationSelector(content: ResultContent) {
	const sourceById = new Map(content.sources.map((source) => [source.id, source]));
	const referenceById = new Map(content.methodReferences.map((work) => [work.id, work]));
	const byKey = new Map<
		string,
		{ explanation: Explanation; sources: Source[]; references: MethodReference[] }
	>();
	for (const explanation of content.explanations) {
		const cited = [...new Set(explanation.paragraphs.flatMap((p) => p.citations))];
		byKey.set(keyOf(explanation.kind, explanation.target, explanation.variant), {
			explanation,
			sources: cited.flatMap((id) => sourceById.get(id) ?? []),
			references: cited.flatMap((id) => referenceById.get(id) ?? [])
		});
	}
	const pick = (
		role: ResultExplanation['role'],
		kind: Explanation['kind'],
		target: string | null,
		variant: 'high' | 'low' | null = null
	): ResultExplanation[] => {
		const found = byKey.get(keyOf(kind, target, variant));
		return found ? [{ role, ...found }] : [];
	};

	return function select(choice: ExplanationChoice): ResultExplanation[] {
		return [
			...(choice.verdict ? pick('verdict', 'verdict', choice.verdict) : []),
			...(choice.profile ? pick('profile', 'profile', choice.profile) : []),
			...(choice.verdict === 'in-between' && choice.lean ? pick('lean', 'lean', choice.lean) : []),
			...choice.strengths.flatMap((facet) => pick('strength', 'facet', facet, 'high')),
			...choice.growthAreas.flatMap((facet) => pick('growth', 'facet', facet, 'low')),
			...choice.flags.flatMap((flag) => pick('flag', 'flag', flag.id satisfies FlagId)),
			...pick('caveat', 'caveat', null)
		];
	};
}
