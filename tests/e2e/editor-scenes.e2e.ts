import { expect, test, type Page } from './fixtures';
import { axeViolations, mapIdle } from './helpers';

/**
 * Scenes in the editor, as a briefer makes them: an article pasted and its countries found, the
 * map framed and a scene added twice (each keeps the map's view), titles and speaker notes, the
 * order changed by Move down / Move up and by a drag, undone; everything saved (a reload keeps
 * the scenes in their order); Present then runs them in the map page's presentation mode, and a
 * draft that cannot be presented says why in the editor.
 */

// Not the embedded briefing's story: written for this test (the 2010 rescue of the Copiapó miners).
const TITLE = 'The rescue of the Chilean miners';
const ARTICLE = [
	'In October 2010 rescuers in Chile brought thirty-three miners back to the surface after sixty-nine days trapped underground in a copper and gold mine in the desert of the north.',
	'One of the men came from Bolivia, and the president of Bolivia flew to the mine to welcome him when the rescue capsule reached the surface.',
	'Drilling teams and their equipment came from the United States, and engineers from Canada helped run the rig that finally broke through to the miners’ shelter.',
	'The rescue was watched live around the world, and the government of Chile promised new safety rules for the country’s mines.'
].join('\n\n');
const COUNTRIES = ['Chile', 'Bolivia', 'United States', 'Canada'];

/** The editor map's camera, as MapLibre holds it (the container carries it for tests). */
function camera(page: Page) {
	return page.evaluate(() => {
		const el = document.querySelector('.maplibregl-map') as HTMLElement & {
			maplibreMap: import('maplibre-gl').Map;
		};
		const c = el.maplibreMap.getCenter();
		return { lon: c.lng, lat: c.lat, zoom: el.maplibreMap.getZoom() };
	});
}

/** A new briefing in the editor: title, date, the article, its countries found, each a reason. */
async function writeTheBriefing(page: Page) {
	await page.goto('./editor');
	await mapIdle(page);
	await page.getByRole('textbox', { name: 'Title' }).fill(TITLE);
	await page.getByLabel('As of').fill('2010-10-14');
	await page.getByRole('textbox', { name: 'Article text' }).fill(ARTICLE);
	await page.getByRole('button', { name: 'Find countries' }).click();
	for (const name of COUNTRIES)
		await page.getByRole('textbox', { name: `Reason for ${name}` }).fill(`Named: ${name}.`);
}

const scenesRegion = (page: Page) => page.getByRole('region', { name: 'Scenes' });
/** The scenes' titles, in the order the editor lists them. */
const titles = (page: Page) =>
	scenesRegion(page)
		.locator('input.scene-title')
		.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

