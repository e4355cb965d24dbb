/**
 * An embed page's side of the event API, with runes: once the page runs in an allowed frame it
 * says `rolefit:ready`, reports its height on every change and the quiz's progress on every
 * answer, says `rolefit:error` when the quiz cannot load, and opens itself in the language the
 * page around asks for (`rolefit:set-language`). The page itself posts `rolefit:completed`,
 * which only it can word (what the person agreed to share).
 */
import { page } from '$app/state';
import { onMount } from 'svelte';
import type { Questionnaire } from '$lib/quiz/actor.svelte';
import { progress } from '$lib/quiz/selectors';
import { linkToParent, type ParentLink } from './messenger.ts';
import type { EmbedErrorReason } from './protocol.ts';

export interface EmbedFrameInput {
	/** The origins allowed to frame this page (the server's list). */
	origins: readonly string[];
	/** The quiz whose progress is reported, once there is one. */
	quiz?: Questionnaire;
	/** Why the page cannot do its job, if it cannot. */
	error?: EmbedErrorReason;
}

export function useEmbedFrame(input: () => EmbedFrameInput) {
	let link = $state.raw<ParentLink | null>(null);

	onMount(() => {
		const parent = linkToParent(window, input().origins);
		if (!parent) return;
		link = parent;
		parent.post('rolefit:ready', {});
		const main = document.getElementById('main') ?? document.body;
		const stopHeight = parent.reportHeight(main);
		const stopLanguage = parent.onSetLanguage((code) => {
			// The same page in that language, from the layout's list (an unknown code has none);
			// the quiz resumes there, as its answers are kept by question.
			const layout = page.data as {
				versions?: { code: string; href: string }[];
				language?: { code: string };
			};
			const version = layout.versions?.find((entry) => entry.code === code);
			if (version && code !== layout.language?.code) {
				location.assign(version.href.split('?')[0] + location.search);
			}
		});
		return () => {
			stopHeight();
			stopLanguage();
		};
	});

	// Progress on every answer (not on every move between questions).
	let lastAnswered = -1;
	$effect(() => {
		const quiz = input().quiz;
		if (!link || !quiz) return;
		const { answered, total } = progress(quiz.snapshot.context);
		if (answered === lastAnswered) return;
		lastAnswered = answered;
		link.post('rolefit:progress', { answered, total });
	});

	let reported: EmbedErrorReason | undefined;
	$effect(() => {
		const { quiz, error } = input();
		const reason = error ?? (quiz?.status === 'failed' ? 'quiz-failed-to-load' : undefined);
		if (!link || !reason || reason === reported) return;
		reported = reason;
		link.post('rolefit:error', { reason });
	});

	return {
		/** The line to the page around, or null when there is none it may talk to. */
		get link() {
			return link;
		}
	};
}
