/**
 * Rules that span several content files: ids that must exist or be unique,
 * citations that must resolve, and the instrument's design constraints
 * (facet size, reverse-keyed share, explanation coverage).
 */
import type { ContentIssue } from './errors.ts';
import { largestScenarioReach } from './reach.ts';
import { citationPattern, citationsOf, isOurs } from './markdown.server.ts';
import {
	flagIds,
	leanIds,
	profileIds,
	verdictIds,
	type ExplanationFrontMatter,
	type ExplanationKind,
	type InstrumentFile,
	type NextStepsFile
} from './schema.ts';
import type { z } from 'zod';
import type {
	itemsFileSchema,
	methodReferencesFileSchema,
	rubricFileSchema,
	scenariosFileSchema,
	sourcesFileSchema
} from './schema.ts';

/** The parsed form of one explanation file, before assembly. */
export interface ParsedExplanation {
	file: string;
	frontMatter: ExplanationFrontMatter;
	/** Paragraphs by variant: `null` for plain files, `high`/`low` for facet files. */
	parts: { variant: 'high' | 'low' | null; label: string; paragraphs: string[] }[];
}

/** Every file parsed by its own schema, not yet checked against the others. */
export interface ParsedContent {
	instrument: InstrumentFile;
	sources: z.infer<typeof sourcesFileSchema>;
	methodReferences: z.infer<typeof methodReferencesFileSchema>;
	rubric: z.infer<typeof rubricFileSchema>;
	items: z.infer<typeof itemsFileSchema>;
	scenarios: z.infer<typeof scenariosFileSchema>;
	explanations: ParsedExplanation[];
}

