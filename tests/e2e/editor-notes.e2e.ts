import { expect, test, type Page } from './fixtures';
import { axeViolations, mapIdle } from './helpers';

/**
 * Notes on the map, in the editor: a person adds a note by clicking the map (terra-draw draws the
 * point, a line, an area), writes it, says where it comes from, and sees it drawn on the same map;
 * it is saved (a reload opens it again) and undoable. Points are also placed from the keyboard,
 * by coordinates or by a place the map labels.
 */

// Not the embedded briefing's story: a short article of its own.
const ARTICLE = [
	'Armenia and Azerbaijan met again to discuss their border.',
	'Azerbaijan moved troops close to the Armenian border in the spring, officials said.',
	'Talks are due to resume in the autumn.'
].join('\n\n');

const YEREVAN = { lon: 44.51, lat: 40.18 };

async function openEditorWithArticle(page: Page) {
	await page.goto('./editor');
	await expect(page.getByRole('heading', { level: 1, name: 'New briefing' })).toBeVisible();
	await mapIdle(page);
	await page.getByRole('textbox', { name: 'Title' }).fill('Border talks');
	await page.getByRole('textbox', { name: 'Article text' }).fill(ARTICLE);
	await page.getByRole('button', { name: 'Find countries' }).click();
	await expect(page.getByRole('checkbox', { name: 'Armenia', exact: true })).toBeChecked();
	// Zoomed in on the Caucasus with the mouse wheel, as a person would, so that clicks a few
	// pixels apart are far apart on the ground.
	for (let i = 0; i < 20 && (await zoomOf(page)) < 5; i++) {
		const { x, y } = await pagePoint(page, 46, 40.3);
		await page.mouse.move(x, y);
		await page.mouse.wheel(0, -600);
		await page.waitForTimeout(300);
	}
	expect(await zoomOf(page)).toBeGreaterThanOrEqual(5);
	await mapIdle(page);
}

const zoomOf = (page: Page) =>
	page.evaluate(() =>
		(
			document.querySelector('.maplibregl-map') as HTMLElement & {
				maplibreMap: import('maplibre-gl').Map;
			}
		).maplibreMap.getZoom()
	);

/** Where a longitude/latitude is on the page, from the MapLibre map the container carries. */
async function pagePoint(page: Page, lon: number, lat: number) {
	const p = await page.evaluate(
		([lon, lat]) => {
			const el = document.querySelector('.maplibregl-map') as HTMLElement & {
				maplibreMap: import('maplibre-gl').Map;
			};
			const { x, y } = el.maplibreMap.project([lon!, lat!]);
			const box = el.maplibreMap.getCanvas().getBoundingClientRect();
			return { x: box.left + x, y: box.top + y };
		},
		[lon, lat]
	);
	return p;
}

async function clickMap(page: Page, lon: number, lat: number) {
	const { x, y } = await pagePoint(page, lon, lat);
	await page.mouse.move(x, y);
	await page.mouse.down();
	await page.mouse.up();
}

/** The notes' features the map draws, by id, with their kind and where the map renders them. */
function drawnNotes(page: Page) {
	return page.evaluate(() => {
		const el = document.querySelector('.maplibregl-map') as HTMLElement & {
			maplibreMap: import('maplibre-gl').Map;
		};
		const m = el.maplibreMap;
		const layers = m
			.getStyle()
			.layers.map((l) => l.id)
			.filter((id) => /^troops-(article|reported)-(points|zone|zone-outline)$/.test(id));
		const rendered = layers.length ? m.queryRenderedFeatures({ layers }) : [];
		return {
			features: rendered.map((f) => ({
				id: String(f.properties.id),
				kind: String(f.properties.kind),
				provenance: String(f.properties.provenance),
				layer: f.layer.id
			})),
			drawingLayers: m
				.getStyle()
				.layers.map((l) => l.id)
				.filter((id) => id.startsWith('td-'))
		};
	});
}

