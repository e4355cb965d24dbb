/**
 * Form controls that keep what a person did before the app took the page over.
 *
 * A server-rendered page can be used before its JavaScript has run: a code typed, a box ticked,
 * an answer tapped. When the app then takes the page over, Svelte writes every `value={…}` and
 * `checked={…}` to its element again, which wipes that input. So the page's state goes into the
 * element's default instead (`defaultValue={…}`, `defaultChecked={…}`): that is what the HTML
 * carries and what a form reset returns to, and setting it leaves what the person did alone.
 * A field the page only reads back from the form needs nothing more (/join, /cohorts/new); a
 * control that must follow state as it changes attaches {@link checkedFrom}.
 */
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';

/**
 * Makes a radio or checkbox follow `checked()` once the app runs, without undoing a choice made
 * before: render the same state as its default, then attach this.
 *
 * ```svelte
 * <input type="radio" defaultChecked={selected === 2}
 * 	{@attach checkedFrom(() => selected === 2, (on) => on && onselect(2))} />
 * ```
 *
 * When the app takes the element over, an element that differs from the state is left as the
 * person set it and `chosenEarly` is told what they set, so that the state can catch up (for a
 * radio group: the one ticked says so; the others, unticked by that, can be ignored). From then
 * on, `checked` follows the state whenever it changes.
 */
export function checkedFrom(
	checked: () => boolean,
	chosenEarly: (checked: boolean) => void
): Attachment<HTMLInputElement> {
	let first = true;
	return (input) => {
		const wanted = checked();
		if (first) {
			first = false;
			if (input.checked !== wanted) {
				untrack(() => chosenEarly(input.checked));
				return;
			}
		}
		input.checked = wanted;
	};
}
