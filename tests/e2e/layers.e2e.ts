import { expect, test, type Page } from './fixtures';
import { changedPixels, mapIdle, mapPixels, pixelAt, project } from './helpers';

/** A view where each layer draws something, so switching it off changes the picture. */
const LAYERS: [name: string, view: string][] = [
	['France', '4/46.6/2.4'],
	['Russia', '3/55/45'],
	['Ukraine', '4.5/49/31.5'],
	['Mali', '4/17/-3'],
	['Hungary', '5.5/47.1/19.5'],
	['Slovenia', '6/46.1/14.8'],
	['United Kingdom', '4.5/54/-2'],
	['United States', '3/39/-98'],
	['Troop positions (article)', '4/50/36'],
	['Reported concentrations', '5/52/31'],
	['Crimea (occupied since 2014)', '6/45.3/34.2'],
	['Line of contact (approx.)', '6/48.3/38.3'],
	['Diplomatic route', '3.5/52/20'],
	['Places in the story', '4/47/5'],
	['Labels', '3/48/15']
];

async function at(page: Page, view: string) {
	await page.goto(`./#map=${view}`);
	await mapIdle(page);
}

for (const [name, view] of LAYERS) {
	test(`the "${name}" checkbox hides and shows its layer`, async ({ page }) => {
		await at(page, view);
		const box = page.getByRole('checkbox', { name, exact: true });
		await expect(box).toBeChecked();
		const before = await mapPixels(page);
		await box.uncheck();
		await mapIdle(page);
		const hidden = await mapPixels(page);
		expect(changedPixels(before, hidden)).toBeGreaterThan(150);
		await box.check();
		await mapIdle(page);
		const shown = await mapPixels(page);
		// Back as it was (labels may settle a few pixels apart).
		expect(changedPixels(before, shown)).toBeLessThan(changedPixels(before, hidden) / 4);
	});
}

test('hiding a country leaves the basemap: its fill turns to plain land', async ({ page }) => {
	await at(page, '4/46.6/2.4');
	const canvas = page.locator('canvas.maplibregl-canvas');
	const size = (await canvas.boundingBox())!;
	// A point in central France, away from labels and dots.
	const p = project({ zoom: 4, lat: 46.6, lon: 2.4 }, size, 1.0, 45.6);
	const styled = pixelAt(await mapPixels(page), p.x, p.y);
	await page.getByRole('checkbox', { name: 'France', exact: true }).uncheck();
	await mapIdle(page);
	const plain = pixelAt(await mapPixels(page), p.x, p.y);
	// Land is #f3f0e9; the mediator's blue is not.
	expect(plain[0]).toBeGreaterThan(225);
	expect(plain[2]).toBeGreaterThan(215);
	expect(styled).not.toEqual(plain);
	// And a click there still opens France's panel, from the basemap.
	await canvas.click({ position: { x: p.x, y: p.y } });
	await expect(page.locator('#panel-heading')).toHaveText('France');
});

test('hidden layers stay hidden across a reload and in a shared link', async ({ page }) => {
	await at(page, '3/50/20');
	await page.getByRole('checkbox', { name: 'Diplomatic route' }).uncheck();
	await page.getByRole('checkbox', { name: 'Hungary', exact: true }).uncheck();
	await expect(page).toHaveURL(/hide=route,HUN/);
	await page.reload();
	await mapIdle(page);
	await expect(page.getByRole('checkbox', { name: 'Diplomatic route' })).not.toBeChecked();
	await expect(page.getByRole('checkbox', { name: 'Hungary', exact: true })).not.toBeChecked();
	await expect(page.getByRole('checkbox', { name: 'Slovenia', exact: true })).toBeChecked();
	await expect(page).toHaveURL(/map=3\/50\/20/);
});