const noteItem = (page: Page, n: number) =>
	page
		.getByRole('list', { name: 'Notes' })
		.getByRole('listitem')
		.filter({ has: page.getByRole('group', { name: new RegExp(`^Note ${n}:`) }) });

test('Add note: a click on the map places a point; written, cited, drawn, saved, undone', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await openEditorWithArticle(page);
	const notes = page.getByRole('region', { name: 'Notes on the map' });
	await expect(notes.getByRole('radio', { name: 'Point' })).toBeChecked();

	await notes.getByRole('button', { name: 'Add note' }).click();
	await expect(notes.getByRole('button', { name: 'Cancel drawing' })).toBeFocused();
	await expect(notes.getByRole('status')).toContainText('click on the map');
	// Escape cancels: no note.
	await page.keyboard.press('Escape');
	await expect(notes.getByRole('status')).toHaveText('Drawing cancelled: no note added.');
	await expect(notes.getByRole('button', { name: 'Add note' })).toBeFocused();
	await expect(page.getByRole('list', { name: 'Notes' })).toHaveCount(0);

	await notes.getByRole('button', { name: 'Add note' }).click();
	await expect(notes.getByRole('status')).toContainText('click on the map');
	await clickMap(page, YEREVAN.lon, YEREVAN.lat);

	// The new note, its text box focused, flagged until it has a provenance.
	const note = noteItem(page, 1);
	await expect(note.getByRole('group', { name: /^Note 1: Point/ })).toBeVisible();
	await expect(note.getByRole('textbox', { name: 'Note text' })).toBeFocused();
	await expect(note).toContainText('No provenance yet');
	await expect(note.getByRole('group', { name: /^Countries/ }).getByRole('listitem')).toHaveText([
		'Armenia'
	]);
	// Where it was clicked (to about a pixel at this zoom).
	const legend = await note
		.getByRole('group', { name: /^Note 1/ })
		.locator('legend')
		.first()
		.textContent();
	const [, lat, lon] = /at (-?[\d.]+), (-?[\d.]+)/.exec(legend ?? '') ?? [];
	expect(Number(lat)).toBeCloseTo(YEREVAN.lat, 1);
	expect(Number(lon)).toBeCloseTo(YEREVAN.lon, 1);

	// terra-draw is gone from the map; the note is drawn by the map's own layers, "no provenance".
	await expect
		.poll(async () => drawnNotes(page))
		.toEqual({
			features: [
				{
					id: 'note-1',
					kind: 'position',
					provenance: 'No provenance yet',
					layer: 'troops-reported-points'
				}
			],
			drawingLayers: []
		});

	await note.getByRole('textbox', { name: 'Note text' }).fill('Troops moved close to the border.');
	await note.getByRole('textbox', { name: 'Forces' }).fill('Azerbaijani armed forces');
	await note.getByRole('checkbox', { name: 'Approximate' }).check();
	await expect(note.getByRole('radio', { name: 'Paragraphs of the article' })).toBeChecked();
	// A paragraph the article does not have: said, and nothing recorded.
	await note.getByRole('textbox', { name: 'Paragraphs' }).fill('2, 7');
	await expect(note.getByRole('alert')).toHaveText('The article has no paragraph 7 (it has 3)');
	await note.getByRole('textbox', { name: 'Paragraphs' }).fill('2');
	await expect(note.getByRole('alert')).toHaveCount(0);
	await expect(note).not.toContainText('No provenance yet');
	await expect(
		note
			.getByRole('group', { name: 'Paragraphs of the article' })
			.getByRole('checkbox', { name: 'Paragraph 2' })
	).toBeChecked();

	// Drawn now as the article's troops, citing its paragraph.
	await expect
		.poll(async () => (await drawnNotes(page)).features)
		.toEqual([
			{
				id: 'note-1',
				kind: 'position',
				provenance: 'Article, para. 2',
				layer: 'troops-article-points'
			}
		]);

	// Saved: a reload opens the draft again, note and all, drawn on the map.
	await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
	await page.reload();
	await mapIdle(page);
	await expect(noteItem(page, 1).getByRole('textbox', { name: 'Note text' })).toHaveValue(
		'Troops moved close to the border.'
	);
	await expect(noteItem(page, 1).getByRole('textbox', { name: 'Forces' })).toHaveValue(
		'Azerbaijani armed forces'
	);
	await expect(noteItem(page, 1).getByRole('checkbox', { name: 'Approximate' })).toBeChecked();
	await expect(noteItem(page, 1).getByRole('textbox', { name: 'Paragraphs' })).toHaveValue('2');
	await expect
		.poll(async () => (await drawnNotes(page)).features.map((f) => f.id))
		.toEqual(['note-1']);

	// Removed, then brought back by Undo; Undo again (after the reload) removes... the removal only.
	await noteItem(page, 1).getByRole('button', { name: 'Remove note' }).click();
	await expect(page.getByRole('list', { name: 'Notes' })).toHaveCount(0);
	await expect.poll(async () => (await drawnNotes(page)).features).toEqual([]);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(noteItem(page, 1).getByRole('textbox', { name: 'Note text' })).toHaveValue(
		'Troops moved close to the border.'
	);
	await expect
		.poll(async () => (await drawnNotes(page)).features.map((f) => f.id))
		.toEqual(['note-1']);

	// A second note clicked on the map, then undone with the keyboard: gone from list and map.
	await page.getByRole('button', { name: 'Add note' }).click();
	await expect(
		page.getByRole('region', { name: 'Notes on the map' }).getByRole('status')
	).toContainText('click on the map');
	await clickMap(page, 47.0, 40.5);
	await expect(noteItem(page, 2).getByRole('textbox', { name: 'Note text' })).toBeFocused();
	await expect
		.poll(async () => (await drawnNotes(page)).features.map((f) => f.id).sort())
		.toEqual(['note-1', 'note-2']);
	await page.locator('body').click({ position: { x: 5, y: 5 } });
	await page.keyboard.press('Control+z');
	await expect(noteItem(page, 2)).toHaveCount(0);
	await expect
		.poll(async () => (await drawnNotes(page)).features.map((f) => f.id))
		.toEqual(['note-1']);

	expect(await axeViolations(page)).toEqual([]);
	expect(errors).toEqual([]);
});

