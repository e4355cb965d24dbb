/**
 * Zod schemas for every file under `content/`, one per file kind.
 *
 * Each schema checks what can be checked inside one file; the cross-file rules
 * (facets that exist, citations that resolve, reverse-keyed shares) live in
 * `crosscheck.server.ts`, because they need several files at once.
 */
import { z } from 'zod';
import { placeholdersOf } from './template.ts';

/** A source id as the bibliography spells it: S000, S001, … */
export const sourceIdSchema = z
	.string()
	.regex(/^S\d{3}$/, 'must look like S000 (an "S" and three digits)');

/**
 * A stable id: lowercase letters, digits, dots and hyphens. Published ids
 * never change, because stored answers and share links refer to them.
 */
export const stableIdSchema = z
	.string()
	.regex(
		/^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/,
		'must be lowercase letters and digits, joined by "." or "-" (for example "s.vision-1")'
	);

/** The two scales are fixed: the position is strategic minus tactical. */
export const scaleIdSchema = z.enum(['strategic', 'tactical']);

const citationsSchema = z.array(sourceIdSchema).min(1, 'must cite at least one source');

/** A method reference id: M01, M02, … (works on measurement, not on the roles). */
export const methodReferenceIdSchema = z
	.string()
	.regex(/^M\d{2}$/, 'must look like M01 (an "M" and two digits)');

const text = (what: string) => z.string().trim().min(1, `${what} must not be empty`);

/** A text whose `{name}` placeholders are all among `names` (the page fills them). */
const template = (what: string, ...names: string[]) =>
	text(what).refine((value) => placeholdersOf(value).every((name) => names.includes(name)), {
		error: names.length
			? `may only use ${names.map((name) => `{${name}}`).join(', ')}`
			: 'must not use {placeholders}'
	});

/** A fixed text: no placeholders. */
const label = (what: string) => template(what);

const labels = <const K extends string>(what: string, keys: readonly K[]) =>
	z.strictObject(
		Object.fromEntries(keys.map((key) => [key, label(`${what}.${key}`)])) as {
			[P in K]: ReturnType<typeof label>;
		}
	);

// ---------------------------------------------------------------- sources.yaml

export const sourceSchema = z.strictObject({
	id: sourceIdSchema,
	title: text('title'),
	origin: text('origin'),
	/** The date the source text itself states for the whole source; omitted when it states none. */
	date: text('date').optional(),
	file: z.string().optional()
});

export const sourcesFileSchema = z.strictObject({
	sources: z.array(sourceSchema).min(1, 'must list at least one source')
});

// ---------------------------------------------------- method-references.yaml

export const methodReferenceSchema = z.strictObject({
	id: methodReferenceIdSchema,
	/** The bibliographic entry, as it should be printed. */
	citation: text('citation'),
	/** What the work supports, in our words. */
	supports: text('supports')
});

export const methodReferencesFileSchema = z.strictObject({
	references: z.array(methodReferenceSchema).min(1, 'must list at least one reference')
});

// ------------------------------------------------------------- instrument.yaml

const share = (what: string) =>
	z.number().min(0, `${what} must be between 0 and 1`).max(1, `${what} must be between 0 and 1`);

const score100 = z
	.number()
	.min(0, 'must be between 0 and 100')
	.max(100, 'must be between 0 and 100');

export const thresholdsSchema = z.strictObject({
	/** A direction needs the band to leave 0 and |position| at least this (rounded). */
	directionAtLeast: score100,
	/** Both scale scores at or above this: a hybrid role may fit. */
	hybridAtLeast: score100,
	/** Both scale scores at or below this: the quiz does not describe you well. */
	lowFitAtMost: score100,
	/**
	 * A scale with a smaller share of its statements answered than this gets no
	 * verdict (statements, not scenarios: the scenarios alone must never decide).
	 */
	minAnsweredShare: share('minAnsweredShare'),
	/** This share of identical agreement answers or more is straight-lining. */
	straightLiningShare: share('straightLiningShare'),
	/** A median of fewer seconds per question than this is rushing. */
	rushingMedianSeconds: z.number().positive('must be a positive number of seconds'),
	/** Two answers of a consistency pair this far apart (after keying) contradict each other. */
	contradictionGap: z.int().min(1, 'must be 1 to 4').max(4, 'must be 1 to 4'),
	/** This many contradicted pairs or more raise the inconsistency flag. */
	contradictedPairsAtLeast: z.int().min(1, 'must be at least 1'),
	/** How many facets to show as strengths and as growth areas, at most. */
	facetsToHighlight: z.int().min(1, 'must be at least 1').max(5, 'must be at most 5'),
	/**
	 * A facet stands out (strongest or weakest) only when its level is this many
	 * points above (or below) the mean of the person's other facets.
	 */
	facetStandsOutBy: z.int().min(1, 'must be 1 to 100').max(100, 'must be 1 to 100')
});

