/* eslint-disable @typescript-eslint/no-explicit-any -- page-side code reads the map through an untyped hook */
import { expect, test, type Page } from './fixtures';
import { mapIdle, mapPixels } from './helpers';

/**
 * Map text a room can read, and labels that never mislead (issue 8). What MapLibre placed is read
 * from the map the app hangs on its container (`maplibreMap`): which labels are drawn, and the
 * boxes they take on the screen, found by asking `queryRenderedFeatures` smaller and smaller boxes.
 */

interface LabelBox {
	layer: string;
	/** The label's name (a country, a place) or a mark's id. */
	name: string;
	id: string;
	x1: number;
	y1: number;
	x2: number;
	y2: number;
}

const STORY = ['France', 'Ukraine', 'Mali', 'Hungary', 'Slovenia'];

/** The boxes of the labels drawn now by the symbol layers whose id matches `pattern`. */
async function labelBoxes(page: Page, pattern: string): Promise<LabelBox[]> {
	return page.evaluate((source) => {
		const map = (document.querySelector('.maplibregl-map') as unknown as { maplibreMap: any })
			.maplibreMap;
		const re = new RegExp(source);
		const layers = map
			.getStyle()
			.layers.filter((l: any) => l.type === 'symbol' && re.test(l.id) && l.layout?.['text-field'])
			.map((l: any) => l.id);
		const canvas = map.getCanvas();
		const [W, H] = [canvas.clientWidth, canvas.clientHeight];
		const boxes = new Map<string, any>();
		const visit = (x: number, y: number, w: number, h: number) => {
			const hits = map.queryRenderedFeatures(
				[
					[x, y],
					[x + w, y + h]
				],
				{ layers }
			);
			if (!hits.length) return;
			if (w <= 3 && h <= 3) {
				for (const f of hits) {
					const name = String(f.properties.name ?? f.properties.label ?? '');
					const id = String(f.properties.id ?? f.properties.iso3 ?? '');
					const key = `${f.layer.id}|${id}|${name}|${JSON.stringify(f.geometry.coordinates)}`;
					const b = boxes.get(key) ?? {
						layer: f.layer.id,
						name,
						id,
						x1: Infinity,
						y1: Infinity,
						x2: -Infinity,
						y2: -Infinity
					};
					b.x1 = Math.min(b.x1, x);
					b.y1 = Math.min(b.y1, y);
					b.x2 = Math.max(b.x2, x + w);
					b.y2 = Math.max(b.y2, y + h);
					boxes.set(key, b);
				}
				return;
			}
			if (w >= h) {
				const half = Math.ceil(w / 2);
				visit(x, y, half, h);
				visit(x + half, y, w - half, h);
			} else {
				const half = Math.ceil(h / 2);
				visit(x, y, w, half);
				visit(x, y + half, w, h - half);
			}
		};
		visit(0, 0, W, H);
		return [...boxes.values()];
	}, pattern.toString());
}

/** Screen points inside `box` (every 3 px, 2 px in from its edges) drawn as a story country's fill. */
async function storyFillUnder(page: Page, box: LabelBox): Promise<string[]> {
	return page.evaluate((b) => {
		const map = (document.querySelector('.maplibregl-map') as unknown as { maplibreMap: any })
			.maplibreMap;
		const fills = map
			.getStyle()
			.layers.filter((l: any) => /^country-[A-Z]{3}-fill|^roles-fill/.test(l.id))
			.map((l: any) => l.id);
		const found = new Set<string>();
		for (let x = b.x1 + 2; x <= b.x2 - 2; x += 3) {
			for (let y = b.y1 + 2; y <= b.y2 - 2; y += 3) {
				for (const f of map.queryRenderedFeatures([x, y], { layers: fills })) {
					// (The roles' fill holds every story country, drawn in its role if it has one.)
					if (f.layer.id.startsWith('roles-') && !f.state?.role) continue;
					found.add(String(f.properties.iso3));
				}
			}
		}
		return [...found];
	}, box);
}