test('a line and an area drawn on the map become notes, drawn by the map', async ({ page }) => {
	await openEditorWithArticle(page);
	const notes = page.getByRole('region', { name: 'Notes on the map' });

	await notes.getByRole('radio', { name: 'Line' }).check();
	await notes.getByRole('button', { name: 'Add note' }).click();
	await expect(notes.getByRole('status')).toContainText('click each point of the line');
	await clickMap(page, 44.0, 41.0);
	await clickMap(page, 46.0, 39.5);
	await clickMap(page, 48.5, 41.0);
	// Clicking the last point again finishes the line.
	await clickMap(page, 48.5, 41.0);
	await expect(
		noteItem(page, 1).getByRole('group', { name: /^Note 1: Line 3 points/ })
	).toBeVisible();

	await notes.getByRole('radio', { name: 'Area' }).check();
	await notes.getByRole('button', { name: 'Add note' }).click();
	await expect(notes.getByRole('status')).toContainText('click each corner');
	await clickMap(page, 45.0, 40.5);
	await clickMap(page, 47.5, 40.5);
	await clickMap(page, 46.0, 38.8);
	// Clicking the first corner closes the area.
	await clickMap(page, 45.0, 40.5);
	await expect(
		noteItem(page, 2).getByRole('group', { name: /^Note 2: Area 3 corners/ })
	).toBeVisible();

	await expect
		.poll(async () => {
			const d = await drawnNotes(page);
			return {
				drawn: [...new Set(d.features.map((f) => `${f.id} ${f.layer}`))].sort(),
				drawingLayers: d.drawingLayers
			};
		})
		.toEqual({
			drawn: ['note-1 troops-reported-zone-outline', 'note-2 troops-reported-zone-outline'].sort(),
			drawingLayers: []
		});
});

