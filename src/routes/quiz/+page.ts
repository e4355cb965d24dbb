// A static shell: the quiz runs in the browser and its answers stay there.
export const prerender = true;
