/**
 * Server-side views of the content for pages that prerender: only the slices
 * those pages show travel to the browser, never the whole instrument, and only
 * in the page's language.
 */
import english from 'virtual:rolefit/content';
import englishManual from 'virtual:rolefit/manual';
import editions from 'virtual:rolefit/editions';
import { questionnaireOf } from '$lib/content/questionnaire';
import type { Content } from '$lib/content/types';
import { BASE_LANGUAGE } from '$lib/i18n/languages';

/** The content in a language (English for the base, or a code without a translation). */
export function contentIn(language: string): Content {
	return editions[language]?.content ?? english;
}

/** Seconds a typical person spends per question; 36 questions come to about 8 minutes. */
const secondsPerQuestion = 13;

export function landingFacts(language: string = BASE_LANGUAGE) {
	const content = contentIn(language);
	const questions = content.sequence.length;
	const { version, fingerprint } = content.instrument;
	return {
		title: content.instrument.title,
		instrument: { version, fingerprint },
		questionIds: content.sequence,
		questions,
		/** Why a quiz saved in this browser was set aside (quiz-page.yaml). */
		savedQuizNotices: {
			unreadable: content.quizPage.notices.unreadable,
			'earlier-version': content.quizPage.notices.earlier,
			'later-version': content.quizPage.notices.later
		},
		statements: content.items.length,
		scenarios: content.scenarios.length,
		minutes: Math.round((questions * secondsPerQuestion) / 60),
		scales: content.scales.map((scale) => ({
			id: scale.id,
			name: scale.name,
			role: scale.role,
			description: scale.description,
			facets: scale.facetIds.map((id) => content.facets.find((facet) => facet.id === id)!.name)
		}))
	};
}

export function sourcesPage(language: string = BASE_LANGUAGE) {
	const content = contentIn(language);
	return {
		sources: content.sources,
		methodReferences: content.methodReferences,
		method: content.explanations.find((explanation) => explanation.kind === 'method')!,
		scales: content.scales.map((scale) => ({
			...scale,
			facets: content.facets.filter((facet) => facet.scale === scale.id)
		})),
		thresholds: content.instrument.thresholds,
		version: content.instrument.version
	};
}

/** What the quiz page needs: the questions in order and the answer labels. */
export function questionnaire(language: string = BASE_LANGUAGE) {
	return questionnaireOf(contentIn(language));
}

/** The technical manual for instructors and HR teams, rendered at build time. */
export function technicalManual(language: string = BASE_LANGUAGE) {
	const edition = editions[language];
	return {
		...(edition?.manual ?? englishManual),
		version: english.instrument.version,
		/** The safe-use section's heading in this language; null in English. */
		translatedHeading: edition ? edition.manualHeading : null
	};
}
