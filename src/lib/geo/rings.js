// Ring repair for world-atlas shapes used as plain GeoJSON in a Web Mercator map.
//
// world-atlas cuts shapes for d3's sphere: a ring that crosses the antimeridian jumps from +180 to
// -180 (Russia's Chukotka, Fiji), points on the cut are stored as -180 in rings that lie on the
// +180 side, and Antarctica's ring runs once round the pole and closes with an edge from +180 to
// -180. As planar GeoJSON those edges draw stripes across the whole map. The repair here:
//   1. unwraps each ring so that consecutive longitudes differ by at most 180 degrees;
//   2. closes a ring that winds round a pole (it ends 360 degrees from where it starts) along the
//      pole's latitude, in steps of 90 degrees of longitude;
//   3. clips the unwrapped polygon into the windows [-180 + 360k, 180 + 360k] and shifts each part
//      back into [-180, 180] (so Chukotka's tip becomes its own polygon at -180..-169);
//   4. rounds to DECIMALS, drops repeated points, spikes and degenerate rings, removes any
//      self-intersection left (polyclip's non-zero rule), and winds rings as RFC 7946 asks
//      (exterior counter-clockwise, holes clockwise).
// Every function returns new arrays; inputs are never mutated.

import { intersect } from '@turf/intersect';
import { union } from '@turf/union';
import { kinks } from '@turf/kinks';
import { featureCollection, polygon } from '@turf/helpers';

/** @typedef {import('geojson').Position} Position */
/** @typedef {Position[]} Ring */
/** @typedef {Ring[]} PolygonCoords */
/** @typedef {import('geojson').Polygon | import('geojson').MultiPolygon} Polygonal */

/** Decimals kept in the output: 1e-4 degree is at most 11 m, far below the 50m/110m data's step. */
export const DECIMALS = 4;

/**
 * @param {number} x
 * @param {number} [decimals]
 */
export function round(x, decimals = DECIMALS) {
	const f = 10 ** decimals;
	const r = Math.round(x * f) / f;
	return r === 0 ? 0 : r; // no -0 in the output
}

/**
 * @template T
 * @param {T[]} arr
 * @param {number} i
 * @returns {T}
 */
export function at(arr, i) {
	const v = arr[i < 0 ? arr.length + i : i];
	if (v === undefined) throw new Error(`index ${i} out of range (length ${arr.length})`);
	return v;
}

/** @param {Position} p */
const xy = (p) => /** @type {[number, number]} */ ([at(p, 0), at(p, 1)]);

/**
 * Planar signed area (shoelace, in square degrees): > 0 when the ring runs counter-clockwise.
 * @param {Ring} ring
 */
export function signedArea(ring) {
	let s = 0;
	for (let i = 0; i + 1 < ring.length; i++) {
		const [x1, y1] = xy(at(ring, i));
		const [x2, y2] = xy(at(ring, i + 1));
		s += x1 * y2 - x2 * y1;
	}
	return s / 2;
}

/**
 * Largest jump in longitude between consecutive points of a ring.
 * @param {Ring} ring
 */
export function maxLongitudeStep(ring) {
	let m = 0;
	for (let i = 0; i + 1 < ring.length; i++) {
		m = Math.max(m, Math.abs(at(at(ring, i + 1), 0) - at(at(ring, i), 0)));
	}
	return m;
}

/**
 * Shift longitudes by multiples of 360 so that consecutive points are at most 180 degrees apart.
 * @param {Ring} ring
 * @returns {Ring}
 */
export function unwrapRing(ring) {
	/** @type {Ring} */
	const out = [];
	/** @type {number | undefined} */
	let prev;
	for (const p of ring) {
		let [x, y] = xy(p);
		if (prev !== undefined) {
			while (x - prev > 180) x -= 360;
			while (x - prev < -180) x += 360;
		}
		out.push([x, y]);
		prev = x;
	}
	return out;
}

/**
 * Close an unwrapped ring. A ring that ends 360 degrees east or west of its start winds round a
 * pole: it is closed along the pole's latitude (the pole on the side of the ring's mean latitude).
 * @param {Ring} ring an unwrapped ring whose last point repeats the first (modulo 360)
 * @returns {Ring}
 */
