// Content that says exactly what the article says (issue 8): places named in the article apart
// from places where the story happens, how precisely each troop point is placed, sources with no
// link or no date said plainly, and panels that read right (no overflow, no words run together).
import { expect, test, type Locator, type Page } from './fixtures';
import { mapIdle, project } from './helpers';

/**
 * Shows what a hash names, as a person does: the first time by opening the link (a page load),
 * then by editing the address (the hash sync opens the country, the mark or the scene, and moves
 * the map). A page load costs a map start-up under a software renderer; what these tests read
 * (panels, captions, the legend) is the same either way, and the hash-sync tests cover the edit.
 */
async function at(page: Page, hash: string) {
	if (!page.url().startsWith('http')) await page.goto(`./#${hash}`);
	else await page.evaluate((h) => (location.hash = h), `#${hash}`);
	await mapIdle(page);
}

/** The troop note of a country panel whose text contains `words`. */
function note(page: Page, words: string): Locator {
	return page
		.getByRole('region', { name: 'Troop positioning' })
		.getByRole('listitem')
		.filter({ hasText: words })
		.first();
}

/** How far an element's content sticks out of it, sideways, in pixels (0 when it fits). */
async function overflowX(el: Locator) {
	return el.evaluate((e) => e.scrollWidth - e.clientWidth);
}

test('the places layer is named for what it holds, and each place says whether the article names it', async ({
	page
}) => {
	await at(page, 'map=4/47/5');
	await expect(
		page.getByRole('checkbox', { name: 'Places in the story', exact: true })
	).toBeChecked();
	// Two symbols, told apart by more than colour: filled (named) and hollow (not named).
	const legend = page.getByRole('region', { name: /Legend/ });
	const named = legend.getByRole('listitem').filter({ hasText: 'Place named in the article' });
	const unnamed = legend
		.getByRole('listitem')
		.filter({ hasText: 'Where the story happens, not named in the article' });
	await expect(named).toBeVisible();
	await expect(unnamed).toBeVisible();
	const fills = await Promise.all(
		[named, unnamed].map((li) => li.locator('circle').getAttribute('fill'))
	);
	expect(fills[0]).not.toBe(fills[1]);
	expect(fills[1]).toBe('#ffffff');

	await page.locator('summary', { hasText: 'Places in the story' }).click();
	await page.getByRole('button', { name: 'Palace of Versailles', exact: true }).click();
	const versailles = page.getByRole('complementary', { name: 'Palace of Versailles' });
	await expect(versailles).toContainText('Places in the story');
	await expect(versailles).toContainText('Named in the article (para. 7).');

	await page.getByRole('button', { name: 'Fort de Brégançon', exact: true }).click();
	const bregancon = page.getByRole('complementary', { name: 'Fort de Brégançon' });
	await expect(bregancon).toContainText('Not named in the article');
	await expect(bregancon).toContainText('summer residence');

	await page.getByRole('button', { name: 'Paris', exact: true }).click();
	await expect(page.getByRole('complementary', { name: 'Paris' })).toContainText(
		'Not named in the article; shown as the start of Macron’s route'
	);
});

test('scene 8 is titled for what it highlights: France, the United Kingdom, the United States', async ({
	page
}) => {
	await at(page, 'scene=8');
	await expect(page.getByText('8 / 10')).toBeVisible();
	await expect(
		page.getByRole('heading', { name: 'Macron’s outreach to Western leaders' })
	).toBeVisible();
});

test('troop notes say how precisely each point is placed, in words', async ({ page }) => {
	await at(page, 'country=RUS');
	const troops = page.getByRole('region', { name: 'Troop positioning' });
	await expect(troops).not.toContainText('Approximate position (illustrative)');
	await expect(note(page, 'Kursk training area')).toContainText(
		'Marked at the town of Kursk; the site is nearby.'
	);
	await expect(note(page, 'About 100,000 Russian troops')).toContainText(
		'Illustrative area: the article gives no positions'
	);

	await at(page, 'country=MLI');
	await expect(note(page, 'Wagner Group')).toContainText(
		'Marked at the named site: Bamako airport.'
	);
	await expect(note(page, 'arrived in Mali at the end of 2021')).toContainText(
		'Only the region is known: marked at Bamako'
	);

	// The mark's own note says the same.
	await at(page, 'mark=troops-reported/mli-wagner-bamako');
	await expect(page.getByRole('complementary', { name: 'Bamako airport' })).toContainText(
		'Marked at the named site: Bamako airport.'
	);
	await at(page, 'mark=troops-reported/ru-maxar-february-0');
	await expect(page.getByRole('complementary', { name: /^Kursk training area/ })).toContainText(
		'Marked at the town of Kursk; the site is nearby.'
	);
});

