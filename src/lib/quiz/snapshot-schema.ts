/**
 * The zod schemas of the stored quiz. Part of `snapshot.ts`, which alone imports this module,
 * and only when there is a stored text to check: zod stays out of a first visit.
 */
import { z } from 'zod/mini';

const count = z.int().check(z.minimum(0));

const questionSchema = z.strictObject({
	id: z.string().check(z.maxLength(200)),
	kind: z.enum(['likert', 'scenario']),
	optionCount: z.int().check(z.minimum(1), z.maximum(20))
});

// Fields beyond these are dropped, not trusted: only what is checked here is restored.
const contextSchema = z.object({
	questions: z.array(questionSchema).check(z.maxLength(500)),
	index: count,
	answers: z.record(z.string(), z.int()),
	seconds: z.record(z.string(), z.number().check(z.minimum(0))),
	enteredAt: z.nullable(z.number()),
	returnToReview: z.boolean(),
	submitError: z.nullable(z.string())
});

/**
 * A persisted snapshot of the questionnaire machine at rest. Strict: it carries exactly what
 * this machine persists (no history states, no running children, never `submitting`); anything
 * else is not ours.
 */
export const snapshotSchema = z.strictObject({
	status: z.literal('active'),
	value: z.enum(['answering', 'reviewing', 'submitted']),
	context: contextSchema,
	historyValue: z.optional(z.strictObject({})),
	children: z.optional(z.strictObject({}))
});

/** What is stored under the key: the snapshot, stamped with its instrument. */
export const envelopeSchema = z.strictObject({
	format: z.int(),
	version: z.string(),
	fingerprint: z.string(),
	savedAt: z.number(),
	snapshot: z.unknown()
});

/** A stored context that passed the schema, before it is fitted to the running quiz. */
export type StoredContext = z.infer<typeof contextSchema>;
