/**
 * The one adapter between the questionnaire actor and Svelte runes (STYLE convention 6).
 * Components read `quiz.snapshot` (`matches()`, `hasTag()`, the selectors in `machine.ts`)
 * and call `quiz.send()`; nothing else touches the actor.
 */
import { createContext, untrack } from 'svelte';
import { createActor } from 'xstate';
import {
	questionnaireMachine,
	resumeAt,
	type PersistedQuestionnaire,
	type QuestionnaireCommand,
	type QuestionnaireSnapshot,
	type QuestionRef
} from './machine.ts';

/** Options for {@link useQuestionnaire}. */
export interface QuestionnaireOptions {
	/** The questions in order; map content with `questionRefsOf`. */
	questions: QuestionRef[];
	/** A stored snapshot to resume, already checked by `loadQuiz` (persistence.ts). */
	snapshot?: PersistedQuestionnaire;
	/** Called with the persisted snapshot after every change (and once on start), e.g. to save it. */
	onChange?: (persisted: PersistedQuestionnaire) => void;
}

/** A running questionnaire, shared with child components through context. */
export interface Questionnaire {
	/** The current snapshot, replaced whole on every transition (reactive). */
	readonly snapshot: QuestionnaireSnapshot;
	/** Sends an event, stamped with the current time. */
	send(event: QuestionnaireCommand): void;
	/** The snapshot to store for resuming later. */
	persisted(): PersistedQuestionnaire;
}

/**
 * Creates a questionnaire actor for the calling component and runs it while the component is
 * mounted. Call it in a component's script, never at module level: a module-level actor would be
 * shared by every visitor during SSR.
 *
 * During SSR (and prerendering) the actor is created but never started: the component renders
 * its initial snapshot, so the first question is in the HTML. In the browser it starts once the
 * component is mounted, and stops when the component is destroyed.
 */
export function useQuestionnaire(options: QuestionnaireOptions): Questionnaire {
	const actor = createActor(questionnaireMachine, {
		input: { questions: options.questions, at: Date.now() },
		// The stored clock predates the reload; restart it so closed-tab time is not counted.
		snapshot: options.snapshot && resumeAt(options.snapshot, Date.now())
	});
	const persisted = () => actor.getPersistedSnapshot() as PersistedQuestionnaire;
	let snapshot = $state.raw(actor.getSnapshot());

	// Effects run only in the browser: this is where the actor comes alive. Untracked, so that
	// state read by `onChange` (which start() calls) never re-runs it: a stopped actor stays stopped.
	$effect(() =>
		untrack(() => {
			const subscription = actor.subscribe((next) => {
				snapshot = next;
				options.onChange?.(persisted());
			});
			actor.start();
			return () => {
				subscription.unsubscribe();
				actor.stop();
			};
		})
	);

	return {
		get snapshot() {
			return snapshot;
		},
		send(event) {
			actor.send({ ...event, at: Date.now() });
		},
		persisted
	};
}

/**
 * Shares one questionnaire with child components: the page calls
 * `setQuestionnaireContext(quiz)` after `useQuestionnaire`, children call
 * `getQuestionnaireContext()` (which throws when no ancestor set one). Both run during component
 * initialisation.
 */
export const [getQuestionnaireContext, setQuestionnaireContext] = createContext<Questionnaire>();
