import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { expect, sharedPage, test, type Page } from './fixtures';
import {
	axeViolations,
	changedPixels,
	clickPlace,
	mapIdle,
	mapPixels,
	project,
	watch,
	withoutWebgl
} from './helpers';

/**
 * The countries MapLibre drew in a role fill anywhere on the canvas, with the role of that fill
 * (read from the map the app hangs on its container, `maplibreMap`).
 */
function drawnRoles(page: Page) {
	return page.evaluate(() => {
		type MapLike = {
			getLayersOrder(): string[];
			getLayer(id: string): { metadata?: unknown } | undefined;
			queryRenderedFeatures(options: { layers: string[] }): {
				layer: { id: string };
				properties: Record<string, unknown>;
				state: { role?: string | null };
			}[];
		};
		const map = (document.querySelector('.map') as unknown as { maplibreMap: MapLike }).maplibreMap;
		// Far out, the roles' fill draws every country in its role's colour, which it reads from the
		// country's feature-state (`roles-fill…`); close up, each country has its own
		// (`country-<ISO3>-fill-50m`, its role in its metadata).
		const layers = map
			.getLayersOrder()
			.filter((id) => /^country-[A-Z]{3}-fill|^roles-fill/.test(id));
		const drawn: Record<string, string> = {};
		for (const f of map.queryRenderedFeatures({ layers })) {
			const meta = map.getLayer(f.layer.id)?.metadata as { role?: string };
			const role = f.layer.id.startsWith('roles-') ? f.state.role : meta.role;
			if (role) drawn[String(f.properties.iso3)] = role;
		}
		return drawn;
	});
}

test('loads with no page error and fetches nothing from another host', async ({
	page,
	baseURL
}) => {
	const seen = watch(page, new URL(baseURL!).origin);
	await page.goto('./');
	await mapIdle(page);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Macron');
	await expect(page.getByRole('button', { name: 'Russia', exact: true })).toBeVisible();
	// The six roles have drawn, each on its countries in the first view (the United States, in
	// "context" too, is out of it): MapLibre rendered features in each country's role fill.
	expect(await drawnRoles(page)).toEqual({
		FRA: 'mediator',
		RUS: 'buildup',
		UKR: 'threatened',
		MLI: 'sphere',
		HUN: 'election',
		SVN: 'election',
		GBR: 'context'
	});
	expect(seen.errors).toEqual([]);
	expect(seen.foreign).toEqual([]);
});

test('the briefing and the names it is read with are fetched once: the page hints them early and its script reuses that', async ({
	page
}) => {
	const requests: string[] = [];
	page.on('request', (r) => {
		if (r.url().includes('/briefings/') || r.url().includes('/gazetteer')) requests.push(r.url());
	});
	await page.goto('./');
	await mapIdle(page);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Macron');
	// The briefing, and the English country names its reading waits for: each once.
	expect(requests.filter((u) => u.includes('/briefings/'))).toHaveLength(1);
	expect(requests.filter((u) => u.includes('/gazetteer'))).toHaveLength(1);
	// The hints are in the page itself, so the files arrive while the scripts are still loading.
	const hinted = await page
		.locator('link[rel="preload"][as="fetch"]')
		.evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
	expect(hinted.sort()).toEqual([...requests].sort());
});

/** The chunk of the app's code that holds the briefing validator (found by one of its messages). */
function validatorChunk(): string {
	const dir = 'build/_app/immutable/chunks';
	const found = readdirSync(dir).filter((f) =>
		readFileSync(`${dir}/${f}`, 'utf8').includes('latitude must be within -90..90')
	);
	expect(found, 'one chunk holds the validator').toHaveLength(1);
	return found[0]!;
}

test('the default briefing, byte for byte as built, is read without the validator; a file changed since is validated', async ({
	page
}) => {
	const chunk = validatorChunk();
	// The page names the digest of the file the build validated, and it is that file's.
	const built = readFileSync('build/briefings/feb-2022.json');
	const digest = `sha256-${createHash('sha256').update(built).digest('base64')}`;
	const requested: string[] = [];
	page.on('request', (r) => requested.push(r.url()));
	await page.goto('./');
	await mapIdle(page);
	await expect(page.locator('meta[name="default-briefing-integrity"]')).toHaveAttribute(
		'content',
		digest
	);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Macron');
	expect(requested.filter((u) => u.endsWith(chunk))).toEqual([]);

	// A deployer's edit of build/briefings/feb-2022.json: other bytes, read and validated.
	requested.length = 0;
	await page.route('**/briefings/feb-2022.json', async (route) => {
		const res = await route.fetch();
		const body = await res.json();
		body.title = 'Macron between Moscow and Kyiv, as edited';
		await route.fulfill({ response: res, json: body });
	});
	await page.reload();
	await mapIdle(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Macron between Moscow and Kyiv, as edited'
	);
	expect(requested.filter((u) => u.endsWith(chunk))).toHaveLength(1);
});

