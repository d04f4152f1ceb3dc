/**
 * The 1:50m shape of a country for derive.js in the browser: the basemap's own country file
 * (GEODATA, fetched from the page's origin, as the map fetches it), so the editor derives a border
 * zone from the same shapes as the content build (scripts/content/notes.js reads these files).
 */
import { GEODATA } from '$lib/map/geodata';
import type { Geometry } from 'geojson';

/** Each shape read once per page: the notes are derived again on every edit of a note. */
const read = new Map<string, Promise<never>>();

export function shapeOf(code: string): Promise<never> {
	let shape = read.get(code);
	if (!shape) {
		shape = fetchShape(code);
		read.set(code, shape);
		// A failed read is tried again next time (the network may come back).
		shape.catch(() => read.delete(code));
	}
	return shape;
}

async function fetchShape(code: string): Promise<never> {
	const url = GEODATA.countries[code];
	if (!url) throw new Error(`no 1:50m shape for ${code}`);
	const response = await fetch(url);
	if (!response.ok) throw new Error(`the shape of ${code} could not be read (${response.status})`);
	const file = (await response.json()) as { features?: { geometry?: Geometry }[] };
	const geometry = file.features?.[0]?.geometry;
	if (geometry?.type !== 'Polygon' && geometry?.type !== 'MultiPolygon')
		throw new Error(`the shape of ${code} is not an area`);
	return geometry as never;
}
