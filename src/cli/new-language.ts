/**
 * `npm run content:new-language -- <code> [dir]`: starts a translation. Writes
 * `content/translations/<code>/` with every file a language needs, holding the English base's
 * text in the translation's shape (text only, keyed by the base's ids), for a translator to
 * replace. `npm run content:check` then checks it against the base.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parse, stringify } from 'yaml';
import { splitFrontMatter } from '../lib/content/markdown.server';
import {
	KEYING_CHECK_FILE,
	LANGUAGE_FILE,
	MANUAL_FILE,
	MANUAL_SECTION,
	TRANSLATED_YAML,
	textOf
} from '../lib/content/translation.server';

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

const files: Record<string, string> = {
	[LANGUAGE_FILE]: stringify({
		code,
		name: 'The language’s own name',
		englishName: 'Its name in English',
		dir: 'ltr',
		reviewed: false,
		translatedBy: 'Who translated it',
		method: 'How it was translated and checked'
	}),
	[KEYING_CHECK_FILE]:
		'# How the meaning of each reverse-keyed statement was checked\n\nFor each statement with `keyed: minus` in items.yaml, and each consistency pair: the translation, a back-translation into English made without looking at the base, and why agreeing with it still means less of its facet.\n'
};
for (const file of TRANSLATED_YAML) {
	files[file] = stringify(textOf(parse(await readFile(join(dir, file), 'utf8'))));
}
for (const entry of await readdir(join(dir, 'explanations'), {
	recursive: true,
	withFileTypes: true
})) {
	if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
	const path = join(entry.parentPath, entry.name);
	const { frontMatter, body } = splitFrontMatter(await readFile(path, 'utf8'));
	const title = (frontMatter as { title: string }).title;
	files[relative(dir, path).split(sep).join('/')] = `---\n${stringify({ title })}---\n${body}`;
}
const manual = await readFile(join(dir, MANUAL_FILE), 'utf8');
const start = manual.indexOf(`## ${MANUAL_SECTION}`);
const end = manual.indexOf('\n## ', start + 3);
files[MANUAL_FILE] = manual.slice(start, end === -1 ? undefined : end).trimEnd() + '\n';

for (const [file, text] of Object.entries(files)) {
	await mkdir(dirname(join(target, file)), { recursive: true });
	await writeFile(join(target, file), text);
}
console.log(
	`Wrote ${Object.keys(files).length} files to ${relative(process.cwd(), target)}: replace the English text, fill in ${LANGUAGE_FILE}, then run npm run content:check.`
);
