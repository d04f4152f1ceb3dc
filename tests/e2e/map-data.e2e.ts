import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures';
import { axeViolations, mapIdle, mapPixels, pixelAt, project } from './helpers';

/** The 1:50m shapes of the story's countries, and the basemap (land and borders). */
const FINE = /\/assets\/[A-Z]{3}\.[\w-]+\.geojson$/;
const WORLD = /\/assets\/world\.[\w-]+\.geojson$/;
const DETAIL_LOST = 'Detailed borders could not be loaded; showing simplified ones';
const DATA_LOST = 'The map data could not be loaded';

/** Central Ukraine, away from every mark and label, at a zoom where the 1:50m shapes are used. */
const VIEW = { zoom: 5, lat: 49, lon: 31 };
const UKRAINE: [number, number] = [28.5, 48.3];

type MapLike = {
	project(p: [number, number]): { x: number; y: number };
	queryRenderedFeatures(
		p: { x: number; y: number },
		o: { layers: string[] }
	): { layer: { id: string }; source: string }[];
	getLayersOrder(): string[];
	getSource(id: string): unknown;
	isSourceLoaded(id: string): boolean;
	querySourceFeatures(id: string): unknown[];
};

/** The sources of the role fills MapLibre drew for a country at a place (empty: none drawn). */
function roleFillsAt(page: Page, iso3: string, at: [number, number]) {
	return page.evaluate(
		([iso3, at]) => {
			const map = (document.querySelector('.map') as unknown as { maplibreMap: MapLike })
				.maplibreMap;
			const layers = map.getLayersOrder().filter((id) => id.startsWith(`country-${iso3}-fill`));
			const hits = map.queryRenderedFeatures(map.project(at as [number, number]), { layers });
			return [...new Set(hits.map((f) => f.source))];
		},
		[iso3, at] as const
	);
}

/** Whether a source is in the map and loaded, with features. */
function sourceLoaded(page: Page, id: string) {
	return page.evaluate((id) => {
		const map = (document.querySelector('.map') as unknown as { maplibreMap: MapLike }).maplibreMap;
		return !!map.getSource(id) && map.isSourceLoaded(id) && map.querySourceFeatures(id).length > 0;
	}, id);
}

const region = (page: Page) => page.getByRole('region', { name: 'Map', exact: true });

/** The countries the embedded briefing styles: those with a role (Belarus, named only, has none). */
const STYLED = (
	JSON.parse(
		readFileSync(new URL('../../src/content/feb-2022/briefing.json', import.meta.url), 'utf8')
	) as { countries: { iso3: string; roles: unknown[] }[] }
).countries
	.filter((c) => c.roles.length > 0)
	.map((c) => c.iso3)
	.sort();

test('fetches a 1:50m file only for the countries the briefing styles, once, when first zoomed in', async ({
	page
}) => {
	// Every country of the basemap has a 1:50m file; only the styled ones' may be fetched.
	const fetched: string[] = [];
	page.on('request', (r) => {
		const iso3 = /\/assets\/([A-Z]{3})\.[\w-]+\.geojson$/.exec(r.url())?.[1];
		if (iso3) fetched.push(iso3);
	});
	await page.goto('./');
	await mapIdle(page);
	// The story's first view is drawn from the basemap alone.
	expect(fetched).toEqual([]);
	// Zoomed in over Ukraine, among unstyled neighbours (Belarus, Poland, Moldova...).
	await page.evaluate((v) => (location.hash = `#map=${v.zoom}/${v.lat}/${v.lon}`), VIEW);
	await mapIdle(page);
	await expect.poll(() => [...fetched].sort()).toEqual(STYLED);
	expect(STYLED).toContain('UKR');
	expect(STYLED).not.toContain('BLR');
	// Elsewhere, zoomed in again: nothing more.
	await page.evaluate(() => (location.hash = '#map=5/40/-100'));
	await mapIdle(page);
	expect([...fetched].sort()).toEqual(STYLED);
});