export function closeRing(ring) {
	const [x0, y0] = xy(at(ring, 0));
	const [x1, y1] = xy(at(ring, -1));
	const dx = x1 - x0;
	if (Math.abs(dx) < 1e-9 && Math.abs(y1 - y0) < 1e-9) {
		return [...ring.slice(0, -1), [x0, y0]];
	}
	if (Math.abs(Math.abs(dx) - 360) > 1e-6 || Math.abs(y1 - y0) > 1e-9) {
		throw new Error(`ring is not closed: starts at ${x0},${y0} and ends at ${x1},${y1}`);
	}
	const meanLat = ring.reduce((s, p) => s + at(p, 1), 0) / ring.length;
	const pole = meanLat < 0 ? -90 : 90;
	/** @type {Ring} */
	const out = [...ring];
	const step = dx > 0 ? -90 : 90;
	for (let x = x1; dx > 0 ? x > x0 : x < x0; x += step) out.push([x, pole]);
	out.push([x0, pole], [x0, y0]);
	return out;
}

/**
 * Longitudes of a polygon's points: [min, max].
 * @param {PolygonCoords} poly
 * @returns {[number, number]}
 */
function lonRange(poly) {
	let min = Infinity;
	let max = -Infinity;
	for (const ring of poly) {
		for (const p of ring) {
			min = Math.min(min, at(p, 0));
			max = Math.max(max, at(p, 0));
		}
	}
	return [min, max];
}

/**
 * @param {PolygonCoords} poly
 * @param {number} dx
 * @returns {PolygonCoords}
 */
function shift(poly, dx) {
	return poly.map((ring) => ring.map((p) => [at(p, 0) + dx, at(p, 1)]));
}

/** How close (degrees of latitude) to a pole a ring must lie to count as a cap round it. */
export const POLAR_CAP_DEG = 0.01;

/**
 * Does a ring wind once round a pole (unwrapped, it ends 360 degrees from where it starts)?
 * @param {Ring} ring
 */
const windsRoundPole = (ring) => {
	const u = unwrapRing(ring);
	return Math.abs(Math.abs(at(at(u, -1), 0) - at(at(u, 0), 0)) - 360) < 1e-6;
};

/**
 * world-atlas's 1:50m Antarctica is drawn the spherical way: its exterior is a tiny ring round the
 * south pole (every point at -89.999) and its coast is a hole that also winds round the pole, the
 * land lying between the two. On a plane that is the coast closed along the pole: this returns
 * the polygon [coast, other holes], which splitAtAntimeridian then closes, or null when the
 * polygon is not of that kind. The 0.001 degree between the cap and the pole is dropped (it is
 * never drawn: Web Mercator stops at 85 degrees).
 * @param {PolygonCoords} poly
 * @returns {PolygonCoords | null}
 */
export function polarCapBand(poly) {
	const exterior = at(poly, 0);
	const lats = exterior.map((p) => at(p, 1));
	const pole = Math.min(...lats) < 0 ? -90 : 90;
	if (lats.some((y) => Math.abs(y - pole) > POLAR_CAP_DEG) || !windsRoundPole(exterior)) {
		return null;
	}
	const coast = poly.slice(1).filter(windsRoundPole);
	if (coast.length !== 1) throw new Error(`a polar cap with ${coast.length} rings round its pole`);
	const ring = at(coast, 0);
	return [ring, ...poly.slice(1).filter((h) => h !== ring)];
}

/**
 * Repair one polygon for the antimeridian: unwrap, close polar rings, split at +-180.
 * @param {PolygonCoords} poly
 * @returns {PolygonCoords[]} one or more polygons, every longitude in [-180, 180]
 */