test('points placed from the keyboard: coordinates or a place the map labels; a source cited', async ({
	page
}) => {
	await openEditorWithArticle(page);
	const notes = page.getByRole('region', { name: 'Notes on the map' });
	const place = notes.getByRole('textbox', { name: 'Place' });

	// Out of range, then unknown: each said, nothing added.
	await place.fill('95, 30');
	await place.press('Enter');
	await expect(notes.getByRole('alert')).toContainText('latitude runs from -90 to 90');
	await expect(place).toHaveAttribute('aria-invalid', 'true');
	await place.fill('<b>Atlantis</b>');
	await notes.getByRole('button', { name: 'Place point' }).click();
	await expect(notes.getByRole('alert')).toContainText(
		'No place named “<b>Atlantis</b>” on the map'
	);
	await expect(notes.locator('b')).toHaveCount(0);
	await expect(page.getByRole('list', { name: 'Notes' })).toHaveCount(0);

	await place.fill('40.18, 44.51');
	await place.press('Enter');
	await expect(
		noteItem(page, 1).getByRole('group', { name: /^Note 1: Point at 40.18, 44.51/ })
	).toBeVisible();
	await expect(noteItem(page, 1).getByRole('textbox', { name: 'Note text' })).toBeFocused();
	await expect(notes.getByRole('alert')).toHaveCount(0);
	await expect.poll(async () => (await drawnNotes(page)).features.length).toBe(1);

	// The second note is sent to the map as what changed (one mark added), not with every mark
	// again: MapLibre then cuts again only the tiles that mark touches.
	await page.evaluate(() => {
		const el = document.querySelector('.maplibregl-map') as HTMLElement & {
			maplibreMap: import('maplibre-gl').Map;
			sent?: string[];
		};
		const source = el.maplibreMap.getSource('overlays') as import('maplibre-gl').GeoJSONSource;
		const sent: string[] = (el.sent = []);
		const { setData, updateData } = source;
		source.setData = (...a) => (sent.push('all'), setData.apply(source, a));
		source.updateData = (diff, ...a) => (
			sent.push(`added ${diff.add?.length ?? 0}, removed ${diff.remove?.length ?? 0}`),
			updateData.apply(source, [diff, ...a])
		);
	});
	await place.fill('azerbaijan');
	await place.press('Enter');
	await expect.poll(async () => (await drawnNotes(page)).features.length).toBe(2);
	expect(
		await page.evaluate(
			() => (document.querySelector('.maplibregl-map') as HTMLElement & { sent: string[] }).sent
		)
	).toEqual(['added 1, removed 0']);
	const second = noteItem(page, 2);
	await expect(second.getByRole('group', { name: /^Note 2: Point at Azerbaijan/ })).toBeVisible();
	await expect(second.getByRole('checkbox', { name: 'Approximate' })).toBeChecked();
	await expect(second.getByRole('group', { name: /^Countries/ }).getByRole('listitem')).toHaveText([
		'Azerbaijan'
	]);

	// Its provenance a source: an address checked as the schema checks it.
	await second.getByRole('radio', { name: 'A source' }).check();
	await second.getByRole('textbox', { name: 'Source address' }).fill('javascript:alert(1)');
	await expect(second).toContainText('Source address: must be an http(s) URL');
	await second.getByRole('textbox', { name: 'Source address' }).fill('https://example.org/report');
	await expect(second).not.toContainText('Source address: must be');
	await second.getByRole('textbox', { name: 'Source publisher' }).fill('Example News');
	await second.getByRole('textbox', { name: 'Source title' }).fill('Troops near the border');
	await second.getByRole('textbox', { name: 'Source date' }).fill('2024-05');
	await second.getByRole('textbox', { name: 'Note text' }).fill('Reported concentration.');
	await second.getByRole('textbox', { name: 'Forces' }).fill('Armed forces');
	await expect(second).not.toContainText('No provenance yet');

	await expect
		.poll(async () =>
			(await drawnNotes(page)).features.map((f) => `${f.id} ${f.provenance}`).sort()
		)
		.toEqual([
			'note-1 No provenance yet',
			'note-2 Source: Example News, “Troops near the border”, May 2024'
		]);

	// Export lists the note with no provenance (and stops).
	await page.getByRole('button', { name: 'Export briefing' }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'cannot be exported' })).toContainText(
		'Note 1 (Point), Paragraphs: name at least one paragraph'
	);
	// The problem takes the author to that note's field, not another note's of the same name.
	await page
		.getByRole('button', { name: 'Note 1 (Point), Paragraphs: name at least one paragraph' })
		.click();
	await expect(noteItem(page, 1).getByRole('textbox', { name: 'Paragraphs' })).toBeFocused();
	expect(await axeViolations(page)).toEqual([]);
});

