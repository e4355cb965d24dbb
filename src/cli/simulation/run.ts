/**
 * Runs the simulated populations through a scorer and counts what comes out.
 * Shared by `npm run simulate` and the tests that pin the instrument's rates.
 */
import type { Content } from '../../lib/content/types.ts';
import { verdictSentence } from '../../lib/results/wording.ts';
import { compileScoringPlan, scoreWithPlan } from '../../lib/scoring/index.ts';
import type { Answers, ProfileId, ScoreResult, VerdictId } from '../../lib/scoring/types.ts';
import { populations, seededRandom, type Population } from './populations.ts';

/** What a person is told about direction: a side, a slight lean to one, or not settled. */
export type Outcome = 'product' | 'lean-product' | 'not-settled' | 'lean-project' | 'project';

type Scored = Pick<ScoreResult, 'verdict' | 'profile' | 'lean' | 'band' | 'flags'>;

/** The direction a result tells, from its verdict and lean (null without a verdict). */
export function outcomeOf(result: Pick<ScoreResult, 'verdict' | 'lean'>): Outcome | null {
	if (result.verdict === null) return null;
	if (result.verdict !== 'in-between') return result.verdict;
	if (result.lean === null) return 'not-settled';
	return result.lean === 'product' ? 'lean-product' : 'lean-project';
}

export interface PopulationFigures {
	population: Population;
	respondents: number;
	/** Shares of all respondents. */
	verdicts: Record<VerdictId, number>;
	profiles: Record<ProfileId, number>;
	/** In between with the whole range on one side (a slight lean). */
	lean: number;
	directional: number;
	flagged: number;
	/** Told that nothing is settled while their range lies wholly on one side of 0. */
	notSettledOneSided: number;
	/** Share whose second administration gave the same three-way verdict. */
	retestAgreement: number;
	/** The same, for the outcome told (product, lean product, not settled, lean project, project). */
	outcomeRetestAgreement: number;
}

export interface SimulationOptions {
	seed: number;
	respondents: number;
	/** Defaults to every population. */
	only?: readonly string[];
}

export function simulate(
	content: Content,
	score: (answers: Answers) => Scored,
	options: SimulationOptions
): PopulationFigures[] {
	const { wording } = content.instrument;
	const chosen = populations.filter((p) => !options.only || options.only.includes(p.id));
	return chosen.map((population) => {
		// Each population gets its own stream (by its place in the full list), so
		// adding one leaves the others' figures alone.
		const index = populations.indexOf(population);
		const random = seededRandom(options.seed + 7919 * (index + 1));
		const verdicts: Record<VerdictId, number> = { product: 0, 'in-between': 0, project: 0 };
		const profiles: Record<ProfileId, number> = { hybrid: 0, 'low-fit': 0, undecided: 0 };
		let lean = 0;
		let flagged = 0;
		let notSettledOneSided = 0;
		let agreed = 0;
		let outcomesAgreed = 0;
		for (let i = 0; i < options.respondents; i += 1) {
			const respondent = population.create(random, content);
			const first = score(respondent.answer(random));
			const second = score(respondent.answer(random));
			if (first.verdict) verdicts[first.verdict] += 1;
			if (first.profile) profiles[first.profile] += 1;
			if (first.verdict === 'in-between' && first.lean) lean += 1;
			if (first.flags.length > 0) flagged += 1;
			const oneSided = first.band !== null && (first.band.low > 0 || first.band.high < 0);
			const saysNotSettled =
				verdictSentence(first, wording) === wording.profiles.undecided.sentence;
			if (oneSided && saysNotSettled) notSettledOneSided += 1;
			if (first.verdict === second.verdict) agreed += 1;
			if (outcomeOf(first) === outcomeOf(second)) outcomesAgreed += 1;
		}
		const share = (count: number) => count / options.respondents;
		return {
			population,
			respondents: options.respondents,
			verdicts: {
				product: share(verdicts.product),
				'in-between': share(verdicts['in-between']),
				project: share(verdicts.project)
			},
			profiles: {
				hybrid: share(profiles.hybrid),
				'low-fit': share(profiles['low-fit']),
				undecided: share(profiles.undecided)
			},
			lean: share(lean),
			directional: share(verdicts.product + verdicts.project),
			flagged: share(flagged),
			notSettledOneSided: share(notSettledOneSided),
			retestAgreement: share(agreed),
			outcomeRetestAgreement: share(outcomesAgreed)
		};
	});
}

/** The shipped engine for `content`, as `simulate` takes it. */
export function scorerFor(content: Content) {
	const plan = compileScoringPlan(content);
	return (answers: Answers) => scoreWithPlan(plan, answers);
}

/** `content` with another assumed reliability of one answer (the rest unchanged). */
export function withReliability(content: Content, reliability: number): Content {
	const { measurement } = content.instrument;
	return {
		...content,
		instrument: {
			...content.instrument,
			measurement: { ...measurement, assumedAnswerReliability: reliability }
		}
	};
}

/** The figures the instrument's claims rest on, from one run of every population. */
export interface HeadlineFigures {
	randomDirectional: number;
	randomFlagged: number;
	midpointDirectional: number;
	/** The lower of the two pure types' shares on their own side. */
	pureRightSide: number;
	/** The higher of their shares on the other side. */
	pureOppositeSide: number;
	/** The highest flagged share among careful populations. */
	carefulFlagged: number;
	/** The lower share of moderate leaners told a direction or a slight lean. */
	moderateToldSide: number;
	/** The highest share, in any population, told "not settled" with a one-sided range. */
	notSettledOneSided: number;
	/** The lower retest agreement of the outcome told, among moderate leaners. */
	moderateOutcomeRetest: number;
}

/** The headline figures in the order `npm run simulate` and the manual print them. */
export const headlineOrder = [
	'randomDirectional',
	'randomFlagged',
	'midpointDirectional',
	'pureRightSide',
	'pureOppositeSide',
	'carefulFlagged',
	'moderateToldSide',
	'notSettledOneSided',
	'moderateOutcomeRetest'
] as const satisfies readonly (keyof HeadlineFigures)[];

export function headlineFigures(rows: PopulationFigures[]): HeadlineFigures {
	const of = (id: string) => rows.find((f) => f.population.id === id)!;
	const [pureProduct, pureProject] = [of('pure-product'), of('pure-project')];
	const moderate = [of('moderate-product'), of('moderate-project')];
	return {
		randomDirectional: of('uniform-random').directional,
		randomFlagged: of('uniform-random').flagged,
		midpointDirectional: of('all-midpoint').directional,
		pureRightSide: Math.min(pureProduct.verdicts.product, pureProject.verdicts.project),
		pureOppositeSide: Math.max(pureProduct.verdicts.project, pureProject.verdicts.product),
		carefulFlagged: Math.max(...rows.filter((f) => f.population.careful).map((f) => f.flagged)),
		moderateToldSide: Math.min(
			...moderate.map((f) => f.verdicts.product + f.verdicts.project + f.lean)
		),
		notSettledOneSided: Math.max(...rows.map((f) => f.notSettledOneSided)),
		moderateOutcomeRetest: Math.min(...moderate.map((f) => f.outcomeRetestAgreement))
	};
}
