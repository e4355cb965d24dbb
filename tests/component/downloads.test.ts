/** The JSON download, as the button hands it to the browser, carries the intended-use notice. */
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import content from 'virtual:rolefit/content';
import { resultReport } from '$lib/results/report';
import KeepResult from '../../src/routes/[[lang=lang]]/results/KeepResult.svelte';
import { scoreAnswers } from '../../src/lib/scoring/score.ts';
import { allStrategic } from '../helpers/content.ts';

afterEach(() => vi.restoreAllMocks());

describe('the JSON download', () => {
	it('is a file with the notice beside the result', async () => {
		const answers = allStrategic(content);
		const result = scoreAnswers(content, answers);
		const shareUrl = 'https://rolefit.example/results#x';
		// jsdom neither makes object URLs nor downloads: both are caught here instead.
		const blobs: Blob[] = [];
		Object.assign(URL, {
			createObjectURL: (blob: Blob) => (blobs.push(blob), 'blob:report'),
			revokeObjectURL: () => {}
		});
		const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});

		render(KeepResult, {
			text: content.resultsPage.actions,
			shareUrl,
			report: () => resultReport(result, answers, shareUrl, content)
		});
		await userEvent.click(
			screen.getByRole('button', { name: content.resultsPage.actions.downloadJson })
		);

		expect(clicked).toHaveBeenCalledOnce();
		expect(clicked.mock.contexts[0]).toMatchObject({ download: 'rolefit-result.json' });
		expect(blobs).toHaveLength(1);
		expect(blobs[0]!.type).toBe('application/json');
		const file = JSON.parse(await blobs[0]!.text());
		expect(file.notice).toBe(content.instrument.wording.notForSelection);
		expect(file).toMatchObject({ kind: 'rolefit-result', link: shareUrl, verdict: 'product' });
	});
});
