import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from './fixtures';
import { axeViolations, mapIdle } from './helpers';

// The library (/library): the briefings the app holds, importing one (file input or a dropped
// file), id conflicts, and a second briefing, tests/fixtures/gerd-2023.briefing.json, which shares
// no country with the embedded one, opened, explored, presented and exported back. Each test has
// a fresh browser context, so IndexedDB starts empty. Only the presentation waits for the map to
// settle: the rest is the page's own, ready once the briefing is in.

const FIXTURE = 'tests/fixtures/gerd-2023.briefing.json';
const fixtureText = readFileSync(FIXTURE, 'utf8');
const fixture = JSON.parse(fixtureText) as Record<string, unknown>;
const TITLE = 'The Nile dam dispute';

/** A file for the file input or a drop: a name, JSON text. */
const jsonFile = (name: string, value: unknown) => ({
	name,
	mimeType: 'application/json',
	buffer: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value, null, '\t'))
});

const fileInput = (page: Page) => page.getByLabel('Import briefing');
const importedList = (page: Page) =>
	page.getByRole('region', { name: 'Imported in this browser' }).getByRole('listitem');

async function openLibrary(page: Page) {
	await page.goto('./library');
	await expect(page.getByRole('heading', { level: 1, name: 'Briefings' })).toBeVisible();
	await expect(
		page.getByRole('region', { name: 'Comes with the app' }).getByRole('listitem')
	).toHaveCount(1);
	await expect(page.getByText('None yet.')).toBeVisible();
}

async function importFixture(page: Page) {
	await fileInput(page).setInputFiles(jsonFile('gerd-2023.briefing.json', fixtureText));
	await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveText(
		`Imported “${TITLE}” as gerd-2023.`
	);
}

/** Drops a file on the page as a browser does: dragenter, dragover, then drop, with the file. */
async function dropFile(page: Page, name: string, text: string) {
	const dataTransfer = await page.evaluateHandle(
		([n, t]) => {
			const dt = new DataTransfer();
			dt.items.add(new File([t], n, { type: 'application/json' }));
			return dt;
		},
		[name, text] as const
	);
	const target = page.getByRole('heading', { name: 'Comes with the app' });
	await target.dispatchEvent('dragenter', { dataTransfer });
	await target.dispatchEvent('dragover', { dataTransfer });
	// While something is dragged over it, the page shows where it goes.
	await expect(page.getByText('Drop the briefing file to import it')).toBeVisible();
	await target.dispatchEvent('drop', { dataTransfer });
	await expect(page.getByText('Drop the briefing file to import it')).toBeHidden();
}

async function downloaded(download: Download) {
	const path = await download.path();
	return readFileSync(path!, 'utf8');
}

