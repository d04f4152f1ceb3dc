/**
 * The geodata files, imported as hashed assets of the build: served from the page's own origin,
 * cached for good, and listed here once so the style and the benchmark agree on what loads.
 */
import world from '../../../geodata/world.geojson?url';
import labels from '../../../geodata/labels.geojson?url';
import crimea from '../../../geodata/overlays/crimea.geojson?url';
import troops from '../../../geodata/overlays/troops-article.geojson?url';
import bounds from '../../../geodata/bounds.json';
import type { GeodataUrls } from './style';

const countryFiles = import.meta.glob('../../../geodata/countries/*.geojson', {
	query: '?url',
	import: 'default',
	eager: true
}) as Record<string, string>;

const countries: Record<string, string> = {};
for (const [path, url] of Object.entries(countryFiles)) {
	const iso3 = /([A-Z]{3})\.geojson$/.exec(path)?.[1];
	if (iso3) countries[iso3] = url;
}

export const GEODATA_URLS: GeodataUrls = { world, labels, crimea, troops, countries };

export type Bounds = [west: number, south: number, east: number, north: number];

/** Mainland camera bounds per ISO alpha-3 (France without its overseas parts, Russia east to 180°). */
export const MAINLAND_BOUNDS = bounds as unknown as Record<string, Bounds>;

export interface CountryName {
	iso3: string;
	name: string;
}

/** Every country of the basemap with its modern short English name, sorted by name. */
export async function loadCountryNames(fetcher: typeof fetch = fetch): Promise<CountryName[]> {
	const res = await fetcher(world);
	if (!res.ok) throw new Error(`Could not load the country list (${res.status})`);
	const fc = (await res.json()) as { features: { properties: { iso3?: string; name?: string } }[] };
	const seen = new Set<string>();
	const names: CountryName[] = [];
	for (const f of fc.features) {
		const { iso3, name } = f.properties;
		if (!iso3 || !name || seen.has(iso3)) continue;
		seen.add(iso3);
		names.push({ iso3, name });
	}
	return names.sort((a, b) => a.name.localeCompare(b.name, 'en'));
}
