import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';

/**
 * SvelteKit's route announcer (a <div> of its root component) carries this style attribute. The
 * policy allows this one value, by its hash ('unsafe-hashes'), and no other style attribute. Should
 * a SvelteKit update change it, the end-to-end suite fails with a style-src-attr violation.
 */
const ANNOUNCER_STYLE =
	'position: absolute; left: 0; top: 0; clip: rect(0 0 0 0); clip-path: inset(50%); overflow: hidden; white-space: nowrap; width: 1px; height: 1px';
/** @param {string} text */
const sha256 = (text) =>
	/** @type {`sha256-${string}`} */ (
		`sha256-${createHash('sha256').update(text).digest('base64')}`
	);

// @sveltejs/kit is pinned to 2.x: Kit 3 drops svelte.config.js and needs Node 22; CI and users run Node 20.
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
		paths: { relative: true },
		// The stylesheets are written into each page (SvelteKit hashes them into the policy below):
		// a stylesheet file would hold back the first paint, title included, until it arrived.
		inlineStyleThreshold: Infinity,
		// src/service-worker.ts makes the site work offline after one visit. The app registers it
		// itself, once the map has first settled (src/lib/offline/offline.svelte.ts): SvelteKit's
		// own registration, at the window's load, would fetch the whole app during the first view.
		serviceWorker: { register: false },
		// A strict Content Security Policy, written into each prerendered page as a <meta> tag
		// (scripts/serve.js sends it as a header too). Nothing remote, no eval, no inline script
		// but SvelteKit's own start-up script, which is allowed by its hash. What each directive
		// allows, and why: README.md, "Content Security Policy".
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['none'],
				'script-src': ['self'],
				'style-src': ['self'],
				'style-src-attr': ['unsafe-hashes', sha256(ANNOUNCER_STYLE)],
				'img-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'form-action': ['none']
			}
		}
	}
};

export default config;
