/**
 * The code a facilitator pastes into a page of a site allowed to frame their cohort's join page:
 * a placeholder that RoleFit's `embed.js` turns into the framed join page. The one owner of its
 * shape: the dashboard shows it, `embed.js` reads these attributes.
 */
import { BASE_LANGUAGE } from '$lib/i18n/languages';

export interface EmbedSnippetInput {
	/** Where RoleFit is served (`url.origin`): the script, and the frame, come from there. */
	origin: string;
	joinCode: string;
	/** The cohort's language: named unless it is the base language, which the join page opens in. */
	language: string;
}

/**
 * The placeholder and the script, on two lines. Nothing is escaped: an origin, a join code (its
 * own alphabet) and a language code hold no quote or angle bracket.
 */
export function embedSnippet({ origin, joinCode, language }: EmbedSnippetInput): string {
	const lang = language === BASE_LANGUAGE ? '' : ` data-rolefit-lang="${language}"`;
	return (
		`<div data-rolefit-join="${joinCode}"${lang}></div>\n` +
		`<script src="${origin}/embed.js" async></script>`
	);
}