test('the first view is the story frame, Mali to Moscow', async ({ page }) => {
	await page.goto('./');
	await mapIdle(page);
	await expect(page).toHaveURL(/#map=/);
	const [zoom, lat, lon] = new URL(page.url()).hash
		.replace('#map=', '')
		.split('&')[0]!
		.split('/')
		.map(Number);
	expect(zoom).toBeGreaterThan(2);
	expect(lat).toBeGreaterThan(25);
	expect(lat).toBeLessThan(45);
	expect(lon).toBeGreaterThan(5);
	expect(lon).toBeLessThan(35);
});

const INSIDE: [string, number, number][] = [
	['France', 2.4, 46.6],
	['Russia', 40.0, 55.5],
	['Ukraine', 31.5, 49.0],
	['Mali', -2.0, 17.0],
	['Hungary', 19.5, 47.1],
	['Slovenia', 14.8, 46.1]
];

// One page for the clicks: each goes to its view by the address, as a shared link or an edited
// address does (the first is a page load), and clicks there; what it opens is all each test reads.
test.describe('a click on the map', () => {
	const shared = sharedPage();

	for (const [name, lon, lat] of INSIDE) {
		test(`a click inside ${name} on the map opens its panel`, async () => {
			const page = shared();
			await clickPlace(page, lon, lat);
			const heading = page.locator('#panel-heading');
			await expect(heading).toHaveText(name);
			await expect(heading).toBeFocused();
			await expect(page.getByRole('heading', { name: 'In the article' })).toBeVisible();
			await expect(page.getByRole('heading', { name: 'Troop positioning' })).toBeVisible();
			await expect(page.locator('mark').first()).toBeVisible();
		});
	}

	test('a click on Crimea opens Ukraine, never Russia', async () => {
		const page = shared();
		for (const [lon, lat] of [
			[34.102, 44.952], // Simferopol
			[33.525, 44.6] // Sevastopol
		]) {
			await clickPlace(page, lon!, lat!, 6);
			await expect(page.locator('#panel-heading')).toHaveText('Ukraine');
		}
	});
});

test('each panel opens from the list by keyboard and Escape closes it', async ({ page }) => {
	await page.goto('./');
	await mapIdle(page);
	for (const name of ['France', 'Russia', 'Ukraine', 'Mali', 'Hungary', 'Slovenia']) {
		const button = page.getByRole('button', { name, exact: true });
		await button.focus();
		await page.keyboard.press('Enter');
		await expect(page.locator('#panel-heading')).toHaveText(name);
		await expect(page.locator('#panel-heading')).toBeFocused();
		await expect(page).toHaveURL(new RegExp(`country=`));
		await page.keyboard.press('Escape');
		await expect(page.locator('#panel-heading')).toHaveCount(0);
		await expect(button).toBeFocused();
	}
});

test('Hungary and Slovenia quote paragraph 5 only, with the names highlighted', async ({
	page
}) => {
	await page.goto('./');
	for (const name of ['Hungary', 'Slovenia']) {
		await page.getByRole('button', { name, exact: true }).click();
		const quotes = page.locator('.passages > li');
		await expect(quotes).toHaveCount(1);
		await expect(quotes.first()).toContainText('Para. 5');
		await expect(quotes.first().locator('mark')).toHaveText([name]);
		await page.getByRole('button', { name: `Close ${name}` }).click();
	}
});

test('Russia panel shows the article troop note with its paragraph', async ({ page }) => {
	await page.goto('./');
	await page.getByRole('button', { name: 'Russia', exact: true }).click();
	const troops = page.getByRole('region', { name: 'Troop positioning' });
	await expect(troops).toContainText('100,000');
	await expect(troops).toContainText('para. 4');
	// Related countries jump to another panel.
	await page.locator('.related').getByRole('button', { name: 'Ukraine' }).click();
	await expect(page.locator('#panel-heading')).toHaveText('Ukraine');
});

test('a country the article does not mention gets a short panel, with its notes', async ({
	page
}) => {
	await page.goto('./');
	await page.getByText(/All other countries/).click();
	await page.getByRole('button', { name: 'Belarus', exact: true }).click();
	await expect(page.locator('#panel-heading')).toHaveText('Belarus');
	await expect(page.getByText('Belarus is not mentioned in the article.')).toBeVisible();
	await expect(page.getByRole('region', { name: 'Troop positioning' })).toContainText(
		/Union Resolve/i
	);
});

test('the panel is non-modal: the map stays usable while it is open', async ({ page }) => {
	await page.goto('./');
	await mapIdle(page);
	await page.getByRole('button', { name: 'France', exact: true }).click();
	await mapIdle(page);
	const before = new URL(page.url()).hash;
	const canvas = page.locator('canvas.maplibregl-canvas');
	const box = (await canvas.boundingBox())!;
	await page.mouse.move(box.x + 200, box.y + 300);
	await page.mouse.down();
	await page.mouse.move(box.x + 320, box.y + 360, { steps: 6 });
	await page.mouse.up();
	await mapIdle(page);
	expect(new URL(page.url()).hash).not.toBe(before);
	await expect(page.locator('#panel-heading')).toHaveText('France');
});

test('the country under the pointer is outlined, and the one clicked more strongly until closed', async ({
	page
}) => {
	// Germany: a country of the basemap only, left of the middle of the view, clear of the panel
	// (a country the panel would cover is moved into view, and these pixels would all change).
	const view = { zoom: 5, lat: 51, lon: 15 };
	await page.goto(`./#map=${view.zoom}/${view.lat}/${view.lon}`);
	await mapIdle(page);
	const canvas = page.locator('canvas.maplibregl-canvas');
	const box = (await canvas.boundingBox())!;
	const germany = project(view, box, 10.4, 51.1);
	const plain = await mapPixels(page);

	await page.mouse.move(box.x + germany.x, box.y + germany.y);
	// Its whole border (about 800 pixels long at this zoom) is drawn over.
	await expect.poll(async () => changedPixels(plain, await mapPixels(page))).toBeGreaterThan(600);
	await mapIdle(page);
	const hovered = await mapPixels(page);

	await page.mouse.click(box.x + germany.x, box.y + germany.y);
	await expect(page.locator('#panel-heading')).toHaveText('Germany');
	// Thicker and darker than hover.
	await expect.poll(async () => changedPixels(hovered, await mapPixels(page))).toBeGreaterThan(300);
	// It stays when the pointer leaves the map...
	await page.mouse.move(box.x + box.width - 5, box.y + box.height - 5);
	await mapIdle(page);
	expect(changedPixels(plain, await mapPixels(page))).toBeGreaterThan(600);
	// ...and goes with the panel.
	await page.mouse.move(0, 0);
	await page.keyboard.press('Escape');
	await expect(page.locator('#panel-heading')).toHaveCount(0);
	// Focus went back to the map, which shows its keyboard focus ring round its edge: set it
	// aside to compare the map's own pixels.
	await expect(page.locator('canvas.maplibregl-canvas')).toBeFocused();
	await page.locator('canvas.maplibregl-canvas').blur();
	await expect.poll(async () => changedPixels(plain, await mapPixels(page))).toBeLessThan(60);
});

test('a shared link restores the view and the open country', async ({ page }) => {
	await page.goto('./#map=4/49/31&country=UKR');
	await mapIdle(page);
	await expect(page.locator('#panel-heading')).toHaveText('Ukraine');
	const hash = new URL(page.url()).hash;
	expect(hash).toMatch(/^#map=4\/49\/31/);
	expect(hash).toContain('country=UKR');
	await page.reload();
	await mapIdle(page);
	await expect(page.locator('#panel-heading')).toHaveText('Ukraine');
});

test('a malformed hash is ignored, never fatal', async ({ page }) => {
	const seen = watch(page, 'http://127.0.0.1');
	await page.goto('./#map=banana/999/x&country=<script>&%%');
	await mapIdle(page);
	await expect(page.locator('#panel-heading')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Mali', exact: true })).toBeVisible();
	expect(seen.errors).toEqual([]);
});

test('a broken briefing file shows its errors on the page', async ({ page }) => {
	await page.route('**/briefings/feb-2022.json', async (route) => {
		const res = await route.fetch();
		const body = await res.json();
		body.countries[1].iso3 = 'russia';
		body.troopNotes[0].provenance.paragraphs = 'four';
		await route.fulfill({ response: res, json: body });
	});
	await page.goto('./');
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('could not be loaded');
	await expect(alert).toContainText('countries[1].iso3');
	await expect(alert).toContainText('troopNotes[0].provenance.paragraphs');
	// The rest of the page keeps working: the sources are still credited.
	await expect(page.getByRole('contentinfo', { name: 'Sources and credits' })).toBeVisible();
});

test('without WebGL the page says so and the briefing still works as text', async ({ page }) => {
	await withoutWebgl(page);
	await page.goto('./');
	await expect(page.getByText(/cannot draw the map/)).toBeVisible();
	await page.getByRole('button', { name: 'Mali', exact: true }).click();
	await expect(page.locator('#panel-heading')).toHaveText('Mali');
	await expect(page.locator('.passages > li')).toHaveCount(1);
});

test('axe-core finds no serious or critical violation, with and without a panel', async ({
	page
}) => {
	await page.goto('./');
	await mapIdle(page);
	expect(await axeViolations(page)).toEqual([]);
	await page.getByRole('button', { name: 'Ukraine', exact: true }).click();
	await mapIdle(page);
	expect(await axeViolations(page)).toEqual([]);
});

test('choosing Russia from the list shows Russia at a readable zoom, not the whole world', async ({
	page
}) => {
	await page.goto('./');
	await mapIdle(page);
	await page.getByRole('button', { name: 'Russia', exact: true }).click();
	await expect(page.locator('#panel-heading')).toHaveText('Russia');
	await mapIdle(page);
	const [zoom, lat, lon] = new URL(page.url()).hash
		.match(/map=([^&]+)/)![1]!
		.split('/')
		.map(Number);
	expect(zoom).toBeGreaterThanOrEqual(2.3);
	expect(lat).toBeGreaterThan(45);
	expect(lon).toBeGreaterThan(30);
	expect(lon).toBeLessThan(120);
});
