/**
 * The end-to-end suite's `test` and `expect`: Playwright's, plus a check that runs around every
 * test. The built pages carry a strict Content Security Policy (svelte.config.js, `kit.csp`); any
 * `securitypolicyviolation` in any page of the test (the speaker window too) fails the test, so a
 * change that needs a looser policy is found here, not by a deployer's blank page.
 */
import { test as base, expect } from '@playwright/test';

// Everything else (expect, Page, Locator...) is Playwright's own.
export * from '@playwright/test';

/** A `securitypolicyviolation` event, as the page saw it. */
export interface CspViolation {
	page: string;
	directive: string;
	blocked: string;
	source: string;
	line: number;
	sample: string;
}

declare global {
	interface Window {
		__reportCspViolation?: (v: Omit<CspViolation, 'page'>) => void;
	}
}

export const test = base.extend<{ cspViolations: CspViolation[] }>({
	/**
	 * Every CSP violation of the test's browser context, in order. Automatic: each test checks
	 * there was none. (A test that provokes one on purpose does so in a context of its own.)
	 */
	cspViolations: [
		async ({ context }, use) => {
			const seen: CspViolation[] = [];
			await context.exposeBinding('__reportCspViolation', ({ page }, v) => {
				seen.push({ page: page.url(), ...(v as Omit<CspViolation, 'page'>) });
			});
			// The browser also says so on the console, from workers too (which have no document).
			context.on('console', (m) => {
				if (!/Content Security Policy/.test(m.text())) return;
				const at = m.location();
				seen.push({
					page: m.page()?.url() ?? '',
					directive: 'console',
					blocked: '',
					source: at.url,
					line: at.lineNumber,
					sample: m.text()
				});
			});
			// Init scripts run before the page's own, in every page and popup, whatever its policy.
			await context.addInitScript(() => {
				document.addEventListener('securitypolicyviolation', (e) => {
					window.__reportCspViolation?.({
						directive: e.effectiveDirective,
						blocked: e.blockedURI,
						source: e.sourceFile,
						line: e.lineNumber,
						sample: e.sample
					});
				});
			});
			await use(seen);
			expect(seen, 'Content Security Policy violations').toEqual([]);
		},
		{ auto: true }
	]
});
