import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolefitContent } from '../../src/lib/content/vite-plugin.server.ts';
import { contentDir } from '../helpers/content.ts';

let broken: string;
/** The shipped content with one Spanish option dropped from a scenario. */
let brokenTranslation: string;

async function copyWith(file: string, edit: (text: string) => string) {
	const dir = await mkdtemp(join(tmpdir(), 'rolefit-content-'));
	await cp(contentDir, dir, { recursive: true });
	await writeFile(join(dir, file), edit(await readFile(join(dir, file), 'utf8')));
	return dir;
}

beforeAll(async () => {
	broken = await copyWith('items.yaml', (text) =>
		text.replace('facet: strategic.vision', 'facet: strategic.visoin')
	);
	// The first scenario's last option removed (its line, whatever it says).
	brokenTranslation = await copyWith('translations/es/scenarios.yaml', (text) => {
		const lines = text.split('\n');
		const first = lines.findIndex((line) => line.trim() === 'options:');
		let last = first + 1;
		while (lines[last + 1]?.startsWith('      - ')) last += 1;
		lines.splice(last, 1);
		return lines.join('\n');
	});
});

afterAll(async () => {
	await rm(broken, { recursive: true, force: true });
	await rm(brokenTranslation, { recursive: true, force: true });
});

describe('broken content stops the build and the check', () => {
	it('fails the Vite build with the file and path', async () => {
		const plugin = rolefitContent({ dir: broken });
		const errors: string[] = [];
		const context = { error: (message: string) => errors.push(message) };
		await (plugin.buildStart as (this: unknown) => Promise<void>).call(context);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(/items\.yaml: items\[0\]\.facet: unknown facet "strategic\.visoin"/);
	});

	it('fails the Vite build on a broken translation, naming its file and key', async () => {
		const plugin = rolefitContent({ dir: brokenTranslation });
		const errors: string[] = [];
		const context = { error: (message: string) => errors.push(message) };
		await (plugin.buildStart as (this: unknown) => Promise<void>).call(context);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(
			/translations\/es\/scenarios\.yaml: scenarios\.scenario-launch-slip\.options: has 3 entries; the base file has 4/
		);
	});

	it('makes `npm run content:check` exit 1 naming the problem', async () => {
		const run = promisify(execFile)(
			process.execPath,
			['--import', 'tsx', 'src/cli/content-check.ts', broken],
			{
				cwd: join(import.meta.dirname, '../..')
			}
		);
		await expect(run).rejects.toMatchObject({
			code: 1,
			stderr: expect.stringMatching(
				/items\.yaml: items\[0\]\.facet: unknown facet "strategic\.visoin"/
			)
		});
	});

	it('passes on the shipped content', async () => {
		const { stdout } = await promisify(execFile)(
			process.execPath,
			['--import', 'tsx', 'src/cli/content-check.ts'],
			{
				cwd: join(import.meta.dirname, '../..')
			}
		);
		expect(stdout).toMatch(/^Content OK: .* v\d+\.\d+\.\d+ \(fingerprint [0-9a-f]{8}\)/);
	});
});
