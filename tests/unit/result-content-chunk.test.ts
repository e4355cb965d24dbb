/**
 * A language's content chunk (`virtual:rolefit/content/<code>`) is what the pages that show a
 * result read (`ResultContent`): the whole content but the quiz's own words.
 */
import { describe, expect, it } from 'vitest';
import { rolefitContent } from '../../src/lib/content/vite-plugin.server.ts';
import { content, contentDir } from '../helpers/content.ts';

/** The object a language's chunk exports, as the plugin writes the module. */
async function chunkOf(code: string): Promise<Record<string, unknown>> {
	const plugin = rolefitContent({ dir: contentDir });
	const load = plugin.load as (this: unknown, id: string) => Promise<string>;
	const module = await load.call(
		{ error: (message: string) => expect.fail(message) },
		`\0virtual:rolefit/content/${code}`
	);
	const prefix = 'export default ';
	expect(module.startsWith(prefix)).toBe(true);
	return JSON.parse(module.slice(prefix.length).replace(/;$/, ''));
}

describe('a language chunk for the pages that show a result', () => {
	it('holds every part of the content but the quiz page', async () => {
		const english = await chunkOf('en');
		expect(english).not.toHaveProperty('quizPage');
		const { quizPage, ...rest } = content;
		expect(quizPage).toBeDefined();
		expect(english).toEqual(rest);
	});

	it('leaves the quiz page out of every translation too', async () => {
		const spanish = await chunkOf('es');
		expect(spanish).not.toHaveProperty('quizPage');
		expect(spanish).toMatchObject({ language: 'es' });
		expect(Object.keys(spanish).sort()).toEqual(
			Object.keys(content)
				.filter((key) => key !== 'quizPage')
				.sort()
		);
	});
});
