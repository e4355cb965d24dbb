/**
 * The one adapter between the questionnaire actor and Svelte runes (STYLE convention 6).
 * Components read `quiz.snapshot` (`hasTag()`, `can()`, `context`, the selectors in
 * `selectors.ts`) and call `quiz.send()`; nothing else touches the actor.
 *
 * The machine may arrive later than the page: a route passes a function that imports it (with
 * its effects supplied through `questionnaireMachine.provide()`), so that XState stays out of the
 * JavaScript a first visit waits for. Until it has arrived, `snapshot` is a stand-in for the
 * machine's initial snapshot (the first question, nothing answered), which is also what the
 * server renders; events sent meanwhile are kept and replayed once the quiz runs.
 *
 * With `loadOn: 'intent'`, a fresh quiz does not even fetch the machine after the first paint:
 * it waits for the first sign that the person is about to answer (a pointer pressed, a key, focus
 * moving into the page, or an event sent), so that a first visit that only reads costs no XState.
 * A saved quiz to resume loads it at once, as it is needed to show where the person left off.
 */
import { createContext, untrack } from 'svelte';
import type { Actor } from 'xstate';
import type { QuestionnaireMachine } from './machine.ts';
import { initialContext, resumeAt } from './selectors.ts';
import type {
	PersistedQuestionnaire,
	QuestionnaireCommand,
	QuestionnaireEvent,
	QuestionnaireView,
	QuestionRef
} from './types.ts';

/** Options for {@link useQuestionnaire}. */
export interface QuestionnaireOptions {
	/** The questions in order; map content with `questionRefsOf` (`questions.ts`). */
	questions: QuestionRef[];
	/**
	 * The machine to run, with the page's effects supplied (`questionnaireMachine.provide()`), or
	 * a function that loads it.
	 */
	machine: QuestionnaireMachine | (() => Promise<QuestionnaireMachine>);
	/**
	 * Where to pick up, fetched while the machine loads: a stored snapshot already checked by
	 * `snapshot.ts`, or undefined for a fresh quiz.
	 */
	resume?: () => Promise<PersistedQuestionnaire | undefined> | PersistedQuestionnaire | undefined;
	/**
	 * Called when a snapshot passed validation but the machine still cannot run it; the quiz
	 * then starts afresh, and the page should forget that snapshot and say so.
	 */
	onbroken?: () => void;
	/**
	 * When the machine is fetched: `mount` (the default) as soon as the component is mounted;
	 * `intent` for a fresh quiz only on the first pointerdown, keydown or focusin in the window
	 * or the first `send()` / `restore()` (a quiz to resume loads it at once either way).
	 */
	loadOn?: 'mount' | 'intent';
}

/**
 * `starting` until the machine runs, `failed` when it could not be loaded (see `retry`);
 * `waiting` (with `loadOn: 'intent'`) when the page shows a fresh quiz and takes events, which
 * are kept and replayed, while the machine waits for the first sign of use.
 */
export type QuestionnaireStatus = 'starting' | 'waiting' | 'running' | 'failed';

/** A running questionnaire, shared with child components through context. */
export interface Questionnaire {
	/** The current snapshot, replaced whole on every transition (reactive). */
	readonly snapshot: QuestionnaireView;
	readonly status: QuestionnaireStatus;
	/** Sends an event, stamped with the current time (kept until the machine runs). */
	send(event: QuestionnaireCommand): void;
	/**
	 * Replaces the running quiz with `persisted` (or a fresh one), as when another tab has
	 * saved: no effect runs, nothing is saved.
	 */
	restore(persisted?: PersistedQuestionnaire): void;
	/** Tries to load the machine again after `status` became `failed`. */
	retry(): void;
}

/** What the machine's initial snapshot shows, without the machine. */
function standIn(questions: QuestionRef[]): QuestionnaireView {
	return {
		value: 'answering',
		context: initialContext({ questions }),
		hasTag: (tag) => tag === 'question',
		// Nothing is possible yet: the buttons render as they do for an unanswered first question.
		can: () => false
	};
}

/**
 * Creates a questionnaire for the calling component and runs it while the component is mounted.
 * Call it in a component's script, never at module level: a module-level actor would be shared
 * by every visitor during SSR.
 *
 * During SSR (and prerendering) nothing is loaded or started: the page renders the stand-in, so
 * the first question is in the HTML. In the browser the machine and the snapshot to resume are
 * fetched once the component is mounted; the actor stops when the component is destroyed.
 */
