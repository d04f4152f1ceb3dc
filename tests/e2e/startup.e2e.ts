import { pathToFileURL } from 'node:url';
import { expect, test, type Page, type Route } from './fixtures';
import { axeViolations, mapIdle } from './helpers';

const TITLE = /Macron/;

/** Holds the matching requests until `release` is called (then lets them through). */
async function hold(page: Page, url: string | RegExp) {
	const held: Route[] = [];
	let released = false;
	await page.route(url, (route) => {
		if (released) void route.continue();
		else held.push(route);
	});
	return {
		count: () => held.length,
		release: async () => {
			released = true;
			await Promise.all(held.map((r) => r.continue()));
		}
	};
}

test('before any script has run, the page shows the briefing title and says the map is loading', async ({
	page
}) => {
	const scripts = await hold(page, /\/_app\/.*\.m?js$/);
	await page.goto('./', { waitUntil: 'commit' });
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	await expect(page.getByText('Loading the map…')).toBeVisible();
	expect(scripts.count()).toBeGreaterThan(0);
	await expect(page).toHaveTitle(TITLE);
	await scripts.release();
	await mapIdle(page);
	// The app has taken over: one heading, the app's own.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
});

test('the title is in the HTML itself, and stays while the briefing file loads', async ({
	page,
	request
}) => {
	const html = await (await request.get('./')).text();
	expect(html).toMatch(/<h1[^>]*>[^<]*Macron[^<]*<\/h1>/);
	const briefing = await hold(page, '**/briefings/*.json');
	await page.goto('./');
	await expect.poll(() => briefing.count()).toBeGreaterThan(0);
	// The app has started (its menu and credits are there) but has no briefing yet.
	await expect(page.getByRole('contentinfo', { name: 'Sources and credits' })).toBeAttached();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	await expect(page.getByRole('region', { name: 'Map', exact: true })).toContainText(
		'Loading the map…'
	);
	await briefing.release();
	await mapIdle(page);
});

test('the map region shows that the map is loading until it has drawn', async ({ page }) => {
	const world = await hold(page, /\/world\.[\w-]+\.geojson$/);
	await page.goto('./');
	const region = page.getByRole('region', { name: 'Map', exact: true });
	await expect.poll(() => world.count()).toBeGreaterThan(0);
	const status = region.getByRole('status').filter({ hasText: 'Loading the map…' });
	await expect(status).toBeVisible();
	await world.release();
	await mapIdle(page);
	await expect(region.getByText('Loading the map…')).toHaveCount(0);
});

test('a half-loaded map is not shown: the sea and the loading sign, then the whole map, sharp', async ({
	page
}) => {
	await page.setViewportSize({ width: 1024, height: 768 });
	const world = await hold(page, /\/world\.[\w-]+\.geojson$/);
	await page.goto('./');
	const region = page.getByRole('region', { name: 'Map', exact: true });
	const canvas = page.locator('canvas.maplibregl-canvas');
	// The briefing's own marks are in; the basemap is not.
	await expect.poll(() => world.count()).toBeGreaterThan(0);
	await expect
		.poll(() =>
			page.evaluate(() =>
				// @ts-expect-error the map, exposed on its container for the tests
				document.querySelector('.maplibregl-map')?.maplibreMap?.isSourceLoaded('overlays')
			)
		)
		.toBe(true);
	await expect(region.getByText('Loading the map…')).toBeVisible();
	await expect(canvas).toBeHidden();
	// What shows meanwhile is the map's sea, not the page.
	const colours = await page.locator('.maplibregl-map').evaluate((el) => {
		// @ts-expect-error as above
		const sea: string = el.maplibreMap.getPaintProperty('sea', 'background-color').toString();
		const probe = document.createElement('div');
		probe.style.color = sea;
		document.body.append(probe);
		const seaRgb = getComputedStyle(probe).color;
		probe.remove();
		return { shown: getComputedStyle(el).backgroundColor, sea: seaRgb };
	});
	expect(colours.shown).toBe(colours.sea);
	await world.release();
	await mapIdle(page);
	await expect(canvas).toBeVisible();
	// Drawn at the screen's own resolution once shown (it was drawn small while hidden).
	const size = await canvas.evaluate((c: HTMLCanvasElement) => ({
		drawn: c.width,
		shown: c.clientWidth,
		ratio: devicePixelRatio
	}));
	expect(size.drawn).toBe(Math.floor(size.shown * size.ratio));
});

test('the loading sign does not move for those who ask for reduced motion', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	const world = await hold(page, /\/world\.[\w-]+\.geojson$/);
	await page.goto('./');
	const loading = page.locator('.map-region .map-loading');
	await expect(loading).toBeVisible();
	const animations = await loading.evaluate((el) =>
		[el, ...el.querySelectorAll('*')].map((e) => getComputedStyle(e).animationName)
	);
	expect(animations).toEqual(['none', 'none']);
	await world.release();
	await mapIdle(page);
});

for (const size of [
	{ width: 1024, height: 768 },
	{ width: 390, height: 844 }
]) {
	test(`the loading state is legible and accessible at ${size.width}×${size.height}`, async ({
		page
	}) => {
		await page.setViewportSize(size);
		const world = await hold(page, /\/world\.[\w-]+\.geojson$/);
		await page.goto('./');
		const loading = page.locator('.map-region .map-loading');
		await expect(loading).toBeVisible();
		const box = (await loading.boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(size.width);
		expect(await axeViolations(page)).toEqual([]);
		await world.release();
		await mapIdle(page);
	});
}

test.describe('with JavaScript off', () => {
	test.use({ javaScriptEnabled: false });

	test('the page names the briefing and says it needs JavaScript', async ({ page }) => {
		await page.goto('./');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
		await expect(page.getByText(/needs JavaScript/)).toBeVisible();
		// Nothing claims to be loading when nothing will.
		await expect(page.getByText('Loading the map…')).toBeHidden();
	});

	test('the speaker view says it needs JavaScript too', async ({ page }) => {
		await page.goto('./speaker');
		await expect(page.getByText(/needs JavaScript/)).toBeVisible();
	});
});

test('opened from disk (file://), the page says to run npm start', async ({ page }) => {
	await page.goto(pathToFileURL('build/index.html').href);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	const message = page.getByRole('alert');
	await expect(message).toContainText('npm start');
	await expect(page.getByText('Loading the map…')).toBeHidden();
});

test("when the app's scripts cannot be loaded, the page says so instead of loading forever", async ({
	page
}) => {
	await page.route(/\/_app\/immutable\/entry\/.*\.js$/, (route) => route.abort());
	await page.goto('./');
	await expect(page.getByRole('alert')).toContainText('could not start');
	await expect(page.getByText('Loading the map…')).toBeHidden();
});
