/**
 * The shape of the house, read from the source: no module imports itself back through others,
 * the quiz machine stays pure (no content, no Svelte), the stored quiz has one owner, and nothing
 * in `$lib` reaches into a route.
 *
 * Imports are read with a regular expression (static, re-exports, dynamic `import()` and
 * type-only ones alike: a cycle of types is still a cycle to read), resolved as Vite resolves
 * them here: relative paths and `$lib/`, with or without an extension.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'src');

/** Every source module under `dir`. */
function modules(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return modules(path);
		return /\.(ts|js|svelte)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
	});
}

const specifier =
	/(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The file an import specifier names, or null for packages and virtual modules. */
function resolveImport(from: string, spec: string): string | null {
	let base: string;
	if (spec.startsWith('$lib/')) base = join(src, 'lib', spec.slice('$lib/'.length));
	else if (spec.startsWith('.')) base = resolve(dirname(from), spec);
	else return null;
	for (const candidate of [
		base,
		`${base}.ts`,
		`${base}.js`,
		`${base}.svelte`,
		join(base, 'index.ts')
	]) {
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	}
	throw new Error(`${relative(root, from)}: cannot resolve ${spec}`);
}

function importsOf(file: string): string[] {
	const code = readFileSync(file, 'utf8');
	const found = new Set<string>();
	for (const match of code.matchAll(specifier)) {
		const resolved = resolveImport(file, match[1] ?? match[2]!);
		if (resolved) found.add(resolved);
	}
	return [...found];
}

const graph = new Map(modules(src).map((file) => [file, importsOf(file)]));
const name = (file: string) => relative(root, file);

/** Strongly connected components with more than one module (or a module importing itself). */
function cycles(): string[][] {
	let index = 0;
	const indexes = new Map<string, number>();
	const lows = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const found: string[][] = [];
	function visit(node: string) {
		indexes.set(node, index);
		lows.set(node, index);
		index += 1;
		stack.push(node);
		onStack.add(node);
		for (const next of graph.get(node) ?? []) {
			if (!indexes.has(next)) {
				visit(next);
				lows.set(node, Math.min(lows.get(node)!, lows.get(next)!));
			} else if (onStack.has(next)) {
				lows.set(node, Math.min(lows.get(node)!, indexes.get(next)!));
			}
		}
		if (lows.get(node) === indexes.get(node)) {
			const component: string[] = [];
			let member: string;
			do {
				member = stack.pop()!;
				onStack.delete(member);
				component.push(member);
			} while (member !== node);
			if (component.length > 1 || graph.get(node)?.includes(node)) {
				found.push(component.map(name).sort());
			}
		}
	}
	for (const node of graph.keys()) if (!indexes.has(node)) visit(node);
	return found;
}

/** Every module `file` reaches through its imports, itself excluded. */
function reach(file: string): string[] {
	const seen = new Set<string>();
	const queue = [file];
	while (queue.length > 0) {
		for (const next of graph.get(queue.shift()!) ?? []) {
			if (!seen.has(next)) {
				seen.add(next);
				queue.push(next);
			}
		}
	}
	seen.delete(file);
	return [...seen].map(name).sort();
}

describe('the import graph of src/', () => {
	it('reads every module', () => {
		expect(graph.size).toBeGreaterThan(50);
		expect(graph.get(join(src, 'lib/quiz/components/Quiz.svelte'))).toContain(
			join(src, 'lib/quiz/actor.svelte.ts')
		);
	});

	it('has no import cycles', () => {
		expect(cycles()).toEqual([]);
	});

	it('keeps the quiz machine pure: no content, no Svelte, no storage', () => {
		const reached = reach(join(src, 'lib/quiz/machine.ts'));
		expect(reached).toEqual(['src/lib/quiz/selectors.ts', 'src/lib/quiz/types.ts']);
	});

	it('lets nothing in $lib import from a route', () => {
		const intoRoutes = [...graph]
			.filter(([file]) => file.startsWith(join(src, 'lib')))
			.flatMap(([file, imports]) =>
				imports
					.filter((target) => target.startsWith(join(src, 'routes')))
					.map((target) => `${name(file)} → ${name(target)}`)
			);
		expect(intoRoutes).toEqual([]);
	});

	it('gives the stored quiz one owner: only snapshot.ts knows its key and its schema', () => {
		const knowing = [...graph.keys()]
			.filter((file) => /['"]rolefit\.quiz['"]/.test(readFileSync(file, 'utf8')))
			.map(name);
		const schemaImporters = [...graph]
			.filter(([, imports]) => imports.includes(join(src, 'lib/quiz/snapshot-schema.ts')))
			.map(([file]) => name(file));
		expect(knowing).toEqual(['src/lib/quiz/snapshot.ts']);
		expect(schemaImporters).toEqual(['src/lib/quiz/snapshot.ts']);
	});
});