export function splitAtAntimeridian(poly) {
	const cap = polarCapBand(poly);
	if (cap) return splitAtAntimeridian(cap);
	const exterior = closeRing(unwrapRing(at(poly, 0)));
	const [emin, emax] = lonRange([exterior]);
	const mid = (emin + emax) / 2;
	const holes = poly.slice(1).map((h) => {
		const u = unwrapRing(h);
		if (Math.abs(at(at(u, 0), 0) - at(at(u, -1), 0)) > 1e-6) {
			throw new Error('a hole that winds round a pole is not supported');
		}
		const closed = closeRing(u);
		const k = Math.round((mid - at(at(closed, 0), 0)) / 360);
		return at(shift([closed], 360 * k), 0);
	});
	const unwrapped = [exterior, ...holes];
	const [min, max] = lonRange(unwrapped);
	if (min >= -180 && max <= 180) return [unwrapped];
	/** @type {PolygonCoords[]} */
	const parts = [];
	for (let k = Math.ceil((min - 180) / 360); k <= Math.floor((max + 180) / 360); k++) {
		const w = -180 + 360 * k;
		const e = 180 + 360 * k;
		const box = polygon([
			[
				[w, -90],
				[e, -90],
				[e, 90],
				[w, 90],
				[w, -90]
			]
		]);
		const clipped = intersect(featureCollection([polygon(unwrapped), box]));
		if (!clipped) continue;
		const polys =
			clipped.geometry.type === 'Polygon'
				? [clipped.geometry.coordinates]
				: clipped.geometry.coordinates;
		for (const p of polys) parts.push(shift(p, -360 * k));
	}
	return parts;
}

/**
 * Round, drop repeated points and spikes (A, B, A), and drop rings without area.
 * @param {Ring} ring
 * @returns {Ring | null}
 */
export function cleanRing(ring) {
	/** @type {Ring} */
	let pts = [];
	for (const p of ring) {
		const q = [round(at(p, 0)), round(at(p, 1))];
		const last = pts[pts.length - 1];
		if (!last || last[0] !== q[0] || last[1] !== q[1]) pts.push(q);
	}
	// open the ring, remove spikes (a point whose neighbours coincide), close it again
	const first = pts[0];
	const lastPt = pts[pts.length - 1];
	if (first && lastPt && pts.length > 1 && first[0] === lastPt[0] && first[1] === lastPt[1]) {
		pts = pts.slice(0, -1);
	}
	let changed = true;
	while (changed && pts.length >= 3) {
		changed = false;
		for (let i = 0; i < pts.length; i++) {
			const a = at(pts, (i - 1 + pts.length) % pts.length);
			const c = at(pts, (i + 1) % pts.length);
			if (a[0] === c[0] && a[1] === c[1]) {
				// drop the spike's tip and one copy of its base
				const drop = new Set([i, (i + 1) % pts.length]);
				pts = pts.filter((_, j) => !drop.has(j));
				changed = true;
				break;
			}
		}
	}
	if (pts.length < 3) return null;
	const closed = [...pts, at(pts, 0)];
	if (signedArea(closed) === 0) return null;
	return closed;
}

/**
 * Do segments p1-p2 and p3-p4 meet (crossing or touching)? Same test as @turf/kinks, whose
 * collinear overlaps do not count.
 * @param {Position} p1 @param {Position} p2 @param {Position} p3 @param {Position} p4
 */
function segmentsMeet(p1, p2, p3, p4) {
	const [x1, y1] = xy(p1);
	const [x2, y2] = xy(p2);
	const [x3, y3] = xy(p3);
	const [x4, y4] = xy(p4);
	const d = (y4 - y3) * (x2 - x1) - (x4 - x3) * (y2 - y1);
	if (d === 0) return false;
	const a = ((x4 - x3) * (y1 - y3) - (y4 - y3) * (x1 - x3)) / d;
	const b = ((x2 - x1) * (y1 - y3) - (y2 - y1) * (x1 - x3)) / d;
	return a >= 0 && a <= 1 && b >= 0 && b <= 1;
}

/**
 * Pairs of segments [i, j] (segment i runs from point i to i + 1) of a closed ring that meet,
 * other than neighbours.
 * @param {Ring} ring
 * @returns {[number, number][]}
 */
export function ringSelfIntersections(ring) {
	const n = ring.length - 1;
	/** @type {[number, number][]} */
	const out = [];
	for (let i = 0; i < n; i++) {
		const a1 = at(ring, i);
		const a2 = at(ring, i + 1);
		const minX = Math.min(at(a1, 0), at(a2, 0));
		const maxX = Math.max(at(a1, 0), at(a2, 0));
		const minY = Math.min(at(a1, 1), at(a2, 1));
		const maxY = Math.max(at(a1, 1), at(a2, 1));
		for (let j = i + 2; j < n; j++) {
			if (i === 0 && j === n - 1) continue;
			const b1 = at(ring, j);
			const b2 = at(ring, j + 1);
			if (Math.max(at(b1, 0), at(b2, 0)) < minX || Math.min(at(b1, 0), at(b2, 0)) > maxX) continue;
			if (Math.max(at(b1, 1), at(b2, 1)) < minY || Math.min(at(b1, 1), at(b2, 1)) > maxY) continue;
			if (segmentsMeet(a1, a2, b1, b2)) out.push([i, j]);
		}
	}
	return out;
}

