/**
 * The geodata files. The large ones (the world, the 1:50m countries) are hashed assets fetched
 * from the page's own origin; the overlays are small (a few KB each) and are bundled, so the map
 * and the keyboard list of marks read the same data without a second request.
 */
import world from '../../../geodata/world.geojson?url';
import labels from '../../../geodata/labels.geojson?url';
import bounds from '../../../geodata/bounds.json';
import names from '../../../geodata/names.json';
import distances from '../../../geodata/distances.json';
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

const overlayFiles = import.meta.glob('../../../geodata/overlays/*.geojson', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

/** Each overlay's features by overlay id (the file name: `troops-article`, `route`, ...). */
export const OVERLAY_DATA: Record<string, GeoJSON.FeatureCollection> = {};
for (const [path, raw] of Object.entries(overlayFiles)) {
	const id = /([\w-]+)\.geojson$/.exec(path)?.[1];
	if (id) OVERLAY_DATA[id] = JSON.parse(raw) as GeoJSON.FeatureCollection;
}

export const GEODATA: Geodata = { world, labels, overlayData: OVERLAY_DATA, countries };

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

/** Distances computed when the geodata is built (e.g. Kyiv to the nearest point of a border). */
export interface BorderDistance {
	from: string;
	fromIso3: string;
	to: string;
	toName: string;
	km: number;
	provenance: string;
}

export const BORDER_DISTANCES = distances as BorderDistance[];

/** The bounds of an overlay's feature (a mark: a point, a line), by overlay and feature id. */
export function markBounds(overlay: string, id: string): Bounds | undefined {
	const feature = OVERLAY_DATA[overlay]?.features.find((f) => String(f.properties?.id) === id);
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
