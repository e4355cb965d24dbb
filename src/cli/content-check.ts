/**
 * `npm run content:check [dir]`: validates the content folder (default
 * `content/`) and prints a summary, or every problem with its file and path.
 */
import { resolve } from 'node:path';
import { ContentError } from '../lib/content/errors';
import {
	loadContent,
	loadFacilitatorGuide,
	loadLanguages,
	loadTechnicalManual
} from '../lib/content/loader.server';

const dir = resolve(process.argv[2] ?? 'content');

try {
	const content = await loadContent(dir);
	const manual = await loadTechnicalManual(dir, content);
	const guide = await loadFacilitatorGuide(dir, content);
	const { instrument, items, scenarios, facets, explanations, sources } = content;
	console.log(
		`Content OK: ${instrument.title} v${instrument.version} (fingerprint ${instrument.fingerprint})\n` +
			`  ${facets.length} facets, ${items.length} items, ${scenarios.length} scenarios, ` +
			`${content.consistencyPairs.length} consistency pairs, ${explanations.length} explanations, ` +
			`${sources.length} sources, ${content.methodReferences.length} method references; ` +
			`technical manual "${manual.title}", ${guide.title.toLowerCase()}`
	);
	const languages = await loadLanguages(dir);
	console.log(
		`  languages: en (base)${languages
			.map(
				({ language }) =>
					`, ${language.code} (${language.name}, ${language.dir}, ${language.reviewed ? 'reviewed' : 'not reviewed yet'})`
			)
			.join('')}`
	);
} catch (error) {
	if (error instanceof ContentError) {
		console.error(error.message);
		process.exit(1);
	}
	throw error;
}
