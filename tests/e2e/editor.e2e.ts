import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures';
import { axeViolations, mapIdle } from './helpers';

/**
 * Authoring a briefing in the browser, its first half: from the library's "New briefing", an
 * article pasted, its countries found and listed with their passages, roles set, a country
 * unchecked and one added by hand; the map beside redraws each change in place (the same map, the
 * camera kept). And what the editor refuses: an empty article, a binary file; an HTML file is read
 * as text, its scripts never run.
 */

// Not the embedded briefing's story: an article written for the finder's tests.
const ARTICLE = readFileSync('tests/fixtures/articles/caucasus.txt', 'utf8');
const TITLE = 'Armenia and Azerbaijan after Karabakh';

interface MapState {
	same: boolean;
	center: [number, number];
	zoom: number;
	fills: Record<string, unknown>;
	roles: Record<string, string>;
}

/** The map as MapLibre holds it (the container carries it for tests), for the countries given. */
function mapState(page: Page, iso3s: string[]): Promise<MapState> {
	return page.evaluate((isos) => {
		const el = document.querySelector('.maplibregl-map') as HTMLElement & {
			maplibreMap: import('maplibre-gl').Map & { marker?: string };
			briefingMap: {
				content: {
					countries: { iso3: string; role: string }[];
					looks: { id: string; color: string }[];
				} | null;
			};
		};
		const m = el.maplibreMap;
		const c = m.getCenter();
		// The colour of the role the map draws the country in (the roles' layers read it from the
		// country's feature-state), or null when it draws none.
		const fill = (iso3: string) => {
			const { role } = m.getFeatureState({ source: 'world', id: iso3 }) as { role?: string };
			return el.briefingMap.content?.looks.find((l) => l.id === role)?.color ?? null;
		};
		return {
			same: m.marker === 'before',
			center: [c.lng, c.lat] as [number, number],
			zoom: m.getZoom(),
			fills: Object.fromEntries(isos.map((i) => [i, fill(i)])),
			roles: Object.fromEntries(
				(el.briefingMap.content?.countries ?? []).map((x) => [x.iso3, x.role])
			)
		};
	}, iso3s);
}

async function openEditor(page: Page) {
	await page.goto('./library');
	await page.getByRole('link', { name: 'New briefing' }).click();
	await expect(page).toHaveURL(/\/editor$/);
	await expect(page.getByRole('heading', { level: 1, name: 'New briefing' })).toBeVisible();
	await mapIdle(page);
}

const row = (page: Page, name: string) =>
	page
		.getByRole('region', { name: 'Countries found' })
		.getByRole('listitem')
		.filter({ has: page.getByRole('checkbox', { name, exact: true }) });