test('Scenes: add two from the map, name and note them, reorder, reload, Present', async ({
	page,
	context
}) => {
	test.setTimeout(180_000);
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await writeTheBriefing(page);
	await expect(page.getByRole('status').filter({ hasText: 'Found' })).toHaveText(
		/Found 4 countries in 4 paragraphs/
	);

	// No scene yet: Present says so, here.
	await page.getByRole('button', { name: 'Present', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText('Scenes: add a scene first');
	await expect(page).toHaveURL(/\/editor\?draft=/);

	// Scene 1: the world, as the map starts.
	await expect(page.getByRole('heading', { name: 'Scenes' })).toBeVisible();
	await mapIdle(page);
	const world = await camera(page);
	await page.getByRole('button', { name: 'Add scene' }).click();
	const title1 = page.getByRole('textbox', { name: 'Title of scene 1' });
	await expect(title1).toBeFocused();
	await expect(title1).toHaveValue('Scene 1');
	await title1.fill('The mine in the desert');
	await page.getByRole('textbox', { name: 'Speaker notes of scene 1' }).fill('Where it happened.');

	// Scene 2: the map moved first, by keyboard (zoomed in, panned west), as a person would.
	const canvas = page.locator('canvas.maplibregl-canvas');
	await canvas.focus();
	for (const key of ['+', '+', 'ArrowLeft', 'ArrowLeft', 'ArrowDown']) {
		await page.keyboard.press(key);
		await page.waitForTimeout(350);
	}
	// The map eases there: wait until it has landed (its view stops changing), then idles.
	await expect
		.poll(
			async () => {
				const a = await camera(page);
				await page.waitForTimeout(300);
				const b = await camera(page);
				const moved = Math.abs(b.zoom - world.zoom) + Math.abs(b.lat - world.lat);
				return moved > 1 && a.zoom === b.zoom && a.lat === b.lat;
			},
			{ timeout: 15_000 }
		)
		.toBe(true);
	await mapIdle(page);
	await page.getByRole('button', { name: 'Add scene' }).click();
	await expect(page.getByRole('textbox', { name: 'Title of scene 2' })).toBeFocused();
	await page.getByRole('textbox', { name: 'Title of scene 2' }).fill('A miner from Bolivia');
	// It quotes paragraph 2 (scene N, paragraph N) and highlights every country; Bolivia alone.
	const paragraphs2 = page.getByRole('group', { name: 'Paragraphs of scene 2' });
	await expect(paragraphs2.getByRole('checkbox', { name: /^Paragraph 2:/ })).toBeChecked();
	await expect(paragraphs2.getByRole('checkbox', { name: /^Paragraph 1:/ })).not.toBeChecked();
	const countries2 = page.getByRole('group', { name: 'Highlighted countries of scene 2' });
	for (const name of ['Chile', 'United States', 'Canada'])
		await countries2.getByRole('checkbox', { name, exact: true }).uncheck();
	await expect(countries2.getByRole('checkbox', { name: 'Bolivia' })).toBeChecked();

	// No speaker notes yet for scene 2: Present says so here, and takes the author to the field.
	await page.getByRole('button', { name: 'Present', exact: true }).click();
	const problems = page.getByRole('alert').filter({ hasText: 'cannot be presented yet' });
	await expect(problems).toBeFocused();
	await expect(page).toHaveURL(/\/editor\?draft=/);
	await problems
		.getByRole('button', { name: 'Speaker notes of scene 2: must not be empty' })
		.click();
	const notes2 = page.getByRole('textbox', { name: 'Speaker notes of scene 2' });
	await expect(notes2).toBeFocused();
	await notes2.fill('His president came to the mine.');

	// Show on map: the editor's map flies back to scene 1's view.
	await page.getByRole('button', { name: 'Show on map: The mine in the desert' }).click();
	await expect
		.poll(async () => Math.abs((await camera(page)).zoom - world.zoom), { timeout: 10_000 })
		.toBeLessThan(0.05);
	await mapIdle(page);

	// Reorder with the buttons: the moved scene's button keeps focus (its other one at an end).
	expect(await titles(page)).toEqual(['The mine in the desert', 'A miner from Bolivia']);
	await page.getByRole('button', { name: 'Move down: The mine in the desert' }).click();
	expect(await titles(page)).toEqual(['A miner from Bolivia', 'The mine in the desert']);
	await expect(page.getByRole('button', { name: 'Move up: The mine in the desert' })).toBeFocused();
	await expect(scenesRegion(page).getByRole('status')).toHaveText(
		'The mine in the desert is now scene 2 of 2.'
	);
	await page.keyboard.press('Enter');
	expect(await titles(page)).toEqual(['The mine in the desert', 'A miner from Bolivia']);
	await expect(
		page.getByRole('button', { name: 'Move down: The mine in the desert' })
	).toBeFocused();

	// Reorder by dragging scene 2's handle above scene 1; then Undo puts it back. (On a screen
	// tall enough for both, scene 1 scrolled to the top: a test pointer does not wait at the
	// window's edge for the page to scroll, as a person's would.)
	const size = page.viewportSize()!;
	await page.setViewportSize({ width: size.width, height: 1200 });
	const items = scenesRegion(page).locator('ol.list > li');
	await items.nth(0).evaluate((el) => el.scrollIntoView({ block: 'start' }));
	await items
		.nth(1)
		.locator('.handle')
		.dragTo(items.nth(0), { targetPosition: { x: 40, y: 8 } });
	await expect.poll(() => titles(page)).toEqual(['A miner from Bolivia', 'The mine in the desert']);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect.poll(() => titles(page)).toEqual(['The mine in the desert', 'A miner from Bolivia']);
	await page.setViewportSize(size);

	expect(await axeViolations(page)).toEqual([]);

	// Saved as it goes: a reload brings the scenes back, in their order, with their notes.
	await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('textbox', { name: 'Title of scene 1' })).toHaveValue(
		'The mine in the desert'
	);
	expect(await titles(page)).toEqual(['The mine in the desert', 'A miner from Bolivia']);
	await expect(page.getByRole('textbox', { name: 'Speaker notes of scene 2' })).toHaveValue(
		'His president came to the mine.'
	);
	const draftUrl = page.url();

	// Present: the map page, in presentation mode, scene 1 then scene 2 by key press.
	await page.getByRole('button', { name: 'Present', exact: true }).click();
	await expect(page).toHaveURL(/\/\?draft=[\w-]+#.*scene=1/);
	await mapIdle(page);
	const counter = page.locator('.counter .count');
	const caption = page.locator('.caption .title');
	await expect(counter).toHaveText('1 / 2');
	await expect(caption).toHaveText('The mine in the desert');
	await expect(page.locator('.caption blockquote')).toContainText('thirty-three miners');
	const first = await camera(page);
	await page.keyboard.press('ArrowRight');
	await expect(counter).toHaveText('2 / 2');
	await expect(caption).toHaveText('A miner from Bolivia');
	await expect(page.locator('.caption blockquote')).toContainText('One of the men came from');
	await mapIdle(page);
	const second = await camera(page);
	expect(Math.abs(second.zoom - first.zoom) + Math.abs(second.lat - first.lat)).toBeGreaterThan(1);

	// The speaker view reads the same draft: the scene's speaker notes, and it drives the map.
	const popup = context.waitForEvent('page');
	await page.getByRole('button', { name: 'Speaker view' }).click();
	const speaker = await popup;
	await expect(speaker).toHaveURL(/\/speaker\?draft=[\w-]+#.*scene=2/);
	await expect(speaker.getByText('Scene 2 / 2')).toBeVisible();
	await expect(speaker.getByText('His president came to the mine.')).toBeVisible();
	await speaker.getByRole('button', { name: 'Previous' }).click();
	await expect(counter).toHaveText('1 / 2');
	await expect(speaker.getByText('Where it happened.')).toBeVisible();
	await speaker.close();
	await page.bringToFront();
	await mapIdle(page);

	// Leaving the presentation: the way back to the editor, on the same draft.
	await page.keyboard.press('Escape');
	await expect(counter).toBeHidden();
	await page.getByRole('link', { name: 'Back to the editor' }).click();
	await expect(page).toHaveURL(draftUrl);
	await expect(page.getByRole('textbox', { name: 'Title of scene 2' })).toHaveValue(
		'A miner from Bolivia'
	);
	expect(errors).toEqual([]);
});

test('a draft named by the map page’s address that does not exist says so', async ({ page }) => {
	await page.goto('./?draft=draft-00000000000000000000');
	await expect(page.getByRole('alert')).toContainText(
		'There is no draft "draft-00000000000000000000"'
	);
});

test('a scene framed to fit its countries shows them all on a 4:3 projector and on a phone', async ({
	page
}) => {
	test.setTimeout(120_000);
	await writeTheBriefing(page);
	await page.getByRole('button', { name: 'Add scene' }).click();
	await page
		.getByRole('textbox', { name: 'Speaker notes of scene 1' })
		.fill('From Chile to Canada.');
	const countries = page.getByRole('group', { name: 'Highlighted countries of scene 1' });
	for (const name of ['Bolivia', 'United States'])
		await countries.getByRole('checkbox', { name, exact: true }).uncheck();

	const frame = page.getByRole('group', { name: 'Frame of scene 1' });
	const view = frame.getByRole('radio', { name: 'The map’s view (its centre and zoom)' });
	const fit = frame.getByRole('radio', { name: 'Fit its highlighted countries, on any screen' });
	await expect(view).toBeChecked();
	await fit.check();
	await expect(scenesRegion(page).getByRole('status')).toHaveText(
		'Scene 1 now fits its highlighted countries, whatever the screen.'
	);
	// Undo goes back to the view; Redo to the fit.
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(view).toBeChecked();
	await page.getByRole('button', { name: 'Redo' }).click();
	await expect(fit).toBeChecked();
	expect(await axeViolations(page)).toEqual([]);

	/** Whether the presented map shows both Santiago and Ottawa. */
	const showsBoth = () =>
		page.evaluate(() => {
			const el = document.querySelector('.maplibregl-map') as HTMLElement & {
				maplibreMap: import('maplibre-gl').Map;
			};
			const b = el.maplibreMap.getBounds();
			return b.contains([-70.65, -33.45]) && b.contains([-75.7, 45.42]);
		});
	for (const size of [
		{ width: 1024, height: 768 },
		{ width: 390, height: 844 }
	]) {
		await page.setViewportSize(size);
		if (size.width === 1024) {
			await page.getByRole('button', { name: 'Present', exact: true }).click();
			await expect(page).toHaveURL(/\/\?draft=[\w-]+#.*scene=1/);
		} else await page.reload();
		await mapIdle(page);
		await expect(page.locator('.counter .count')).toHaveText('1 / 1');
		await expect.poll(showsBoth, { timeout: 10_000 }).toBe(true);
	}
});

test('each scene shows the layers its author chooses: a country or the labels left out are left out when presented', async ({
	page
}) => {
	test.setTimeout(120_000);
	await writeTheBriefing(page);
	await page.getByRole('button', { name: 'Add scene' }).click();
	await page.getByRole('textbox', { name: 'Speaker notes of scene 1' }).fill('Chile alone.');
	// Canada is highlighted, so always shown: taken off the highlights first.
	await page
		.getByRole('group', { name: 'Highlighted countries of scene 1' })
		.getByRole('checkbox', { name: 'Canada', exact: true })
		.uncheck();
	const summary = scenesRegion(page).getByText(/^Layers shown in scene 1:/);
	await expect(summary).toHaveText(/: 7 of 7$/);
	await summary.click();
	const layers = page.getByRole('group', { name: 'Layers of scene 1' });
	await expect(layers).toContainText('A country the scene highlights is always shown.');
	await expect(layers.getByRole('checkbox', { name: /^Chile/ })).toBeDisabled();
	await expect(layers.getByRole('checkbox', { name: /^Chile/ })).toHaveAccessibleName(
		'Chile (highlighted)'
	);
	await layers.getByRole('checkbox', { name: 'Canada', exact: true }).uncheck();
	await layers.getByRole('checkbox', { name: 'Labels', exact: true }).uncheck();
	await expect(summary).toHaveText(/: 5 of 7$/);
	// Each change is a step: Undo shows the labels again, Redo hides them.
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(layers.getByRole('checkbox', { name: 'Labels', exact: true })).toBeChecked();
	await page.getByRole('button', { name: 'Redo' }).click();
	await expect(layers.getByRole('checkbox', { name: 'Labels', exact: true })).not.toBeChecked();
	await expect(layers.getByRole('checkbox', { name: 'Canada', exact: true })).not.toBeChecked();
	expect(await axeViolations(page)).toEqual([]);

	await page.getByRole('button', { name: 'Present', exact: true }).click();
	await expect(page).toHaveURL(/\/\?draft=[\w-]+#.*scene=1/);
	await mapIdle(page);
	await expect(page.locator('.counter .count')).toHaveText('1 / 1');
	const drawn = () =>
		page.evaluate(() => {
			const m = (
				document.querySelector('.maplibregl-map') as HTMLElement & {
					maplibreMap: import('maplibre-gl').Map;
				}
			).maplibreMap;
			const role = (iso3: string) => m.getFeatureState({ source: 'world', id: iso3 }).role ?? null;
			return {
				labels: m.getLayoutProperty('labels', 'visibility') ?? 'visible',
				CHL: role('CHL') !== null,
				BOL: role('BOL') !== null,
				CAN: role('CAN') !== null
			};
		});
	await expect.poll(drawn).toEqual({ labels: 'none', CHL: true, BOL: true, CAN: false });
});
