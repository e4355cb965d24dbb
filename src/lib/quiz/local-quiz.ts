/**
 * The effects of a quiz kept in this browser (the /quiz page's, and the embedded quiz's), supplied
 * to the questionnaire machine: every change is saved in this browser (`snapshot.ts`), nothing is
 * sent anywhere, and the finished quiz's answers become a share link, which the page opens or
 * shows. Imported once the first question is on screen, with XState.
 */
import type { QuestionnaireContent } from '$lib/content/types';
import type { Answers } from '$lib/scoring/types';
import { questionnaireMachine } from '$lib/quiz/machine';
import { persistAction, type QuizStorage } from '$lib/quiz/snapshot';
import { encodeShare, shareQuestionsOf } from '$lib/share/codec';

export interface LocalQuizOptions {
	storage: QuizStorage;
	/** Told after each save whether storage took it. */
	onsaved: (saved: boolean) => void;
	/** False while this tab must not save (another tab runs a newer version). */
	maySave: () => boolean;
	/** The finished quiz: its share link's fragment (the answers, encoded) and the answers. */
	onfinished: (fragment: string, answers: Answers) => void;
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
				options.onfinished(fragment, context.answers);
			}
		}
	});
}