test('a source with no link or no date says so, in the country panel and in the mark note', async ({
	page
}) => {
	await at(page, 'country=RUS');
	const cnn = note(page, 'Kursk training area');
	await expect(cnn).toContainText('CNN');
	await expect(cnn).toContainText(/no link recorded/i);
	const tonline = note(page, 'Belgorod');
	await expect(tonline).toContainText('t-online');
	await expect(tonline).toContainText('date of publication not recorded');
	await expect(tonline.getByRole('link', { name: /t-online/ })).toBeVisible();

	await at(page, 'mark=troops-reported/blr-maxar-february-0');
	const mark = page.getByRole('complementary', { name: 'Zyabrovka airfield' });
	await expect(mark).toContainText(/no link recorded/i);
});

test('a note’s text stays inside its panel', async ({ page }) => {
	await at(page, 'mark=contact-line/contact-line');
	const mark = page.getByRole('complementary', { name: 'Line of contact in Donbas' });
	await expect(mark).toContainText('as of 23 February 2022');
	expect(await overflowX(mark)).toBeLessThanOrEqual(0);
	const box = (await mark.boundingBox())!;
	for (const dd of await mark.locator('dd').all()) {
		const b = (await dd.boundingBox())!;
		expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
	}

	await at(page, 'country=BLR');
	const panel = page.getByRole('complementary', { name: 'Belarus' });
	await expect(panel).toContainText('Troop positioning');
	expect(await overflowX(panel)).toBeLessThanOrEqual(0);
});

test('screen readers hear words apart: marks, dates and the main role badge', async ({ page }) => {
	await at(page, 'map=4/47/25');
	await page.locator('summary', { hasText: 'Reported concentrations' }).click();
	await expect(
		page.getByRole('button', { name: 'Novoozerne (after the article)', exact: true })
	).toBeVisible();

	await at(page, 'country=RUS');
	const seen = note(page, 'Kursk training area')
		.locator('dd')
		.filter({ hasText: 'after the article' });
	expect(await seen.textContent()).toMatch(/10 February 2022\s+\(?after the article/);
	await expect(seen).toContainText('after the article (7 February 2022)');

	const roles = page.getByRole('list', { name: 'Roles in the article' });
	expect(await roles.getByRole('listitem').first().textContent()).toMatch(
		/Military build-up and pressure\s+main role/
	);
});

for (const viewport of [
	{ width: 1280, height: 800 },
	{ width: 1024, height: 768 }
]) {
	test(`the main role badge stays on one line (${viewport.width}×${viewport.height})`, async ({
		page
	}) => {
		await page.setViewportSize(viewport);
		for (const iso3 of ['RUS', 'FRA', 'MLI', 'UKR']) {
			await at(page, `country=${iso3}`);
			const badge = page.getByRole('list', { name: 'Roles in the article' }).getByText('main role');
			await expect(badge).toBeVisible();
			const lines = await badge.evaluate((e) => {
				const rects = [...e.getClientRects()];
				return new Set(rects.map((r) => Math.round(r.top))).size;
			});
			expect(lines, iso3).toBe(1);
		}
	});
}

test('a troop note has a button per mark that shows the mark on the map', async ({ page }) => {
	await at(page, 'country=RUS');
	await note(page, 'Kursk training area')
		.getByRole('button', { name: 'Show Novoozerne on the map' })
		.click();
	await expect(page).toHaveURL(/mark=troops-reported\/ru-maxar-february-1/);
	const panel = page.getByRole('complementary', { name: 'Novoozerne' });
	await expect(panel).toBeVisible();
	// The map brings the mark beside its note, not under it.
	await mapIdle(page);
	const m = new URL(page.url()).hash.match(/map=([\d.]+)\/([\d.-]+)\/([\d.-]+)/)!;
	const view = { zoom: Number(m[1]), lat: Number(m[2]), lon: Number(m[3]) };
	const canvas = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
	const p = project(view, canvas, 33.117, 45.384);
	expect(canvas.x + p.x).toBeLessThan((await panel.boundingBox())!.x);
});