export const measurementSchema = z.strictObject({
	/** The band is the position ± bandZ standard errors (1.645 for 90%). */
	bandZ: z.number().positive('must be a positive number').max(4, 'must be at most 4'),
	/**
	 * The most reliable one answer is assumed to be; its error is never taken as
	 * smaller than the standard error of measurement this leaves.
	 */
	assumedAnswerReliability: z
		.number()
		.min(0, 'must be between 0 and 0.95')
		.max(0.95, 'must be between 0 and 0.95'),
	/**
	 * What one scenario pick weighs in a level, against one statement's 1. A pick
	 * is a forced choice between the sides: below 1 it moves the position without
	 * carrying a level on its own.
	 */
	scenarioWeight: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1')
});

const labelled = z.strictObject({ label: text('label'), sentence: text('sentence') });
const leanWording = labelled.extend({ withProfile: text('withProfile') });

export const wordingSchema = z.strictObject({
	verdicts: z.strictObject({ product: labelled, 'in-between': labelled, project: labelled }),
	profiles: z.strictObject({ hybrid: labelled, 'low-fit': labelled, undecided: labelled }),
	/**
	 * In between, but the range lies wholly on one side of 0: a slight lean.
	 * `sentence` leads the result; `withProfile` follows a hybrid or low-fit sentence.
	 */
	leans: z.strictObject({ product: leanWording, project: leanWording }),
	firmness: z.strictObject({ firm: text('firm'), tentative: text('tentative') }),
	/** Where the position is and its range: `{position}`, `{low}` and `{high}` are filled in. */
	position: template('position', 'position', 'low', 'high'),
	/** One plain sentence on what the band means. */
	band: text('band'),
	/** Shown instead of a verdict when too few questions were answered. */
	noVerdict: text('noVerdict'),
	/** The intended-use notice: printed by the CLI, shown with group results. */
	notForSelection: text('notForSelection')
});

export const instrumentFileSchema = z.strictObject({
	id: stableIdSchema,
	title: text('title'),
	/** Bump on any change to items, keying, scenarios or weights. */
	version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version like 1.0.0 (major.minor.patch)'),
	likertLabels: z.tuple(
		[text('label'), text('label'), text('label'), text('label'), text('label')],
		{
			error: 'must list exactly five labels, from "strongly disagree" to "strongly agree"'
		}
	),
	thresholds: thresholdsSchema,
	measurement: measurementSchema,
	wording: wordingSchema
});

// ----------------------------------------------------------------- rubric.yaml

export const facetSchema = z.strictObject({
	id: stableIdSchema,
	name: text('name'),
	description: text('description'),
	sources: citationsSchema
});

export const scaleSchema = z.strictObject({
	id: scaleIdSchema,
	name: text('name'),
	role: text('role'),
	description: text('description'),
	facets: z.array(facetSchema).min(1, 'must have at least one facet')
});

export const rubricFileSchema = z.strictObject({
	scales: z.array(scaleSchema).length(2, 'must define exactly two scales: strategic and tactical')
});

// ------------------------------------------------------------------ items.yaml

export const likertItemSchema = z.strictObject({
	id: stableIdSchema,
	facet: stableIdSchema,
	keyed: z.enum(['plus', 'minus'], {
		error: 'must be "plus" (agreeing means more of the facet) or "minus" (reverse-keyed)'
	}),
	text: text('text'),
	sources: citationsSchema
});

export const consistencyPairSchema = z.strictObject({
	id: stableIdSchema,
	items: z.tuple([stableIdSchema, stableIdSchema], { error: 'must name exactly two item ids' })
});

export const itemsFileSchema = z.strictObject({
	items: z.array(likertItemSchema).min(1, 'must list at least one item'),
	consistencyPairs: z.array(consistencyPairSchema).default([])
});

// -------------------------------------------------------------- scenarios.yaml