test('the legend follows the visible layers', async ({ page }) => {
	await at(page, '3/50/20');
	const legend = page.getByRole('region', { name: /Legend/ });
	await expect(legend).toContainText('Place named in the article');
	// France votes too: a second role, listed after the countries whose main role it is.
	await expect(legend).toContainText('Upcoming election: Hungary, Slovenia, France (second role)');
	await page.getByRole('checkbox', { name: 'Places in the story' }).uncheck();
	await page.getByRole('checkbox', { name: 'Hungary', exact: true }).uncheck();
	await expect(legend).not.toContainText('Place named in the article');
	await expect(legend).toContainText('Upcoming election: Slovenia, France (second role)');
	await page.getByRole('checkbox', { name: 'Slovenia', exact: true }).uncheck();
	await page.getByRole('checkbox', { name: 'France', exact: true }).uncheck();
	await expect(legend).not.toContainText('Upcoming election');
	await page.getByRole('checkbox', { name: 'Places in the story' }).check();
	await expect(legend).toContainText('Place named in the article');
});

test('a troop point on the map opens its sourced note', async ({ page }) => {
	// Timbuktu: Russian forces at the base French troops left (Reuters, 6 January 2022).
	const view = { zoom: 6, lat: 16.773, lon: -3.007 };
	await at(page, `${view.zoom}/${view.lat}/${view.lon}`);
	const canvas = page.locator('canvas.maplibregl-canvas');
	const p = project(view, (await canvas.boundingBox())!, -3.007, 16.773);
	await canvas.click({ position: { x: p.x, y: p.y } });
	const panel = page.getByRole('complementary', { name: 'Timbuktu' });
	await expect(panel).toBeVisible();
	await expect(panel).toContainText('Reported concentrations');
	await expect(panel).toContainText('Marked at the town of Timbuktu; the site is nearby.');
	await expect(panel).toContainText('Reuters');
	await expect(panel).toContainText('January 2022');
	await expect(page).toHaveURL(/mark=troops-reported\//);
	await page.keyboard.press('Escape');
	await expect(panel).toBeHidden();
});

test('marks are reachable by keyboard from the layers panel', async ({ page }) => {
	await at(page, '3/50/20');
	await page.locator('summary', { hasText: 'Reported concentrations' }).click();
	const belgorod = page.getByRole('button', { name: /^Belgorod/ });
	await belgorod.focus();
	await page.keyboard.press('Enter');
	const panel = page.getByRole('complementary', { name: 'Belgorod' });
	await expect(panel).toContainText('after the article');
	await expect(panel).toContainText('February 2022');
	await expect(page.locator('#mark-heading')).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(belgorod).toBeFocused();
	// The route and a place, too.
	await page.locator('summary', { hasText: 'Diplomatic route' }).click();
	await page.getByRole('button', { name: 'Paris → Moscow' }).click();
	await expect(page.getByRole('complementary', { name: 'Paris → Moscow' })).toContainText(
		'2,487 km'
	);
	await expect(page.getByRole('complementary', { name: 'Paris → Moscow' })).toContainText(
		'Article, para. 2'
	);
});

test('the measure tool reports the Paris-Moscow distance, and Escape clears it first', async ({
	page
}) => {
	const view = { zoom: 3.2, lat: 52, lon: 20 };
	await at(page, `${view.zoom}/${view.lat}/${view.lon}`);
	await page.getByRole('button', { name: 'Measure distance' }).click();
	const canvas = page.locator('canvas.maplibregl-canvas');
	const size = (await canvas.boundingBox())!;
	await canvas.click({ position: project(view, size, 2.349, 48.853) });
	await canvas.click({ position: project(view, size, 37.618, 55.752) });
	const status = page.getByRole('status').filter({ hasText: 'Distance' });
	await expect(status).toContainText(/Distance: 2,(4[5-9]\d|5[0-2]\d) km/);
	// The clicks measured; they did not open panels.
	await expect(page.locator('#panel-heading')).toHaveCount(0);

	// With a panel open too, Escape clears the measure first, then closes the panel.
	await page.getByRole('button', { name: 'Ukraine', exact: true }).click();
	await expect(page.locator('#panel-heading')).toHaveText('Ukraine');
	await expect(page.getByRole('region', { name: 'Distances' })).toContainText(
		/Kyiv lies 90 km from the nearest point of Belarus’s border/
	);
	await page.keyboard.press('Escape');
	await expect(status).toBeHidden();
	await expect(page.getByRole('button', { name: 'Measure distance' })).toHaveAttribute(
		'aria-pressed',
		'false'
	);
	await expect(page.locator('#panel-heading')).toHaveText('Ukraine');
	await page.keyboard.press('Escape');
	await expect(page.locator('#panel-heading')).toHaveCount(0);
});
