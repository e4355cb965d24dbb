/** One thing wrong with the content: where it is, and what is wrong. */
export interface ContentIssue {
	/** Path of the file relative to the content folder's parent, e.g. `content/items.yaml`. */
	file: string;
	/** Where inside the file, e.g. `items[3].facet`; empty for the whole file. */
	path: string;
	message: string;
}

/** Formats an issue as `content/items.yaml: items[3].facet: unknown facet …`. */
export function formatIssue(issue: ContentIssue): string {
	return issue.path
		? `${issue.file}: ${issue.path}: ${issue.message}`
		: `${issue.file}: ${issue.message}`;
}

/** Thrown by the loader with every issue it found, not only the first. */
export class ContentError extends Error {
	readonly issues: ContentIssue[];

	constructor(issues: ContentIssue[]) {
		const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
		super(`The content has ${count}:\n${issues.map((i) => `  - ${formatIssue(i)}`).join('\n')}`);
		this.name = 'ContentError';
		this.issues = issues;
	}
}

/** Turns a zod/object path into `items[3].facet`. */
export function formatPath(path: readonly PropertyKey[]): string {
	return path
		.map((key, index) =>
			typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`
		)
		.join('');
}