/**
 * Remove the vertices that make a ring cross itself (in the source data these are spikes of a
 * generalised border, such as two on Sudan's southern border at 110m): for the first crossing,
 * try dropping each endpoint of the two segments and keep the drop that leaves the fewest
 * crossings (ties: the smallest change of area). Returns null if it cannot be fixed that way.
 * @param {Ring} ring a closed ring
 * @returns {Ring | null}
 */
export function removeSelfIntersections(ring) {
	let pts = ring.slice(0, -1);
	const close = (/** @type {Ring} */ p) => [...p, at(p, 0)];
	let crossings = ringSelfIntersections(close(pts));
	for (let guard = 0; crossings.length > 0 && guard < 100 && pts.length > 3; guard++) {
		const [i, j] = at(crossings, 0);
		const n = pts.length;
		const area0 = signedArea(close(pts));
		let best = null;
		for (const v of new Set([i % n, (i + 1) % n, j % n, (j + 1) % n])) {
			const cand = pts.filter((_, k) => k !== v);
			const c = ringSelfIntersections(close(cand)).length;
			const da = Math.abs(signedArea(close(cand)) - area0);
			if (!best || c < best.c || (c === best.c && da < best.da)) best = { cand, c, da };
		}
		if (!best || best.c >= crossings.length) return null;
		pts = best.cand;
		crossings = ringSelfIntersections(close(pts));
	}
	return crossings.length === 0 ? close(pts) : null;
}

/**
 * @param {PolygonCoords} poly
 * @returns {PolygonCoords | null}
 */
export function cleanPolygon(poly) {
	const ext = cleanRing(at(poly, 0));
	if (!ext) return null;
	/** @type {PolygonCoords} */
	const out = [ext];
	for (const h of poly.slice(1)) {
		const c = cleanRing(h);
		if (c) out.push(c);
	}
	return out;
}

/**
 * RFC 7946 winding: exterior counter-clockwise, holes clockwise (planar signed area in lon/lat).
 * @param {PolygonCoords} poly
 * @returns {PolygonCoords}
 */
export function orientPolygon(poly) {
	return poly.map((ring, i) => {
		const ccw = signedArea(ring) > 0;
		const wantCcw = i === 0;
		return ccw === wantCcw ? ring : [...ring].reverse();
	});
}

/**
 * Polygons of a Polygon or MultiPolygon geometry.
 * @param {Polygonal} geometry
 * @returns {PolygonCoords[]}
 */
