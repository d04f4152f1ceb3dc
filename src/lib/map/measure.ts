/**
 * The measure tool's geometry: the great-circle distance between two points a person clicked, and
 * the arc to draw between them (everything else is computed when the geodata is built). The two
 * formulas are Turf's (`@turf/distance`, `@turf/great-circle`, which the unit tests compare with),
 * written out here: the packages, and the helpers they bring, were 2.5 KB of the map's first load
 * for a tool used after it.
 */
import { formatNumber } from '$lib/briefing/text.js';

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
		km = distance(a, b);
		const arc =
			km > 1 ? greatCircle(a, b, 64) : { type: 'LineString' as const, coordinates: [a, b] };
		features.push({ type: 'Feature', properties: {}, geometry: arc });
	}
	return { points: [...points], km, features: { type: 'FeatureCollection', features } };
}

/** "2,487 km", rounded to whole kilometres (what a map scale can support). */
export function formatKm(km: number): string {
	return `${formatNumber(Math.round(km))} km`;
}

const RAD = Math.PI / 180;
/** The Earth's mean radius in km, as Turf has it. */
const EARTH_KM = 6371.0088;

/** Degrees to radians as Turf does it (within one turn first). */
const radians = (degrees: number) => ((degrees % 360) * Math.PI) / 180;

/** The great-circle (haversine) distance in km, as `@turf/distance` computes it. */
export function distance([lon1, lat1]: LonLat, [lon2, lat2]: LonLat): number {
	const a =
		Math.sin(radians(lat2 - lat1) / 2) ** 2 +
		Math.sin(radians(lon2 - lon1) / 2) ** 2 * Math.cos(radians(lat1)) * Math.cos(radians(lat2));
	return 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) * EARTH_KM;
}

/** To 6 decimals, as the arc's points are given. */
const round6 = (n: number) => Math.round((n + Number.EPSILON) * 1e6) / 1e6;

/**
 * `npoints` points along the great circle from `a` to `b`, as `@turf/great-circle` draws it (with
 * its default 10° dateline offset): a line that crosses the antimeridian in small steps is cut
 * there into two, so that it is not drawn back across the whole world.
 */
export function greatCircle(
	a: LonLat,
	b: LonLat,
	npoints: number
): GeoJSON.LineString | GeoJSON.MultiLineString {
	const [x1, y1, x2, y2] = [a[0] * RAD, a[1] * RAD, b[0] * RAD, b[1] * RAD];
	const g =
		2 *
		Math.asin(
			Math.sqrt(
				Math.sin((y1 - y2) / 2) ** 2 + Math.cos(y1) * Math.cos(y2) * Math.sin((x1 - x2) / 2) ** 2
			)
		);
	if (g === Math.PI || Number.isNaN(g)) {
		throw new Error(`no single great circle between ${a.join(',')} and ${b.join(',')}`);
	}
	const points: LonLat[] = [];
	for (let i = 0; i < npoints; i++) {
		const f = i / (npoints - 1);
		const A = Math.sin((1 - f) * g) / Math.sin(g);
		const B = Math.sin(f * g) / Math.sin(g);
		const x = A * Math.cos(y1) * Math.cos(x1) + B * Math.cos(y2) * Math.cos(x2);
		const y = A * Math.cos(y1) * Math.sin(x1) + B * Math.cos(y2) * Math.sin(x2);
		const z = A * Math.sin(y1) + B * Math.sin(y2);
		points.push([Math.atan2(y, x) / RAD, Math.atan2(z, Math.sqrt(x * x + y * y)) / RAD]);
	}
	// The dateline: a jump of more than 350° between neighbours from within 10° of it on one side
	// to within 10° on the other, while every other step is under 10°, starts a new line.
	let crosses = false;
	let largestStep = 0;
	for (let i = 1; i < points.length; i++) {
		const [prev, lon] = [points[i - 1]![0], points[i]![0]];
		const step = Math.abs(lon - prev);
		if (step > 350 && ((lon > 170 && prev < -170) || (prev > 170 && lon < -170))) crosses = true;
		else if (step > largestStep) largestStep = step;
	}
	const lines: LonLat[][] = [[]];
	for (let i = 0; i < points.length; i++) {
		const point = points[i]!;
		if (crosses && largestStep < 10 && i > 0 && Math.abs(point[0] - points[i - 1]![0]) > 350) {
			lines.push([]);
		}
		lines.at(-1)!.push([round6(point[0]), round6(point[1])]);
	}
	return lines.length === 1
		? { type: 'LineString', coordinates: lines[0]! }
		: { type: 'MultiLineString', coordinates: lines };
}
