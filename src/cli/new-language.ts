/**
 * `npm run content:new-language -- <code> [dir]`: starts a translation. Writes
 * `content/translations/<code>/` with every file a language needs, holding the English base's
 * text in the translation's shape (text only, keyed by the base's ids), for a translator to
 * replace. `npm run content:check` then checks it against the base.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { readContentFiles } from '../lib/content/loader.server';
import { LANGUAGE_FILE, translationTemplate } from '../lib/content/translation.server';

const [code, folder = 'content'] = process.argv.slice(2);
if (!code || !/^[a-z]{2,3}$/.test(code)) {
	console.error('Usage: npm run content:new-language -- <two- or three-letter code> [content dir]');
	process.exit(2);
}
const dir = resolve(folder);
const target = join(dir, 'translations', code);
if ((await readdir(join(dir, 'translations')).catch((): string[] => [])).includes(code)) {
	console.error(`${relative(process.cwd(), target)} exists already: nothing written.`);
	process.exit(1);
}

const files = translationTemplate(await readContentFiles(dir), {
	code,
	name: 'The language’s own name',
	englishName: 'Its name in English',
	dir: 'ltr',
	reviewed: false,
	translatedBy: 'Who translated it',
	method: 'How it was translated and checked'
});
for (const [file, text] of Object.entries(files)) {
	await mkdir(dirname(join(target, file)), { recursive: true });
	await writeFile(join(target, file), text);
}
console.log(
	`Wrote ${Object.keys(files).length} files to ${relative(process.cwd(), target)}: replace the English text, fill in ${LANGUAGE_FILE}, then run npm run content:check.`
);
