/**
 * The person's own results, kept on this device so they can come back later
 * and, after taking the quiz again, see "last time → now". The one owner of
 * that stored shape (STYLE 16): its schema, parse, serialise and clear.
 *
 * Only share-link fragments are stored (the answers, nothing else), newest
 * first, at most `keep` of them, stamped with the instrument they belong to.
 * Anything that cannot be trusted (broken JSON, another shape, megabytes of
 * junk, another version of the quiz) is removed and reported, never used
 * half-way; nothing here throws, because storage can be missing, full or
 * forbidden. The zod schema (`saved-results-schema.ts`) loads only when there
 * is something stored to check, so a first visit does not download zod.
 */

import { matchEdition } from '../content/edition.ts';

/** The storage key; separate from the unfinished quiz's, which this module never touches. */
export const RESULTS_STORAGE_KEY = 'rolefit.results';

/** How many results are kept: the latest and the one before it. */
export const keep = 2;

/** Far above what `keep` links take; anything longer is junk and is not even parsed. */
const MAX_STORED_LENGTH = 16 * 1024;

/** The part of `Storage` used here, so tests and other backends can stand in. */
export type ResultsStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface SavedResult {
	/** The share fragment (answers, version and fingerprint), without `#`. */
	fragment: string;
	/** When it was first shown as this person's own result (ms since the epoch). */
	savedAt: number;
}

export type LoadSavedResults =
	| { status: 'none' }
	| { status: 'ok'; entries: SavedResult[] }
	| { status: 'discarded'; reason: 'unreadable' | 'other-version' };

/** What saved results must agree on with the running quiz to be read. */
export interface ResultsInstrument {
	version: string;
	fingerprint: string;
}

/** The saved results, newest first; anything unusable is removed and reported. */
export async function loadSavedResults(
	storage: ResultsStorage,
	instrument: ResultsInstrument
): Promise<LoadSavedResults> {
	let raw: string | null;
	try {
		raw = storage.getItem(RESULTS_STORAGE_KEY);
	} catch {
		return { status: 'none' };
	}
	if (raw === null) return { status: 'none' };
	if (raw.length > MAX_STORED_LENGTH) return discard(storage, 'unreadable');
	let json: unknown;
	try {
		json = JSON.parse(raw);
	} catch {
		return discard(storage, 'unreadable');
	}
	// Another version is told apart before any schema loads: nothing of it will be read.
	const stamp = json as { version?: unknown; fingerprint?: unknown } | null;
	if (
		typeof stamp === 'object' &&
		stamp !== null &&
		typeof stamp.version === 'string' &&
		matchEdition({ version: stamp.version, fingerprint: String(stamp.fingerprint) }, instrument) ===
			'other'
	) {
		return discard(storage, 'other-version');
	}
	const { envelopeSchema } = await import('./saved-results-schema.ts');
	const parsed = envelopeSchema(keep).safeParse(json);
	if (!parsed.success) return discard(storage, 'unreadable');
	const { version, fingerprint, entries } = parsed.data;
	// Same questions under an earlier version: kept; each link says it is scored again.
	if (matchEdition({ version, fingerprint }, instrument) === 'other') {
		return discard(storage, 'other-version');
	}
	if (entries.length === 0) return { status: 'none' };
	return { status: 'ok', entries };
}

/**
 * Keeps `fragment` as the newest result unless it already is; the oldest
 * beyond `keep` is dropped. Returns the entries as stored (newest first).
 */
export function recordResult(
	storage: ResultsStorage,
	instrument: ResultsInstrument,
	entries: readonly SavedResult[],
	fragment: string,
	now: number = Date.now()
): SavedResult[] {
	if (entries[0]?.fragment === fragment) return [...entries];
	const next = [
		{ fragment, savedAt: now },
		...entries.filter((entry) => entry.fragment !== fragment)
	].slice(0, keep);
	try {
		storage.setItem(
			RESULTS_STORAGE_KEY,
			JSON.stringify({
				format: 1,
				version: instrument.version,
				fingerprint: instrument.fingerprint,
				entries: next
			})
		);
	} catch {
		// Quota or private mode: the result still shows, it just won't be there next time.
	}
	return next;
}

/** Forgets every saved result ("Forget my results on this device", or a corrupt store). */
export function clearSavedResults(storage: ResultsStorage): void {
	try {
		storage.removeItem(RESULTS_STORAGE_KEY);
	} catch {
		// Nothing to do: what cannot be written cannot be read back either.
	}
}

function discard(storage: ResultsStorage, reason: 'unreadable' | 'other-version') {
	clearSavedResults(storage);
	return { status: 'discarded', reason } as const;
}