/** Minimum items per facet: fewer cannot give a facet score worth showing. */
export const minItemsPerFacet = 3;
/** Allowed share of reverse-keyed items per scale, so that acquiescence cancels out. */
export const reverseKeyedShare = { min: 0.4, max: 0.5 } as const;
/** The smallest instrument that can carry a verdict (technical manual, "Items and keying"). */
export const minimums = { itemsPerScale: 15, consistencyPairs: 6, scenarios: 6 } as const;
/** The longest run of reverse-keyed statements, or of one scale's statements, the quiz may show. */
export const longestRun = 3;

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Returns every cross-file problem; `at` turns a content-relative name into a display path. */
export function checkContent(parsed: ParsedContent, at: (file: string) => string): ContentIssue[] {
	const issues: ContentIssue[] = [];
	const push = (file: string, path: string, message: string) =>
		issues.push({ file: at(file), path, message });

	const { instrument, sources, methodReferences, rubric, items, scenarios, explanations } = parsed;

	// Sources -----------------------------------------------------------------
	const sourceIds = new Set<string>();
	sources.sources.forEach((source, index) => {
		if (sourceIds.has(source.id))
			push('sources.yaml', `sources[${index}].id`, `duplicate source id "${source.id}"`);
		sourceIds.add(source.id);
	});
	const referenceIds = new Set<string>();
	methodReferences.references.forEach((reference, index) => {
		if (referenceIds.has(reference.id))
			push(
				'method-references.yaml',
				`references[${index}].id`,
				`duplicate reference id "${reference.id}"`
			);
		referenceIds.add(reference.id);
	});
	const checkCitations = (file: string, path: string, cited: readonly string[]) => {
		for (const id of cited) {
			const isReference = id.startsWith('M');
			const known = isReference ? referenceIds : sourceIds;
			if (!known.has(id)) {
				push(
					file,
					path,
					`cites ${id}, which is not in ${isReference ? 'method-references.yaml' : 'sources.yaml'} (known: ${[...known].join(', ')})`
				);
			}
		}
	};

	// Thresholds ---------------------------------------------------------------
	const { thresholds } = instrument;
	if (thresholds.lowFitAtMost >= thresholds.hybridAtLeast) {
		push(
			'instrument.yaml',
			'thresholds.lowFitAtMost',
			`must be below thresholds.hybridAtLeast (${thresholds.hybridAtLeast})`
		);
	}

	// Scales and facets --------------------------------------------------------
	const scaleIds = new Set<string>();
	const facetScale = new Map<string, string>();
	rubric.scales.forEach((scale, s) => {
		if (scaleIds.has(scale.id))
			push(
				'rubric.yaml',
				`scales[${s}].id`,
				`duplicate scale "${scale.id}"; one strategic and one tactical scale are needed`
			);
		scaleIds.add(scale.id);
		scale.facets.forEach((facet, f) => {
			const path = `scales[${s}].facets[${f}]`;
			if (facetScale.has(facet.id))
				push('rubric.yaml', `${path}.id`, `duplicate facet id "${facet.id}"`);
			facetScale.set(facet.id, scale.id);
			checkCitations('rubric.yaml', `${path}.sources`, facet.sources);
		});
	});

	// Items --------------------------------------------------------------------
	const questionIds = new Map<string, string>();
	const claimId = (id: string, file: string, path: string) => {
		const previous = questionIds.get(id);
		if (previous) push(file, path, `duplicate id "${id}" (already used at ${previous})`);
		else questionIds.set(id, `${at(file)}: ${path}`);
	};
	const itemFacet = new Map<string, string>();
	const itemKeyed = new Map<string, string>();
	items.items.forEach((item, index) => {
		const path = `items[${index}]`;
		claimId(item.id, 'items.yaml', `${path}.id`);
		if (!facetScale.has(item.facet)) {
			push(
				'items.yaml',
				`${path}.facet`,
				`unknown facet "${item.facet}" (known: ${[...facetScale.keys()].join(', ')})`
			);
		}
		itemFacet.set(item.id, item.facet);
		itemKeyed.set(item.id, item.keyed);
		checkCitations('items.yaml', `${path}.sources`, item.sources);
	});

	rubric.scales.forEach((scale, s) => {
		scale.facets.forEach((facet, f) => {
			const count = items.items.filter((item) => item.facet === facet.id).length;
			if (count < minItemsPerFacet) {
				push(
					'rubric.yaml',
					`scales[${s}].facets[${f}]`,
					`facet "${facet.id}" has ${count} item${count === 1 ? '' : 's'} in items.yaml; each facet needs at least ${minItemsPerFacet}`
				);
			}
		});
		const scaleItems = items.items.filter((item) => facetScale.get(item.facet) === scale.id);
		if (scaleItems.length < minimums.itemsPerScale) {
			push(
				'items.yaml',
				'items',
				`scale "${scale.id}" has ${scaleItems.length} statements; a verdict needs at least ${minimums.itemsPerScale} per scale`
			);
		}
		if (scaleItems.length > 0) {
			const reversed = scaleItems.filter((item) => item.keyed === 'minus').length;
			const share = reversed / scaleItems.length;
			if (share < reverseKeyedShare.min || share > reverseKeyedShare.max) {
				push(
					'items.yaml',
					'items',
					`scale "${scale.id}" has ${reversed} of ${scaleItems.length} items reverse-keyed (${percent(share)}); keep it between ${percent(reverseKeyedShare.min)} and ${percent(reverseKeyedShare.max)} so that agreeing with everything cancels out`
				);
			}
		}
	});

	// Acquiescence cancels in the position only if both scales are keyed alike.
	const keyingOf = (scaleId: string) => {
		const scaleItems = items.items.filter((item) => facetScale.get(item.facet) === scaleId);
		return `${scaleItems.filter((item) => item.keyed === 'minus').length} of ${scaleItems.length}`;
	};
	if (rubric.scales.length === 2 && keyingOf('strategic') !== keyingOf('tactical')) {
		push(
			'items.yaml',
			'items',
			`the scales are keyed differently (strategic ${keyingOf('strategic')} reverse-keyed, tactical ${keyingOf('tactical')}); give both the same number of statements and of reverse-keyed ones, so that agreeing with everything cannot move the position`
		);
	}

	if (items.consistencyPairs.length < minimums.consistencyPairs) {
		push(
			'items.yaml',
			'consistencyPairs',
			`has ${items.consistencyPairs.length} pairs; the careless-answer check needs at least ${minimums.consistencyPairs}`
		);
	}
	const pairIds = new Set<string>();
	items.consistencyPairs.forEach((pair, index) => {
		const path = `consistencyPairs[${index}]`;
		if (pairIds.has(pair.id)) push('items.yaml', `${path}.id`, `duplicate pair id "${pair.id}"`);
		pairIds.add(pair.id);
		const [first, second] = pair.items;
		pair.items.forEach((id, i) => {
			if (!itemFacet.has(id)) push('items.yaml', `${path}.items[${i}]`, `unknown item "${id}"`);
		});
		if (first === second) push('items.yaml', `${path}.items`, 'names the same item twice');
		else if (
			itemFacet.has(first) &&
			itemFacet.has(second) &&
			itemFacet.get(first) !== itemFacet.get(second)
		) {
			push(
				'items.yaml',
				`${path}.items`,
				`"${first}" and "${second}" measure different facets; a consistency pair needs two items of one facet`
			);
		} else if (
			itemKeyed.has(first) &&
			itemKeyed.has(second) &&
			itemKeyed.get(first) === itemKeyed.get(second)
		) {
			push(
				'items.yaml',
				`${path}.items`,
				`"${first}" and "${second}" are both keyed "${itemKeyed.get(first)}"; a consistency pair is a statement and its opposite, one "plus" and one "minus"`
			);
		}
	});

	// Scenarios ----------------------------------------------------------------
	if (scenarios.scenarios.length < minimums.scenarios) {
		push(
			'scenarios.yaml',
			'scenarios',
			`has ${scenarios.scenarios.length} scenarios; the instrument needs at least ${minimums.scenarios}`
		);
	}
	scenarios.scenarios.forEach((scenario, index) => {
		const path = `scenarios[${index}]`;
		claimId(scenario.id, 'scenarios.yaml', `${path}.id`);
		checkCitations('scenarios.yaml', `${path}.sources`, scenario.sources);
		scenario.options.forEach((option, o) => {
			const { strategic, tactical } = option.weights;
			if (Math.abs(strategic + tactical - 1) > 1e-9) {
				push(
					'scenarios.yaml',
					`${path}.options[${o}].weights`,
					`must add up to 1 (strategic ${strategic} + tactical ${tactical}); an option shares one unit between the two scales`
				);
			}
		});
		const productSide = scenario.options.filter((o) => o.weights.strategic > o.weights.tactical);
		const projectSide = scenario.options.filter((o) => o.weights.tactical > o.weights.strategic);
		if (productSide.length !== projectSide.length) {
			push(
				'scenarios.yaml',
				`${path}.options`,
				`has ${productSide.length} product-side and ${projectSide.length} project-side options; offer as many of each`
			);
		}
		scenario.options.forEach((option, o) => {
			const hasMirror = scenario.options.some(
				(other) =>
					other.weights.strategic === option.weights.tactical &&
					other.weights.tactical === option.weights.strategic
			);
			if (!hasMirror) {
				push(
					'scenarios.yaml',
					`${path}.options[${o}].weights`,
					`has no mirror option (one with the strategic and tactical weights swapped); every option needs one, so the scenario favours neither side`
				);
			}
		});
	});

	// A direction must never rest on the scenarios alone: with every statement at
	// the midpoint and every scenario on one side, the position must stay below
	// it for every count of answered statements a result allows. The scorer
	// relies on this rather than reading a person's answered counts, so that two
	// people shown the same numbers get the same verdict.
	const statementTotals = rubric.scales.map(
		(scale) => items.items.filter((item) => facetScale.get(item.facet) === scale.id).length
	) as [number, number];
	const scenarioOnly = largestScenarioReach(
		statementTotals,
		scenarios.scenarios.length,
		instrument.measurement.scenarioWeight,
		thresholds.minAnsweredShare
	);
	if (scenarioOnly >= thresholds.directionAtLeast) {
		push(
			'instrument.yaml',
			'thresholds.directionAtLeast',
			`must be above ${scenarioOnly}, the position the scenarios alone can produce when the fewest statements a result allows are all answered "neither"`
		);
	}

	// Explanations -------------------------------------------------------------
	const explanationFile = (file: string) => file.slice(file.indexOf('explanations/'));
	const validTargets: Record<ExplanationKind, readonly string[] | null> = {
		verdict: verdictIds,
		facet: [...facetScale.keys()],
		profile: profileIds,
		lean: leanIds,
		flag: flagIds,
		caveat: null,
		method: null
	};
	const explanationIds = new Map<string, string>();
	const covered = new Set<string>();
	for (const explanation of explanations) {
		const file = explanationFile(explanation.file);
		const { id, kind, target } = explanation.frontMatter;
		const previous = explanationIds.get(id);
		if (previous)
			push(file, 'front matter.id', `duplicate explanation id "${id}" (also in ${previous})`);
		explanationIds.set(id, file);

		const targets = validTargets[kind];
		if (targets === null && target !== undefined) {
			push(file, 'front matter.target', `a ${kind} explanation has no target; remove it`);
		} else if (targets !== null && (target === undefined || !targets.includes(target))) {
			push(
				file,
				'front matter.target',
				`${target === undefined ? 'is required' : `unknown ${kind} "${target}"`} (known: ${targets.join(', ')})`
			);
		} else {
			covered.add(`${kind}:${target ?? ''}`);
		}

		for (const part of explanation.parts) {
			if (part.paragraphs.length === 0) {
				push(file, part.label.replace(/, $/, '') || 'body', 'has no paragraphs');
			}
			part.paragraphs.forEach((paragraph, p) => {
				const path = `${part.label}paragraph ${p + 1}`;
				const cited = citationsOf(paragraph);
				if (cited.length === 0 && !isOurs(paragraph)) {
					push(
						file,
						path,
						'cites no source; add a marker such as [S003] naming the source it rests on, [M05] for a method reference, or [ours] for our own advice'
					);
				} else if (cited.length > 0 && isOurs(paragraph)) {
					push(file, path, 'is marked [ours] but cites sources; our own advice cites nothing');
				}
				checkCitations(file, path, cited);
			});
		}
	}
	const required: [ExplanationKind, readonly (string | undefined)[], string][] = [
		['verdict', verdictIds, 'verdicts/<id>.md'],
		['facet', [...facetScale.keys()], 'facets/<id>.md'],
		['profile', profileIds, 'profiles/<id>.md'],
		['lean', leanIds, 'leans/<id>.md'],
		['flag', flagIds, 'flags/<id>.md'],
		['caveat', [undefined], 'caveat.md'],
		['method', [undefined], 'method.md']
	];
	for (const [kind, targets, where] of required) {
		for (const target of targets) {
			if (!covered.has(`${kind}:${target ?? ''}`)) {
				push(
					'explanations',
					'',
					`no ${kind} explanation${target ? ` for "${target}"` : ''}; add explanations/${where.replace('<id>', target ?? '')}`
				);
			}
		}
	}

	issues.push(...checkIdsInProse(proseOfContent(parsed), at, issues));
	return issues;
}

