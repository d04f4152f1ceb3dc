import { expect, test, type Page } from './fixtures';
import { axeViolations, mapIdle } from './helpers';

const counter = (page: Page) => page.locator('.counter .count');
const title = (page: Page) => page.locator('.caption .title');
const view = (page: Page) => new URL(page.url()).hash.match(/map=([^&]+)/)?.[1];

async function present(page: Page, hash = '') {
	await page.goto(`./${hash}`);
	await mapIdle(page);
	if (!hash.includes('scene='))
		await page.getByRole('button', { name: 'Present', exact: true }).click();
	await mapIdle(page);
}

/** Drags the map with the mouse, as the audience might, between two points of the canvas. */
async function drag(page: Page, [x0, y0]: [number, number], [x1, y1]: [number, number]) {
	const box = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
	await page.mouse.move(box.x + x0, box.y + y0);
	await page.mouse.down();
	await page.mouse.move(box.x + x1, box.y + y1, { steps: 8 });
	await page.mouse.up();
}

/**
 * Waits until the page has drawn a frame: a key's handler has run and the page has rendered what
 * it changed, so what did not change by then was not going to.
 */
const nextFrame = (page: Page) =>
	page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));

/** Steps with a key and waits for the scene to settle; returns the view it settled on. */
async function step(page: Page, key: string, expected: string) {
	await page.keyboard.press(key);
	await expect(counter(page)).toHaveText(expected);
	await mapIdle(page);
	return view(page);
}

test('Present starts at scene 1, and each key steps as a clicker or keyboard would', async ({
	page
}) => {
	test.setTimeout(150_000);
	await present(page);
	await expect(counter(page)).toHaveText('1 / 10');
	await expect(title(page)).toHaveText('From Mali to Moscow: Macron and Putin');
	await expect(page).toHaveURL(/scene=1/);
	// The explore controls step aside.
	await expect(page.getByRole('button', { name: 'Present', exact: true })).toBeHidden();
	await expect(page.getByRole('button', { name: 'Measure distance' })).toBeHidden();

	const seen = new Set([view(page)]);
	seen.add(await step(page, 'ArrowRight', '2 / 10'));
	await expect(title(page)).toHaveText('Macron goes to Moscow');
	await expect(page.locator('.caption blockquote')).toContainText('arrives in Moscow on Monday');
	seen.add(await step(page, 'PageDown', '3 / 10'));
	seen.add(await step(page, ' ', '4 / 10'));
	seen.add(await step(page, 'Enter', '5 / 10'));
	seen.add(await step(page, 'ArrowLeft', '4 / 10'));
	seen.add(await step(page, 'PageUp', '3 / 10'));
	seen.add(await step(page, 'Backspace', '2 / 10'));
	seen.add(await step(page, 'End', '10 / 10'));
	await expect(page).toHaveURL(/scene=10/);
	seen.add(await step(page, 'Home', '1 / 10'));
	// The camera moved with the scenes: scenes 1-5 and 10 each have their own view.
	expect(seen.size).toBeGreaterThanOrEqual(6);

	// Keys with Ctrl pass through; Space on a focused button steps once, not twice.
	await page.keyboard.press('Control+ArrowRight');
	await expect(counter(page)).toHaveText('1 / 10');
	await page.getByRole('button', { name: 'Next' }).focus();
	await page.keyboard.press(' ');
	await expect(counter(page)).toHaveText('2 / 10');
	await mapIdle(page);
	await expect(counter(page)).toHaveText('2 / 10');
});

test('a link with scene=3 opens the presentation at scene 3, and Escape leaves', async ({
	page
}) => {
	await present(page, '#scene=3');
	await expect(counter(page)).toHaveText('3 / 10');
	await expect(title(page)).toHaveText('About 100,000 Russian troops near Ukraine');
	await page.keyboard.press('Escape');
	await expect(counter(page)).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Present', exact: true })).toBeVisible();
	await expect(page).not.toHaveURL(/scene=/);
	// The explore view's layers are back.
	await expect(page.getByRole('checkbox', { name: 'France', exact: true })).toBeChecked();
});

test('"Back to scene" restores the camera after the audience explores', async ({ page }) => {
	await present(page, '#scene=3');
	const sceneView = view(page);
	await drag(page, [400, 200], [650, 320]);
	await mapIdle(page);
	expect(view(page)).not.toBe(sceneView);
	await page.getByRole('button', { name: 'Back to scene' }).click();
	await mapIdle(page);
	expect(view(page)).toBe(sceneView);
	await expect(counter(page)).toHaveText('3 / 10');
	// And with the B key.
	await drag(page, [400, 200], [200, 100]);
	await mapIdle(page);
	expect(view(page)).not.toBe(sceneView);
	await page.keyboard.press('b');
	await mapIdle(page);
	expect(view(page)).toBe(sceneView);
});

