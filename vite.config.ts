import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { maplibreCssSubset } from './scripts/maplibre-css.js';

export default defineConfig({
	// MapLibre's stylesheet cut to what the map uses (scripts/maplibre-css.js): 10 KB less gzip
	// in every page's HTML.
	plugins: [maplibreCssSubset(), sveltekit()],
	// geodata/ lives at the top level (it is built by scripts/geodata and committed);
	// the app imports its files as hashed assets.
	server: { fs: { allow: ['geodata'] } },
	build: {
		chunkSizeWarningLimit: 1200,
		// Never inline an asset as a data: URL (Vite does for files under 4 KB, e.g. the 1:50m
		// shapes of Hungary and Slovenia): the pages' Content Security Policy lets the map fetch
		// from its own origin only (connect-src 'self').
		assetsInlineLimit: 0,
		rolldownOptions: {
			output: {
				codeSplitting: {
					groups: [
						{
							// One chunk for what every page starts with: the small modules of the pages'
							// start-up (the address's hash, the presenter's channel, the scenes' rules, the
							// content's ids and loading, idle-time scheduling, the credits, the offline
							// notices) and what they import (the Svelte and SvelteKit runtimes, the
							// validator). Split by which pages share them, they were a dozen files of a few
							// hundred bytes to a few KB: the map page's first load was 23 scripts over
							// HTTP/1.1's six connections, now 12, and its map starts some 50 ms sooner
							// (npm run bench). Every page loads a little less. The map page's first load
							// and what it must not load are checked by the bench and tests/e2e.
							name: 'shell',
							test: /[\\/]src[\\/]lib[\\/](state[\\/](hash|channel|presenter)\.ts|briefing[\\/]scenes\.ts|content[\\/](boot|ids|address|load)\.ts|ui[\\/](idle|credits)\.ts|offline[\\/]notices\.svelte\.ts)$/
						}
					]
				}
			}
		}
	},
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		environment: 'node',
		setupFiles: ['src/lib/briefing/test-setup.ts']
	}
});
