/**
 * Loads Chart.js on demand. Pages that draw charts call `loadChart()`; the
 * dynamic import keeps Chart.js out of every other page's bundle, and the
 * registration happens once, on first load.
 */
import type { Chart } from 'chart.js';

let loading: Promise<typeof Chart> | undefined;

/** The Chart class with the result charts' pieces registered; loaded once and cached. */
export function loadChart(): Promise<typeof Chart> {
	loading ??= import('./chartjs.ts').then(
		(module) => module.Chart,
		(error: unknown) => {
			// Let a later call try again (a flaky network, say) instead of caching the failure.
			loading = undefined;
			throw error;
		}
	);
	return loading;
}
