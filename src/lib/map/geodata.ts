/**
 * The geodata files, imported as hashed assets of the build: served from the page's own origin,
 * cached for good, and listed here once so the style and the benchmark agree on what loads.
 */
import world from '../../../geodata/world.geojson?url';
import labels from '../../../geodata/labels.geojson?url';
import crimea from '../../../geodata/overlays/crimea.geojson?url';
import troops from '../../../geodata/overlays/troops-article.geojson?url';
import bounds from '../../../geodata/bounds.json';
import names from '../../../geodata/names.json';
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
export const COUNTRY_NAMES: CountryName[] = Object.entries(names as Record<string, string>).map(
	([iso3, name]) => ({ iso3, name })
);