/**
 * `next-steps.yaml` against the bibliography: every cited source exists, the
 * intro cites at least one, the things to try and what would settle it are our
 * own advice (no citation marker), and only `undecided` says what would settle it.
 */
export function checkNextSteps(
	file: NextStepsFile,
	sources: z.infer<typeof sourcesFileSchema>,
	methodReferences: z.infer<typeof methodReferencesFileSchema>,
	at: (file: string) => string
): ContentIssue[] {
	const issues: ContentIssue[] = [];
	const push = (path: string, message: string) =>
		issues.push({ file: at('next-steps.yaml'), path, message });
	const known = new Set([
		...sources.sources.map((source) => source.id),
		...methodReferences.references.map((reference) => reference.id)
	]);
	const resolve = (path: string, ids: readonly string[]) => {
		for (const id of ids) {
			if (!known.has(id)) push(path, `cites ${id}, which is not in sources.yaml`);
		}
	};
	const ours = (path: string, text: string) => {
		if (citationsOf(text).length > 0 || isOurs(text)) {
			push(path, 'is our own advice, shown as such: it must not carry a citation marker');
		}
	};
	for (const [target, step] of Object.entries(file.nextSteps)) {
		const path = `nextSteps.${target}`;
		const cited = citationsOf(step.intro);
		if (cited.length === 0) {
			push(`${path}.intro`, 'cites no source; add a marker such as [S003]');
		}
		resolve(`${path}.intro`, cited);
		step.titles.forEach((title, index) => {
			resolve(`${path}.titles[${index}].sources`, title.sources);
			if (citationsOf(title.title).length > 0) {
				push(`${path}.titles[${index}].title`, 'cite in "sources", not in the title');
			}
		});
		step.tries.forEach((text, index) => ours(`${path}.tries[${index}]`, text));
		step.read.forEach((entry, index) => {
			resolve(`${path}.read[${index}].source`, [entry.source]);
			ours(`${path}.read[${index}].why`, entry.why);
		});
		(step.settle ?? []).forEach((text, index) => ours(`${path}.settle[${index}]`, text));
		if (target === 'undecided' && !step.settle) {
			push(`${path}.settle`, 'is required: say what would settle an undecided result');
		} else if (target !== 'undecided' && step.settle) {
			push(`${path}.settle`, 'is only for "undecided"; remove it');
		}
	}
	issues.push(...checkIdsInProse(proseOfNextSteps(file), at, issues));
	return issues;
}