test('a zone along a border: derived from the shapes, drawn on the map', async ({ page }) => {
	await openEditorWithArticle(page);
	const notes = page.getByRole('region', { name: 'Notes on the map' });
	await notes.getByRole('radio', { name: 'Zone along a border' }).check();
	await notes.getByRole('combobox', { name: 'Inside' }).selectOption({ label: 'Azerbaijan' });
	await notes.getByRole('combobox', { name: 'Along the border with' }).selectOption({
		label: 'Armenia'
	});
	await notes.getByRole('spinbutton', { name: 'Width (km)' }).fill('0');
	await notes.getByRole('button', { name: 'Add note' }).click();
	await expect(notes.getByRole('alert')).toContainText('more than 0');
	await notes.getByRole('spinbutton', { name: 'Width (km)' }).fill('40');
	await notes.getByRole('button', { name: 'Add note' }).click();
	const zone = noteItem(page, 1);
	await expect(zone.getByRole('group', { name: /^Note 1: Border zone/ })).toBeVisible();
	await expect(zone.getByRole('textbox', { name: 'Note text' })).toBeFocused();
	await zone.getByRole('textbox', { name: 'Paragraphs' }).fill('2');
	await expect
		.poll(async () =>
			[...new Set((await drawnNotes(page)).features.map((f) => `${f.id} ${f.layer}`))].sort()
		)
		.toEqual(['note-1 troops-article-zone', 'note-1 troops-article-zone-outline']);
});

/** A new briefing of the article, its countries found, and one note placed at Yerevan by keyboard. */
async function editorWithNoteInYerevan(page: Page) {
	await page.goto('./editor');
	await mapIdle(page);
	await page.getByRole('textbox', { name: 'Title' }).fill('Border talks');
	await page.getByRole('textbox', { name: 'Article text' }).fill(ARTICLE);
	await page.getByRole('button', { name: 'Find countries' }).click();
	await expect(page.getByRole('checkbox', { name: 'Armenia', exact: true })).toBeChecked();
	await expect(page.getByRole('checkbox', { name: 'Azerbaijan', exact: true })).toBeChecked();
	const place = page
		.getByRole('region', { name: 'Notes on the map' })
		.getByRole('textbox', { name: 'Place' });
	await place.fill('40.18, 44.51');
	await place.press('Enter');
}

/** The same, once the map draws the note and is idle. */
async function editorWithNoteInYerevanDrawn(page: Page) {
	await editorWithNoteInYerevan(page);
	await expect.poll(async () => (await drawnNotes(page)).features.length).toBe(1);
	await mapIdle(page);
}