test('New briefing: paste an article, find its countries, set roles; the map follows in place', async ({
	page
}) => {
	await openEditor(page);
	// The map as it started: marked, so that a rebuilt map would show.
	await page.evaluate(() => {
		const el = document.querySelector('.maplibregl-map') as HTMLElement & {
			maplibreMap: { marker?: string };
		};
		el.maplibreMap.marker = 'before';
	});
	const start = await mapState(page, ['ARM']);
	expect(start.fills.ARM).toBeNull();

	await page.getByRole('textbox', { name: 'Title' }).fill(TITLE);
	await page.getByLabel('As of').fill('2023-10-05');
	await page.getByRole('textbox', { name: 'Article text' }).fill(ARTICLE);
	await page.getByRole('button', { name: 'Find countries' }).click();

	await expect(page.getByRole('heading', { name: 'Countries found' })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Found' })).toHaveText(
		/Found 7 countries in \d+ paragraphs/
	);
	// Each country the article names, with how many passages name it, checked (in the briefing).
	const expected: [string, string][] = [
		['Armenia', '5 passages'],
		['Azerbaijan', '5 passages'],
		['Georgia', '3 passages'],
		['Russia', '3 passages'],
		['United States', '2 passages'],
		['Iran', '1 passage'],
		['Türkiye', '1 passage']
	];
	for (const [name, passages] of expected) {
		await expect(row(page, name)).toContainText(passages);
		await expect(page.getByRole('checkbox', { name, exact: true })).toBeChecked();
	}
	// The first passage, its words marked.
	await expect(row(page, 'Armenia').locator('mark')).toHaveText(/Armenia|Armenian|Yerevan/);
	await expect(page.getByRole('combobox', { name: 'Role of Armenia' })).toHaveValue('named');

	// The countries are drawn, in the default role, on the same map.
	await expect.poll(async () => (await mapState(page, ['ARM'])).roles.ARM).toBe('named');

	// A role changed: Armenia now central.
	await page.getByRole('combobox', { name: 'Role of Armenia' }).selectOption({ label: 'Central' });
	await page.getByRole('textbox', { name: 'Reason for Armenia' }).fill('Lost Karabakh.');
	// One unchecked: Iran leaves the briefing and the map.
	await page.getByRole('checkbox', { name: 'Iran', exact: true }).uncheck();
	await expect(page.getByRole('combobox', { name: 'Role of Iran' })).toHaveCount(0);
	// One the article does not name, added by hand.
	const search = page.getByRole('searchbox', { name: 'Add a country' });
	await search.fill('Kazakh');
	await page.getByRole('button', { name: 'Add Kazakhstan' }).click();
	await expect(page.getByRole('checkbox', { name: 'Kazakhstan', exact: true })).toBeChecked();
	await expect(row(page, 'Kazakhstan')).toContainText('not named in the article');
	await expect(search).toBeFocused();
	await search.fill('chad');
	await search.press('Enter');
	await expect(page.getByRole('checkbox', { name: 'Chad', exact: true })).toBeChecked();

	await mapIdle(page);
	await expect
		.poll(async () => {
			const s = await mapState(page, ['ARM', 'AZE', 'IRN', 'KAZ', 'TCD']);
			return { roles: s.roles, fills: s.fills };
		})
		.toMatchObject({
			roles: { ARM: 'central', AZE: 'named', KAZ: 'named', TCD: 'named' },
			fills: { ARM: '#D55E00', AZE: '#999999', IRN: null, KAZ: '#999999', TCD: '#999999' }
		});
	const after = await mapState(page, ['IRN']);
	expect(after.roles.IRN).toBeUndefined();
	expect(after.same, 'the same map, not a new one').toBe(true);
	expect(after.center[0]).toBeCloseTo(start.center[0], 6);
	expect(after.center[1]).toBeCloseTo(start.center[1], 6);
	expect(after.zoom).toBeCloseTo(start.zoom, 6);

	// A role's colour and pattern edited: the map follows.
	const central = page.getByRole('group', { name: /Role 1: Central/ });
	await central.getByRole('combobox', { name: 'Colour' }).selectOption({ label: 'Bluish green' });
	await central.getByRole('textbox', { name: 'Label' }).fill('Loser');
	await expect(page.getByRole('combobox', { name: 'Role of Armenia' })).toContainText('Loser');
	await expect.poll(async () => (await mapState(page, ['ARM'])).fills.ARM).toBe('#009E73');
	// A role added, then removed: its countries go back to the default role.
	await page.getByRole('button', { name: 'Add a role' }).click();
	await expect(page.getByRole('group', { name: /Role 5: New role/ })).toBeVisible();
	await page.getByRole('combobox', { name: 'Role of Georgia' }).selectOption({ label: 'New role' });
	await page.getByRole('button', { name: 'Remove role New role' }).click();
	await expect(page.getByRole('combobox', { name: 'Role of Georgia' })).toHaveValue('named');

	// Checked again, Iran comes back as it was.
	await page.getByRole('checkbox', { name: 'Iran', exact: true }).check();
	await expect(page.getByRole('combobox', { name: 'Role of Iran' })).toHaveValue('named');
	expect((await mapState(page, [])).same).toBe(true);

	expect(await axeViolations(page)).toEqual([]);
});