const weight = z
	.number({ error: 'must be a number between 0 and 1' })
	.min(0, 'must be between 0 and 1')
	.max(1, 'must be between 0 and 1');

export const scenarioOptionSchema = z.strictObject({
	text: text('text'),
	weights: z.strictObject({ strategic: weight, tactical: weight })
});

export const scenarioSchema = z.strictObject({
	id: stableIdSchema,
	text: text('text'),
	sources: citationsSchema,
	options: z
		.array(scenarioOptionSchema)
		.min(3, 'must offer 3 or 4 options')
		.max(4, 'must offer 3 or 4 options')
});

export const scenariosFileSchema = z.strictObject({
	scenarios: z.array(scenarioSchema).min(1, 'must list at least one scenario')
});

// ---------------------------------------------------- explanations/**/*.md

export const explanationKinds = [
	'verdict',
	'facet',
	'profile',
	'lean',
	'flag',
	'caveat',
	'method'
] as const;

/** The direction of a result: product side, project side, or in between. */
export const verdictIds = ['product', 'in-between', 'project'] as const;

/** What kind of in-between: strong on both, drawn to neither, or not settled by the answers. */
export const profileIds = ['hybrid', 'low-fit', 'undecided'] as const;

/** The side a range lies wholly on, when it does not include 0. */
export const leanIds = ['product', 'project'] as const;

/** How firm a directional verdict is, read from its band. */
export const firmnessIds = ['firm', 'tentative'] as const;

export const flagIds = ['straight-lining', 'inconsistent', 'rushing', 'incomplete'] as const;

export const explanationFrontMatterSchema = z.strictObject({
	id: stableIdSchema,
	kind: z.enum(explanationKinds),
	/** What the text explains: a verdict, facet, profile, lean or flag id; none for caveat and method. */
	target: z.string().optional(),
	title: text('title')
});

// ------------------------------------------------------------- next-steps.yaml

const nextStepSchema = z.strictObject({
	/** One or two sentences that cite the sources, like an explanation paragraph. */
	intro: text('intro'),
	/** Job titles exactly as a source names them, with the sources that name them. */
	titles: z
		.array(z.strictObject({ title: text('title'), sources: citationsSchema }))
		.min(1, 'must name at least one job title'),
	/** Our own advice: exactly three things to try in the next month, citing nothing. */
	tries: z.tuple([text('a thing to try'), text('a thing to try'), text('a thing to try')], {
		error: 'must list exactly three things to try'
	}),
	/** Sources worth reading next, each with what it offers, in our words. */
	read: z
		.array(z.strictObject({ source: sourceIdSchema, why: text('why') }))
		.min(1, 'must name at least one source to read'),
	/** For `undecided` only: what would settle it (our own advice, citing nothing). */
	settle: z.array(text('settle')).min(1, 'must say at least one thing').optional()
});

/** One entry per direction (`product`, `project`) and per kind of in-between. */
export const nextStepsFileSchema = z.strictObject({
	nextSteps: z.strictObject({
		product: nextStepSchema,
		project: nextStepSchema,
		hybrid: nextStepSchema,
		'low-fit': nextStepSchema,
		undecided: nextStepSchema,
		'lean-product': nextStepSchema,
		'lean-project': nextStepSchema
	})
});

// ------------------------------------------------------ facilitator-guide.yaml

const steps = (what: string) =>
	z.strictObject({
		heading: text(`${what}.heading`),
		steps: z.array(text('step')).min(1, 'must list at least one step')
	});
const promptSet = z.strictObject({
	/** When the prompts apply, as the dashboard says it. */
	when: text('when'),
	questions: z.array(text('question')).min(1, 'must list at least one question')
});

/** The kinds of group the guide has prompts for (src/lib/cohorts/guide.ts decides which apply). */
export const groupPatternIds = [
	'mostly-product',
	'mostly-project',
	'spread-out',
	'many-in-between',
	'many-flagged',
	'mixed'
] as const;

