import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { mapIdle } from './helpers';

/**
 * The whole path of a briefer, on an article that is not the embedded one: pasted text, countries
 * found and given roles, a note placed and cited, a reload in the middle (nothing lost), two
 * scenes presented, the briefing exported; the draft deleted, the file imported, and the same
 * briefing back (its map exports the very same file).
 */

const TITLE = 'The coup in Niger';
// Written for this test: a real event, in our own words.
const ARTICLE = [
	'On 26 July 2023 soldiers of the presidential guard in Niger detained President Mohamed Bazoum and announced on television that they had taken power in Niamey.',
	'The West African bloc, then chaired by Nigeria, gave the officers a week to restore him and threatened to use force; Nigeria also cut the electricity it sells to its neighbour.',
	'The military governments of Mali and Burkina Faso answered that an intervention in Niger would be treated as a declaration of war against them.',
	'France, which had about 1,500 soldiers in Niger, was told to withdraw them, and its last troops left the country in December 2023.'
].join('\n\n');

test('from pasted text to two scenes presented, through a reload; exported, deleted, imported: the same briefing', async ({
	page
}) => {
	test.setTimeout(240_000);
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));

	await page.goto('./library');
	await page.getByRole('link', { name: 'New briefing' }).click();
	await page.getByRole('textbox', { name: 'Title', exact: true }).fill(TITLE);
	await page.getByLabel('As of').fill('2023-08-10');
	await page.getByRole('textbox', { name: 'Article text' }).fill(ARTICLE);
	await page.getByRole('button', { name: 'Find countries' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Found' })).toHaveText(
		/Found 5 countries in 4 paragraphs/
	);
	for (const name of ['Niger', 'Nigeria', 'Mali', 'Burkina Faso', 'France']) {
		await expect(page.getByRole('checkbox', { name, exact: true })).toBeChecked();
	}
	await page
		.getByRole('combobox', { name: 'Role of Niger', exact: true })
		.selectOption({ label: 'Central' });
	await page.getByRole('combobox', { name: 'Role of Nigeria' }).selectOption({ label: 'Involved' });
	const reasons = page.getByRole('textbox', { name: /^Reason for / });
	for (let i = 0; i < (await reasons.count()); i++) {
		await reasons.nth(i).fill(`Named in the article (${i + 1}).`);
	}

	// A note placed from the keyboard, cited to paragraph 1.
	const notes = page.getByRole('region', { name: 'Notes on the map' });
	const place = notes.getByRole('textbox', { name: 'Place' });
	await place.fill('13.51, 2.11');
	await place.press('Enter');
	const note = page.getByRole('list', { name: 'Notes' }).getByRole('listitem').first();
	await note.getByRole('textbox', { name: 'Note text' }).fill('The guard holds the capital.');
	await note.getByRole('textbox', { name: 'Forces' }).fill('Presidential guard');
	await note.getByRole('textbox', { name: 'Paragraphs' }).fill('1');
	await expect(note).not.toContainText('No provenance yet');

	// A reload in the middle: everything is there.
	await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(TITLE);
	await expect(page.getByRole('combobox', { name: 'Role of Niger', exact: true })).toHaveValue(
		'central'
	);
	await expect(
		page.getByRole('list', { name: 'Notes' }).getByRole('textbox', { name: 'Note text' })
	).toHaveValue('The guard holds the capital.');
	await mapIdle(page);

	// Two scenes, from two views of the map.
	await page.getByRole('button', { name: 'Fit the map to the countries' }).click();
	await mapIdle(page);
	await page.getByRole('button', { name: 'Add scene' }).click();
	await page.getByRole('textbox', { name: 'Title of scene 1' }).fill('The coup');
	await page.getByRole('textbox', { name: 'Speaker notes of scene 1' }).fill('Start in Niamey.');
	const canvas = page.locator('canvas.maplibregl-canvas');
	await canvas.focus();
	await page.keyboard.press('-');
	await mapIdle(page);
	await page.getByRole('button', { name: 'Add scene' }).click();
	await page.getByRole('textbox', { name: 'Title of scene 2' }).fill('The neighbours answer');
	await page
		.getByRole('textbox', { name: 'Speaker notes of scene 2' })
		.fill('Then the region and its threats.');

	// Presented with today's presentation mode.
	await page.getByRole('button', { name: 'Present', exact: true }).click();
	await expect(page).toHaveURL(/\/\?draft=[\w-]+#.*scene=1/);
	await mapIdle(page);
	const counter = page.locator('.counter .count');
	await expect(counter).toHaveText('1 / 2');
	await expect(page.locator('.caption .title')).toHaveText('The coup');
	// The note is on the presented map, as the export will draw it.
	await expect
		.poll(() =>
			page.evaluate(() => {
				const el = document.querySelector('.maplibregl-map') as HTMLElement & {
					briefingMap: {
						content: { overlays: { features: { features: { properties: object }[] } }[] };
					};
				};
				return el.briefingMap.content.overlays.flatMap((o) =>
					o.features.features.map((f) => (f.properties as { noteId?: string }).noteId)
				);
			})
		)
		.toContain('note-1');
	// And drawn: the scene shows the notes' layers (the editor's map showed them when it was
	// captured).
	await expect
		.poll(() =>
			page.evaluate(() => {
				const el = document.querySelector('.maplibregl-map') as HTMLElement & {
					maplibreMap: import('maplibre-gl').Map;
				};
				return el.maplibreMap
					.queryRenderedFeatures()
					.filter((f) => f.source === 'overlays')
					.map((f) => String(f.properties.noteId));
			})
		)
		.toContain('note-1');
	await page.keyboard.press('ArrowRight');
	await expect(counter).toHaveText('2 / 2');
	await expect(page.locator('.caption .title')).toHaveText('The neighbours answer');
	await page.keyboard.press('Escape');
	await expect(counter).toBeHidden();
	await page.getByRole('link', { name: 'Back to the editor' }).click();

	// Exported.
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export briefing' }).click();
	const file = await download;
	const exported = readFileSync(await file.path(), 'utf8');
	const doc = JSON.parse(exported) as {
		id: string;
		title: string;
		scenes: unknown[];
		troopNotes: unknown[];
	};
	expect(doc.title).toBe(TITLE);
	expect(doc.scenes).toHaveLength(2);
	expect(doc.troopNotes).toHaveLength(1);

	// The draft deleted: the library no longer lists it.
	await page.goto('./library');
	const drafts = page.getByRole('region', { name: 'Drafts in this browser' });
	await drafts.getByRole('button', { name: `Delete the draft ${TITLE}` }).click();
	const dialog = page.getByRole('dialog', { name: `Delete the draft “${TITLE}”?` });
	await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
	await dialog.getByRole('button', { name: 'Delete' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Deleted the draft' })).toBeVisible();
	await expect(page.getByRole('link', { name: TITLE })).toHaveCount(0);

	// Imported: the same briefing, whose map exports the very same file.
	await page.getByLabel('Import briefing').setInputFiles({
		name: file.suggestedFilename(),
		mimeType: 'application/json',
		buffer: Buffer.from(exported)
	});
	const entry = page
		.getByRole('region', { name: 'Imported in this browser' })
		.getByRole('listitem')
		.filter({ hasText: TITLE });
	await entry.getByRole('link', { name: TITLE, exact: true }).click();
	await mapIdle(page);
	await page.getByRole('button', { name: 'Niger', exact: true }).click();
	await expect(page.locator('#panel-heading')).toHaveText('Niger');
	const again = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export briefing' }).click();
	const back = readFileSync(await (await again).path(), 'utf8');
	expect(JSON.parse(back)).toEqual(JSON.parse(exported));
	expect(errors).toEqual([]);
});
