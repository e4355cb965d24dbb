/**
 * A scoring plan: the content resolved once into flat arrays (each statement's
 * scale, key and facet by index, each scenario's weights by option), so that
 * scoring a person touches no maps and no strings but the answers' ids.
 */
import type { ResultContent, Thresholds } from '../content/types.ts';
import { populationVariance } from './statistics.ts';
import type { ScaleId } from './types.ts';

export interface PlannedStatement {
	id: string;
	/** 0 = strategic, 1 = tactical. */
	scale: 0 | 1;
	plus: boolean;
	/** Index into `facets`. */
	facet: number;
}

export interface ScoringPlan {
	instrument: { version: string; fingerprint: string };
	thresholds: Thresholds;
	measurement: ResultContent['instrument']['measurement'];
	likertLabels: readonly string[];
	scaleNames: [string, string];
	statements: PlannedStatement[];
	scenarios: { id: string; strategic: number[]; tactical: number[] }[];
	facets: { id: string; scale: ScaleId; name: string; total: number }[];
	/** Questions per scale (statements of the scale plus every scenario). */
	totals: [number, number];
	/** Statements per scale: the answered share a result needs is of these. */
	statementTotals: [number, number];
	/** Consistency pairs as indexes into `statements`. */
	pairs: [number, number][];
	/** Question ids in quiz order, for the rushing check. */
	sequence: string[];
	/**
	 * The smallest error variance one observation is taken to have: the
	 * variance of answers spread evenly over the options, × (1 − reliability).
	 */
	floors: { statement: number; scenario: number };
}

const scaleIndex = (scale: ScaleId): 0 | 1 => (scale === 'strategic' ? 0 : 1);

export function compileScoringPlan(content: ResultContent): ScoringPlan {
	const facetIndex = new Map(content.facets.map((facet, index) => [facet.id, index]));
	const statements = content.items.map((item): PlannedStatement => ({
		id: item.id,
		scale: scaleIndex(item.scale),
		plus: item.keyed === 'plus',
		facet: facetIndex.get(item.facet)!
	}));
	const statementIndex = new Map(statements.map((statement, index) => [statement.id, index]));
	const statementTotals: [number, number] = [0, 0];
	for (const statement of statements) statementTotals[statement.scale] += 1;
	const totals: [number, number] = [
		statementTotals[0] + content.scenarios.length,
		statementTotals[1] + content.scenarios.length
	];

	const { assumedAnswerReliability } = content.instrument.measurement;
	const errorShare = 1 - assumedAnswerReliability;
	const scenarioSpread = content.scenarios.map((scenario) =>
		populationVariance(scenario.options.map((option) => option.weights.strategic))
	);
	const scaleName = (id: ScaleId) => content.scales.find((scale) => scale.id === id)!.name;

	return {
		instrument: {
			version: content.instrument.version,
			fingerprint: content.instrument.fingerprint
		},
		thresholds: content.instrument.thresholds,
		measurement: content.instrument.measurement,
		likertLabels: content.instrument.likertLabels,
		scaleNames: [scaleName('strategic'), scaleName('tactical')],
		statements,
		scenarios: content.scenarios.map((scenario) => ({
			id: scenario.id,
			strategic: scenario.options.map((option) => option.weights.strategic),
			tactical: scenario.options.map((option) => option.weights.tactical)
		})),
		facets: content.facets.map((facet) => ({
			id: facet.id,
			scale: facet.scale,
			name: facet.name,
			total: content.items.filter((item) => item.facet === facet.id).length
		})),
		totals,
		statementTotals,
		pairs: content.consistencyPairs.map(
			(pair) => pair.items.map((id) => statementIndex.get(id)!) as [number, number]
		),
		sequence: content.sequence,
		floors: {
			// Five points 0, ¼, ½, ¾, 1 taken as equally likely have a variance of 1/8.
			statement: errorShare * populationVariance([0, 0.25, 0.5, 0.75, 1]),
			scenario:
				errorShare *
				(scenarioSpread.length > 0
					? scenarioSpread.reduce((sum, value) => sum + value, 0) / scenarioSpread.length
					: 0)
		}
	};
}