export function polygonsOf(geometry) {
	return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/**
 * @param {PolygonCoords[]} polys
 * @returns {Polygonal}
 */
export function toGeometry(polys) {
	if (polys.length === 0) throw new Error('empty geometry');
	if (polys.length === 1) return { type: 'Polygon', coordinates: at(polys, 0) };
	return { type: 'MultiPolygon', coordinates: polys };
}

/**
 * Where the rings of a geometry meet (turf kinks: crossings and touching points).
 * @param {Polygonal} geometry
 * @returns {Position[]}
 */
function kinkPoints(geometry) {
	return kinks(geometry).features.map((f) => f.geometry.coordinates);
}

/** How far (degrees) from a touching point separateTouchingRings cuts the smaller ring's corner. */
export const CORNER_CUT_DEG = 0.001;

/**
 * Two rings of one geometry that pass through the same vertex touch there, which turf kinks (and so
 * the tests) count as a self-intersection. In world-atlas's 1:50m three countries have two polygons
 * meeting at a single point: the Netherlands (on the Scheldt), Canada (in the St. Lawrence, at
 * Cornwall Island) and Brunei (its two parts). At each such point (one of `points`, a vertex of two
 * or more rings), every ring holding it but the largest (by planar area) has that corner cut: the
 * vertex becomes two points, CORNER_CUT_DEG (about 100 m, less than the data's own step) along its
 * two edges, so the shapes no longer touch and change by a sliver of a few hundredths of a square kilometre.
 * @param {PolygonCoords[]} polys
 * @param {Position[]} points kink points of the geometry
 * @returns {PolygonCoords[]}
 */
export function separateTouchingRings(polys, points) {
	const key = (/** @type {Position} */ p) => `${round(at(p, 0))},${round(at(p, 1))}`;
	const wanted = new Set(points.map(key));
	/** @type {Map<string, { i: number, j: number, area: number }[]>} */
	const owners = new Map();
	polys.forEach((poly, i) =>
		poly.forEach((ring, j) => {
			const area = Math.abs(signedArea(ring));
			for (const k of new Set(ring.slice(0, -1).map(key))) {
				if (!wanted.has(k)) continue;
				const list = owners.get(k) ?? [];
				list.push({ i, j, area });
				owners.set(k, list);
			}
		})
	);
	/** @type {Map<string, Set<string>>} ring "i,j" -> vertices whose corner is cut */
	const cut = new Map();
	for (const [k, rings] of owners) {
		if (rings.length < 2) continue;
		const largest = rings.reduce((a, b) => (b.area > a.area ? b : a));
		for (const r of rings) {
			if (r === largest) continue;
			const id = `${r.i},${r.j}`;
			cut.set(id, (cut.get(id) ?? new Set()).add(k));
		}
	}
	/** A point `CORNER_CUT_DEG` from `v` towards `to` (at most half way), rounded. */
	const toward = (/** @type {Position} */ v, /** @type {Position} */ to) => {
		const dx = at(to, 0) - at(v, 0);
		const dy = at(to, 1) - at(v, 1);
		const t = Math.min(0.5, CORNER_CUT_DEG / Math.hypot(dx, dy));
		return [round(at(v, 0) + dx * t), round(at(v, 1) + dy * t)];
	};
	return polys.map((poly, i) =>
		poly.map((ring, j) => {
			const corners = cut.get(`${i},${j}`);
			if (!corners) return ring;
			const open = ring.slice(0, -1);
			const n = open.length;
			/** @type {Ring} */
			const out = open.flatMap((v, m) =>
				corners.has(key(v))
					? [toward(v, at(open, (m - 1 + n) % n)), toward(v, at(open, (m + 1) % n))]
					: [v]
			);
			return [...out, at(out, 0)];
		})
	);
}

/**
 * Resolve self-intersections with polyclip (non-zero rule), then clean again.
 * @param {PolygonCoords[]} polys
 * @returns {PolygonCoords[]}
 */
function resolveKinks(polys) {
	const fc = featureCollection(polys.map((p) => polygon(p)));
	const merged =
		polys.length === 1
			? intersect(
					featureCollection([
						at(fc.features, 0),
						polygon([
							[
								[-181, -91],
								[181, -91],
								[181, 91],
								[-181, 91],
								[-181, -91]
							]
						])
					])
				)
			: union(fc);
	if (!merged) return [];
	/** @type {PolygonCoords[]} */
	const out = [];
	for (const p of polygonsOf(merged.geometry)) {
		const c = cleanPolygon(p);
		if (c) out.push(c);
	}
	return out;
}

/**
 * The whole repair: antimeridian, rounding, degenerate rings, self-intersections, winding.
 * Throws if a self-intersection survives.
 * @param {Polygonal} geometry
 * @returns {Polygonal}
 */
export function normalizeGeometry(geometry) {
	/** @type {PolygonCoords[]} */
	let polys = [];
	for (const p of polygonsOf(geometry)) {
		for (const part of splitAtAntimeridian(p)) {
			const c = cleanPolygon(part);
			if (c) polys.push(c);
		}
	}
	polys = polys.map((p) =>
		p.map((ring) => {
			if (ringSelfIntersections(ring).length === 0) return ring;
			return removeSelfIntersections(ring) ?? ring;
		})
	);
	let found = kinkPoints(toGeometry(polys));
	if (found.length > 0) {
		polys = separateTouchingRings(polys, found);
		found = kinkPoints(toGeometry(polys));
	}
	for (let pass = 0; pass < 4 && found.length > 0; pass++) {
		polys = resolveKinks(polys);
		found = kinkPoints(toGeometry(polys));
	}
	// Winding changes no segment, so the last count holds for the result.
	if (found.length > 0) throw new Error(`${found.length} self-intersections remain after repair`);
	return toGeometry(polys.map(orientPolygon));
}
