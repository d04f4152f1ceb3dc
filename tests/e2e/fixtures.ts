/**
 * The end-to-end suite's `test` and `expect`: Playwright's, plus a check that runs around every
 * test. The built pages carry a strict Content Security Policy (svelte.config.js, `kit.csp`); any
 * `securitypolicyviolation` in any page of the test (the speaker window too) fails the test, so a
 * change that needs a looser policy is found here, not by a deployer's blank page.
 */
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

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

/**
 * Watches every page of `context` for Content Security Policy violations, and returns them as
 * they come, in order.
 */
export async function watchCsp(context: BrowserContext): Promise<CspViolation[]> {
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
	return seen;
}

export const test = base.extend<{ cspViolations: CspViolation[] }>({
	/**
	 * Every CSP violation of the test's browser context, in order. Automatic: each test checks
	 * there was none. (A test that provokes one on purpose does so in a context of its own.)
	 */
	cspViolations: [
		async ({ context }, use) => {
			const seen = await watchCsp(context);
			await use(seen);
			expect(seen, 'Content Security Policy violations').toEqual([]);
		},
		{ auto: true }
	]
});

/**
 * One page for the tests of a `describe` that each only look at the app from where the last one
 * left it (a click, a typed address), and need no fresh start: every page load is a map start-up
 * under a software renderer, the suite's main cost. Opened in `beforeAll` in a context of its own,
 * with the project's options, and watched for CSP violations as every test's own context is:
 * each test checks there was none. Closed in `afterAll`. A failed test restarts the worker, and
 * the tests after it get a new page.
 */
export function sharedPage(): () => Page {
	let page: Page | undefined;
	let seen: CspViolation[] = [];
	test.beforeAll(async ({ browser }, info) => {
		const { baseURL, viewport } = info.project.use;
		const context = await browser.newContext({ baseURL, viewport });
		seen = await watchCsp(context);
		page = await context.newPage();
	});
	test.afterEach(() => {
		expect(seen, 'Content Security Policy violations').toEqual([]);
	});
	test.afterAll(async () => {
		await page?.context().close();
	});
	return () => page!;
}