/** Each point mark of the overlays drawn now, on the screen: its overlay, id, name and radius. */
async function marksOnScreen(page: Page) {
	return page.evaluate(() => {
		const map = (document.querySelector('.maplibregl-map') as unknown as { maplibreMap: any })
			.maplibreMap;
		const layers = map
			.getStyle()
			.layers.filter((l: any) => l.type === 'circle' && l.source === 'overlays')
			.map((l: any) => l.id);
		const seen = new Map<string, any>();
		for (const f of map.queryRenderedFeatures(undefined, { layers })) {
			const p = map.project(f.geometry.coordinates);
			const r =
				Number(map.getPaintProperty(f.layer.id, 'circle-radius')) +
				Number(map.getPaintProperty(f.layer.id, 'circle-stroke-width'));
			seen.set(`${f.properties.overlay}/${f.properties.id}`, {
				overlay: f.properties.overlay,
				id: String(f.properties.id),
				name: String(f.properties.label ?? f.properties.name),
				x: p.x,
				y: p.y,
				r
			});
		}
		return [...seen.values()] as {
			overlay: string;
			id: string;
			name: string;
			x: number;
			y: number;
			r: number;
		}[];
	});
}

/** Distance in px from a point to a box (0 inside it). */
function distance(b: LabelBox, x: number, y: number) {
	const dx = Math.max(b.x1 - x, 0, x - b.x2);
	const dy = Math.max(b.y1 - y, 0, y - b.y2);
	return Math.hypot(dx, dy);
}

/** Whether two boxes overlap by more than the 3 px the probes can tell apart. */
const overlap = (a: LabelBox, b: LabelBox) =>
	a.x1 + 3 < b.x2 && b.x1 + 3 < a.x2 && a.y1 + 3 < b.y2 && b.y1 + 3 < a.y2;

async function open(page: Page, hash = '') {
	await page.goto(`./${hash}`);
	await mapIdle(page);
}

for (const size of [
	{ width: 1440, height: 900 },
	{ width: 1024, height: 768 },
	{ width: 1920, height: 1080 }
]) {
	test(`at the ${size.width}×${size.height} overview every story country is labelled, and no other country's label sits on a story country`, async ({
		page
	}) => {
		await page.setViewportSize(size);
		await open(page);
		const boxes = await labelBoxes(page, '^labels');
		const names = boxes.map((b) => b.name);
		for (const country of STORY) expect(names, `${country} is labelled`).toContain(country);
		for (const b of boxes.filter((b) => !STORY.includes(b.name))) {
			const under = (await storyFillUnder(page, b)).filter((iso3) => iso3 !== b.id);
			expect(under, `"${b.name}" lies on`).toEqual([]);
		}
	});
}

for (const size of [
	{ width: 1440, height: 900 },
	{ width: 1024, height: 768 }
]) {
	test(`at ${size.width}×${size.height}, the troops scene names Russia on Russia, though its main label point is in Siberia`, async ({
		page
	}) => {
		await page.setViewportSize(size);
		await open(page, '#scene=3');
		await expect(page.locator('.counter .count')).toHaveText('3 / 10');
		await mapIdle(page);
		const russia = (await labelBoxes(page, '^labels')).filter((b) => b.name === 'Russia');
		expect(russia.length).toBeGreaterThan(0);
		for (const b of russia) expect(await storyFillUnder(page, b)).toEqual(['RUS']);
	});
}

test('a story country label is the first one placed: it wins over its neighbours', async ({
	page
}) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	// Slovenia with Croatia, Austria and Italy around it, and the places layer's Ljubljana.
	await open(page, '#map=3.2/46/15');
	const boxes = await labelBoxes(page, '^labels');
	expect(boxes.map((b) => b.name)).toContain('Slovenia');
	const slovenia = boxes.find((b) => b.name === 'Slovenia')!;
	for (const b of boxes.filter((b) => b !== slovenia)) {
		expect(overlap(b, slovenia), `${b.name} over Slovenia`).toBe(false);
	}
});

/** The widest box among the labels whose name is `name`. */
const widthOf = (boxes: LabelBox[], name: string) =>
	Math.max(...boxes.filter((b) => b.name === name).map((b) => b.x2 - b.x1));

