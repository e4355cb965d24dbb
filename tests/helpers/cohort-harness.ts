/**
 * Calls the cohort routes' handlers and actions as SvelteKit would, on the database chosen by the
 * environment: in-memory PGlite by default, PostgreSQL when `DATABASE_URL` is set (the same suite
 * runs on both). Each test file gets its own in-memory database (vitest isolates modules).
 */
import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import content from 'virtual:rolefit/content';
import { newSubmissionKey, type Submission } from '../../src/lib/cohorts/submission.ts';
import { randomRespondent, seededRandom } from './content.ts';
import { sessionsFrom } from '../../src/lib/server/facilitator.ts';

if (!process.env.DATABASE_URL) process.env.DATA_DIR ??= 'memory://';

const origin = 'http://localhost';

export class CookieJar {
	values = new Map<string, { value: string; options: Record<string, unknown> }>();
	get = (name: string) => this.values.get(name)?.value;
	getAll = () => [...this.values].map(([name, { value }]) => ({ name, value }));
	set = (name: string, value: string, options: Record<string, unknown>) => {
		this.values.set(name, { value, options });
	};
	delete = (name: string) => {
		this.values.delete(name);
	};
	serialize = () => '';
}

let address = 0;
/** A fresh client address per call unless one is given, so rate limits stay out of the way. */
export const nextAddress = () => `10.0.${Math.floor(++address / 250)}.${address % 250}`;

export interface Outcome {
	status: number;
	data?: unknown;
	location?: string;
	body?: unknown;
	response?: Response;
}

/** Runs a load, action or handler and turns thrown redirects and errors into outcomes. */
export async function settle(run: () => unknown): Promise<Outcome> {
	try {
		const value = await run();
		if (value instanceof Response) {
			const text = await value.text();
			let body: unknown = text;
			try {
				body = JSON.parse(text);
			} catch {
				// CSV and other text stay text
			}
			return { status: value.status, body, response: value };
		}
		if (isActionFailure(value)) return { status: value.status, data: value.data };
		return { status: 200, data: value };
	} catch (error) {
		if (isRedirect(error)) return { status: error.status, location: error.location };
		if (isHttpError(error)) return { status: error.status, body: error.body };
		throw error;
	}
}

const routes = {
	create: () => import('../../src/routes/cohorts/new/+page.server.ts'),
	join: () => import('../../src/routes/[[lang=lang]]/join/+page.server.ts'),
	joinCode: () => import('../../src/routes/[[lang=lang]]/join/[code]/+page.server.ts'),
	submit: () => import('../../src/routes/api/cohorts/[code]/responses/+server.ts'),
	status: () => import('../../src/routes/api/cohorts/[code]/status/+server.ts'),
	signIn: () => import('../../src/routes/f/[token]/+server.ts'),
	dashboard: () => import('../../src/routes/cohorts/[id]/+page.server.ts'),
	present: () => import('../../src/routes/cohorts/[id]/present/+page.server.ts'),
	exportFile: () => import('../../src/routes/cohorts/[id]/export.[format]/+server.ts'),
	own: () => import('../../src/routes/[[lang=lang]]/r/[key]/+page.server.ts'),
	compare: () => import('../../src/routes/cohorts/compare/+page.server.ts'),
	compareExport: () => import('../../src/routes/cohorts/compare.[format]/+server.ts')
};

/**
 * Opens the database and loads every route module once. Both take seconds on a loaded machine
 * (PGlite compiles its WASM and migrates; each module is transformed on first import), so a
 * suite does this in `beforeAll` rather than inside its first test's time limit.
 */
export async function warmUp() {
	const { database } = await import('../../src/lib/server/db/index.ts');
	await database();
	await Promise.all(Object.values(routes).map((load) => load()));
}

function form(fields: Record<string, string>, path: string) {
	const body = new FormData();
	for (const [key, value] of Object.entries(fields)) body.set(key, value);
	return new Request(origin + path, { method: 'POST', body });
}

/** Posts the create form, from a browser with these cookies (none unless given). */
export async function createCohort(
	fields: Record<string, string>,
	ip = nextAddress(),
	jar = new CookieJar()
) {
	const { actions } = await routes.create();
	return settle(() =>
		actions.default({
			request: form(fields, '/cohorts/new'),
			getClientAddress: () => ip,
			url: new URL(origin + '/cohorts/new'),
			locals: { language: 'en', facilitatorSessions: sessionsFrom(jar) }
		} as never)
	);
}

/** The create form's load (`?after=<id>` fills in that cohort's settings). */
export async function createPage(query = '', jar = new CookieJar()) {
	const { load } = await routes.create();
	return settle(() =>
		load({
			url: new URL(`${origin}/cohorts/new${query}`),
			locals: { language: 'en', facilitatorSessions: sessionsFrom(jar) }
		} as never)
	);
}

export interface CreatedCohort {
	joinCode: string;
	token: string;
	cohortId: string;
	/** The facilitator's signed-in cookie jar. */
	jar: CookieJar;
}

/**
 * Creates a cohort and signs its facilitator in, in a browser of its own unless one is given (a
 * browser signed in to several cohorts holds one cookie each).
 */
export async function newCohort(
	fields: Record<string, string> = {},
	jar = new CookieJar()
): Promise<CreatedCohort> {
	const created = await createCohort(
		{ name: 'Onboarding', minGroupSize: '3', ...fields },
		nextAddress(),
		jar
	);
	if (created.status !== 200) throw new Error(`create: ${JSON.stringify(created)}`);
	const info = (created.data as { created: { joinCode: string; facilitatorLink: string } }).created;
	const token = info.facilitatorLink.split('/f/')[1]!;
	const signedIn = await signIn(token, jar);
	if (signedIn.status !== 303) throw new Error(`sign in: ${JSON.stringify(signedIn)}`);
	return { joinCode: info.joinCode, token, cohortId: signedIn.location!.split('/').pop()!, jar };
}

