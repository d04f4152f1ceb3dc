// Camera bounds of a country's mainland, and a label point, from a repaired geometry (the geodata
// build's bounds and labels; the label point of a derived zone, in Node or in the browser).

import { area } from '@turf/area';
import { featureCollection, polygon as turfPolygon } from '@turf/helpers';
import { intersect } from '@turf/intersect';
// @ts-expect-error polylabel 2 ships no type declarations
import polylabelUntyped from 'polylabel';
import { at, polygonsOf, round } from './rings.js';

/** @typedef {import('./rings.js').Polygonal} Polygonal */
/** @typedef {import('./rings.js').PolygonCoords} PolygonCoords */
/** @typedef {[number, number, number, number]} BBox [west, south, east, north] */

/** @type {(polygon: number[][][], precision?: number) => number[]} */
const polylabel = polylabelUntyped;

/** Latitude limit of camera bounds: Web Mercator cannot show the poles. */
export const MAX_LAT = 85;

/**
 * The mainland rule: start from the largest polygon (by geodesic area) and add, until nothing
 * changes, every polygon of at least `minShare` of its area whose bounding box lies within
 * `maxGapKm` of the bounds gathered so far (Corsica joins France, Sicily Italy, Hokkaido Japan;
 * French Guiana, Alaska, Svalbard and Kaliningrad stay out).
 */
export const MAINLAND = Object.freeze({ minShare: 0.01, maxGapKm: 300 });

/**
 * @param {PolygonCoords} poly
 * @returns {BBox}
 */
export function polygonBBox(poly) {
	let w = Infinity;
	let s = Infinity;
	let e = -Infinity;
	let n = -Infinity;
	for (const p of at(poly, 0)) {
		const x = at(p, 0);
		const y = at(p, 1);
		w = Math.min(w, x);
		e = Math.max(e, x);
		s = Math.min(s, y);
		n = Math.max(n, y);
	}
	return [w, s, e, n];
}

/**
 * Rough distance in km between two bounding boxes (0 when they overlap); no wrapping.
 * @param {BBox} a
 * @param {BBox} b
 */
export function bboxGapKm(a, b) {
	const dx = Math.max(0, b[0] - a[2], a[0] - b[2]);
	const dy = Math.max(0, b[1] - a[3], a[1] - b[3]);
	const midLat = (a[1] + a[3] + b[1] + b[3]) / 4;
	const kmPerDeg = 111.195;
	return Math.hypot(dx * kmPerDeg * Math.cos((midLat * Math.PI) / 180), dy * kmPerDeg);
}

/** @param {PolygonCoords} poly */
export const polygonArea = (poly) => area(turfPolygon(poly));

/**
 * Polygons of the mainland, largest first.
 * @param {Polygonal} geometry
 * @param {{ minShare: number, maxGapKm: number }} [rule]
 * @returns {PolygonCoords[]}
 */
export function mainlandPolygons(geometry, rule = MAINLAND) {
	const polys = polygonsOf(geometry).map((p) => ({ p, a: polygonArea(p), b: polygonBBox(p) }));
	polys.sort((x, y) => y.a - x.a);
	const largest = at(polys, 0);
	const chosen = [largest];
	/** @type {BBox} */
	let box = [...largest.b];
	const candidates = polys.slice(1).filter((x) => x.a >= rule.minShare * largest.a);
	let changed = true;
	while (changed) {
		changed = false;
		for (const c of candidates) {
			if (chosen.includes(c) || bboxGapKm(box, c.b) > rule.maxGapKm) continue;
			chosen.push(c);
			box = [
				Math.min(box[0], c.b[0]),
				Math.min(box[1], c.b[1]),
				Math.max(box[2], c.b[2]),
				Math.max(box[3], c.b[3])
			];
			changed = true;
		}
	}
	return chosen.map((c) => c.p);
}

/**
 * [west, south, east, north] of the mainland, latitudes clamped to +-MAX_LAT. Longitudes stay in
 * [-180, 180] and west < east: a mainland split by the antimeridian (Russia) ends at 180.
 * @param {Polygonal} geometry
 * @returns {BBox}
 */
