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
		assetsInlineLimit: 0
	},
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		environment: 'node',
		setupFiles: ['src/lib/briefing/test-setup.ts']
	}
});
