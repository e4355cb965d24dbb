/**
 * The comparison table reads what the server sent and nothing more: a withheld count (null)
 * reads "withheld", never 0; a verdict a cohort does not list counts 0; a cohort below its
 * minimum shows its total and the reason; shares are of the responses counted.
 */
import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import CohortComparison from '../../src/lib/cohorts/CohortComparison.svelte';
import type { ComparedCohort } from '../../src/lib/cohorts/view.ts';
import { pageText } from '../../src/lib/server/interface-text.ts';

/** The table's words in English, as the compare page's load gives them. */
const text = pageText('compare', 'en');
const date = (iso: string) => new Date(iso).toLocaleDateString('en');

const spread = (id: string, name: string, mean: number | null) => ({
	id,
	name,
	n: mean === null ? null : 6,
	mean,
	sd: mean === null ? null : 12.5
});

function column(id: string, overrides: Partial<ComparedCohort>): ComparedCohort {
	return {
		id,
		name: `Cohort ${id}`,
		createdAt: '2026-09-01T10:00:00.000Z',
		closedAt: null,
		open: true,
		minGroupSize: 3,
		joinCode: 'ABCDEFGH',
		role: 'facilitator',
		via: 'session',
		previousRunId: null,
		total: 6,
		counted: 'all',
		withheld: null,
		aggregate: null,
		...overrides
	};
}

const shown = column('a', {
	aggregate: {
		n: 6,
		verdicts: [
			{ id: 'product', label: 'Leans product', count: 3 },
			{ id: 'in-between', label: 'In between', count: 0 },
			{ id: 'project', label: 'Leans project', count: 3 }
		],
		profiles: [{ id: 'hybrid', label: 'Strong on both', count: 0 }],
		scales: [spread('strategic', 'Strategic', 61.2)],
		facets: [],
		health: null,
		withheld: false
	}
});
const partly = column('b', {
	name: 'Cohort b',
	total: 7,
	aggregate: {
		n: 7,
		verdicts: [
			{ id: 'product', label: 'Leans product', count: null },
			{ id: 'in-between', label: 'In between', count: 5 },
			{ id: 'project', label: 'Leans project', count: null },
			{ id: 'none', label: 'No verdict', count: null }
		],
		profiles: [{ id: 'hybrid', label: 'Strong on both', count: null }],
		scales: [spread('strategic', 'Strategic', null)],
		facets: [],
		health: null,
		withheld: true
	}
});
const below = column('c', {
	total: 2,
	counted: null,
	withheld: 'Group results appear once 3 people have responded (2 so far).'
});

describe('cohorts side by side', () => {
	it('reads withheld as withheld, an unlisted verdict as 0, and a cohort below its minimum as its total', () => {
		render(CohortComparison, {
			props: { columns: [shown, partly, below], healthFrom: 30, text, date }
		});
		/** The cells of the first row whose header reads exactly `name`. */
		const row = (name: string) => {
			const found = screen
				.getAllByRole('row')
				.find((tr) => within(tr).queryByRole('rowheader')?.textContent?.trim() === name);
			if (!found) throw new Error(`no row "${name}"`);
			return within(found)
				.getAllByRole('cell')
				.map((cell) => cell.textContent?.trim());
		};
		expect(row('Responses')).toEqual(['6', '7', '2']);
		expect(row('Leans product')).toEqual(['3 (50%)', 'withheld', 'withheld']);
		expect(row('In between')).toEqual(['0 (0%)', '5 (71%)', 'withheld']);
		expect(row('No verdict')).toEqual(['0 (0%)', 'withheld', 'withheld']);
		expect(row('Strong on both')).toEqual(['0 (0%)', 'withheld', 'withheld']);
		expect(row('Strategic')[0]).toBe('61.2 ± 12.5');
		expect(row('Strategic')[1]).toBe('withheld');
		expect(row('The figures count')).toEqual([
			'6: every response',
			'7: every response',
			'Group results appear once 3 people have responded (2 so far).'
		]);
		// The table scrolls inside a named region that takes keyboard focus.
		expect(screen.getByRole('region', { name: /Cohorts side by side/ })).toHaveAttribute(
			'tabindex',
			'0'
		);
	});
});
