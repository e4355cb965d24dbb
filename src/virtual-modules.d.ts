// The content, loaded and validated at build time by src/lib/content/vite-plugin.ts.
declare module 'virtual:rolefit/content' {
	const content: import('$lib/content/types').Content;
	export default content;
}
