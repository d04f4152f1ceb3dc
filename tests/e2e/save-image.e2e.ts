/**
 * Save image, as a person uses it: a size chosen, the button pressed (with the mouse or the
 * keyboard), a PNG downloaded. The file is read back: its size from its IHDR chunk, its pixels
 * decoded in the page (createImageBitmap, then a canvas) to check that the map is drawn and that
 * the title's and the legend's places hold ink.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from './fixtures';
import { axeViolations, mapIdle } from './helpers';

/** Width and height from a PNG's IHDR chunk (right after the 8-byte signature). */
function ihdr(png: Buffer): { width: number; height: number } {
	expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
	expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
	return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

interface Ink {
	/** Distinct colours (quantised) in the map's middle. */
	mapColours: number;
	/** Share of dark pixels in the title's place (top left) and the legend's (right or bottom). */
	titleInk: number;
	legendInk: number;
}

/** Decodes the PNG in the page and measures where it holds ink. */
async function inkOf(page: Page, png: Buffer): Promise<Ink> {
	return page.evaluate(async (b64) => {
		const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
		const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
		const canvas = document.createElement('canvas');
		canvas.width = bmp.width;
		canvas.height = bmp.height;
		const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
		ctx.drawImage(bmp, 0, 0);
		const W = bmp.width;
		const H = bmp.height;
		const region = (x: number, y: number, w: number, h: number) =>
			ctx.getImageData(Math.round(x), Math.round(y), Math.round(w), Math.round(h)).data;
		const dark = (d: Uint8ClampedArray) => {
			let n = 0;
			for (let i = 0; i < d.length; i += 4) if (d[i]! + d[i + 1]! + d[i + 2]! < 200) n++;
			return n / (d.length / 4);
		};
		const colours = (d: Uint8ClampedArray) => {
			const seen = new Set<number>();
			for (let i = 0; i < d.length; i += 4)
				seen.add(((d[i]! >> 4) << 8) | ((d[i + 1]! >> 4) << 4) | (d[i + 2]! >> 4));
			return seen.size;
		};
		const wide = W / H >= 1.2;
		return {
			mapColours: colours(region(W * 0.2, H * 0.3, W * 0.4, H * 0.4)),
			// The title sits in the top band, from the left edge.
			titleInk: dark(region(0, 0, W * 0.3, H * 0.06)),
			// The legend: a column on the right of a wide image, a band under the map of a tall one.
			legendInk: wide
				? dark(region(W * 0.8, H * 0.1, W * 0.2, H * 0.5))
				: dark(region(0, H * 0.65, W, H * 0.2))
		};
	}, png.toString('base64'));
}

async function saveAt(page: Page, size: string, press: () => Promise<void>): Promise<Download> {
	const downloaded = page.waitForEvent('download', { timeout: 30_000 });
	await page.getByRole('combobox', { name: 'Image size' }).first().selectOption({ label: size });
	await press();
	return downloaded;
}

async function fileOf(download: Download): Promise<Buffer> {
	const path = await download.path();
	expect(path).toBeTruthy();
	return readFileSync(path!);
}

function expectInk(ink: Ink) {
	expect(ink.mapColours, 'the map is drawn, not blank').toBeGreaterThan(12);
	expect(ink.titleInk, 'the title holds ink').toBeGreaterThan(0.02);
	expect(ink.legendInk, 'the legend holds ink').toBeGreaterThan(0.01);
}

test('Save image downloads the view at 1920 × 1080 and 3840 × 2160, composed with its title and legend', async ({
	page
}) => {
	await page.goto('./');
	await mapIdle(page);
	const group = page.getByRole('group', { name: 'Save image' });
	await expect(group.getByRole('combobox', { name: 'Image size' })).toHaveValue('1920x1080');
	for (const [label, width, height] of [
		['1920 × 1080', 1920, 1080],
		['3840 × 2160 (4K)', 3840, 2160]
	] as const) {
		const download = await saveAt(page, label, () =>
			group.getByRole('button', { name: 'Save image' }).click()
		);
		expect(download.suggestedFilename()).toBe(`feb-2022-map-${width}x${height}.png`);
		const png = await fileOf(download);
		expect(ihdr(png)).toEqual({ width, height });
		expectInk(await inkOf(page, png));
		await expect(group.getByRole('status')).toHaveText(`Saved feb-2022-map-${width}x${height}.png`);
	}
	// The second map drawn for the image is gone; the page's own map is where it was.
	await expect(page.locator('.offscreen-map')).toHaveCount(0);
	expect(await axeViolations(page)).toEqual([]);
});

test('the screen size keeps the map’s own pixels and composes the rest around them', async ({
	page
}) => {
	await page.goto('./#country=RUS');
	await mapIdle(page);
	const canvas = await page.locator('canvas.maplibregl-canvas').boundingBox();
	const download = await saveAt(page, 'The screen', () =>
		page.getByRole('button', { name: 'Save image' }).click()
	);
	expect(download.suggestedFilename()).toMatch(/^feb-2022-rus-\d+x\d+\.png$/);
	const png = await fileOf(download);
	const size = ihdr(png);
	// The map at its pixels (device pixel ratio 1 here), with the header, legend and credits added.
	expect(size.width).toBeGreaterThanOrEqual(Math.floor(canvas!.width));
	expect(size.height).toBeGreaterThan(Math.floor(canvas!.height));
	expect(`${size.width}x${size.height}`).toBe(download.suggestedFilename().match(/(\d+x\d+)/)![1]);
	expectInk(await inkOf(page, png));
});

test('presenting, the toolbar saves the scene at the size chosen, with the keyboard; Enter does not step the scene', async ({
	page
}) => {
	await page.goto('./');
	await mapIdle(page);
	await page.getByRole('combobox', { name: 'Image size' }).selectOption({ label: 'The screen' });
	// The same page, presenting from scene 3 (the address changes, the page stays).
	await page.goto('./#scene=3');
	await mapIdle(page);
	await expect(page.locator('.counter .count')).toHaveText('3 / 10');
	const toolbar = page.getByRole('toolbar', { name: 'Presentation controls' });
	const save = toolbar.getByRole('button', { name: 'Save image, The screen' });
	await toolbar.getByRole('button', { name: 'Speaker view' }).focus();
	const downloaded = page.waitForEvent('download', { timeout: 30_000 });
	// Tab goes through the letter-shortcuts switch to Save image.
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	await expect(save).toBeFocused();
	await page.keyboard.press('Enter');
	const download = await downloaded;
	const name = download.suggestedFilename();
	expect(name).toMatch(/^feb-2022-scene-3-\d+x\d+\.png$/);
	const png = await fileOf(download);
	expect(`${ihdr(png).width}x${ihdr(png).height}`).toBe(name.match(/(\d+x\d+)/)![1]);
	expectInk(await inkOf(page, png));
	await expect(page.locator('.counter .count')).toHaveText('3 / 10');
	// Elsewhere, the keys still step the scenes.
	await page.keyboard.press('ArrowRight');
	await expect(page.locator('.counter .count')).toHaveText('4 / 10');
	// On a phone the toolbar still fits in one row on the screen.
	await page.setViewportSize({ width: 390, height: 844 });
	const exit = await toolbar.getByRole('button', { name: 'Exit presentation' }).boundingBox();
	expect(exit!.x + exit!.width).toBeLessThanOrEqual(390);
});

test('the speaker view saves the current scene’s image the same way', async ({ page }) => {
	await page.goto('./speaker#scene=2');
	await expect(page.getByRole('heading', { name: /^Now:/ })).toBeVisible();
	const download = await saveAt(page, '1920 × 1080', () =>
		page.getByRole('button', { name: 'Save image' }).click()
	);
	expect(download.suggestedFilename()).toBe('feb-2022-scene-2-1920x1080.png');
	const png = await fileOf(download);
	expect(ihdr(png)).toEqual({ width: 1920, height: 1080 });
	expectInk(await inkOf(page, png));
	// Stepping with the arrow keys still works outside the size menu.
	await page.getByRole('heading', { name: /^Now:/ }).click();
	await page.keyboard.press('ArrowRight');
	await expect(page.getByText('3 / 10')).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);
});