test('a role changed beside notes redraws the roles only: the notes are not derived or sent again', async ({
	page
}) => {
	await editorWithNoteInYerevanDrawn(page);
	await page.evaluate(() => {
		const el = document.querySelector('.maplibregl-map') as HTMLElement & {
			maplibreMap: import('maplibre-gl').Map;
			overlaysLoaded?: number;
		};
		el.overlaysLoaded = 0;
		el.maplibreMap.on('sourcedataloading', (e) => {
			if ((e as { sourceId?: string }).sourceId === 'overlays') el.overlaysLoaded!++;
		});
	});
	const role = page.getByRole('combobox', { name: 'Role of Armenia' });
	const options = await role.locator('option').allTextContents();
	const first = await role.locator('option:checked').textContent();
	// Twice: the first change once let the notes be derived again, which the second then drew.
	for (const next of [options.find((o) => o !== first)!, first!]) {
		await role.selectOption({ label: next });
		await mapIdle(page);
		await expect
			.poll(() =>
				page.evaluate(() => {
					const el = document.querySelector('.maplibregl-map') as HTMLElement & {
						briefingMap: { content: { countries: { iso3: string; role: string }[] } };
					};
					return el.briefingMap.content.countries.find((c) => c.iso3 === 'ARM')?.role;
				})
			)
			.toBe(await role.inputValue());
	}
	await mapIdle(page);
	expect(
		await page.evaluate(
			() =>
				(document.querySelector('.maplibregl-map') as HTMLElement & { overlaysLoaded: number })
					.overlaysLoaded
		)
	).toBe(0);
	expect((await drawnNotes(page)).features.length).toBe(1);
});

test('a note placed is drawn at once by layers of its own, then by the overlays’ layers; Undo takes it off both', async ({
	page
}) => {
	await editorWithNoteInYerevanDrawn(page);
	// Every frame from now on: where the map has note-2 (a source's loaded tiles hold it).
	await page.evaluate(() => {
		const el = document.querySelector('.maplibregl-map') as HTMLElement & {
			maplibreMap: import('maplibre-gl').Map;
			frames?: { fresh: boolean; overlays: boolean; twinDrawn: boolean }[];
		};
		const m = el.maplibreMap;
		el.frames = [];
		const has = (source: string) =>
			!!m.getSource(source) &&
			m.querySourceFeatures(source).some((f) => f.properties.id === 'note-2');
		m.on('render', () => {
			const twins = m.getLayersOrder().filter((id) => id.endsWith('~fresh'));
			el.frames!.push({
				fresh: has('overlays-fresh'),
				overlays: has('overlays'),
				twinDrawn: m
					.queryRenderedFeatures({ layers: twins })
					.some((f) => f.properties.id === 'note-2')
			});
		});
	});
	const place = page
		.getByRole('region', { name: 'Notes on the map' })
		.getByRole('textbox', { name: 'Place' });
	await place.fill('40.3, 46.0');
	await place.press('Enter');
	await expect(noteItem(page, 2).getByRole('textbox', { name: 'Note text' })).toBeFocused();
	await expect.poll(async () => (await drawnNotes(page)).features.length).toBe(2);
	await mapIdle(page);
	const read = () =>
		page.evaluate(() => {
			const el = document.querySelector('.maplibregl-map') as HTMLElement & {
				maplibreMap: import('maplibre-gl').Map;
				frames: { fresh: boolean; overlays: boolean; twinDrawn: boolean }[];
			};
			const m = el.maplibreMap;
			const order = m.getLayersOrder();
			// Each overlay layer's twin: the same look and filter, on the small source, right above it.
			const twins = order
				.filter((id) => m.getLayer(id)?.source === 'overlays')
				.map((id) => {
					const own = m.getLayer(id)!.serialize() as Record<string, unknown>;
					const twin = m.getLayer(`${id}~fresh`)?.serialize() as Record<string, unknown>;
					return {
						id,
						same:
							!!twin &&
							JSON.stringify({ ...twin, id: own.id, source: own.source }) === JSON.stringify(own),
						above: order[order.indexOf(id) + 1] === `${id}~fresh`
					};
				});
			return {
				frames: el.frames,
				twins,
				fresh: m.querySourceFeatures('overlays-fresh').length
			};
		});
	const { frames, twins } = await read();
	expect(twins.length).toBeGreaterThan(0);
	expect(twins.filter((t) => !t.same || !t.above)).toEqual([]);
	// The first frame with the note draws it from its own layers: no waiting for the overlays'.
	const first = frames.find((f) => f.fresh || f.overlays)!;
	expect(first).toMatchObject({ fresh: true, twinDrawn: true });
	// Once the map is idle, the overlays hold it, and the small source lets it go.
	await expect.poll(async () => (await read()).fresh).toBe(0);
	expect((await drawnNotes(page)).features.map((f) => f.id).sort()).toEqual(['note-1', 'note-2']);

	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(noteItem(page, 2)).toHaveCount(0);
	await expect(noteItem(page, 1)).toHaveCount(1);
	await expect
		.poll(async () => (await drawnNotes(page)).features.map((f) => f.id))
		.toEqual(['note-1']);
	expect((await read()).fresh).toBe(0);
});

