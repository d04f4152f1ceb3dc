import { expect, test, type Page } from './fixtures';
import { mapIdle } from './helpers';

/**
 * The map follows the document: a briefing changed in place (a country's role, a country added,
 * a note's marks removed) is redrawn without rebuilding the map or moving the camera. The page's
 * map container carries the map (`briefingMap`, `maplibreMap`) for tests, as MapLibre's own
 * placement is not in the DOM.
 */

interface Probe {
	same: boolean;
	center: [number, number];
	zoom: number;
	fill: Record<string, { coarse: string | null; fine: string | null }>;
	layers: string[];
	overlayIds: string[];
	routeVisibility: unknown;
}

async function probe(page: Page): Promise<Probe> {
	return page.evaluate(() => {
		const el = document.querySelector('.maplibregl-map') as HTMLElement & {
			maplibreMap: import('maplibre-gl').Map & { marker?: string };
		};
		const m = el.maplibreMap;
		const c = m.getCenter();
		// Far out, the role the roles' layers draw the country in (its feature-state), or null;
		// close up, its own fill's.
		const fill = (iso3: string) => {
			const own = `country-${iso3}-fill-50m`;
			const state = m.getFeatureState({ source: 'world', id: iso3 }) as { role?: string | null };
			return {
				coarse: state.role ?? null,
				fine: m.getLayer(own) ? (m.getLayer(own)!.metadata as { role: string }).role : null
			};
		};
		return {
			same: m.marker === 'before',
			center: [c.lng, c.lat] as [number, number],
			zoom: m.getZoom(),
			fill: { RUS: fill('RUS'), UKR: fill('UKR'), DEU: fill('DEU') },
			layers: m.getStyle().layers.map((l) => l.id),
			overlayIds: m
				.querySourceFeatures('overlays')
				.map((f) => String(f.properties?.id))
				.filter((id, i, all) => all.indexOf(id) === i),
			routeVisibility: m.getLayoutProperty('route-line', 'visibility')
		};
	});
}

test('a changed briefing is redrawn in place: roles, countries and marks, camera kept', async ({
	page
}) => {
	await page.goto('./#map=4/50/32');
	await mapIdle(page);
	// The person has hidden a layer: it stays hidden.
	await page.getByRole('checkbox', { name: 'Diplomatic route' }).uncheck();
	await mapIdle(page);
	const before = await page.evaluate(() => {
		const el = document.querySelector('.maplibregl-map') as HTMLElement & {
			maplibreMap: { marker?: string };
		};
		el.maplibreMap.marker = 'before';
		return null;
	});
	expect(before).toBeNull();
	const start = await probe(page);
	expect(start.fill.RUS).not.toEqual(start.fill.UKR);
	for (const iso3 of ['RUS', 'UKR']) {
		expect(start.fill[iso3]!.coarse, iso3).toEqual(start.fill[iso3]!.fine);
		expect(start.fill[iso3]!.fine, iso3).toBeTruthy();
	}
	expect(start.fill.DEU).toEqual({ coarse: null, fine: null });
	expect(start.overlayIds).toContain('ru-maxar-january-0');

	await page.evaluate(() => {
		type Content = import('../../src/lib/map/briefing-map').MapContent;
		const el = document.querySelector('.maplibregl-map') as HTMLElement & {
			briefingMap: { content: Content; update(c: Content): void };
		};
		const bm = el.briefingMap;
		const content = bm.content;
		const ukr = content.countries.find((c) => c.iso3 === 'UKR')!;
		bm.update({
			...content,
			// Russia now has Ukraine's role; Germany joins, in Russia's old role.
			countries: [
				...content.countries.map((c) => (c.iso3 === 'RUS' ? { ...c, role: ukr.role } : c)),
				{ iso3: 'DEU', role: content.countries.find((c) => c.iso3 === 'RUS')!.role }
			],
			// One note's marks are gone.
			overlays: content.overlays.map((o) => ({
				...o,
				features: {
					...o.features,
					features: o.features.features.filter(
						(f) => !String(f.properties.id).startsWith('ru-maxar-january')
					)
				}
			}))
		});
	});
	await mapIdle(page);
	const after = await probe(page);

	expect(after.same, 'the same map, not a new one').toBe(true);
	expect(after.center[0]).toBeCloseTo(start.center[0], 6);
	expect(after.center[1]).toBeCloseTo(start.center[1], 6);
	expect(after.zoom).toBeCloseTo(start.zoom, 6);
	expect(after.fill.RUS).toEqual(start.fill.UKR);
	expect(after.fill.DEU).toEqual(start.fill.RUS);
	expect(after.layers).toContain('country-DEU-fill-50m');
	expect(after.overlayIds).not.toContain('ru-maxar-january-0');
	expect(after.overlayIds).toContain('ru-buildup');
	expect(after.routeVisibility).toBe('none');
	await expect(page.getByRole('checkbox', { name: 'Diplomatic route' })).not.toBeChecked();
});

test('a role changed redraws only what changed: not the marks, the patterns or the world’s tiles', async ({
	page
}) => {
	await page.goto('./#map=4/50/32');
	await mapIdle(page);
	const seen = await page.evaluate(async () => {
		type Content = import('../../src/lib/map/briefing-map').MapContent;
		const el = document.querySelector('.maplibregl-map') as HTMLElement & {
			maplibreMap: import('maplibre-gl').Map;
			briefingMap: { content: Content; update(c: Content): void };
		};
		const m = el.maplibreMap;
		const bm = el.briefingMap;
		const seen = { overlaysLoading: 0, worldLoading: 0, imagesAdded: 0, imagesRemoved: 0 };
		m.on('sourcedataloading', (e) => {
			const id = (e as { sourceId?: string }).sourceId;
			if (id === 'overlays') seen.overlaysLoading++;
			if (id === 'world') seen.worldLoading++;
		});
		const addImage = m.addImage.bind(m);
		const removeImage = m.removeImage.bind(m);
		m.addImage = ((...args: Parameters<typeof addImage>) => {
			seen.imagesAdded++;
			return addImage(...args);
		}) as typeof m.addImage;
		m.removeImage = ((id: string) => {
			seen.imagesRemoved++;
			return removeImage(id);
		}) as typeof m.removeImage;
		const content = bm.content;
		const ukr = content.countries.find((c) => c.iso3 === 'UKR')!;
		// Russia takes Ukraine's role; the looks and the marks are the very same.
		bm.update({
			...content,
			countries: content.countries.map((c) => (c.iso3 === 'RUS' ? { ...c, role: ukr.role } : c))
		});
		await new Promise((done) => m.once('idle', done));
		return seen;
	});
	// Nor are the world's tiles cut again: the country's role is its feature-state.
	expect(seen).toEqual({ overlaysLoading: 0, worldLoading: 0, imagesAdded: 0, imagesRemoved: 0 });
});