export function mainlandBounds(geometry) {
	const boxes = mainlandPolygons(geometry).map(polygonBBox);
	const clampLat = (/** @type {number} */ y) => Math.max(-MAX_LAT, Math.min(MAX_LAT, y));
	return [
		round(Math.min(...boxes.map((b) => b[0]))),
		round(clampLat(Math.min(...boxes.map((b) => b[1])))),
		round(Math.max(...boxes.map((b) => b[2]))),
		round(clampLat(Math.max(...boxes.map((b) => b[3]))))
	];
}

/** @param {number} lat */
const mercY = (lat) => {
	const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
	return Math.log(Math.tan(Math.PI / 4 + phi / 2));
};
/** @param {number} y */
const invMercY = (y) => ((2 * Math.atan(Math.exp(y)) - Math.PI / 2) * 180) / Math.PI;

/**
 * A label point: the pole of inaccessibility (polylabel) of the largest polygon, computed in Web
 * Mercator so that the label sits visually inside the shape on the map.
 * @param {Polygonal} geometry
 * @returns {[number, number]} [lon, lat]
 */
export function labelPoint(geometry) {
	const largest = at(mainlandPolygons(geometry, { minShare: 1, maxGapKm: 0 }), 0);
	const projected = largest.map((ring) =>
		ring.map((p) => [(at(p, 0) * Math.PI) / 180, mercY(at(p, 1))])
	);
	const best = polylabel(projected, 0.0002);
	return [round((at(best, 0) * 180) / Math.PI), round(invMercY(at(best, 1)))];
}

/** A country wider than this (degrees of longitude, its largest polygon) is named more than once. */
export const WIDE_DEG = 60;
/** About how wide (degrees) each part of a wide country named on its own is. */
const PART_DEG = 40;

/**
 * Label points: the main one (labelPoint) first, then, for a country whose largest polygon spans
 * more than WIDE_DEG of longitude (Russia, Canada, the United States, China...), the pole of
 * inaccessibility of the southern half of each band of about PART_DEG that lies well away from the
 * main point. Russia's
 * main point is in Siberia: a map of Europe then shows its name on the European part too.
 * @param {Polygonal} geometry
 * @returns {[number, number][]} [lon, lat] each, the main one first
 */
export function labelPoints(geometry) {
	const main = labelPoint(geometry);
	const largest = at(mainlandPolygons(geometry, { minShare: 1, maxGapKm: 0 }), 0);
	const [w, s, e, n] = polygonBBox(largest);
	// (Antarctica, all below 60 degrees south, is never a story's subject.)
	if (e - w <= WIDE_DEG || n < -60) return [main];
	const parts = Math.round((e - w) / PART_DEG);
	const width = (e - w) / parts;
	/** @type {[number, number][]} */
	const points = [main];
	for (let i = 0; i < parts; i++) {
		const west = w + i * width;
		const east = west + width;
		// The band holding the main point (or next to it) is named by the main point already.
		if (main[0] >= west - width / 2 && main[0] <= east + width / 2) continue;
		// Its southern half: a far-northern country is seen on maps of its southern neighbours
		// (European Russia's pole of inaccessibility, near 60 degrees north, is off a map of Ukraine).
		const mid = (s + n) / 2;
		const band = turfPolygon([
			[
				[west, s - 1],
				[east, s - 1],
				[east, mid],
				[west, mid],
				[west, s - 1]
			]
		]);
		const clipped = intersect(featureCollection([turfPolygon(largest), band]));
		if (!clipped) continue;
		const pieces = polygonsOf(clipped.geometry).sort((a, b) => polygonArea(b) - polygonArea(a));
		const piece = pieces[0];
		// A sliver (a coast, a peninsula) is no place for a name.
		if (!piece || polygonArea(piece) < (0.15 * polygonArea(largest)) / parts) continue;
		points.push(labelPoint({ type: 'Polygon', coordinates: piece }));
	}
	return points;
}
