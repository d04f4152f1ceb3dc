/**
 * What the map page's first load holds: the parts that its first view does not show (the offline
 * notices, a country's or a mark's panel, the presenter's caption, the printed handout) come with
 * their code once needed or after that view, styles included, and still work when they come.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { init, parse } from 'es-module-lexer';
import { expect, test } from './fixtures';
import { mapIdle } from './helpers';

/** The selectors of each part's own styles, as written in the built CSS. */
const LATER_STYLES = {
	'the offline notices': '.offline-notices',
	'the presenter': '.more-hint',
	'the handout': '.speaker-notes'
};

test('the pages’ HTML holds none of the styles of what comes after the first view', () => {
	for (const page of ['index', 'library', 'speaker', 'editor']) {
		const html = readFileSync(`build/${page}.html`, 'utf8');
		const styles = html.slice(html.indexOf('<style'), html.lastIndexOf('</style>'));
		// The check can fail: the page does hold its own styles.
		expect(styles.length, page).toBeGreaterThan(1000);
		for (const [what, selector] of Object.entries(LATER_STYLES)) {
			expect(styles.includes(`${selector}.svelte-`), `${what} in ${page}`).toBe(false);
		}
	}
});

test('each page names every module its scripts import, so that the browser asks for all at once', async () => {
	await init;
	for (const page of ['index', 'library', 'speaker', 'editor']) {
		const html = readFileSync(`build/${page}.html`, 'utf8');
		const named = [...html.matchAll(/<link href="\.\/([^"]+)" rel="modulepreload">/g)].map(
			(m) => m[1]!
		);
		expect(named.length, page).toBeGreaterThan(5);
		// What the browser finds only by reading a module: its static imports, as a browser reads them.
		const found = new Set<string>();
		const visit = (path: string) => {
			for (const i of parse(readFileSync(`build/${path}`, 'utf8'))[0]) {
				if (i.d !== -1 || !i.n?.startsWith('.')) continue;
				const dep = join(dirname(path), i.n);
				if (found.has(dep)) continue;
				found.add(dep);
				visit(dep);
			}
		};
		named.forEach(visit);
		expect(
			[...found].filter((p) => !named.includes(p)),
			page
		).toEqual([]);
	}
});

test('each page asks for its start-up script before its modules: the app starts only after it has run', () => {
	for (const page of ['index', 'library', 'speaker', 'editor']) {
		const html = readFileSync(`build/${page}.html`, 'utf8');
		const boot = html.indexOf('<link rel="preload" href="./boot.js" as="script">');
		const modules = html.indexOf('rel="modulepreload"');
		expect(boot, `${page}: boot.js preloaded`).toBeGreaterThan(-1);
		expect(modules, page).toBeGreaterThan(-1);
		expect(boot, `${page}: boot.js named before the modules`).toBeLessThan(modules);
		// After the page's Content Security Policy, which governs it.
		expect(boot, page).toBeGreaterThan(html.indexOf('http-equiv="content-security-policy"'));
	}
});

/**
 * The files the page has asked for when its map region first says it has settled, taken at that
 * moment (not when a test's polling notices it, by which time idle-time work may have started).
 */
function recordAtFirstIdle() {
	new MutationObserver(() => {
		const el = document.querySelector('[role="region"][aria-label="Map"]');
		const w = window as unknown as { __atIdle?: string[] };
		if (el?.getAttribute('aria-busy') === 'false' && !w.__atIdle) {
			w.__atIdle = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
		}
	}).observe(document, {
		subtree: true,
		attributes: true,
		attributeFilter: ['aria-busy'],
		childList: true
	});
}

test('the panels and the notices come after the first view, and work', async ({ page }) => {
	await page.addInitScript(recordAtFirstIdle);
	const requested: string[] = [];
	page.on('request', (r) => requested.push(new URL(r.url()).pathname));
	await page.goto('/');
	await mapIdle(page);
	const firstView = await page.evaluate(
		() => (window as unknown as { __atIdle: string[] }).__atIdle
	);
	// The first view's files are there (so the check can fail), but not the later parts'.
	expect(firstView.some((p) => p.startsWith('/briefings/'))).toBe(true);
	expect(firstView.filter((p) => /(OfflineNotice|map-page-parts)\.[\w-]+\.css$/.test(p))).toEqual(
		[]
	);
	// They are asked for once the map has settled.
	await expect.poll(() => requested.some((p) => /map-page-parts\.[\w-]+\.css$/.test(p))).toBe(true);
	// The notices' live region is in the page once loaded (empty: nothing to say).
	await expect(page.locator('.offline-notices[aria-live="polite"]')).toBeAttached();
	// A country's panel opens from the list, styled (its own rules come with its code).
	await page.getByRole('button', { name: 'Russia', exact: true }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Russia' })).toBeFocused();
	await expect(page.locator('aside.panel')).toHaveCSS('overflow-y', 'auto');
});

test('a link that opens a country shows its panel in the first view', async ({ page }) => {
	await page.goto('/#country=FRA');
	await expect(page.getByRole('heading', { level: 2, name: 'France' })).toBeVisible();
	await mapIdle(page);
	await expect(page.getByRole('heading', { level: 2, name: 'France' })).toBeVisible();
});
