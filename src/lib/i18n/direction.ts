/**
 * The page's writing direction, as the layout sets it on `<html dir>`: from the language's
 * `language.yaml` (`dir`), handed to every page by the root layout's load. For what draws its own
 * text (charts, the map, the image), which cannot read it from CSS.
 */
import { page } from '$app/state';

export type Direction = 'ltr' | 'rtl';

/**
 * Where a page's own data has a `language` of its own (the quiz's questionnaire names its
 * language by code), it shadows the layout's and this says `ltr`: only the results page, whose
 * data keeps its content under `content`, draws text itself.
 */
export function pageDirection(): Direction {
	const language = page.data.language as { dir?: Direction } | undefined;
	return language?.dir === 'rtl' ? 'rtl' : 'ltr';
}