test('when the 1:50m files fail, the story countries keep their role colours and the map says so', async ({
	page
}) => {
	await page.route(FINE, (route) => route.abort());
	await page.goto(`./#map=${VIEW.zoom}/${VIEW.lat}/${VIEW.lon}`);
	await mapIdle(page);
	await expect(region(page).getByText(DETAIL_LOST)).toBeVisible();
	await expect(region(page).getByRole('button', { name: 'Retry' })).toBeVisible();
	// Ukraine is still drawn in its role ("Under threat", as the legend says), from the basemap.
	expect(await roleFillsAt(page, 'UKR', UKRAINE)).toEqual(['world']);
	await expect(page.getByRole('listitem').filter({ hasText: 'Under threat' })).toContainText(
		'Ukraine'
	);
	const canvas = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
	const p = project(VIEW, canvas, ...UKRAINE);
	const [r, g, b] = pixelAt(await mapPixels(page), p.x, p.y) as [number, number, number];
	// Not the plain land colour (#f3f0e9) of a country with no role.
	expect(Math.abs(r - 0xf3) + Math.abs(g - 0xf0) + Math.abs(b - 0xe9)).toBeGreaterThan(40);
	// Choosing it still outlines it, from the basemap's shape.
	await page.getByRole('button', { name: 'Ukraine', exact: true }).click();
	await expect(page.locator('#panel-heading')).toHaveText('Ukraine');
});

test('Retry fetches the detailed borders again once they can be had', async ({ page }) => {
	await page.route(FINE, (route) => route.abort());
	await page.goto(`./#map=${VIEW.zoom}/${VIEW.lat}/${VIEW.lon}`);
	await mapIdle(page);
	await expect(region(page).getByText(DETAIL_LOST)).toBeVisible();
	await page.unroute(FINE);
	await region(page).getByRole('button', { name: 'Retry' }).click();
	await mapIdle(page);
	await expect(region(page).getByText(DETAIL_LOST)).toHaveCount(0);
	expect(await sourceLoaded(page, 'country-UKR')).toBe(true);
	expect(await roleFillsAt(page, 'UKR', UKRAINE)).toEqual(['country-UKR']);
});

test('when the network comes back, the map fetches the detail it missed by itself', async ({
	page,
	context
}) => {
	await page.goto('./');
	await mapIdle(page);
	await context.setOffline(true);
	await page.evaluate((v) => (location.hash = `#map=${v.zoom}/${v.lat}/${v.lon}`), VIEW);
	await expect(region(page).getByText(DETAIL_LOST)).toBeVisible();
	await mapIdle(page);
	expect(await roleFillsAt(page, 'UKR', UKRAINE)).toEqual(['world']);
	await context.setOffline(false);
	await expect(region(page).getByText(DETAIL_LOST)).toHaveCount(0);
	await mapIdle(page);
	expect(await sourceLoaded(page, 'country-UKR')).toBe(true);
});

test('when the world file fails, the map says so instead of drawing no land, and Retry draws it', async ({
	page
}) => {
	await page.route(WORLD, (route) => route.abort());
	await page.goto('./');
	const alert = region(page).getByRole('alert');
	await expect(alert).toContainText(DATA_LOST);
	await expect(region(page).getByText('Loading the map…')).toHaveCount(0);
	// The briefing itself still works.
	await expect(page.getByRole('button', { name: 'Russia', exact: true })).toBeVisible();
	await page.unroute(WORLD);
	await alert.getByRole('button', { name: 'Retry' }).click();
	await expect(region(page).getByText(DATA_LOST)).toHaveCount(0);
	await mapIdle(page);
	expect(await sourceLoaded(page, 'world')).toBe(true);
});

for (const size of [
	{ width: 1024, height: 768 },
	{ width: 390, height: 844 }
]) {
	test(`the map's notices are legible, accessible and clear of its tools at ${size.width}×${size.height}`, async ({
		page
	}) => {
		await page.setViewportSize(size);
		await page.route(WORLD, (route) => route.abort());
		await page.route(FINE, (route) => route.abort());
		await page.goto(`./#map=${VIEW.zoom}/${VIEW.lat}/${VIEW.lon}`);
		const notice = region(page).locator('.map-notice');
		await expect(notice).toContainText(DATA_LOST);
		const box = (await notice.boundingBox())!;
		const area = (await region(page).boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(area.x);
		expect(box.x + box.width).toBeLessThanOrEqual(area.x + area.width);
		expect(box.height).toBeLessThan(area.height / 3);
		const measure = (await page.getByRole('button', { name: 'Measure distance' }).boundingBox())!;
		expect(box.y).toBeGreaterThanOrEqual(measure.y + measure.height);
		expect(await axeViolations(page)).toEqual([]);
	});
}