test('with reduced motion, scenes fade instead of flying, and land on the same camera', async ({
	page
}) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await present(page);
	await page.keyboard.press('ArrowRight');
	await expect(counter(page)).toHaveText('2 / 10');
	await expect(page.locator('main.map-area')).toHaveAttribute('data-transition', 'fade');
	await mapIdle(page);
	// Scene 2's camera: zoom 3.3, its centre (20°E 52°N) in the middle of what the toolbar and
	// the caption leave clear, so the map's own centre sits a little south of it.
	const [zoom, lat, lon] = view(page)!.split('/').map(Number) as [number, number, number];
	expect(zoom).toBe(3.3);
	expect(lon).toBeCloseTo(20, 1);
	expect(lat).toBeLessThan(52);
});

test('the speaker view follows the main window and drives it back', async ({ page, context }) => {
	await present(page);
	const popup = context.waitForEvent('page');
	await page.getByRole('button', { name: 'Speaker view' }).click();
	const speaker = await popup;
	await expect(speaker.getByText('Scene 1 / 10')).toBeVisible();
	await expect(speaker.getByRole('heading', { name: /^Now:/ })).toContainText(
		'From Mali to Moscow'
	);
	await expect(speaker.getByRole('heading', { name: /^Next:/ })).toContainText(
		'Macron goes to Moscow'
	);
	await page.bringToFront();
	await page.keyboard.press('ArrowRight');
	await expect(counter(page)).toHaveText('2 / 10');
	await expect(speaker.getByText('Scene 2 / 10')).toBeVisible();
	await speaker.getByRole('button', { name: 'Next' }).click();
	await expect(counter(page)).toHaveText('3 / 10');
	await expect(speaker.getByText('Scene 3 / 10')).toBeVisible();
	await expect(speaker.getByText('Notes')).toBeVisible();
});

test('letter shortcuts can be switched off (WCAG 2.1.4)', async ({ page }) => {
	await present(page, '#scene=2');
	await page.getByRole('checkbox', { name: /Letter shortcuts/ }).uncheck();
	// The audience moves the map, so B (back to the scene's camera) would have something to do.
	const sceneView = view(page);
	await drag(page, [400, 200], [650, 320]);
	await mapIdle(page);
	await expect.poll(() => view(page)).not.toBe(sceneView);
	const moved = view(page);
	await expect(page.getByText('Back to scene', { exact: true })).toBeVisible();

	// S would open the speaker view in a window of its own, B fly back to the scene's camera.
	const speakerOpened = page
		.context()
		.waitForEvent('page', { timeout: 3_000 })
		.then(
			() => true,
			() => false
		);
	await page.keyboard.press('s');
	await page.keyboard.press('b');
	await nextFrame(page);
	await mapIdle(page);
	expect(await speakerOpened).toBe(false);
	expect(view(page)).toBe(moved);
	await expect(page.getByText('Back to scene', { exact: true })).toBeVisible();
	await expect(counter(page)).toHaveText('2 / 10');
	// Named keys still work.
	await page.keyboard.press('PageDown');
	await expect(counter(page)).toHaveText('3 / 10');

	// Outside the presentation, P would start it again.
	await page.keyboard.press('Escape');
	await expect(counter(page)).toHaveCount(0);
	await page.keyboard.press('p');
	await nextFrame(page);
	await expect(counter(page)).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Present', exact: true })).toBeVisible();

	// Switched on again, the same keys act: P starts, S opens the speaker view.
	await page.getByRole('button', { name: 'Present', exact: true }).click();
	await expect(counter(page)).toHaveText('1 / 10');
	await page.getByRole('checkbox', { name: /Letter shortcuts/ }).check();
	await page.keyboard.press('Escape');
	await expect(counter(page)).toHaveCount(0);
	await page.keyboard.press('p');
	await expect(counter(page)).toHaveText('1 / 10');
	const speaker = page.context().waitForEvent('page');
	await page.keyboard.press('s');
	await expect((await speaker).getByText('Scene 1 / 10')).toBeVisible();
});

test('axe-core finds nothing serious in presentation mode', async ({ page }) => {
	await present(page, '#scene=4');
	expect(await axeViolations(page)).toEqual([]);
});