export const facilitatorGuideFileSchema = z.strictObject({
	title: text('title'),
	/** Said above our own advice. */
	ours: text('ours'),
	/** When each set of prompts applies, as shares of the group (src/lib/cohorts/guide.ts). */
	patterns: z.strictObject({
		mostlyOneSide: share('patterns.mostlyOneSide'),
		bothSidesAtLeast: share('patterns.bothSidesAtLeast'),
		inBetweenAtLeast: share('patterns.inBetweenAtLeast'),
		flaggedAtLeast: share('patterns.flaggedAtLeast')
	}),
	session: z.strictObject({
		heading: text('session.heading'),
		before: steps('before'),
		during: steps('during'),
		after: steps('after')
	}),
	prompts: z.strictObject({
		heading: text('prompts.heading'),
		'mostly-product': promptSet,
		'mostly-project': promptSet,
		'spread-out': promptSet,
		'many-in-between': promptSet,
		'many-flagged': promptSet,
		mixed: promptSet
	}),
	avoid: z.strictObject({
		heading: text('avoid.heading'),
		/** Each cites the method references it rests on, as [M14]. */
		items: z.array(text('item')).min(1, 'must list at least one item')
	})
});

// ----------------------------------------------------------- results-page.yaml

export const resultsPageFileSchema = z.strictObject({
	head: labels('head', ['title', 'description']),
	states: z.strictObject({
		...labels('states', [
			'loading',
			'noneHeading',
			'none',
			'invalidHeading',
			'takeQuiz',
			'linkEmpty',
			'linkDamaged',
			'failed',
			'savedQuizUnreadable',
			'savedResultsUnreadable',
			'savedResultsOtherVersion',
			'forgotten'
		]).shape,
		linkOtherVersion: template('linkOtherVersion', 'version'),
		linkEarlierEdition: template('linkEarlierEdition', 'version'),
		/** A link or kept result from an earlier version with the same questions, scored again. */
		rescored: template('rescored', 'version', 'current')
	}),
	card: z.strictObject({
		...labels('card', [
			'heading',
			'sharedHeading',
			'sharedNote',
			'takeQuizYourself',
			'ownLatest',
			'levelsHeading',
			'outOf',
			'strongest'
		]).shape,
		levelRange: template('levelRange', 'low', 'high'),
		facetScore: template('facetScore', 'name', 'score'),
		/** Shown instead of the strongest facets when none stands out from the others. */
		noneStandsOut: template('noneStandsOut', 'margin')
	}),
	levels: labels('levels', ['strategic', 'tactical']),
	map: z.strictObject({
		...labels('map', ['you', 'range', 'axisStrategic', 'axisTactical', 'noPoint']).shape,
		summary: template('summary', 'strategic', 'tactical', 'position', 'low', 'high', 'result')
	}),
	actions: z.strictObject({
		...labels('actions', [
			'heading',
			'copyLink',
			'share',
			'shareTitle',
			'downloadImage',
			'print',
			'downloadJson',
			'retake',
			'forget',
			'linkLabel',
			'copied',
			'copyFailed',
			'imageSaved',
			'imageFailed',
			'imageFile'
		]).shape,
		imageFooter: template('imageFooter', 'url')
	}),
	previous: z.strictObject({
		...labels('previous', ['heading', 'verdict', 'position']).shape,
		intro: template('intro', 'date'),
		columns: z.tuple([label('column'), label('column'), label('column')])
	}),
	quality: z.strictObject({
		heading: label('heading'),
		detail: template('detail', 'detail')
	}),
	next: labels('next', ['heading', 'titles', 'tries', 'ours', 'read', 'settle']),
	position: labels('position', ['heading']),
	why: z.strictObject({
		...labels('why', [
			'heading',
			'facetsHeading',
			'facetsIntro',
			'moved',
			'raised',
			'lowered',
			'noneMoved',
			'noneAnswered',
			'choicesHeading',
			'towardProduct',
			'towardProject',
			'towardBoth',
			'skipped'
		]).shape,
		/** What a person did, by answer 1–5 ("You disagreed"). */
		answered: z.tuple([
			label('answered'),
			label('answered'),
			label('answered'),
			label('answered'),
			label('answered')
		]),
		chose: template('chose', 'option')
	}),
	method: labels('method', ['heading', 'manual']),
	sources: z.strictObject({
		...labels('sources', ['heading', 'roles', 'measurement', 'cited', 'onSourcesPage']).shape,
		citation: template('citation', 'number', 'title'),
		show: template('show', 'count'),
		date: template('date', 'date'),
		sourceLink: template('sourceLink', 'id', 'title'),
		methodLink: template('methodLink', 'id', 'title'),
		ours: label('ours')
	}),
	print: z.strictObject({
		header: template('header', 'date', 'version'),
		online: template('online', 'url'),
		retake: template('retake', 'url')
	}),
	charts: z.strictObject({
		...labels('charts', [
			'showNumbers',
			'notAnswered',
			'point',
			'range',
			'facetAxis',
			'positionCaption',
			'positionNone',
			'facetsCaption',
			'facetsNone'
		]).shape,
		scales: labels('charts.scales', ['strategic', 'tactical']),
		ends: labels('charts.ends', ['project', 'product']),
		towards: labels('charts.towards', ['project', 'product']),
		positionColumns: z.tuple([label('column'), label('column')]),
		positionRows: z.tuple([label('row'), label('row'), label('row')]),
		positionSummary: template('positionSummary', 'distance', 'end', 'low', 'high'),
		positionSummaryZero: template('positionSummaryZero', 'low', 'high'),
		facetsColumns: z.tuple([label('column'), label('column'), label('column')]),
		facetsSummary: template('facetsSummary', 'highest', 'high', 'lowest', 'low')
	})
});

