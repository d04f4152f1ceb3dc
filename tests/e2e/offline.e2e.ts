import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../scripts/serve.js';
import { expect, test, type Page } from './fixtures';
import { axeViolations, mapIdle } from './helpers';

// Offline after the first visit (src/service-worker.ts, src/lib/offline/). Each test serves the
// built site from a server of its own, in this process, so that it can stop it as a network
// failure would, and so that a second deployment can be put in its place. The rest of the suite
// blocks service workers (playwright.config.ts); these tests allow them.
test.use({ serviceWorkers: 'allow' });

const FIXTURE = readFileSync('tests/fixtures/gerd-2023.briefing.json', 'utf8');
const SAVED = 'Offline: showing the copy saved in this browser.';

/** The notices' polite live region (src/lib/offline/OfflineNotice.svelte), with `text` in it. */
const notices = (page: Page, text: string) =>
	page.locator('[aria-live="polite"]').filter({ hasText: text });

/** Serves `root` on a free port; `stop` closes it and every open connection, as a dead server. */
async function serveRoot(root: string) {
	const { server, url } = (await serve({ root, port: 0 })) as { server: Server; url: string };
	return {
		url,
		stop: () =>
			new Promise<void>((done) => {
				server.closeAllConnections();
				server.close(() => done());
			})
	};
}

/** Waits until the page is answered by an activated service worker. */
async function controlled(page: Page) {
	await expect
		.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'))
		.toBe('activated');
}

/** The names of this app's caches in the page's origin. */
const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

/** Records, in the page, whether the map had settled when the service worker was registered. */
async function recordRegistration(page: Page) {
	await page.addInitScript(() => {
		const w = window as unknown as { registeredWhileMap?: string[] };
		w.registeredWhileMap = [];
		const register = ServiceWorkerContainer.prototype.register;
		ServiceWorkerContainer.prototype.register = function (...args) {
			const region = document.querySelector('.map-region');
			w.registeredWhileMap!.push(region?.getAttribute('aria-busy') ?? 'no map');
			return register.apply(this, args);
		};
	});
}

