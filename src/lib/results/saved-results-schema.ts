/**
 * The zod schema of the results kept on this device: the validation half of
 * `saved-results.ts`, the only module that imports it, and only when there is
 * something stored to check.
 */
import { z } from 'zod/mini';

/** What `saved-results.ts` stores under its key, with at most `keep` results. */
export function envelopeSchema(keep: number) {
	return z.object({
		format: z.literal(1),
		version: z.string(),
		fingerprint: z.string(),
		entries: z
			.array(
				z.object({
					fragment: z.string().check(z.minLength(1), z.maxLength(1024)),
					savedAt: z.number().check(z.minimum(0))
				})
			)
			.check(z.maxLength(keep))
	});
}