test('bad input: an empty article, an HTML file with a script, a binary file, a huge file', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await openEditor(page);

	// Nothing to find in an empty article: said, and nothing listed.
	await page.getByRole('button', { name: 'Find countries' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'The article is empty' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Countries found' })).toContainText('None yet');

	// An HTML page: its paragraphs' text only; markup in its text stays text, its scripts never run.
	const file = page.getByLabel('Open article file');
	const html = `<!doctype html><html><head><title>Talks</title>
<script>window.__ran = 'head'</script></head>
<body><h1>Talks in the Caucasus</h1>
<p>Armenia and <b>Azerbaijan</b> met in Brussels.</p>
<p>&lt;script&gt;window.__ran = 'text'&lt;/script&gt; is how the page wrote it.</p>
<img src="x" onerror="window.__ran = 'img'">
<script>window.__ran = 'body'</script>
<p onclick="window.__ran = 'click'">Georgia watched.</p></body></html>`;
	await file.setInputFiles({
		name: 'talks.html',
		mimeType: 'text/html',
		buffer: Buffer.from(html)
	});
	const text = page.getByRole('textbox', { name: 'Article text' });
	await expect(text).toHaveValue(
		[
			'Talks in the Caucasus',
			'Armenia and Azerbaijan met in Brussels.',
			"<script>window.__ran = 'text'</script> is how the page wrote it.",
			'Georgia watched.'
		].join('\n\n')
	);
	await expect(page.getByRole('status').filter({ hasText: 'Opened' })).toHaveText(
		'Opened “talks.html”: 4 paragraphs.'
	);
	// The title came from its heading, the box being empty.
	await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Talks in the Caucasus');
	await page.getByRole('button', { name: 'Find countries' }).click();
	await expect(page.getByRole('checkbox', { name: 'Armenia', exact: true })).toBeChecked();
	await page.getByText('The article’s 4 numbered paragraphs').click();
	await expect(
		page.getByRole('listitem').filter({ hasText: 'is how the page wrote it' })
	).toHaveText("<script>window.__ran = 'text'</script> is how the page wrote it.");
	expect(await page.evaluate(() => (window as { __ran?: string }).__ran)).toBeUndefined();
	// No element of the file came into the page (SvelteKit's own start-up script is the only inline one).
	expect(
		await page.evaluate(
			() =>
				[...document.querySelectorAll('script, img, [onclick]')].filter((el) =>
					/__ran|^x$/.test(el.textContent + (el.getAttribute('src') ?? ''))
				).length
		)
	).toBe(0);

	// A binary file, even named .txt: refused, and the article is as it was.
	const before = await text.inputValue();
	const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72]);
	await file.setInputFiles({ name: 'photo.txt', mimeType: 'text/plain', buffer: png });
	await expect(page.getByRole('alert')).toHaveText(/“photo\.txt” is not a text file/);
	await expect(text).toHaveValue(before);

	// Over 5 MB: refused before it is read.
	await file.setInputFiles({
		name: 'huge.txt',
		mimeType: 'text/plain',
		buffer: Buffer.alloc(5 * 1024 * 1024 + 10, 'a')
	});
	await expect(page.getByRole('alert')).toHaveText(/“huge\.txt” is too large \(5\.0 MB\)/);
	await expect(text).toHaveValue(before);

	// Another kind of file: refused too.
	await file.setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: png });
	await expect(page.getByRole('alert')).toHaveText(/“report\.pdf” is not an article file/);
	await expect(text).toHaveValue(before);

	expect(errors).toEqual([]);
	expect(await axeViolations(page)).toEqual([]);
});

