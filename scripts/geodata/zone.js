// Areas derived from a border: "within widthKm of the border, on this side of it".
//
// Buffering a whole country (turf.buffer of Russia) gives a wrong shape; so the zone is the buffer
// of the border LINE, clipped to the regions on the inner side.

import * as topojson from 'topojson-client';
import { buffer } from '@turf/buffer';
import { intersect } from '@turf/intersect';
import { feature, featureCollection } from '@turf/helpers';
import { normalizeGeometry, polygonsOf, toGeometry } from './rings.js';

/** @typedef {import('topojson-specification').Topology} Topology */
/** @typedef {import('topojson-specification').GeometryObject<import('geojson').GeoJsonProperties>} GeometryObject */
/** @typedef {import('./rings.js').Polygonal} Polygonal */
/** @typedef {import('./rings.js').PolygonCoords} PolygonCoords */

/**
 * The border between two groups of topology geometry objects: every arc that one object of
 * `inner` shares with one object of `outer`.
 * @param {Topology} topology
 * @param {GeometryObject[]} inner
 * @param {GeometryObject[]} outer
 * @returns {import('geojson').MultiLineString}
 */
export function sharedBorder(topology, inner, outer) {
	/** @type {Set<unknown>} */
	const a = new Set(inner);
	/** @type {Set<unknown>} */
	const b = new Set(outer);
	/** @type {import('topojson-specification').GeometryCollection} */
	const collection = {
		type: 'GeometryCollection',
		geometries: /** @type {any[]} */ ([...inner, ...outer])
	};
	const line = topojson.mesh(
		topology,
		collection,
		(x, y) => x !== y && ((a.has(x) && b.has(y)) || (a.has(y) && b.has(x)))
	);
	if (line.coordinates.length === 0) throw new Error('the regions share no border');
	return line;
}

/**
 * The part of `regions` lying within `widthKm` of `border`.
 * @param {import('geojson').MultiLineString} border
 * @param {Polygonal[]} regions
 * @param {number} widthKm
 * @returns {Polygonal}
 */
export function borderZone(border, regions, widthKm) {
	if (!(widthKm > 0)) throw new Error(`widthKm must be positive, got ${widthKm}`);
	const buffered = buffer(feature(border), widthKm, { units: 'kilometers', steps: 16 });
	if (!buffered) throw new Error('empty buffer');
	/** @type {PolygonCoords[]} */
	const parts = [];
	for (const region of regions) {
		const piece = intersect(featureCollection([buffered, feature(region)]));
		if (piece) parts.push(...polygonsOf(piece.geometry));
	}
	return normalizeGeometry(toGeometry(parts));
}