test('a note’s countries and the date its forces were seen are the author’s to set', async ({
	page
}) => {
	await editorWithNoteInYerevan(page);
	const note = noteItem(page, 1);
	const countries = note.getByRole('group', { name: /^Countries/ });
	// Guessed from the place: Armenia, whose panel lists the note; one country cannot be removed.
	await expect(countries.getByRole('listitem')).toHaveText(['Armenia']);
	await expect(countries.getByRole('button', { name: 'Remove Armenia' })).toHaveCount(0);

	// Another country of the briefing added by its name; one that is not, refused and said.
	const add = countries.getByRole('combobox', { name: 'Add a country' });
	await add.fill('Atlantis');
	await add.press('Enter');
	await expect(countries.getByRole('alert')).toContainText('“Atlantis” is not a country of');
	await add.fill('azerbaijan');
	await countries.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(countries.getByRole('listitem')).toHaveText([/Armenia/, /Azerbaijan/]);
	await expect(countries.getByRole('alert')).toHaveCount(0);
	await expect(add).toHaveValue('');
	await countries.getByRole('button', { name: 'Remove Armenia' }).click();
	await expect(countries.getByRole('listitem')).toHaveText([/Azerbaijan/]);
	await expect(countries.getByRole('combobox', { name: 'Add a country' })).toBeFocused();

	// When the forces were seen: checked as the schema checks a date. Until when: only once
	// there is a first day, and not before it.
	const seen = note.getByRole('textbox', { name: 'Seen on' });
	const until = note.getByRole('textbox', { name: 'Seen until' });
	await expect(until).toBeDisabled();
	await seen.fill('2024-13');
	await expect(note.getByText(/Seen on: /)).toBeVisible();
	await expect(seen).toHaveAttribute('aria-invalid', 'true');
	await seen.fill('2024-05');
	await expect(note.getByText(/Seen on: /)).toHaveCount(0);
	await until.fill('2024-04-30');
	await expect(
		note.getByText('Seen until: ends (2024-04-30) before it starts (2024-05)')
	).toBeVisible();
	await expect(until).toHaveAttribute('aria-invalid', 'true');
	await until.fill('2024-06-15');
	await expect(note.getByText(/Seen until: /)).toHaveCount(0);

	// Saved as made: a reload shows both; Undo takes the date back.
	await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
	await page.reload();
	await mapIdle(page);
	await expect(
		noteItem(page, 1)
			.getByRole('group', { name: /^Countries/ })
			.getByRole('listitem')
	).toHaveText([/Azerbaijan/]);
	await expect(noteItem(page, 1).getByRole('textbox', { name: 'Seen on' })).toHaveValue('2024-05');
	await expect(noteItem(page, 1).getByRole('textbox', { name: 'Seen until' })).toHaveValue(
		'2024-06-15'
	);
	expect(await axeViolations(page)).toEqual([]);
});