test('the map page links to the editor; on a phone the editor and the map are stacked', async ({
	page
}) => {
	await page.goto('./');
	await mapIdle(page);
	await page.setViewportSize({ width: 390, height: 844 });
	await page.getByRole('button', { name: 'Menu' }).click();
	await page.getByRole('link', { name: 'New briefing' }).click();
	await expect(page).toHaveURL(/\/editor$/);
	await mapIdle(page);
	const editor = (await page.getByRole('main').boundingBox())!;
	const map = (await page.getByRole('region', { name: 'Map', exact: true }).boundingBox())!;
	expect(editor.width).toBeGreaterThan(350);
	expect(map.width).toBeGreaterThan(350);
	expect(map.y).toBeGreaterThanOrEqual(editor.y + editor.height - 1);
	expect(map.height).toBeGreaterThan(300);
	// Nothing wider than the phone: no sideways scrolling.
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('nothing lost: every edit is saved as it is made, a reload reopens the draft, undo and redo step through the edits', async ({
	page
}) => {
	await openEditor(page);
	const status = page.getByRole('status').filter({ hasText: /saved|Saving|Nothing to save/i });
	await expect(status).toHaveText(/Nothing to save yet/);
	await page.getByRole('textbox', { name: 'Title' }).fill(TITLE);
	await page.getByRole('textbox', { name: 'Article text' }).fill(ARTICLE);
	await page.getByRole('button', { name: 'Find countries' }).click();
	await page.getByRole('combobox', { name: 'Role of Armenia' }).selectOption({ label: 'Central' });
	await page.getByRole('checkbox', { name: 'Iran', exact: true }).uncheck();
	await expect(status).toHaveText('Saved');
	// The address names the draft, so a reload (or the address kept) opens it again.
	await expect(page).toHaveURL(/\/editor\?draft=[\w-]+$/);
	const address = page.url();

	await page.reload();
	await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(TITLE);
	await expect(page.getByRole('textbox', { name: 'Article text' })).toHaveValue(ARTICLE);
	await expect(page.getByRole('combobox', { name: 'Role of Armenia' })).toHaveValue('central');
	await expect(page.getByRole('checkbox', { name: 'Iran', exact: true })).not.toBeChecked();
	await expect(status).toHaveText('Saved');
	await mapIdle(page);
	await expect.poll(async () => (await mapState(page, ['ARM'])).roles.ARM).toBe('central');
	expect(page.url()).toBe(address);

	// Undo and redo, by button and by keyboard, over the edits made after the reload.
	const undo = page.getByRole('button', { name: 'Undo', exact: true });
	const redo = page.getByRole('button', { name: 'Redo', exact: true });
	await expect(undo).toBeDisabled();
	await page.getByRole('combobox', { name: 'Role of Georgia' }).selectOption({ label: 'Involved' });
	await page.getByRole('checkbox', { name: 'Russia', exact: true }).uncheck();
	await expect(undo).toHaveAttribute('title', 'Undo: Russia');
	await undo.click();
	await expect(page.getByRole('checkbox', { name: 'Russia', exact: true })).toBeChecked();
	await expect(page.getByRole('combobox', { name: 'Role of Georgia' })).toHaveValue('involved');
	// Ctrl+Z outside a text box is the page's undo; Ctrl+Shift+Z its redo.
	await undo.focus();
	await page.keyboard.press('Control+z');
	await expect(page.getByRole('combobox', { name: 'Role of Georgia' })).toHaveValue('named');
	await expect(undo).toBeDisabled();
	await expect.poll(async () => (await mapState(page, ['GEO'])).roles.GEO).toBe('named');
	await page.keyboard.press('Control+Shift+z');
	await expect(page.getByRole('combobox', { name: 'Role of Georgia' })).toHaveValue('involved');
	await redo.click();
	await expect(page.getByRole('checkbox', { name: 'Russia', exact: true })).not.toBeChecked();
	await expect(redo).toBeDisabled();
	// What undo and redo reach is saved too.
	await expect(status).toHaveText('Saved');
	await page.reload();
	await expect(page.getByRole('checkbox', { name: 'Russia', exact: true })).not.toBeChecked();
	await expect(page.getByRole('combobox', { name: 'Role of Georgia' })).toHaveValue('involved');

	// A closed tab: the library lists the draft, and its link reopens it where it was.
	await page.goto('./library');
	const drafts = page.getByRole('region', { name: 'Drafts in this browser' });
	await drafts.getByRole('link', { name: TITLE }).click();
	await expect(page).toHaveURL(address);
	await expect(page.getByRole('combobox', { name: 'Role of Georgia' })).toHaveValue('involved');
});

test('a draft that cannot be read is said, and left as it is', async ({ page }) => {
	await page.goto('./editor?draft=no-such-draft');
	await expect(page.getByRole('alert')).toContainText('This draft could not be opened');
	await expect(page.getByRole('alert')).toContainText('no such draft in this browser');
	// A new draft starts: it is saved under its own id, never over the one asked for.
	await page.getByRole('textbox', { name: 'Title' }).fill('Another');
	await expect(page).toHaveURL(/\/editor\?draft=(?!no-such-draft)[\w-]+$/);
});

test('Export briefing lists what stops it, then downloads a file the library imports and opens on its map', async ({
	page
}) => {
	await openEditor(page);
	await page.getByRole('textbox', { name: 'Title' }).fill(TITLE);
	await page.getByRole('textbox', { name: 'Article text' }).fill(ARTICLE);
	await page.getByRole('button', { name: 'Find countries' }).click();
	await expect(page.getByRole('checkbox', { name: 'Armenia', exact: true })).toBeChecked();
	for (const name of ['United States', 'Iran', 'Türkiye', 'Russia', 'Georgia']) {
		await page.getByRole('checkbox', { name, exact: true }).uncheck();
	}
	await page.getByRole('combobox', { name: 'Role of Armenia' }).selectOption({ label: 'Central' });

	// Unfinished: the reasons are missing. Each problem names its field, and nothing is written.
	await page.getByRole('button', { name: 'Export briefing' }).click();
	const problems = page.getByRole('alert').filter({ hasText: 'cannot be exported yet' });
	await expect(problems).toBeFocused();
	await expect(problems.getByRole('listitem')).toHaveCount(2);
	// Each problem names its field as the editor labels it, and takes the author there.
	await problems.getByRole('button', { name: 'Reason for Armenia: must not be empty' }).click();
	await expect(page.getByRole('textbox', { name: 'Reason for Armenia' })).toBeFocused();

	await page.getByRole('textbox', { name: 'Reason for Armenia' }).fill('Lost Karabakh.');
	await page.getByRole('textbox', { name: 'Reason for Azerbaijan' }).fill('Took it back.');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export briefing' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(
		/^armenia-and-azerbaijan-after-karabakh\.briefing\.json$/
	);
	await expect(page.getByRole('status').filter({ hasText: 'Downloaded' })).toContainText(
		file.suggestedFilename()
	);
	const text = readFileSync(await file.path(), 'utf8');
	const doc = JSON.parse(text) as { countries: { iso3: string }[]; title: string };
	expect(doc.title).toBe(TITLE);
	expect(doc.countries.map((c) => c.iso3).sort()).toEqual(['ARM', 'AZE']);

	// The library imports it; it opens on its own map, Armenia in its role.
	await page.goto('./library');
	await page.getByLabel('Import briefing').setInputFiles({
		name: file.suggestedFilename(),
		mimeType: 'application/json',
		buffer: Buffer.from(text)
	});
	const entry = page
		.getByRole('region', { name: 'Imported in this browser' })
		.getByRole('listitem')
		.filter({ hasText: TITLE });
	await entry.getByRole('link', { name: TITLE, exact: true }).click();
	await mapIdle(page);
	await page.getByRole('button', { name: 'Armenia', exact: true }).click();
	await expect(page.locator('#panel-heading')).toHaveText('Armenia');
	await expect(page.getByRole('complementary')).toContainText('Lost Karabakh.');
});
