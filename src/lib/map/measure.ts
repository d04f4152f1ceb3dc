/**
 * The measure tool's geometry: the great-circle distance between two points a person clicked, and
 * the arc to draw between them. Turf in the browser is for exactly this, what depends on the user
 * (derived geometry has one home); everything else is computed when the geodata is built.
 */
import distance from '@turf/distance';
import greatCircle from '@turf/great-circle';

export type LonLat = [lon: number, lat: number];

export interface Measurement {
	points: LonLat[];
	/** Great-circle distance in km, once two points are set. */
	km: number | null;
	/** What the map draws: the points, and the arc between them. */
	features: GeoJSON.FeatureCollection;
}

export function measure(points: readonly LonLat[]): Measurement {
	const features: GeoJSON.Feature[] = points.map((p) => ({
		type: 'Feature',
		properties: {},
		geometry: { type: 'Point', coordinates: [...p] }
	}));
	let km: number | null = null;
	const [a, b] = points;
	if (a && b) {
		km = distance(a, b, { units: 'kilometers' });
		const arc =
			km > 1
				? greatCircle(a, b, { npoints: 64 }).geometry
				: { type: 'LineString' as const, coordinates: [a, b] };
		features.push({ type: 'Feature', properties: {}, geometry: arc });
	}
	return { points: [...points], km, features: { type: 'FeatureCollection', features } };
}

/** "2,487 km", rounded to whole kilometres (what a map scale can support). */
export function formatKm(km: number): string {
	return `${Math.round(km).toLocaleString('en-GB')} km`;
}
