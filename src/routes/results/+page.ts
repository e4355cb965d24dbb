// The page is a static shell: the result is computed in the browser from the link.
export const prerender = true;
