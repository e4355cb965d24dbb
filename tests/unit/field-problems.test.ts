/**
 * A cohort form's problems in the page's language (`fieldProblem`), for the embed origins box:
 * every wording of the shared origin parser has its own translated message, which keeps the entry
 * the facilitator typed; English keeps the words as `setEmbedOrigins` writes them. A new wording
 * without a translation fails here (it would read "is not valid").
 */
import { describe, expect, it } from 'vitest';
import {
	MAX_COHORT_EMBED_ORIGINS,
	ORIGIN_PROBLEMS,
	parseOriginList
} from '../../src/lib/embed/origins.ts';
import { embedOriginsProblem } from '../../src/lib/server/cohorts.ts';
import { fieldProblem, message } from '../../src/lib/server/interface-text.ts';

/** One bad entry per problem the parser names. */
const entries = [
	'lms.example.edu',
	'ftp://files.example.edu',
	'https://x.example/page',
	'https://user:secret@lms.example.edu',
	'https://*.example.edu'
];

/** The box's problem as `setEmbedOrigins` words it. */
function problemOf(text: string): string {
	const parsed = parseOriginList(text, { max: MAX_COHORT_EMBED_ORIGINS });
	if (parsed.ok) throw new Error(`${text} parses`);
	return embedOriginsProblem(parsed);
}

const tooMany = Array.from({ length: 6 }, (_, i) => `https://lms${i}.example.edu`).join(' ');

describe('fieldProblem for embed origins', () => {
	it('the entries above meet every problem the parser names', () => {
		const named = entries.map((entry) => problemOf(entry).slice(entry.length + 3));
		expect(named.sort()).toEqual(Object.values(ORIGIN_PROBLEMS).sort());
	});

	it.each(['es', 'de', 'ar'])('in %s: each problem its own words, the entry kept', (code) => {
		const invalid = message('cohort_field_invalid', code);
		const translated = entries.map((entry) => {
			const problem = problemOf(entry);
			const words = fieldProblem(code, problem);
			expect(words, problem).not.toBe(invalid);
			expect(words, problem).not.toBe(problem);
			expect(words, problem).toContain(`"${entry}"`);
			return words.replace(entry, '');
		});
		expect(new Set(translated).size).toBe(entries.length);
		const many = fieldProblem(code, problemOf(tooMany));
		expect(many).not.toBe(invalid);
		expect(many).toContain('"https://lms5.example.edu"');
		expect(many).toContain(String(MAX_COHORT_EMBED_ORIGINS));
	});

	it('in English: the words as written', () => {
		expect(fieldProblem('en', problemOf('https://x.example/page'))).toBe(
			'"https://x.example/page" must be an origin only, without a path, query or #fragment'
		);
		expect(fieldProblem('en', problemOf(tooMany))).toBe(
			'must list at most 5 origins ("https://lms5.example.edu" is one too many)'
		);
	});
});
