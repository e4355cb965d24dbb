// The content, loaded and validated at build time by src/lib/content/vite-plugin.server.ts.
declare module 'virtual:rolefit/content' {
	const content: import('$lib/content/types').Content;
	export default content;
}

// The technical manual (content/technical-manual.md), rendered at build time.
declare module 'virtual:rolefit/manual' {
	const manual: import('$lib/content/loader.server').TechnicalManual;
	export default manual;
}

// The facilitator guide (content/facilitator-guide.yaml), checked at build time.
declare module 'virtual:rolefit/guide' {
	const guide: import('$lib/content/types').FacilitatorGuide;
	export default guide;
}
