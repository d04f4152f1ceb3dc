/**
 * Print handout, as a person uses it: Include speaker notes ticked (or not), Print handout
 * pressed, the progress read while the scenes render, then the browser's print. The browser's
 * print dialog cannot be driven by a test, so window.print is replaced by a note that it was
 * called; the printed document is what Chromium prints with print media (page.pdf): its pages are
 * counted in the PDF (`/Type /Page` objects), its words read from the DOM in print media.
 */
import { expect, test, type Page } from './fixtures';
import { axeViolations, mapIdle } from './helpers';

declare global {
	interface Window {
		__printCalls?: number;
	}
}

/** Stands in for the print dialog: the test counts the calls and prints with page.pdf(). */
async function catchPrint(page: Page) {
	await page.addInitScript(() => {
		window.__printCalls = 0;
		window.print = () => {
			window.__printCalls! += 1;
		};
	});
}

const pagesOf = (pdf: Buffer) =>
	(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

async function briefingJson(page: Page) {
	const res = await page.request.get('./briefings/feb-2022.json');
	return (await res.json()) as {
		scenes: { title: string; paragraphs: number[]; notes: string }[];
		countries: { iso3: string }[];
		article: { paragraphs: string[] };
	};
}

test('Print handout makes a cover, a page per scene and per country, and a sources page, then prints', async ({
	page
}) => {
	await catchPrint(page);
	await page.goto('./#map=3/48/20');
	await mapIdle(page);
	const before = page.url();
	const briefing = await briefingJson(page);
	await page.getByRole('checkbox', { name: 'Include speaker notes' }).check();
	await page.getByRole('button', { name: 'Print handout' }).click();
	// The progress says which scene is being drawn.
	const status = page.locator('.handout-controls [role=status]');
	await expect(status).toHaveText(/Rendering scene \d+ of 10/);
	await expect(page.getByRole('progressbar', { name: 'Handout progress' })).toBeVisible();
	const close = page.getByRole('button', { name: 'Close handout' });
	await expect(close).toBeVisible({ timeout: 45_000 });
	await expect.poll(() => page.evaluate(() => window.__printCalls)).toBe(1);

	const handout = page.locator('.handout');
	await expect(handout.getByRole('heading', { level: 1 })).toBeFocused();
	const pages = handout.locator('article.page');
	const countries = briefing.countries.length;
	await expect(pages).toHaveCount(1 + briefing.scenes.length + countries + 1);
	// Every scene: its title, the paragraphs it quotes with their numbers, its speaker notes.
	for (const [i, scene] of briefing.scenes.entries()) {
		const sheet = handout.getByRole('article', { name: `Scene ${i + 1}: ${scene.title}` });
		await expect(sheet).toBeVisible();
		for (const n of scene.paragraphs) {
			await expect(sheet.getByText(`Article, para. ${n}`, { exact: true })).toBeVisible();
			await expect(
				sheet.getByText(briefing.article.paragraphs[n - 1]!, { exact: true })
			).toBeVisible();
		}
		await expect(sheet.getByText(scene.notes.trim().slice(0, 60))).toBeVisible();
		// The map is an image of a canvas (printed as it is), not the live map.
		await expect(
			sheet.getByRole('img', { name: `Map of scene ${i + 1}, with its legend` })
		).toBeVisible();
	}
	await expect(handout.getByRole('heading', { name: 'Sources', level: 2 })).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);

	// Printed: the handout alone, each section from a new sheet, on A4 and on Letter.
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('button', { name: 'Present', exact: true })).toBeHidden();
	await expect(close).toBeHidden();
	const images = await handout.locator('canvas').evaluateAll((cs) =>
		(cs as HTMLCanvasElement[]).map((c) => {
			// The image's pixels: not blank (many colours in its middle).
			const d = c
				.getContext('2d')!
				.getImageData(c.width * 0.2, c.height * 0.3, c.width * 0.4, c.height * 0.4).data;
			const seen = new Set<number>();
			for (let j = 0; j < d.length; j += 16)
				seen.add((d[j]! >> 4) * 256 + (d[j + 1]! >> 4) * 16 + (d[j + 2]! >> 4));
			return { width: c.width, colours: seen.size };
		})
	);
	expect(images).toHaveLength(1 + briefing.scenes.length);
	for (const img of images) {
		expect(img.width).toBeGreaterThanOrEqual(1400);
		expect(img.colours).toBeGreaterThan(8);
	}
	for (const format of ['A4', 'Letter'] as const) {
		const pdf = await page.pdf({ format });
		expect(pagesOf(pdf), format).toBeGreaterThanOrEqual(1 + briefing.scenes.length + countries + 1);
		expect(pagesOf(pdf), format).toBeLessThan(3 * (2 + briefing.scenes.length + countries));
	}

	// Closed, the map is where it was, and focus is back on the button.
	await page.emulateMedia({ media: 'screen' });
	await close.click();
	await expect(handout).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Print handout' })).toBeFocused();
	expect(page.url()).toBe(before);
});

test('without Include speaker notes, the handout leaves them out', async ({ page }) => {
	await catchPrint(page);
	await page.goto('./');
	await mapIdle(page);
	const briefing = await briefingJson(page);
	await page.getByRole('button', { name: 'Print handout' }).click();
	await expect(page.getByRole('button', { name: 'Close handout' })).toBeVisible({
		timeout: 45_000
	});
	await expect(
		page.locator('.handout').getByRole('heading', { name: 'Speaker notes' })
	).toHaveCount(0);
	await expect(
		page.locator('.handout').getByText(briefing.scenes[0]!.notes.trim().slice(0, 60))
	).toHaveCount(0);
	// Escape closes it too.
	await page.keyboard.press('Escape');
	await expect(page.locator('.handout')).toHaveCount(0);
});

test('Ctrl+P on the map prints the view as an image, with its title and legend, not the app', async ({
	page
}) => {
	await page.goto('./');
	await mapIdle(page);
	// What the browser does on Ctrl+P, then prints: beforeprint, print media, afterprint.
	await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
	await page.emulateMedia({ media: 'print' });
	const shot = page.getByRole('img', { name: 'The map as shown on screen' });
	await expect(shot).toBeVisible();
	await expect(page.locator('canvas.maplibregl-canvas')).toBeHidden();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByRole('heading', { name: /Legend/ })).toBeVisible();
	for (const name of ['Present', 'Print handout', 'Measure distance'])
		await expect(page.getByRole('button', { name, exact: true })).toBeHidden();
	const colours = await shot.locator('canvas').evaluate((c: HTMLCanvasElement) => {
		const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
		const seen = new Set<number>();
		for (let j = 0; j < d.length; j += 64)
			seen.add((d[j]! >> 4) * 256 + (d[j + 1]! >> 4) * 16 + (d[j + 2]! >> 4));
		return seen.size;
	});
	expect(colours, 'the printed map is drawn, not blank').toBeGreaterThan(8);
	// page.pdf prints as the browser does (beforeprint and afterprint fire around it): one sheet.
	expect(pagesOf(await page.pdf({ format: 'A4' }))).toBe(1);
	await page.evaluate(() => dispatchEvent(new Event('afterprint')));
	await expect(shot).toHaveCount(0);
});
