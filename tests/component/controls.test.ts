/**
 * `checkedFrom` (`$lib/controls`): a choice made before the app took the page over is kept and
 * reported; after that, the element follows the state. The attachment is called here as Svelte
 * calls it: once when the element is taken over, then again whenever the state it reads changes.
 * The whole takeover is exercised in the browser by tests/e2e/before-hydration.spec.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import { checkedFrom } from '../../src/lib/controls.ts';

function radio(checked: boolean) {
	const input = document.createElement('input');
	input.type = 'radio';
	input.checked = checked;
	return input;
}

describe('checkedFrom', () => {
	it('keeps and reports an answer ticked before the app ran, then follows the state', () => {
		let selected = false;
		const chosenEarly = vi.fn();
		const attach = checkedFrom(() => selected, chosenEarly);
		const input = radio(true);

		attach(input);
		expect(input.checked).toBe(true);
		expect(chosenEarly).toHaveBeenCalledExactlyOnceWith(true);

		// The state catches up, and later moves elsewhere: the element follows, nothing more is reported.
		selected = true;
		attach(input);
		expect(input.checked).toBe(true);
		selected = false;
		attach(input);
		expect(input.checked).toBe(false);
		expect(chosenEarly).toHaveBeenCalledOnce();
	});

	it('reports an untick too, and leaves it until the state changes', () => {
		let selected = true;
		const chosenEarly = vi.fn();
		const attach = checkedFrom(() => selected, chosenEarly);
		const input = radio(false);

		attach(input);
		expect(input.checked).toBe(false);
		expect(chosenEarly).toHaveBeenCalledExactlyOnceWith(false);

		selected = false;
		attach(input);
		selected = true;
		attach(input);
		expect(input.checked).toBe(true);
	});

	it('writes the state and reports nothing when the element already shows it', () => {
		const chosenEarly = vi.fn();
		const input = radio(false);

		checkedFrom(() => false, chosenEarly)(input);
		expect(input.checked).toBe(false);
		checkedFrom(() => true, chosenEarly)(radio(true));
		expect(chosenEarly).not.toHaveBeenCalled();
	});
});
