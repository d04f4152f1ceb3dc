// Builds the baseline page of the benchmark with the same Vite and MapLibre as the app.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
	root: here,
	base: './',
	logLevel: 'warn',
	server: { fs: { allow: ['../..'] } },
	build: {
		outDir: '../../bench-results/bare',
		emptyOutDir: true,
		rollupOptions: { input: `${here}index.html` }
	}
});