test('a note placed in the wrong spot is moved: a point typed elsewhere, a line drawn again; undoable', async ({
	page
}) => {
	await openEditorWithArticle(page);
	const notes = page.getByRole('region', { name: 'Notes on the map' });
	const place = notes.getByRole('textbox', { name: 'Place' });
	await place.fill('40.18, 44.51');
	await place.press('Enter');
	const first = noteItem(page, 1);
	await first.getByRole('textbox', { name: 'Note text' }).fill('Brigade headquarters.');

	// Typed: a bad place is said and changes nothing; a good one moves the note, its text kept.
	const move = first.getByRole('button', { name: 'Move note 1' });
	await move.click();
	await expect(move).toHaveAttribute('aria-expanded', 'true');
	const to = first.getByRole('textbox', { name: 'New place of note 1' });
	await expect(to).toBeFocused();
	await to.fill('95, 30');
	await to.press('Enter');
	await expect(first.getByRole('alert')).toContainText('latitude runs from -90 to 90');
	await expect(first.getByRole('group', { name: /^Note 1: Point at 40.18, 44.51/ })).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);
	await to.fill('40.4, 47.5');
	await to.press('Enter');
	await expect(first.getByRole('group', { name: /^Note 1: Point at 40.4, 47.5/ })).toBeVisible();
	await expect(move).toBeFocused();
	await expect(move).toHaveAttribute('aria-expanded', 'false');
	await expect(first.getByRole('textbox', { name: 'Note text' })).toHaveValue(
		'Brigade headquarters.'
	);
	await expect
		.poll(async () => {
			const [lon, lat] = await page.evaluate(() => {
				const el = document.querySelector('.maplibregl-map') as HTMLElement & {
					maplibreMap: import('maplibre-gl').Map;
				};
				const f = el.maplibreMap
					.querySourceFeatures('overlays')
					.find((f) => f.properties.id === 'note-1');
				return (f?.geometry as GeoJSON.Point | undefined)?.coordinates ?? [NaN, NaN];
			});
			return [Math.round(lon! * 10) / 10, Math.round(lat! * 10) / 10];
		})
		.toEqual([47.5, 40.4]);

	// Undo puts it back where it was.
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(first.getByRole('group', { name: /^Note 1: Point at 40.18, 44.51/ })).toBeVisible();

	// A line drawn again on the map: cancelled first (it stays), then drawn with two points.
	await notes.getByRole('radio', { name: 'Line' }).check();
	await notes.getByRole('button', { name: 'Add note' }).click();
	// The drawing tools load on first use (this test's first note was typed): wait, as a person
	// reads "Loading the drawing tools…", until the page asks for the points.
	await expect(notes.getByRole('status')).toContainText('click each point of the line');
	await clickMap(page, 44.0, 41.0);
	await clickMap(page, 46.0, 39.5);
	await clickMap(page, 48.5, 41.0);
	await clickMap(page, 48.5, 41.0);
	const second = noteItem(page, 2);
	await expect(second.getByRole('group', { name: /^Note 2: Line 3 points/ })).toBeVisible();
	await second.getByRole('button', { name: 'Move note 2' }).click();
	await expect(second.getByRole('textbox', { name: /New place/ })).toHaveCount(0);
	await second.getByRole('button', { name: 'Draw again on the map' }).click();
	await expect(notes.getByRole('status')).toContainText('Drawing note 2 again');
	await page.keyboard.press('Escape');
	await expect(notes.getByRole('status')).toContainText('note 2 stays where it was');
	await expect(second.getByRole('group', { name: /^Note 2: Line 3 points/ })).toBeVisible();
	await second.getByRole('button', { name: 'Draw again on the map' }).click();
	await expect(notes.getByRole('status')).toContainText('click each point of the line');
	await clickMap(page, 45.0, 41.2);
	await clickMap(page, 47.0, 41.2);
	await clickMap(page, 47.0, 41.2);
	await expect(second.getByRole('group', { name: /^Note 2: Line 2 points/ })).toBeVisible();
	await expect(notes.getByRole('status')).toContainText('Note 2 drawn again');
	await expect
		.poll(async () => (await drawnNotes(page)).features.filter((f) => f.id === 'note-2').length)
		.toBeGreaterThan(0);
});
