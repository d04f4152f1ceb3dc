import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './scripts/chromium.js';

const PORT = Number(process.env.E2E_PORT ?? 4321);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	timeout: 60_000,
	expect: { timeout: 15_000 },
	// Two cores and a software GPU: one browser at a time keeps timings sane.
	workers: 1,
	retries: 0,
	reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
	use: {
		baseURL: `http://127.0.0.1:${PORT}/`,
		viewport: { width: 1280, height: 800 },
		launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
		trace: 'off',
		// The app registers a service worker once the map has settled (src/lib/offline/). A worker
		// answering from its cache would hide requests from the tests that watch or hold them
		// (page.route sees none it answers), and its install would load the machine mid-test:
		// blocked here, allowed only by tests/e2e/offline.e2e.ts, which tests it.
		serviceWorkers: 'block'
	},
	webServer: {
		command: `node scripts/serve.js ${PORT}`,
		url: `http://127.0.0.1:${PORT}/`,
		reuseExistingServer: false,
		timeout: 30_000
	}
});
