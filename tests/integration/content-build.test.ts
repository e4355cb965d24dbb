import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolefitContent } from '../../src/lib/content/vite-plugin.server.ts';
import { contentDir } from '../helpers/content.ts';

let broken: string;

beforeAll(async () => {
	broken = await mkdtemp(join(tmpdir(), 'rolefit-content-'));
	await cp(contentDir, broken, { recursive: true });
	const items = join(broken, 'items.yaml');
	await writeFile(
		items,
		(await readFile(items, 'utf8')).replace('facet: strategic.vision', 'facet: strategic.visoin')
	);
});

afterAll(() => rm(broken, { recursive: true, force: true }));

describe('broken content stops the build and the check', () => {
	it('fails the Vite build with the file and path', async () => {
		const plugin = rolefitContent({ dir: broken });
		const errors: string[] = [];
		const context = { error: (message: string) => errors.push(message) };
		await (plugin.buildStart as (this: unknown) => Promise<void>).call(context);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(/items\.yaml: items\[0\]\.facet: unknown facet "strategic\.visoin"/);
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
