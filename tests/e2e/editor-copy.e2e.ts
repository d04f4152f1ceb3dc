import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { mapIdle } from './helpers';

/**
 * "Edit a copy" in the library: a briefing opened in the editor as a new draft. Unchanged, it
 * exports as the same briefing; changed, the export carries the change and the library's
 * briefing is left as it was until the new file is imported.
 */

// The second briefing of the suite (not the embedded story): imported first, as a briefer would.
const FIXTURE = readFileSync('tests/fixtures/gerd-2023.briefing.json', 'utf8');
const fixture = JSON.parse(FIXTURE) as {
	id: string;
	title: string;
	countries: { iso3: string; roles: { role: string }[] }[];
	roles: { id: string; label: string }[];
	frame: { bounds: [number, number, number, number] };
	overlays: { id: string; derived?: unknown }[];
};

test('Edit a copy opens a briefing as a draft that exports back as the same briefing', async ({
	page
}) => {
	await page.goto('./library');
	await page.getByLabel('Import briefing').setInputFiles({
		name: `${fixture.id}.briefing.json`,
		mimeType: 'application/json',
		buffer: Buffer.from(FIXTURE)
	});
	await page.getByRole('link', { name: `Edit a copy of ${fixture.title}` }).click();

	// The editor holds the briefing: its title, its article, its countries with their roles.
	await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(
		fixture.title
	);
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
	await expect(page).toHaveURL(/\/editor\?draft=/);
	const first = fixture.countries[0]!;
	const roleOf = (id: string) => fixture.roles.find((r) => r.id === id)!.label;
	const select = page.getByRole('combobox', { name: new RegExp(`^Role of `) }).first();
	await expect(select).toBeVisible();
	await expect(select.locator('option:checked')).toHaveText(roleOf(first.roles[0]!.role));
	await mapIdle(page);
	// The map beside shows the briefing's own frame, not the world.
	const [w, s, e, n] = fixture.frame.bounds;
	const view = () =>
		page.evaluate(() => {
			const el = document.querySelector('.maplibregl-map') as HTMLElement & {
				maplibreMap: import('maplibre-gl').Map;
			};
			const c = el.maplibreMap.getCenter();
			return { lon: c.lng, lat: c.lat, zoom: el.maplibreMap.getZoom() };
		});
	await expect
		.poll(async () => {
			const v = await view();
			return v.lon > w && v.lon < e && v.lat > s && v.lat < n && v.zoom > 2.5;
		})
		.toBe(true);

	// Its overlays are drawn too, its own (a line, places) and its notes'.
	await expect
		.poll(() =>
			page.evaluate(() => {
				const el = document.querySelector('.maplibregl-map') as HTMLElement & {
					maplibreMap: import('maplibre-gl').Map;
				};
				const ids = el.maplibreMap
					.getStyle()
					.layers.map((l) => (l.metadata as { overlay?: string } | undefined)?.overlay);
				return [...new Set(ids.filter(Boolean))].sort();
			})
		)
		.toEqual(expect.arrayContaining(fixture.overlays.map((o) => o.id)));

	// Exported unchanged: the same briefing.
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export briefing' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toBe(`${fixture.id}.briefing.json`);
	const exported = JSON.parse(readFileSync(await file.path(), 'utf8'));
	const original = JSON.parse(FIXTURE);
	delete exported.$schema;
	delete original.$schema;
	expect(exported).toEqual(original);

	// A reload reopens the draft, not a second copy.
	await page.reload();
	await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(
		fixture.title
	);
	await page.goto('./library');
	await expect(
		page.getByRole('region', { name: 'Drafts in this browser' }).getByRole('listitem')
	).toHaveCount(1);
});

test('a briefing that cannot be found is said, and a new draft starts', async ({ page }) => {
	await page.goto('./editor?from=no-such-briefing');
	const alert = page.getByRole('alert').filter({ hasText: 'could not be opened' });
	await expect(alert).toContainText('no-such-briefing');
	await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('');
});
