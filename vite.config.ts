import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// geodata/ lives at the top level (it is built by scripts/geodata and committed);
	// the app imports its files as hashed assets.
	server: { fs: { allow: ['geodata'] } },
	build: { chunkSizeWarningLimit: 1200 },
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		environment: 'node'
	}
});