// Sources named in prose -------------------------------------------------------

/** One text a reader sees: the content file it is in, where in it, and the text. */
type Prose = [file: string, path: string, text: string];

/** A source or method-reference id: S000–S999, M01–M99. */
const bareIdPattern = /\b(?:S\d{3}|M\d{2})\b/g;

/**
 * The source and method-reference ids a reader would see in `text` as they are:
 * those outside citation markers (a marker becomes numbered links) and outside
 * Markdown link targets (never shown).
 */
export function bareIdsOf(text: string): string[] {
	const shown = text
		.replace(new RegExp(citationPattern.source, 'g'), '')
		.replace(/\]\([^)]*\)/g, ']');
	return [...new Set(shown.match(bareIdPattern) ?? [])];
}

/**
 * A reader does not know what "S001" is: prose names a source by who published
 * it and keeps the id inside a marker. Refuses every id written outside one, in
 * places that `found` has no problem for yet (a text refused for carrying a
 * marker at all is fixed by rewriting it, bare ids included).
 */
function checkIdsInProse(
	prose: Iterable<Prose>,
	at: (file: string) => string,
	found: readonly ContentIssue[]
): ContentIssue[] {
	const reported = new Set(found.map((issue) => `${issue.file}: ${issue.path}`));
	const issues: ContentIssue[] = [];
	for (const [file, path, text] of prose) {
		if (reported.has(`${at(file)}: ${path}`)) continue;
		for (const id of bareIdsOf(text)) {
			const name = id.startsWith('M')
				? 'the work by its authors (method-references.yaml)'
				: 'the source by who published it or a short title (sources.yaml)';
			issues.push({
				file: at(file),
				path,
				message: `names ${id} outside a citation; readers do not know the ids, so name ${name} and keep ${id} only inside a marker such as [${id}]`
			});
		}
	}
	return issues;
}