/** The facilitator session a cohort's jar holds (its own cookie, `rolefit_f_<cohort id>`). */
export const sessionOf = (cohort: CreatedCohort) => cohort.jar.get(`rolefit_f_${cohort.cohortId}`);

/**
 * What the hook puts in `locals`: every session cookie of the jar, or only the one given (for
 * this cohort) when a test signs in some other way; the page's language (English unless given).
 */
const localsOf = (cohort: CreatedCohort, session?: string, language = 'en') => ({
	language,
	facilitatorSessions:
		session === undefined ? sessionsFrom(cohort.jar) : { [cohort.cohortId]: session }
});

export async function signIn(token: string, jar = new CookieJar()) {
	const { GET } = await routes.signIn();
	return settle(() =>
		GET({ params: { token }, cookies: jar, url: new URL(`${origin}/f/${token}`) } as never)
	);
}

export async function joinWithCode(code: string, ip = nextAddress()) {
	const { actions } = await routes.join();
	return settle(() =>
		actions.default({
			request: form({ code }, '/join'),
			url: new URL(`${origin}/join`),
			getClientAddress: () => ip,
			locals: { language: 'en' }
		} as never)
	);
}

export async function joinPage(code: string, ip = nextAddress()) {
	const { load } = await routes.joinCode();
	return settle(() =>
		load({
			params: { code },
			url: new URL(`${origin}/join/${code}`),
			getClientAddress: () => ip,
			setHeaders: () => {},
			locals: { language: 'en' }
		} as never)
	);
}

/** A valid submission with random answers (seeded), its key fresh unless given. */
export function submission(seed: number, overrides: Partial<Submission> = {}): Submission {
	return {
		key: newSubmissionKey(),
		version: content.instrument.version,
		fingerprint: content.instrument.fingerprint,
		answers: { ...randomRespondent(seededRandom(seed)) },
		...overrides
	};
}

export async function submitRaw(
	code: string,
	body: string,
	options: { ip?: string; contentType?: string } = {}
) {
	const { POST } = await routes.submit();
	const request = new Request(`${origin}/api/cohorts/${code}/responses`, {
		method: 'POST',
		headers: { 'content-type': options.contentType ?? 'application/json' },
		body
	});
	const ip = options.ip ?? nextAddress();
	return settle(() => POST({ params: { code }, request, getClientAddress: () => ip } as never));
}

export const submit = (code: string, body: unknown, ip?: string) =>
	submitRaw(code, JSON.stringify(body), { ip });

/** The public reveal status of a join code, as a participant's page asks for it. */
export async function revealStatus(code: string) {
	const { GET } = await routes.status();
	return settle(() => GET({ params: { code } } as never));
}

export async function dashboardOf(cohort: CreatedCohort, query = '', session?: string) {
	const { load } = await routes.dashboard();
	return settle(() =>
		load({
			params: { id: cohort.cohortId },
			locals: localsOf(cohort, session),
			url: new URL(`${origin}/cohorts/${cohort.cohortId}${query}`)
		} as never)
	);
}

export async function dashboardAction(
	cohort: CreatedCohort,
	name:
		| 'close'
		| 'reopen'
		| 'reveal'
		| 'hide'
		| 'rotate'
		| 'rotateViewer'
		| 'delete'
		| 'minimum'
		| 'embed',
	fields: Record<string, string> = {},
	session?: string,
	language?: string
) {
	const { actions } = await routes.dashboard();
	return settle(() =>
		actions[name]({
			params: { id: cohort.cohortId },
			locals: localsOf(cohort, session, language),
			cookies: cohort.jar,
			request: form(fields, `/cohorts/${cohort.cohortId}`),
			url: new URL(`${origin}/cohorts/${cohort.cohortId}`)
		} as never)
	);
}

export async function presentOf(cohort: CreatedCohort, query = '', session?: string) {
	const { load } = await routes.present();
	return settle(() =>
		load({
			params: { id: cohort.cohortId },
			url: new URL(`${origin}/cohorts/${cohort.cohortId}/present${query}`),
			locals: localsOf(cohort, session)
		} as never)
	);
}

export async function exportOf(cohort: CreatedCohort, format: string, query = '') {
	const { GET } = await routes.exportFile();
	return settle(() =>
		GET({
			params: { id: cohort.cohortId, format },
			locals: localsOf(cohort),
			url: new URL(`${origin}/cohorts/${cohort.cohortId}/export.${format}${query}`)
		} as never)
	);
}

/** The comparison page of a browser with these cookies. */
export async function comparePage(jar: CookieJar, query = '') {
	const { load } = await routes.compare();
	return settle(() =>
		load({
			url: new URL(`${origin}/cohorts/compare${query}`),
			locals: { language: 'en', facilitatorSessions: sessionsFrom(jar) }
		} as never)
	);
}

export async function compareExport(jar: CookieJar, format: string, query = '') {
	const { GET } = await routes.compareExport();
	return settle(() =>
		GET({
			params: { format },
			url: new URL(`${origin}/cohorts/compare.${format}${query}`),
			locals: { language: 'en', facilitatorSessions: sessionsFrom(jar) }
		} as never)
	);
}

export async function ownPage(key: string) {
	const { load } = await routes.own();
	return settle(() => load({ params: { key }, locals: { language: 'en' } } as never));
}

export async function deleteOwn(key: string) {
	const { actions } = await routes.own();
	return settle(() =>
		actions.delete({ params: { key }, url: new URL(`${origin}/r/${key}`) } as never)
	);
}

export { content };