test('presenting on a 1080p screen draws story country labels at 18 px or more, and explore mode is as it was', async ({
	page
}) => {
	test.setTimeout(150_000);
	await page.setViewportSize({ width: 1920, height: 1080 });
	await open(page, '#map=4/48/20');
	const explore = await labelBoxes(page, '^labels');
	const hungary = widthOf(explore, 'Hungary');
	const marks = await marksOnScreen(page);
	const budapest = marks.find((m) => m.id === 'budapest')!;
	await page.getByRole('button', { name: 'Present', exact: true }).click();
	await mapIdle(page);
	// Scene 9 shows Hungary: its label in the projector theme, 18/15 of the explore size at least.
	await page.keyboard.press('End');
	await page.keyboard.press('ArrowLeft');
	await expect(page.locator('.counter .count')).toHaveText('9 / 10');
	await mapIdle(page);
	const shown = await labelBoxes(page, '^labels');
	expect(widthOf(shown, 'Hungary')).toBeGreaterThanOrEqual(hungary * (18 / 15) - 2);
	// Marks grow with the text.
	const bigger = (await marksOnScreen(page)).find((m) => m.id === 'budapest')!;
	expect(bigger.r).toBeGreaterThan(budapest.r);
	// Leaving gives the explore sizes back.
	await page.keyboard.press('Escape');
	await mapIdle(page);
	await open(page, '#map=4/48/20');
	expect(widthOf(await labelBoxes(page, '^labels'), 'Hungary')).toBeCloseTo(hungary, -1);
});

test('presenting on a 1024×768 projector keeps labels at least as large as exploring', async ({
	page
}) => {
	test.setTimeout(150_000);
	await page.setViewportSize({ width: 1024, height: 768 });
	await open(page, '#map=4/48/20');
	const hungary = widthOf(await labelBoxes(page, '^labels'), 'Hungary');
	await page.getByRole('button', { name: 'Present', exact: true }).click();
	await mapIdle(page);
	await page.keyboard.press('End');
	await page.keyboard.press('ArrowLeft');
	await expect(page.locator('.counter .count')).toHaveText('9 / 10');
	await mapIdle(page);
	expect(widthOf(await labelBoxes(page, '^labels'), 'Hungary')).toBeGreaterThan(hungary);
	await page.keyboard.press('Escape');
	await mapIdle(page);
	await open(page, '#map=4/48/20');
	expect(widthOf(await labelBoxes(page, '^labels'), 'Hungary')).toBeCloseTo(hungary, -1);
});

test('scene 3: the troop labels sit next to their own mark and cover no mark', async ({ page }) => {
	test.setTimeout(120_000);
	await page.setViewportSize({ width: 1440, height: 900 });
	await open(page, '#scene=3');
	await expect(page.locator('.counter .count')).toHaveText('3 / 10');
	await mapIdle(page);
	await page.screenshot({ path: 'test-results/map-text-scene3-1440.png' });
	const marks = await marksOnScreen(page);
	const labels = (await labelBoxes(page, '^(troops|places|crimea)')).filter((b) =>
		marks.some((m) => m.id === b.id)
	);
	expect(labels.length).toBeGreaterThan(5);
	for (const label of labels) {
		const own = marks.find((m) => m.id === label.id)!;
		// Beside its mark (within a few px of its edge)...
		expect(distance(label, own.x, own.y), `${label.name} beside its mark`).toBeLessThanOrEqual(
			own.r + 12
		);
		// (Two marks closer than their own size, as Slavne and Novoozerne at this zoom, read as one
		// place: the tooltip tells them apart.)
		const apart = (m: { x: number; y: number }) => Math.hypot(m.x - own.x, m.y - own.y) > 24;
		for (const other of marks.filter((m) => m.id !== label.id && apart(m))) {
			// ...not nearer to any other mark (a px of rounding), and clear of it.
			expect(
				distance(label, other.x, other.y),
				`${label.name} by ${other.name}`
			).toBeGreaterThanOrEqual(distance(label, own.x, own.y) - 1);
			expect(distance(label, other.x, other.y), `${label.name} over ${other.name}`).toBeGreaterThan(
				other.r + 2
			);
		}
	}
});

test('a mark whose label has no room names itself on hover', async ({ page }) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	await open(page, '#map=4.3/50/36');
	const marks = await marksOnScreen(page);
	const labels = await labelBoxes(page, '^(troops|places)');
	const unnamed = marks.filter((m) => !labels.some((l) => l.id === m.id));
	// Belarus's marks crowd at this zoom: at least one has no label, and hovering it names it.
	const target = unnamed[0] ?? marks.find((m) => m.id === 'blr-maxar-february-0')!;
	const canvas = page.locator('canvas.maplibregl-canvas');
	await canvas.hover({ position: { x: target.x, y: target.y } });
	await expect(page.getByRole('tooltip')).toHaveText(new RegExp(target.name.replace(/[()]/g, '.')));
	const box = (await canvas.boundingBox())!;
	await page.mouse.move(box.x + box.width - 30, box.y + box.height / 2);
	await expect(page.getByRole('tooltip')).toHaveCount(0);
});