test('/ still opens the default briefing, with an "All briefings" link to the library', async ({
	page
}) => {
	await page.goto('./');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Macron/);
	await page.getByRole('link', { name: 'All briefings' }).click();
	await expect(page).toHaveURL(/\/library$/);
	const embedded = page.getByRole('region', { name: 'Comes with the app' });
	const entry = embedded.getByRole('listitem');
	await expect(entry).toHaveCount(1);
	await expect(entry).toContainText('As of 7 February 2022');
	await expect(entry).toContainText('France, Russia, Ukraine, Mali');
	// The countries the map's sidebar lists: Belarus, in the document only for a distance and a
	// troop note, has no role in the story.
	await expect(entry).not.toContainText('Belarus');
	// The app's own briefings cannot be deleted.
	await expect(embedded.getByRole('button', { name: /^Delete/ })).toHaveCount(0);
	await entry.getByRole('link', { name: 'Macron between Moscow and Kyiv', exact: true }).click();
	await expect(page).toHaveURL(/\/(#.*)?$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Macron/);
});

test('a briefing imported through the file input is listed, and kept across reloads', async ({
	page
}) => {
	await openLibrary(page);
	await importFixture(page);
	const entry = importedList(page);
	await expect(entry).toHaveCount(1);
	await expect(entry.getByRole('link', { name: TITLE, exact: true })).toBeVisible();
	await expect(entry).toContainText('As of 10 September 2023');
	await expect(entry).toContainText('Countries: Ethiopia, Egypt, Sudan');
	await expect(entry.getByRole('link', { name: `Speaker view: ${TITLE}` })).toBeVisible();
	// The browser was asked to keep the storage, and the page says what it answered.
	await expect(page.getByText(/kept in this browser only/)).toContainText(
		/agreed not to clear them|did not agree to keep them/
	);
	await page.reload();
	await expect(importedList(page).getByRole('link', { name: TITLE, exact: true })).toBeVisible();
});

test('a briefing file dropped on the page is imported', async ({ page }) => {
	await openLibrary(page);
	await dropFile(page, 'gerd-2023.briefing.json', fixtureText);
	await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveText(
		`Imported “${TITLE}” as gerd-2023.`
	);
	await expect(importedList(page).getByRole('link', { name: TITLE, exact: true })).toBeVisible();
});

test('a bad file is refused with its problems named, and changes nothing stored', async ({
	page
}) => {
	await openLibrary(page);
	await importFixture(page);

	// Same id as the stored briefing, but broken: it must not replace it, nor even ask.
	const broken = structuredClone(fixture) as Record<string, unknown> & {
		countries: { iso3: string }[];
	};
	broken.asOf = 'last week';
	delete broken.title;
	broken.countries[0]!.iso3 = 'XYZ';
	broken.roles = '<img src=x onerror=alert(1)>';
	await fileInput(page).setInputFiles(jsonFile('broken.briefing.json', broken));
	const alert = page.getByRole('alert').filter({ hasText: 'was not imported' });
	await expect(alert).toContainText('“broken.briefing.json” was not imported');
	await expect(alert).toContainText('nothing in the library was changed');
	for (const field of ['asOf', 'title', 'roles', 'countries[0].iso3']) {
		await expect(
			alert
				.getByRole('listitem')
				.filter({ hasText: `${field}: ` })
				.first()
		).toBeVisible();
	}
	await expect(alert).toContainText('"XYZ" is not a country of the basemap');
	// Text, never markup.
	await expect(alert.locator('img')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Replace' })).toHaveCount(0);

	// Not JSON at all.
	await fileInput(page).setInputFiles(jsonFile('notes.json', 'Ethiopia, Egypt, Sudan'));
	await expect(alert).toContainText('“notes.json” was not imported');
	await expect(alert).toContainText('the file is not JSON');

	// The stored briefing is as it was.
	await page.reload();
	await expect(importedList(page)).toHaveCount(1);
	await expect(importedList(page).getByRole('link', { name: TITLE, exact: true })).toBeVisible();
	await importedList(page).getByRole('link', { name: TITLE, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	await expect(page.locator('header .as-of')).toContainText('As of 10 September 2023');
});

test('the same id again asks: Replace replaces it, Keep both keeps a copy under a new id', async ({
	page
}) => {
	await openLibrary(page);
	await importFixture(page);

	const revised = { ...fixture, title: 'The Nile dam dispute, revised' };
	await fileInput(page).setInputFiles(jsonFile('revised.briefing.json', revised));
	const choice = page.getByRole('region', { name: 'The id “gerd-2023” is already taken' });
	await expect(choice).toBeFocused();
	await expect(choice).toContainText(`“${TITLE}”, imported earlier, has this id`);
	await choice.getByRole('button', { name: 'Replace' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Replaced' })).toHaveText(
		'Replaced “The Nile dam dispute, revised” as gerd-2023.'
	);
	await expect(importedList(page)).toHaveCount(1);
	await expect(importedList(page)).toContainText('The Nile dam dispute, revised');

	await fileInput(page).setInputFiles(jsonFile('gerd-2023.briefing.json', fixtureText));
	await expect(choice).toContainText('the new one becomes gerd-2023-2');
	await choice.getByRole('button', { name: 'Keep both' }).click();
	await expect(importedList(page)).toHaveCount(2);
	// By title, then by id: the copy keeps the original title.
	await expect(importedList(page).locator('code')).toHaveText(['gerd-2023-2', 'gerd-2023']);

	// Cancel keeps nothing.
	await fileInput(page).setInputFiles(jsonFile('gerd-2023.briefing.json', fixtureText));
	await choice.getByRole('button', { name: 'Cancel' }).click();
	await expect(importedList(page)).toHaveCount(2);

	// The copy opens at its own address, under its own id.
	await importedList(page).nth(0).getByRole('link', { name: TITLE, exact: true }).click();
	await expect(page).toHaveURL(/\?briefing=gerd-2023-2/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
});

test('an imported briefing is deleted after a confirmation the keyboard reaches', async ({
	page
}) => {
	await openLibrary(page);
	await importFixture(page);
	// A second copy (Keep both), so that focus has somewhere to go after the first delete.
	await fileInput(page).setInputFiles(jsonFile('gerd-2023.briefing.json', fixtureText));
	await page.getByRole('button', { name: 'Keep both' }).click();
	await expect(importedList(page)).toHaveCount(2);

	const deleteCopy = page.getByRole('button', { name: `Delete ${TITLE} (gerd-2023-2)` });
	const deleteFirst = page.getByRole('button', { name: `Delete ${TITLE} (gerd-2023)` });
	const dialog = page.getByRole('dialog', { name: `Delete “${TITLE}”?` });

	// Escape cancels, and focus is back where it was.
	await deleteCopy.focus();
	await page.keyboard.press('Enter');
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText('gerd-2023-2');
	await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(deleteCopy).toBeFocused();
	await expect(importedList(page)).toHaveCount(2);

	// Confirmed from the keyboard: gone from the list, said so, focus on the next one's button.
	await page.keyboard.press('Enter');
	await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
	await page.keyboard.press('Shift+Tab');
	await expect(dialog.getByRole('button', { name: 'Delete', exact: true })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(dialog).toBeHidden();
	await expect(page.getByRole('status').filter({ hasText: 'Deleted' })).toHaveText(
		`Deleted “${TITLE}” (gerd-2023-2).`
	);
	await expect(importedList(page)).toHaveCount(1);
	await expect(importedList(page).locator('code')).toHaveText('gerd-2023');
	await expect(deleteFirst).toBeFocused();

	// Gone from IndexedDB too.
	await page.reload();
	await expect(importedList(page)).toHaveCount(1);

	// The last one: the list says none, and focus goes to its heading.
	await deleteFirst.click();
	await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
	await expect(page.getByText('None yet.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Imported in this browser' })).toBeFocused();
	await page.reload();
	await expect(page.getByText('None yet.')).toBeVisible();
});

test('a briefing deleted while open in another tab stays usable there, and can be exported', async ({
	page,
	context
}) => {
	await openLibrary(page);
	await importFixture(page);
	const map = await context.newPage();
	const errors: string[] = [];
	map.on('pageerror', (e) => errors.push(e.message));
	await map.goto('./?briefing=gerd-2023');
	await expect(map.getByRole('heading', { level: 1 })).toHaveText(TITLE);

	await page.getByRole('button', { name: `Delete ${TITLE}` }).click();
	await page
		.getByRole('dialog', { name: `Delete “${TITLE}”?` })
		.getByRole('button', { name: 'Delete', exact: true })
		.click();
	await expect(page.getByText('None yet.')).toBeVisible();

	// The open map still has it: its panels open, and Export gives it back whole.
	await map.getByRole('button', { name: 'Sudan', exact: true }).click();
	await expect(map.locator('#panel-heading')).toHaveText('Sudan');
	const [download] = await Promise.all([
		map.waitForEvent('download'),
		map.getByRole('button', { name: 'Export briefing' }).click()
	]);
	expect(JSON.parse(await downloaded(download))).toStrictEqual(fixture);
	expect(errors).toEqual([]);
});

test('an embedded id cannot be replaced: only Keep both is offered', async ({ page, request }) => {
	await openLibrary(page);
	const embedded = await (await request.get('./briefings/feb-2022.json')).json();
	await fileInput(page).setInputFiles(jsonFile('feb-2022.briefing.json', embedded));
	const choice = page.getByRole('region', { name: 'The id “feb-2022” is already taken' });
	await expect(choice).toContainText('comes with the app');
	await expect(choice.getByRole('button', { name: 'Replace' })).toHaveCount(0);
	await choice.getByRole('button', { name: 'Keep both' }).click();
	await expect(importedList(page)).toContainText('id feb-2022-2');
	await expect(
		page.getByRole('region', { name: 'Comes with the app' }).getByRole('listitem')
	).toHaveCount(1);
});

test('an imported briefing opens at its address: panels, layers and its two scenes', async ({
	page,
	context
}) => {
	test.setTimeout(120_000);
	await openLibrary(page);
	await importFixture(page);
	await importedList(page).getByRole('link', { name: TITLE, exact: true }).click();
	await expect(page).toHaveURL(/\/\?briefing=gerd-2023/);
	await mapIdle(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	await expect(page).toHaveTitle(`${TITLE} · Briefing map`);

	// A country's panel, with its passages and its troop notes.
	await page.getByRole('button', { name: 'Sudan', exact: true }).click();
	await expect(page.locator('#panel-heading')).toHaveText('Sudan');
	await expect(page).toHaveURL(/\?briefing=gerd-2023#.*country=SDN/);
	await expect(page.locator('.passages > li').first()).toContainText('Para. 2');
	await expect(page.locator('.passages mark').first()).toHaveText('Sudan');
	const troops = page.getByRole('region', { name: 'Troop positioning' });
	await expect(troops).toContainText('Nile Eagles 1');
	await expect(troops).toContainText('Guardians of the Nile');
	await expect(troops).toContainText('al-Fashaga');
	await page.getByRole('button', { name: 'Close Sudan' }).click();

	// A layer: its checkbox, and the address says so.
	await page.getByRole('checkbox', { name: 'Egypt', exact: true }).uncheck();
	await expect(page).toHaveURL(/\?briefing=gerd-2023#.*hide=EGY/);
	await page.getByRole('checkbox', { name: 'Egypt', exact: true }).check();
	await expect(page).not.toHaveURL(/hide=EGY/);

	// Its own marks are drawn on the map, and only them: its layers, its legend, its marks.
	await expect(page.getByRole('checkbox', { name: 'The Blue Nile (schematic)' })).toBeChecked();
	await expect(page.getByRole('checkbox', { name: 'Diplomatic route' })).toHaveCount(0);
	await expect(
		page.getByText('Joint exercises reported in public sources (approximate)')
	).toBeVisible();
	const drawn = await page.evaluate(() => {
		const el = document.querySelector('.maplibregl-map') as HTMLElement & {
			maplibreMap: import('maplibre-gl').Map;
		};
		const m = el.maplibreMap;
		return {
			ids: [
				...new Set(m.querySourceFeatures('overlays').map((f) => String(f.properties?.id)))
			].sort(),
			layers: m.getStyle().layers.map((l) => l.id)
		};
	});
	expect(drawn.ids).toEqual(
		expect.arrayContaining(['blue-nile', 'fashaga', 'guardians-of-the-nile-0', 'nile-eagles-1'])
	);
	expect(drawn.ids.some((id) => id.startsWith('ru-') || id === 'paris')).toBe(false);
	expect(drawn.layers).toEqual(expect.arrayContaining(['blue-nile-line', 'troops-article-zone']));

	// The address keeps the briefing through a reload, with the hash.
	await page.reload();
	await mapIdle(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);

	// Presenting: both scenes, their titles and quotes.
	await page.getByRole('button', { name: 'Present', exact: true }).click();
	await expect(page.locator('.counter .count')).toHaveText('1 / 2');
	await expect(page.locator('.caption .title')).toHaveText('A dam on the Blue Nile');
	await expect(page.locator('.caption blockquote').first()).toContainText(
		'fourth and final filling'
	);
	await expect(page).toHaveURL(/\?briefing=gerd-2023#.*scene=1/);
	await mapIdle(page);
	await page.keyboard.press('ArrowRight');
	await expect(page.locator('.counter .count')).toHaveText('2 / 2');
	await expect(page.locator('.caption .title')).toHaveText('Drills and a disputed border');
	await expect(page.locator('.caption blockquote')).toContainText('Guardians of the Nile');
	await mapIdle(page);

	// Its speaker view reads the same briefing, and follows the presentation.
	const popup = context.waitForEvent('page');
	await page.keyboard.press('s');
	const speaker = await popup;
	await expect(speaker).toHaveURL(/\/speaker\?briefing=gerd-2023#scene=2/);
	await expect(speaker.getByRole('heading', { name: /^Now:/ })).toHaveText(
		'Now: Drills and a disputed border'
	);
	await expect(speaker.getByText('Scene 2 / 2')).toBeVisible();
	await speaker.getByRole('button', { name: 'Previous' }).click();
	await expect(page.locator('.caption .title')).toHaveText('A dam on the Blue Nile');
	await speaker.close();
	await page.keyboard.press('Escape');
	await mapIdle(page);
});

test('Export gives <id>.briefing.json, equal to the file imported, which imports back the same', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	await openLibrary(page);
	await importFixture(page);
	await importedList(page).getByRole('link', { name: TITLE, exact: true }).click();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export briefing' }).click()
	]);
	expect(download.suggestedFilename()).toBe('gerd-2023.briefing.json');
	const exported = await downloaded(download);
	expect(JSON.parse(exported)).toStrictEqual(fixture);
	await expect(page.getByRole('status').filter({ hasText: 'Downloaded' })).toHaveText(
		'Downloaded gerd-2023.briefing.json'
	);

	// Into another browser profile (an empty library), and out again: the same file.
	const other = await browser.newContext({ baseURL });
	try {
		const page2 = await other.newPage();
		await openLibrary(page2);
		await fileInput(page2).setInputFiles(jsonFile('gerd-2023.briefing.json', exported));
		await importedList(page2).getByRole('link', { name: TITLE, exact: true }).click();
		const [again] = await Promise.all([
			page2.waitForEvent('download'),
			page2.getByRole('button', { name: 'Export briefing' }).click()
		]);
		expect(await downloaded(again)).toBe(exported);
	} finally {
		await other.close();
	}
});

test('the default briefing exports as the file the site serves', async ({ page, request }) => {
	await page.goto('./');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export briefing' }).click()
	]);
	expect(download.suggestedFilename()).toBe('feb-2022.briefing.json');
	const served = await (await request.get('./briefings/feb-2022.json')).json();
	expect(JSON.parse(await downloaded(download))).toStrictEqual(served);
});

test('an address naming no briefing says so', async ({ page }) => {
	await page.goto('./?briefing=no-such-briefing');
	const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
	await expect(alert).toContainText('There is no briefing "no-such-briefing"');
	await expect(page.getByRole('link', { name: 'All briefings' })).toBeVisible();
});

test('the library page is accessible: empty, listing, refusing and asking', async ({ page }) => {
	await openLibrary(page);
	expect(await axeViolations(page)).toEqual([]);
	await importFixture(page);
	await fileInput(page).setInputFiles(jsonFile('broken.json', { id: 'Not An Id' }));
	await expect(page.getByRole('alert').filter({ hasText: 'was not imported' })).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);
	await fileInput(page).setInputFiles(jsonFile('gerd-2023.briefing.json', fixtureText));
	await expect(page.getByRole('button', { name: 'Keep both' })).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);
	// The keyboard reaches the choice, and the file input is reachable by Tab.
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Replace' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('button', { name: 'Replace' })).toHaveCount(0);
	await expect(fileInput(page)).toBeFocused();
	// The confirmation before a delete.
	await page.getByRole('button', { name: `Delete ${TITLE}` }).click();
	await expect(page.getByRole('dialog', { name: `Delete “${TITLE}”?` })).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);
});
