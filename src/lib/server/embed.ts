/**
 * Which sites may show RoleFit in a frame (issue 17). Framing is refused everywhere
 * (`frame-ancestors 'none'`, `src/server/headers.js`) except on the embed pages, whose load says
 * who may frame them (`allowFraming`): the public quiz the deployment's `EMBED_ORIGINS`, a
 * cohort's join page the origins its facilitator listed. The `handle` hook then writes exactly
 * those origins into the page's `frame-ancestors` (`withFrameAncestors`), and the page gets the
 * same list to check before it posts a message to its parent.
 */
import { frameAncestors, parseOriginList } from '$lib/embed/origins';

let parsed: { raw: string; origins: string[] } | undefined;

/**
 * The origins in `EMBED_ORIGINS` (comma- or space-separated, such as
 * `https://lms.example.edu, https://intranet.example.com`); none when unset. Throws, naming the
 * entry, when one is not an origin: a setting that says more or less than it seems to must stop
 * the server rather than let the wrong sites frame it.
 */
export function deploymentEmbedOrigins(env: { EMBED_ORIGINS?: string } = process.env): string[] {
	const raw = env.EMBED_ORIGINS ?? '';
	if (parsed?.raw === raw) return parsed.origins;
	const list = parseOriginList(raw);
	if (!list.ok) throw new Error(`EMBED_ORIGINS: "${list.entry}" ${list.problem}`);
	parsed = { raw, origins: list.origins };
	return list.origins;
}

/** Lets `origins` frame the page being rendered (its load calls this). */
export function allowFraming(locals: App.Locals, origins: readonly string[]): void {
	locals.frameAncestors = [...origins];
}

/** The page's `frame-ancestors` replaced by exactly `origins` (`'none'` for none). */
export function withFrameAncestors(policy: string, origins: readonly string[]): string {
	const directive = `frame-ancestors ${frameAncestors(origins)}`;
	const directives = policy
		.split(';')
		.map((part) => part.trim())
		.filter((part) => part && !/^frame-ancestors(\s|$)/i.test(part));
	return [...directives, directive].join('; ');
}