test('Crimea’s occupied hatch shows above the troop band, with the band switched on', async ({
	page
}) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	await open(page, '#map=6.5/45.3/34.2');
	await expect(page.getByRole('checkbox', { name: 'Troop positions (article)' })).toBeChecked();
	const png = await mapPixels(page);
	// The occupied hatch is purple (#5b3a8c); the band's crosshatch is red.
	let purple = 0;
	let red = 0;
	for (let i = 0; i < png.data.length; i += 4) {
		const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
		if (b > r && b > g + 25 && r > 60 && r < 150 && g < 110) purple++;
		if (r > 150 && g < 90 && b < 90) red++;
	}
	expect(red, 'the band is drawn').toBeGreaterThan(500);
	expect(purple, 'the hatch shows').toBeGreaterThan(red / 3);
});

test('a highlighted country has one outline when zoomed in, not two', async ({ page }) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	for (const zoom of [3, 5]) {
		await open(page, `#map=${zoom}/49/31.5&country=UKR`);
		// The outline is drawn once the shapes are read, after the map first settles.
		await expect.poll(() => outlineLayersOf(page), { message: `zoom ${zoom}` }).toHaveLength(1);
	}
});

async function outlineLayersOf(page: Page) {
	{
		const layers = await page.evaluate(() => {
			const map = (document.querySelector('.maplibregl-map') as unknown as { maplibreMap: any })
				.maplibreMap;
			const ids = map
				.getStyle()
				.layers.filter((l: any) => l.id.startsWith('outline-') || /-selected$/.test(l.id))
				.map((l: any) => l.id);
			const hits = map.queryRenderedFeatures(undefined, { layers: ids });
			return [
				...new Set(hits.filter((f: any) => f.properties.iso3 === 'UKR').map((f: any) => f.layer.id))
			];
		});
		return layers;
	}
}

test('a country’s second role shows in the legend and on the map', async ({ page }) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	await open(page, '#map=5/46.6/2.4');
	const legend = page.getByRole('region', { name: /Legend/ });
	const election = legend.getByRole('listitem').filter({ hasText: 'Upcoming election' });
	await expect(election).toContainText('Hungary');
	await expect(election).toContainText(/France \(second role\)/);
	// On the map, France carries the election's texture too, over its own.
	const roles = await page.evaluate(() => {
		const map = (document.querySelector('.maplibregl-map') as unknown as { maplibreMap: any })
			.maplibreMap;
		const p = map.project([2.4, 46.6]);
		return map
			.queryRenderedFeatures(p)
			.map((f: any) => f.layer.metadata)
			.filter((m: any) => m?.iso3 === 'FRA')
			.map((m: any) => m.role);
	});
	expect(roles).toContain('mediator');
	expect(roles).toContain('election');
});

// Undone: at scene 3 the illustrative area's label finds no spot clear of the marks around Kursk
// and Belgorod, so it is dropped (it no longer covers them). It needs a label point with room.
test.fixme('scene 3: the troop area is labelled, clear of every mark', async ({ page }) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	await open(page, '#scene=3');
	await mapIdle(page);
	const marks = await marksOnScreen(page);
	const zone = (await labelBoxes(page, '^troops-article')).find((b) => /100,000/.test(b.name));
	expect(zone).toBeTruthy();
	for (const m of marks) expect(distance(zone!, m.x, m.y), m.name).toBeGreaterThan(m.r);
});

// Undone: at scene 3 eight Belarus marks crowd into a few dozen pixels and only the three
// westernmost find room for a label; the others name themselves on hover. It needs leader lines or
// a grouped label.
test.fixme('scene 3: most Belarus marks are named on the map', async ({ page }) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	await open(page, '#scene=3');
	await mapIdle(page);
	const marks = await marksOnScreen(page);
	const labels = await labelBoxes(page, '^(troops|places)');
	const belarus = marks.filter((m) => m.id.startsWith('blr-'));
	const named = belarus.filter((m) => labels.some((l) => l.id === m.id));
	expect(belarus.length).toBeGreaterThan(4);
	expect(named.length * 2).toBeGreaterThanOrEqual(belarus.length);
});
