/**
 * Copies `text` to the clipboard; false when the browser refuses (no permission, or a page not
 * served over https), so that the page can say so and leave the text to be copied by hand.
 */
export async function copyText(text: string): Promise<boolean> {
	try {
		await navigator.clipboard.writeText(text);
		return true;
	} catch {
		return false;
	}
}
