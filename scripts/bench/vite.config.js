// Builds the benchmark's own pages with the same Vite and MapLibre as the app: the baseline (a
// bare MapLibre page, index.html) and the validator's page (validate.html).
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
	root: here,
	base: './',
	logLevel: 'warn',
	server: { fs: { allow: ['../..'] } },
	build: {
		outDir: '../../bench-results/pages',
		emptyOutDir: true,
		rollupOptions: { input: [`${here}index.html`, `${here}validate.html`] }
	}
});
