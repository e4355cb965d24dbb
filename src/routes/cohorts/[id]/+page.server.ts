import { inLanguage } from '$lib/i18n/languages';
import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { MAX_COHORT_EMBED_ORIGINS } from '$lib/embed/origins';
import { embedSnippet } from '$lib/embed/snippet';
import { dashboard } from '$lib/server/cohort-aggregates';
import { dashboardIn } from '$lib/server/cohort-words';
import { rotateToken, rotateViewerToken } from '$lib/server/cohort-sessions';
import {
	deleteCohort,
	isRevealed,
	previousRuns,
	setClosed,
	setEmbedOrigins,
	setMinGroupSize,
	setRevealed
} from '$lib/server/cohorts';
import {
	clearSessionCookie,
	requireCohort,
	requireViewer,
	setSessionCookie
} from '$lib/server/facilitator';
import { facilitatorGuide } from '$lib/server/guide';
import { readForm } from '$lib/server/http';
import { fieldProblems, formRefusal, message, pageText } from '$lib/server/interface-text';

const query = z.object({ flagged: z.enum(['include', 'exclude']).optional() });

/** The facilitator and the read-only co-facilitator see the dashboard; only the first its controls. */
export async function load({ params, locals, url }) {
	const { cohort, role } = await requireViewer(params.id, locals.facilitatorSessions);
	const parsed = query.safeParse({ flagged: url.searchParams.get('flagged') ?? undefined });
	if (!parsed.success) error(400, message('dashboard_error_flagged', locals.language));
	const figures = await dashboard(cohort, { includeFlagged: parsed.data.flagged === 'include' });
	const view = dashboardIn(figures, locals.language);
	const [previous] = await previousRuns(cohort, 1);
	return {
		view,
		// The guide reads the counts, not the words: the figures as computed.
		guide: facilitatorGuide(figures),
		origin: url.origin,
		/** The participants' join page, in the language the cohort runs in. */
		joinPath: inLanguage(`/join/${figures.cohort.joinCode}`, figures.cohort.language),
		role,
		text: pageText('dashboard', locals.language),
		group: pageText('group', locals.language),
		/** The earlier run this cohort follows on from (the comparison page shows both). */
		previousRun: previous ? { id: previous.id, name: previous.name } : null,
		/** Whether a co-facilitator link exists (the button then says "replace"). */
		hasViewerLink: role === 'facilitator' && cohort.viewerTokenHash !== null,
		/** When participants see their own result, and whether they may now. */
		pacing: {
			onReveal: cohort.resultTiming === 'on-reveal',
			revealed: isRevealed(cohort)
		},
		/**
		 * The sites that may frame the join page, and the code to paste there: a setting, so the
		 * facilitator's only.
		 */
		embed:
			role === 'facilitator'
				? {
						origins: cohort.embedOrigins,
						max: MAX_COHORT_EMBED_ORIGINS,
						snippet: embedSnippet({
							origin: url.origin,
							joinCode: cohort.joinCode,
							language: cohort.language
						})
					}
				: null
	};
}

/**
 * Every action checks access again: a form posted without the facilitator's session cookie (a
 * co-facilitator's read-only one included) gets the 404.
 */
export const actions = {
	close: async ({ params, locals }) => {
		const cohort = await requireCohort(params.id, locals.facilitatorSessions);
		await setClosed(cohort.id, true);
		return { done: 'closed' };
	},
	reopen: async ({ params, locals }) => {
		const cohort = await requireCohort(params.id, locals.facilitatorSessions);
		await setClosed(cohort.id, false);
		return { done: 'reopened' };
	},
	/** Raises the minimum group size (lowering it is refused once responses exist). */
	minimum: async ({ params, locals, request }) => {
		const cohort = await requireCohort(params.id, locals.facilitatorSessions);
		const body = await readForm(request);
		if (!body.ok) {
			return fail(body.status, { errors: { minGroupSize: formRefusal(locals.language, body) } });
		}
		const changed = await setMinGroupSize(cohort.id, body.form);
		if (!changed.ok) return fail(400, { errors: fieldProblems(locals.language, changed.errors) });
		return { done: 'minimum', minGroupSize: changed.minGroupSize };
	},
	/** Sets the sites that may frame the join page (none when the box is left empty). */
	embed: async ({ params, locals, request }) => {
		const cohort = await requireCohort(params.id, locals.facilitatorSessions);
		const body = await readForm(request);
		if (!body.ok) {
			return fail(body.status, { errors: { embedOrigins: formRefusal(locals.language, body) } });
		}
		const changed = await setEmbedOrigins(cohort.id, body.form);
		if (!changed.ok) {
			// What was typed goes back into the box, so the facilitator corrects it rather than retyping.
			const typed = body.form.get('embedOrigins');
			return fail(400, {
				errors: fieldProblems(locals.language, changed.errors),
				embedOriginsText: typeof typed === 'string' ? typed : ''
			});
		}
		return { done: 'embed', embedOrigins: changed.embedOrigins };
	},
	reveal: async ({ params, locals }) => {
		const cohort = await requireCohort(params.id, locals.facilitatorSessions);
		if (cohort.resultTiming !== 'on-reveal') {
			return fail(400, { errors: { reveal: message('dashboard_error_reveal', locals.language) } });
		}
		await setRevealed(cohort.id, true);
		return { done: 'revealed' };
	},
	hide: async ({ params, locals }) => {
		const cohort = await requireCohort(params.id, locals.facilitatorSessions);
		if (cohort.resultTiming !== 'on-reveal') {
			return fail(400, { errors: { reveal: message('dashboard_error_reveal', locals.language) } });
		}
		await setRevealed(cohort.id, false);
		return { done: 'hidden' };
	},
	rotate: async ({ params, locals, cookies, url }) => {
		const cohort = await requireCohort(params.id, locals.facilitatorSessions);
		const { token, session } = await rotateToken(cohort.id);
		setSessionCookie(cookies, session, url);
		return { done: 'rotated', facilitatorLink: `${url.origin}/f/${token}` };
	},
	rotateViewer: async ({ params, locals, url }) => {
		const cohort = await requireCohort(params.id, locals.facilitatorSessions);
		const token = await rotateViewerToken(cohort.id);
		return { done: 'viewer-rotated', viewerLink: `${url.origin}/f/${token}` };
	},
	delete: async ({ params, locals, cookies, request }) => {
		const cohort = await requireCohort(params.id, locals.facilitatorSessions);
		const body = await readForm(request);
		if (!body.ok)
			return fail(body.status, { errors: { confirm: formRefusal(locals.language, body) } });
		const confirm = body.form.get('confirm');
		if (confirm !== cohort.name) {
			return fail(400, {
				errors: { confirm: message('dashboard_error_confirm', locals.language) }
			});
		}
		await deleteCohort(cohort.id);
		clearSessionCookie(cookies, cohort.id);
		redirect(303, '/cohorts/deleted');
	}
};