export function useQuestionnaire(options: QuestionnaireOptions): Questionnaire {
	const { questions } = options;
	let snapshot = $state.raw<QuestionnaireView>(standIn(questions));
	let status = $state<QuestionnaireStatus>('starting');

	let machine: QuestionnaireMachine | undefined;
	let createActor: typeof import('./create-actor.ts').createActor | undefined;
	let actor: Actor<QuestionnaireMachine> | undefined;
	/** Events sent before the machine ran. */
	let queue: QuestionnaireEvent[] = [];
	/** A `restore()` that came before the machine did. */
	let restoreFirst: { persisted?: PersistedQuestionnaire } | undefined;
	let destroyed = false;
	/** Resolved by the first sign of use (see `loadOn`). */
	let intended = () => {};
	const intent = new Promise<void>((resolve) => (intended = resolve));
	/** When a fresh quiz's first question was ready to answer, if the machine waited for intent. */
	let waitingSince: number | undefined;

	/** Starts an actor from `persisted` (or fresh) in place of the current one. */
	function run(persisted: PersistedQuestionnaire | undefined) {
		actor?.stop();
		actor = undefined;
		const now = Date.now();
		let next: Actor<QuestionnaireMachine> | undefined;
		try {
			next = createActor!(machine!, {
				// A fresh quiz that waited for intent: its first question was on screen since then.
				input: { questions, at: waitingSince ?? now },
				// The stored clock predates the reload; restart it so closed-tab time is not counted.
				snapshot: persisted && resumeAt(persisted, now)
			});
			const self = next;
			next.subscribe({
				next: (value) => (snapshot = value),
				// A machine that fails while running (a bug) must not leave a quiz that ignores
				// every tap: say so, and offer to start it again from what was last saved.
				error: (error) => {
					if (actor !== self) return;
					console.error('The quiz stopped:', error);
					status = 'failed';
				}
			});
			next.start();
			const started = next.getSnapshot();
			if (started.status !== 'active') throw started.error;
		} catch (error) {
			next?.stop();
			if (persisted === undefined) throw error;
			options.onbroken?.();
			run(undefined);
			return;
		}
		actor = next;
		waitingSince = undefined;
		snapshot = next.getSnapshot();
		status = 'running';
	}

	async function load() {
		status = 'starting';
		try {
			const resuming = Promise.resolve(options.resume?.()).catch(() => undefined);
			if (options.loadOn === 'intent') {
				const stored = await resuming;
				if (destroyed) return;
				if (stored === undefined && restoreFirst === undefined && queue.length === 0) {
					waitingSince ??= Date.now();
					status = 'waiting';
					await intent;
					if (destroyed) return;
				}
			}
			const [runtime, loaded, resumed] = await Promise.all([
				import('./create-actor.ts'),
				typeof options.machine === 'function' ? options.machine() : options.machine,
				resuming
			]);
			if (destroyed) return;
			createActor = runtime.createActor;
			machine = loaded;
			const persisted = restoreFirst ? restoreFirst.persisted : resumed;
			run(persisted);
			// Taps made on the stand-in (including an answer chosen before the app took the page
			// over, which ChoiceQuestion reports then) belong to a fresh quiz: they are replayed,
			// so that answer is kept and moves on as a tap does. A resumed quiz wins over them and
			// they are dropped: they were made on a first question shown before the saved answers
			// were known, and replaying them would change the saved answer to that question. The
			// page then shows where the person left off.
			if (persisted === undefined) for (const event of queue) actor!.send(event);
			queue = [];
			restoreFirst = undefined;
		} catch (error) {
			console.error('The quiz could not start:', error);
			status = 'failed';
		}
	}

	// Effects run only in the browser: this is where the quiz comes alive. Untracked, so that
	// state read while loading never re-runs it: a stopped actor stays stopped.
	$effect(() =>
		untrack(() => {
			const signs = ['pointerdown', 'keydown', 'focusin'] as const;
			const stopListening = () => {
				for (const type of signs) window.removeEventListener(type, onSign, true);
			};
			function onSign() {
				stopListening();
				intended();
			}
			if (options.loadOn === 'intent') {
				for (const type of signs) window.addEventListener(type, onSign, true);
			}
			load();
			return () => {
				destroyed = true;
				stopListening();
				actor?.stop();
			};
		})
	);

	return {
		get snapshot() {
			return snapshot;
		},
		get status() {
			return status;
		},
		send(command) {
			const event = { ...command, at: Date.now() } as QuestionnaireEvent;
			if (actor) actor.send(event);
			else {
				queue.push(event);
				intended();
			}
		},
		restore(persisted) {
			if (machine) run(persisted);
			else {
				restoreFirst = { persisted };
				intended();
			}
		},
		retry() {
			if (status === 'failed') load();
		}
	};
}

/**
 * Shares one questionnaire with child components: the page calls
 * `setQuestionnaireContext(quiz)` after `useQuestionnaire`, children call
 * `getQuestionnaireContext()` (which throws when no ancestor set one). Both run during component
 * initialisation.
 */
export const [getQuestionnaireContext, setQuestionnaireContext] = createContext<Questionnaire>();