test('after one visit, the map, its panels and the library open with the server stopped', async ({
	page
}) => {
	const site = await serveRoot('build');
	try {
		await recordRegistration(page);
		await page.goto(site.url);
		await mapIdle(page);
		await controlled(page);
		// Registered once, after the map's first idle view, not during it.
		expect(
			await page.evaluate(() => (window as { registeredWhileMap?: string[] }).registeredWhileMap)
		).toEqual(['false']);

		// Saved with the app: the 1:50m borders of the embedded briefings' countries, no other.
		const index = (await (await fetch(`${site.url}briefings/index.json`)).json()) as {
			countries: string[];
		}[];
		const story = [...new Set(index.flatMap((b) => b.countries))].sort();
		expect(story.length).toBeGreaterThan(0);
		const app = (await cacheNames(page)).find((n) => n.startsWith('briefing-map-app-'))!;
		const countriesSaved = await page.evaluate(
			async (name) =>
				(await (await caches.open(name)).keys())
					.map((r) => /\/([A-Z]{3})\.[\w-]+\.geojson$/.exec(r.url)?.[1])
					.filter(Boolean),
			app
		);
		expect(countriesSaved.sort()).toEqual(story);

		// A country's panel, once, as a visitor would.
		await page.getByRole('button', { name: 'Ukraine', exact: true }).click();
		await expect(page.locator('#panel-heading')).toHaveText('Ukraine');
		await mapIdle(page);

		// A briefing imported in this browser, opened once while the site is there.
		await page.goto(`${site.url}library`);
		await page.getByLabel('Import briefing').setInputFiles({
			name: 'gerd-2023.briefing.json',
			mimeType: 'application/json',
			buffer: Buffer.from(FIXTURE)
		});
		await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();
		await page.goto(`${site.url}?briefing=gerd-2023#country=SDN`);
		await expect(page.locator('#panel-heading')).toHaveText('Sudan');
		await mapIdle(page);
		// The 1:50m borders of a country no embedded briefing has were saved when first fetched.
		const runtime = (await cacheNames(page)).find((n) => n.startsWith('briefing-map-runtime-'));
		expect(runtime).toBeDefined();
		const saved = await page.evaluate(
			async (name) => (await (await caches.open(name)).keys()).map((r) => r.url),
			runtime!
		);
		expect(saved.some((u) => /\/SDN\.[\w-]+\.geojson$/.test(u))).toBe(true);

		// The network goes: the server stops.
		await site.stop();
		await page.goto(site.url);
		await mapIdle(page);
		await expect(page.locator('canvas.maplibregl-canvas')).toBeVisible();
		await expect(notices(page, SAVED)).toBeVisible();
		await expect(page.getByText('A new version is ready')).toHaveCount(0);
		// No border is missing: the story's countries were saved with the app.
		await expect(page.getByText('Detailed borders could not be loaded')).toHaveCount(0);
		await page.getByRole('button', { name: 'Hungary', exact: true }).click();
		await expect(page.locator('#panel-heading')).toHaveText('Hungary');
		await expect(page.locator('.passages > li')).toHaveCount(1);
		await expect(page.locator('.passages > li').first().locator('mark')).toHaveText(['Hungary']);
		await mapIdle(page);
		expect(await axeViolations(page)).toEqual([]);

		// The library, by its link: both the embedded briefing and the imported one.
		await page.getByRole('link', { name: 'All briefings' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Briefings' })).toBeVisible();
		await expect(
			page.getByRole('region', { name: 'Comes with the app' }).getByRole('listitem')
		).toHaveCount(1);
		const imported = page.getByRole('region', { name: 'Imported in this browser' });
		await expect(imported.getByRole('listitem')).toHaveCount(1);
		await expect(notices(page, SAVED)).toBeVisible();
		expect(await axeViolations(page)).toEqual([]);
		await imported.getByRole('link', { name: 'The Nile dam dispute', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Nile dam dispute');
		await page.getByRole('button', { name: 'Sudan', exact: true }).click();
		await expect(page.locator('#panel-heading')).toHaveText('Sudan');
		await mapIdle(page);
		await expect(page.getByText('Detailed borders could not be loaded')).toHaveCount(0);
		await expect(notices(page, SAVED)).toBeVisible();

		// The editor too: its map draws from the saved basemap.
		await page.goto(`${site.url}editor`);
		await expect(page.getByRole('heading', { level: 1, name: 'New briefing' })).toBeVisible();
		await mapIdle(page);
		await expect(notices(page, SAVED)).toBeVisible();
	} finally {
		await site.stop().catch(() => {});
	}
});

test('a new deployment waits for Reload, served from a sub-path; the open page goes on', async ({
	page
}) => {
	const root = mkdtempSync(join(tmpdir(), 'briefing-offline-'));
	// The site under /deploy/: the worker's scope and the saved paths follow the base path.
	cpSync('build', join(root, 'deploy'), { recursive: true });
	const site = await serveRoot(root);
	const home = `${site.url}deploy/`;
	try {
		await page.goto(home);
		await mapIdle(page);
		await controlled(page);
		const scope = await page.evaluate(
			async () => (await navigator.serviceWorker.getRegistration())?.scope
		);
		expect(scope).toBe(home);
		const version = (
			JSON.parse(readFileSync(join(root, 'deploy/_app/version.json'), 'utf8')) as {
				version: string;
			}
		).version;
		expect(await cacheNames(page)).toContain(`briefing-map-app-${version}`);

		// A new deployment: the worker's bytes change (its version), as each build's do.
		const worker = join(root, 'deploy/service-worker.js');
		const next = `${version}-next`;
		const source = readFileSync(worker, 'utf8');
		expect(source).toContain(JSON.stringify(version).slice(1, -1));
		writeFileSync(worker, source.replaceAll(version, next));

		// The next visit finds it, saves it beside the one in use, and says so, quietly.
		await page.goto(home);
		await mapIdle(page);
		const notice = notices(page, 'A new version is ready');
		await expect(notice).toBeVisible();
		expect(await cacheNames(page)).toEqual(
			expect.arrayContaining([`briefing-map-app-${version}`, `briefing-map-app-${next}`])
		);
		// Nothing was swapped under the open page: the new worker waits, and the page goes on.
		const waiting = () =>
			page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting);
		expect(await waiting()).toBe(true);
		await page.getByRole('button', { name: 'Slovenia', exact: true }).click();
		await expect(page.locator('#panel-heading')).toHaveText('Slovenia');
		await expect(page.locator('.passages > li')).toHaveCount(1);
		expect(await waiting()).toBe(true);

		// Out of the way of the map's controls, on a small projector and on a phone; away while
		// presenting.
		for (const size of [
			{ width: 1024, height: 768 },
			{ width: 390, height: 844 }
		]) {
			await page.setViewportSize(size);
			await mapIdle(page);
			const box = (await notice.boundingBox())!;
			expect(box.x).toBeGreaterThanOrEqual(0);
			expect(box.x + box.width).toBeLessThanOrEqual(size.width);
			expect(box.y + box.height).toBeLessThanOrEqual(size.height);
			const controls = page.locator('.maplibregl-ctrl, .map-region .corner, .menu-button');
			for (const control of await controls.all()) {
				if (!(await control.isVisible())) continue;
				const c = (await control.boundingBox())!;
				const apart =
					c.x >= box.x + box.width ||
					box.x >= c.x + c.width ||
					c.y >= box.y + box.height ||
					box.y >= c.y + c.height;
				expect(
					apart,
					`${size.width}×${size.height}: the notice covers ${await control.evaluate((e) => e.className)}`
				).toBe(true);
			}
			expect(await axeViolations(page)).toEqual([]);
		}
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.getByRole('button', { name: 'Close Slovenia' }).click();
		await page.getByRole('button', { name: 'Present' }).click();
		await expect(notice).toBeHidden();
		await page.keyboard.press('Escape');
		await expect(notice).toBeVisible();

		// Reload, from the keyboard: the new version takes over and the old caches go.
		await notice.getByRole('button', { name: 'Reload' }).focus();
		await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
		await mapIdle(page);
		await controlled(page);
		await expect(page.getByText('A new version is ready')).toHaveCount(0);
		// (Only the old version's: the new one's runtime cache may exist by now.)
		await expect
			.poll(async () => (await cacheNames(page)).filter((n) => n.endsWith(`-${version}`)))
			.toEqual([]);
		expect(await cacheNames(page)).toContain(`briefing-map-app-${next}`);
	} finally {
		await site.stop().catch(() => {});
		rmSync(root, { recursive: true, force: true });
	}
});