/** Every string in `value`, with its path (`wording.verdicts.product.sentence`). */
function* stringsIn(value: unknown, path: string): Generator<[string, string]> {
	if (typeof value === 'string') yield [path, value];
	else if (Array.isArray(value)) {
		for (const [index, entry] of value.entries()) yield* stringsIn(entry, `${path}[${index}]`);
	} else if (value !== null && typeof value === 'object') {
		for (const [key, entry] of Object.entries(value)) yield* stringsIn(entry, `${path}.${key}`);
	}
}

/** The reader-facing texts of the instrument, rubric, statements, scenarios and explanations. */
function* proseOfContent(parsed: ParsedContent): Generator<Prose> {
	const { instrument, rubric, items, scenarios, explanations } = parsed;
	yield ['instrument.yaml', 'title', instrument.title];
	for (const [path, text] of stringsIn(instrument.likertLabels, 'likertLabels'))
		yield ['instrument.yaml', path, text];
	for (const [path, text] of stringsIn(instrument.wording, 'wording'))
		yield ['instrument.yaml', path, text];
	for (const [s, scale] of rubric.scales.entries()) {
		for (const field of ['name', 'role', 'description'] as const)
			yield ['rubric.yaml', `scales[${s}].${field}`, scale[field]];
		for (const [f, facet] of scale.facets.entries()) {
			for (const field of ['name', 'description'] as const)
				yield ['rubric.yaml', `scales[${s}].facets[${f}].${field}`, facet[field]];
		}
	}
	for (const [index, item] of items.items.entries())
		yield ['items.yaml', `items[${index}].text`, item.text];
	for (const [index, scenario] of scenarios.scenarios.entries()) {
		yield ['scenarios.yaml', `scenarios[${index}].text`, scenario.text];
		for (const [o, option] of scenario.options.entries())
			yield ['scenarios.yaml', `scenarios[${index}].options[${o}].text`, option.text];
	}
	for (const explanation of explanations) {
		const file = explanation.file.slice(explanation.file.indexOf('explanations/'));
		yield [file, 'front matter.title', explanation.frontMatter.title];
		for (const part of explanation.parts) {
			for (const [p, paragraph] of part.paragraphs.entries())
				yield [file, `${part.label}paragraph ${p + 1}`, paragraph];
		}
	}
}

/** The reader-facing texts of `next-steps.yaml`. */
function* proseOfNextSteps(file: NextStepsFile): Generator<Prose> {
	for (const [target, step] of Object.entries(file.nextSteps)) {
		const path = `nextSteps.${target}`;
		yield ['next-steps.yaml', `${path}.intro`, step.intro];
		for (const [index, title] of step.titles.entries())
			yield ['next-steps.yaml', `${path}.titles[${index}].title`, title.title];
		for (const [index, text] of step.tries.entries())
			yield ['next-steps.yaml', `${path}.tries[${index}]`, text];
		for (const [index, entry] of step.read.entries())
			yield ['next-steps.yaml', `${path}.read[${index}].why`, entry.why];
		for (const [index, text] of (step.settle ?? []).entries())
			yield ['next-steps.yaml', `${path}.settle[${index}]`, text];
	}
}
