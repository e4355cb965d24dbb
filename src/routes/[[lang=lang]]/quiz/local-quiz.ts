/**
 * The /quiz page's effects, supplied to the questionnaire machine: every change is saved in this
 * browser (`snapshot.ts`), nothing is sent anywhere, and the result opens from a share link made
 * of the answers. Imported once the first question is on screen, with XState.
 */
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import type { QuestionnaireContent } from '$lib/content/types';
import { questionnaireMachine } from '$lib/quiz/machine';
import { persistAction, type QuizStorage } from '$lib/quiz/snapshot';
import { encodeShare, shareQuestionsOf } from '$lib/share/codec';

export interface LocalQuizOptions {
	storage: QuizStorage;
	/** Told after each save whether storage took it. */
	onsaved: (saved: boolean) => void;
	/** False while this tab must not save (another tab runs a newer version). */
	maySave: () => boolean;
	/** The page's language (`[[lang]]`; undefined for English): the result opens in it too. */
	lang: string | undefined;
}

export function localQuizMachine(content: QuestionnaireContent, options: LocalQuizOptions) {
	const save = persistAction(options.storage, content.instrument, options.onsaved);
	return questionnaireMachine.provide({
		actions: {
			persist: (args) => {
				if (options.maySave()) save(args);
			},
			showResult: ({ context }) => {
				const questions = shareQuestionsOf(content.questions);
				const fragment = encodeShare(content.instrument, questions, context.answers);
				// The path is resolved; the fragment after it carries the answers, not a route.
				// eslint-disable-next-line svelte/no-navigation-without-resolve
				void goto(resolve('/[[lang=lang]]/results', { lang: options.lang }) + '#' + fragment);
			}
		}
	});
}
