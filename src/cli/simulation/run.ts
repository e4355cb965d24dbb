/**
 * Runs the simulated populations through a scorer and counts what comes out.
 * Shared by `npm run simulate` and the tests that pin the instrument's rates.
 */
import type { Content } from '../../lib/content/types.ts';
import type { Answers, ProfileId, ScoreResult, VerdictId } from '../../lib/scoring/types.ts';
import { populations, seededRandom, type Population } from './populations.ts';

export interface PopulationFigures {
	population: Population;
	respondents: number;
	/** Shares of all respondents. */
	verdicts: Record<VerdictId, number>;
	profiles: Record<ProfileId, number>;
	directional: number;
	flagged: number;
	/** Share whose second administration gave the same three-way verdict. */
	retestAgreement: number;
}

export interface SimulationOptions {
	seed: number;
	respondents: number;
	/** Defaults to every population. */
	only?: readonly string[];
}

export function simulate(
	content: Content,
	score: (answers: Answers) => Pick<ScoreResult, 'verdict' | 'profile' | 'flags'>,
	options: SimulationOptions
): PopulationFigures[] {
	const chosen = populations.filter((p) => !options.only || options.only.includes(p.id));
	return chosen.map((population, index) => {
		// Each population gets its own stream, so adding one leaves the others' figures alone.
		const random = seededRandom(options.seed + 7919 * (index + 1));
		const verdicts: Record<VerdictId, number> = { product: 0, 'in-between': 0, project: 0 };
		const profiles: Record<ProfileId, number> = { hybrid: 0, 'low-fit': 0, undecided: 0 };
		let flagged = 0;
		let agreed = 0;
		for (let i = 0; i < options.respondents; i += 1) {
			const respondent = population.create(random, content);
			const first = score(respondent.answer(random));
			const second = score(respondent.answer(random));
			if (first.verdict) verdicts[first.verdict] += 1;
			if (first.profile) profiles[first.profile] += 1;
			if (first.flags.length > 0) flagged += 1;
			if (first.verdict === second.verdict) agreed += 1;
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
			directional: share(verdicts.product + verdicts.project),
			flagged: share(flagged),
			retestAgreement: share(agreed)
		};
	});
}
