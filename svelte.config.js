import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// @sveltejs/kit is pinned to 2.x: Kit 3 drops svelte.config.js and needs Node 22 (BRIEF.md).
/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// A static site: every page and the briefing JSON are prerendered, so the build runs
		// from a laptop, a USB stick or any static host with no server code.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		// Relative asset paths let the built site be served from any sub-path.
		paths: { relative: true }
	}
};

export default config;
