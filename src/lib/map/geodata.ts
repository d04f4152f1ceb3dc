/**
 * The basemap's files, the same whatever briefing is open: the world, its labels, and the 1:50m
 * countries, hashed assets fetched from the page's own origin when needed (only their addresses
 * are bundled); the countries' camera bounds and names are small and bundled. A briefing's own
 * marks come with its document (its `overlays`).
 */
import world from '../../../geodata/world.geojson?url';
import labels from '../../../geodata/labels.geojson?url';
import bounds from '../../../geodata/bounds.json';
import names from '../../../geodata/names.json';
import type { Geodata } from './style';

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

export const GEODATA: Geodata = { world, labels, countries };

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

/** The bounds of an overlay's feature (a mark: a point, a line), by overlay and feature id. */
export function markBounds(
	overlays: readonly { id: string; features: { features: readonly GeoJSON.Feature[] } }[],
	overlay: string,
	id: string
): Bounds | undefined {
	const feature = overlays
		.find((o) => o.id === overlay)
		?.features.features.find((f) => String(f.properties?.id) === id);
	if (!feature) return undefined;
	const b: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
	const visit = (c: unknown): void => {
		if (Array.isArray(c) && typeof c[0] === 'number') {
			const [lon, lat] = c as [number, number];
			b[0] = Math.min(b[0], lon);
			b[1] = Math.min(b[1], lat);
			b[2] = Math.max(b[2], lon);
			b[3] = Math.max(b[3], lat);
		} else if (Array.isArray(c)) c.forEach(visit);
	};
	const g = feature.geometry;
	if (g.type === 'GeometryCollection')
		g.geometries.forEach((x) => 'coordinates' in x && visit(x.coordinates));
	else visit(g.coordinates);
	return Number.isFinite(b[0]) ? b : undefined;
}