// -------------------------------------------------------------- quiz-page.yaml

export const quizPageFileSchema = z.strictObject({
	head: z.strictObject({
		title: label('head.title'),
		description: template('head.description', 'total')
	}),
	question: z.strictObject({
		...labels('question', [
			'likertPrompt',
			'scenarioPrompt',
			'back',
			'next',
			'toReview',
			'reviewAll',
			'chooseFirst'
		]).shape,
		counter: template('question.counter', 'position', 'total'),
		progress: template('question.progress', 'answered', 'total'),
		keys: template('question.keys', 'count')
	}),
	review: z.strictObject({
		...labels('review', [
			'heading',
			'unansweredOne',
			'unansweredHeading',
			'answeredHeading',
			'notAnswered',
			'yourAnswer',
			'answer',
			'change',
			'submit',
			'submitting',
			'backToQuestions'
		]).shape,
		allAnswered: template('review.allAnswered', 'total'),
		unansweredMany: template('review.unansweredMany', 'count'),
		answerLabel: template('review.answerLabel', 'number'),
		changeLabel: template('review.changeLabel', 'number'),
		submitFailed: template('review.submitFailed', 'reason')
	}),
	finished: labels('finished', ['heading', 'saved', 'seeResult']),
	startOver: z.strictObject({
		...labels('startOver', ['button', 'title', 'confirm', 'cancel']).shape,
		message: template('startOver.message', 'count')
	}),
	notices: labels('notices', [
		'noScript',
		'unreadable',
		'earlier',
		'later',
		'saveFailed',
		'otherTab',
		'otherTabCleared',
		'outOfDate',
		'reload',
		'loadFailed',
		'retry'
	]).extend({
		/** A quiz saved under an earlier version with the same questions, kept. */
		rescored: template('notices.rescored', 'version')
	})
});

// ------------------------------------------------------------------ inferred

export type Source = z.infer<typeof sourceSchema>;
export type Thresholds = z.infer<typeof thresholdsSchema>;
export type Measurement = z.infer<typeof measurementSchema>;
export type Wording = z.infer<typeof wordingSchema>;
export type MethodReference = z.infer<typeof methodReferenceSchema>;
export type InstrumentFile = z.infer<typeof instrumentFileSchema>;
export type ScaleId = z.infer<typeof scaleIdSchema>;
export type FacetFile = z.infer<typeof facetSchema>;
export type ScaleFile = z.infer<typeof scaleSchema>;
export type LikertItemFile = z.infer<typeof likertItemSchema>;
export type ConsistencyPair = z.infer<typeof consistencyPairSchema>;
export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type ScenarioOption = z.infer<typeof scenarioOptionSchema>;
export type ExplanationKind = (typeof explanationKinds)[number];
export type ExplanationFrontMatter = z.infer<typeof explanationFrontMatterSchema>;
export type VerdictId = (typeof verdictIds)[number];
export type ProfileId = (typeof profileIds)[number];
export type LeanId = (typeof leanIds)[number];
export type FirmnessId = (typeof firmnessIds)[number];
export type FlagId = (typeof flagIds)[number];
export type NextStepsFile = z.infer<typeof nextStepsFileSchema>;
export type NextStep = z.infer<typeof nextStepSchema>;
export type ResultsPageText = z.infer<typeof resultsPageFileSchema>;
export type FacilitatorGuideFile = z.infer<typeof facilitatorGuideFileSchema>;
export type GroupPatternId = (typeof groupPatternIds)[number];
export type QuizPageText = z.infer<typeof quizPageFileSchema>;
