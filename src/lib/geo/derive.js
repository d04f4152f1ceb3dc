// Derived geometry of a briefing document: what the document computes from its own inputs and
// stores beside them. A border zone (the band `widthKm` wide along the border of `along`, inside
// the `inside` regions), a place's distance to a country's border, great-circle arcs, and the
// features a document's troop notes draw.
//
// Pure functions on GeoJSON, with no file or network access and nothing of any story: the caller
// gives the shapes (`shapesOf(code)`, the 1:50m geometry of a country of geodata/countries or a
// region of geodata/regions). The content build (scripts/content/notes.js) runs it in Node on the
// files; the briefing editor can load it in the browser (a dynamic import, never on the map's
// startup path: it pulls in Turf's buffer and clipping) and fetch the same files, so both draw the
// same result from the same inputs.
//
// Shared borders are found on GeoJSON, not on a topology: the 1:50m files are cut from one
// topology and rounded vertex by vertex, so the border two neighbours share is the same run of
// identical vertices in both files (tests/unit/geodata.test.ts checks that).

import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { buffer } from '@turf/buffer';
import { distance } from '@turf/distance';
import { greatCircle } from '@turf/great-circle';
import { feature, featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { nearestPointOnLine } from '@turf/nearest-point-on-line';
import { polygonToLine } from '@turf/polygon-to-line';
import { labelPoint } from './bounds.js';
import { normalizeGeometry, polygonsOf, round, toGeometry } from './rings.js';
import { articleProvenance, formatProvenance, isAfter } from '../briefing/text.js';

/** @typedef {import('geojson').Position} Position */
/** @typedef {import('./rings.js').Polygonal} Polygonal */
/** @typedef {import('./rings.js').PolygonCoords} PolygonCoords */
/**
 * The 1:50m shape of a country (ISO 3166 alpha-3) or of a region (e.g. CRIMEA), sync or async.
 * @typedef {(code: string) => Polygonal | Promise<Polygonal>} ShapesOf
 */
/**
 * @typedef {{ kind: 'article', paragraphs: number[] }
 *   | { kind: 'source', url?: string, publisher?: string, title?: string, date?: string }} Provenance
 * @typedef {{ derive: 'border-zone', along: string[], inside: string[], widthKm: number, reason?: string }} BorderZone
 * @typedef {{
 *   id: string, concerns: string[], forces: string, text: string, label?: string,
 *   provenance: Provenance, approximate: boolean, observed?: { from?: string, to?: string },
 *   geometry: (import('geojson').Point & { name?: string })
 *     | (import('geojson').MultiPoint & { names?: string[] }) | BorderZone
 *     | import('geojson').LineString | import('geojson').Polygon
 * }} TroopNote
 * @typedef {{ at: Position, to: string, km?: number, nearest?: Position } & Record<string, unknown>} Distance
 */

/** @param {Position} p */
const key = (p) => `${p[0]},${p[1]}`;
/** @param {Position} a @param {Position} b */
const edgeKey = (a, b) => {
	const [x, y] = [key(a), key(b)];
	return x < y ? `${x}|${y}` : `${y}|${x}`;
};

/** @param {Polygonal} g @returns {Position[][]} */
const ringsOf = (g) => polygonsOf(g).flat();

/** @param {Polygonal} g */
function edgesOf(g) {
	/** @type {Set<string>} */
	const edges = new Set();
	for (const ring of ringsOf(g))
		for (let i = 0; i + 1 < ring.length; i++)
			edges.add(edgeKey(/** @type {Position} */ (ring[i]), /** @type {Position} */ (ring[i + 1])));
	return edges;
}

/**
 * Whether `part` lies within `whole` (every vertex inside it or on its boundary): a region cut
 * from a country, as Crimea is from Ukraine's file.
 * @param {Polygonal} part
 * @param {Polygonal} whole
 */
function liesWithin(part, whole) {
	const vertices = new Set(ringsOf(whole).flat().map(key));
	return ringsOf(part).every((ring) =>
		ring.every((p) => vertices.has(key(p)) || booleanPointInPolygon(p, whole))
	);
}

/**
 * The runs of a closed ring whose edges are flagged, as lines; a run through the ring's first
 * vertex is one line, not two.
 * @param {Position[]} ring
 * @param {boolean[]} flags flags[i] for the edge ring[i] -> ring[i + 1]
 * @returns {Position[][]}
 */
function runs(ring, flags) {
	const n = flags.length;
	if (flags.every(Boolean)) return [ring];
	// Start just after an edge that is not flagged, so that no run wraps round.
	const start = (flags.findIndex((f) => !f) + 1) % n;
	/** @type {Position[][]} */
	const lines = [];
	/** @type {Position[] | null} */
	let line = null;
	for (let k = 0; k < n; k++) {
		const i = (start + k) % n;
		if (flags[i]) {
			line ??= [/** @type {Position} */ (ring[i])];
			line.push(/** @type {Position} */ (ring[i + 1]));
		} else if (line) {
			lines.push(line);
			line = null;
		}
	}
	if (line) lines.push(line);
	return lines;
}

/**
 * The border between two groups of shapes: every edge of an `inner` shape that an `outer` shape
 * shares, vertex for vertex. An inner region lying within an outer country (Crimea within
 * Ukraine's file) borders it where its edges are NOT the country's: there its edges cross the
 * country's land (the isthmus of Perekop), while the edges it shares are the country's coast.
 * @param {Polygonal[]} inner
 * @param {Polygonal[]} outer
 * @returns {import('geojson').MultiLineString} empty when they share no border
 */
export function sharedBorder(inner, outer) {
	const outerEdges = outer.map(edgesOf);
	const innerEdges = inner.map(edgesOf);
	/** @type {Position[][]} */
	const lines = [];
	inner.forEach((region, r) => {
		// Edges this region shares with another inner one are inside the zone's side, not a border.
		const others = innerEdges.filter((_, j) => j !== r);
		const within = outer.map((c) => liesWithin(region, c));
		for (const ring of ringsOf(region)) {
			/** @type {boolean[]} */
			const flags = [];
			for (let i = 0; i + 1 < ring.length; i++) {
				const e = edgeKey(/** @type {Position} */ (ring[i]), /** @type {Position} */ (ring[i + 1]));
				flags.push(
					!others.some((s) => s.has(e)) && outerEdges.some((edges, c) => edges.has(e) !== within[c])
				);
			}
			lines.push(...runs(ring, flags));
		}
	});
	return { type: 'MultiLineString', coordinates: lines };
}

/**
 * The part of `regions` lying within `widthKm` of `border`. The border LINE is buffered, never a
 * whole country (a buffer of all of Russia comes out wrong), then clipped to each region.
 * @param {import('geojson').MultiLineString} border
 * @param {Polygonal[]} regions
 * @param {number} widthKm
 * @returns {Polygonal}
 */
export function borderZone(border, regions, widthKm) {
	if (!(widthKm > 0)) throw new Error(`widthKm must be positive, got ${widthKm}`);
	if (border.coordinates.length === 0) throw new Error('the regions share no border');
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

/**
 * A note's border zone from the shapes: the band along the border between its `inside` regions
 * and the other `along` countries, inside the `inside` regions.
 * @param {BorderZone} zone
 * @param {ShapesOf} shapesOf
 * @returns {Promise<Polygonal>}
 */
export async function deriveZone(zone, shapesOf) {
	const outerCodes = zone.along.filter((c) => !zone.inside.includes(c));
	const inner = await Promise.all(zone.inside.map(shapesOf));
	const outer = await Promise.all(outerCodes.map(shapesOf));
	const border = sharedBorder(inner, outer);
	if (border.coordinates.length === 0)
		throw new Error(`${zone.inside.join(' + ')} and ${outerCodes.join(' + ')} share no border`);
	return borderZone(border, inner, zone.widthKm);
}

/**
 * Distance from `at` to the nearest point of the boundary of `geometry` (every ring, coasts
 * included), on the geodesic; km rounded to the kilometre, the point as the geodata is rounded.
 * @param {Position} at [lon, lat]
 * @param {Polygonal} geometry
 * @returns {{ km: number, nearest: [number, number] }}
 */
export function nearestBoundary(at, geometry) {
	const lines = polygonToLine(feature(geometry));
	const hit = nearestPointOnLine(/** @type {any} */ (lines), at, { units: 'kilometers' });
	const [lon, lat] = hit.geometry.coordinates;
	return {
		km: Math.round(hit.properties.pointDistance),
		nearest: [round(lon ?? NaN), round(lat ?? NaN)]
	};
}

/**
 * The great circle from `a` to `b` as a LineString of `npoints` points (ends exactly on `a` and
 * `b`), and its length (haversine), rounded to the kilometre.
 * @param {[number, number]} a [lon, lat]
 * @param {[number, number]} b
 * @param {number} npoints
 * @returns {{ geometry: import('geojson').LineString, km: number }}
 */
export function greatCircleArc(a, b, npoints) {
	const arc = greatCircle(a, b, { npoints }).geometry;
	if (arc.type !== 'LineString') throw new Error(`the arc ${a} -> ${b} crosses the antimeridian`);
	const coordinates = arc.coordinates.map((c) => [round(c[0] ?? NaN), round(c[1] ?? NaN)]);
	coordinates[0] = a;
	coordinates[coordinates.length - 1] = b;
	return {
		geometry: { type: 'LineString', coordinates },
		km: Math.round(distance(a, b, { units: 'kilometers' }))
	};
}

/**
 * The day a note's report was first seen: `observed.from`, else its source's date.
 * @param {TroopNote} note
 */
export function firstSeen(note) {
	return (
		note.observed?.from ?? (note.provenance.kind === 'source' ? note.provenance.date : undefined)
	);
}

/** @param {string} text */
export function firstSentence(text) {
	const m = /^(.+?[.!?])(\s|$)/.exec(text);
	return m?.[1] ?? text;
}

/**
 * The features of one note. A MultiPoint whose note names its points (`geometry.names`) becomes one
 * Point per place, so that the map can label each; a border zone is `zone`, derived beforehand.
 * Every feature gets a unique `id` (the note's id; `<id>-<index>` for the places of a MultiPoint;
 * `<id>-label` for a zone's label point) and `afterArticle` (first seen after `asOf`).
 * @param {TroopNote} note
 * @param {Polygonal | undefined} zone the note's border zone, if it has one
 * @param {string} asOf the briefing's date, YYYY-MM-DD
 * @returns {import('geojson').Feature[]}
 */
export function troopFeatures(note, zone, asOf) {
	const g = note.geometry;
	const p = note.provenance;
	/** @type {Record<string, string | number | boolean | string[]>} */
	const base = {
		noteId: note.id,
		forces: note.forces,
		concerns: note.concerns,
		concernsCsv: note.concerns.join(','),
		approximate: note.approximate,
		provenance: formatProvenance(p),
		provenanceKind: p.kind,
		afterArticle: isAfter(firstSeen(note), asOf)
	};
	if (p.kind === 'source' && p.url) base.url = p.url;
	if (p.kind === 'source' && p.date) base.date = p.date;
	if (note.observed?.from) base.observedFrom = note.observed.from;
	if (note.observed?.to) base.observedTo = note.observed.to;
	const label = note.label ?? firstSentence(note.text);
	/** @param {Record<string, unknown>} props @param {import('geojson').Geometry} geometry @returns {import('geojson').Feature} */
	const out = (props, geometry) => ({
		type: 'Feature',
		properties: { id: note.id, ...base, ...props },
		geometry
	});
	/** @param {Position} c */
	const pos = (c) => [round(c[0] ?? NaN), round(c[1] ?? NaN)];
	if ('derive' in g) {
		if (!zone) throw new Error(`${note.id}: its border zone was not derived`);
		const props = { label, widthKm: g.widthKm, ...(g.reason ? { reason: g.reason } : {}) };
		// One label point per zone (its largest part's pole of inaccessibility): a symbol layer on
		// the polygon itself would repeat the label on every part and tile.
		return [
			out({ ...props, kind: 'zone' }, zone),
			out(
				{ ...props, id: `${note.id}-label`, kind: 'zone-label' },
				{ type: 'Point', coordinates: labelPoint(zone) }
			)
		];
	}
	if (g.type === 'LineString') {
		// A line drawn by the author: the troops look draws it dashed, labelled at its middle vertex.
		const line = { type: 'LineString', coordinates: g.coordinates.map(pos) };
		return [
			out({ label, kind: 'line' }, /** @type {import('geojson').LineString} */ (line)),
			out(
				{ label, id: `${note.id}-label`, kind: 'zone-label' },
				{ type: 'Point', coordinates: pos(g.coordinates[g.coordinates.length >> 1] ?? [0, 0]) }
			)
		];
	}
	if (g.type === 'Polygon') {
		// An area drawn by the author: drawn as a border zone is (hatched, labelled once inside it).
		const area = { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(pos)) };
		return [
			out({ label, kind: 'zone' }, /** @type {import('geojson').Polygon} */ (area)),
			out(
				{ label, id: `${note.id}-label`, kind: 'zone-label' },
				{ type: 'Point', coordinates: labelPoint(/** @type {import('geojson').Polygon} */ (area)) }
			)
		];
	}
	if (g.type === 'Point') {
		const place = g.name;
		return [
			out(
				{ label: place ?? label, kind: 'position', ...(place ? { place } : {}) },
				{ type: 'Point', coordinates: pos(g.coordinates) }
			)
		];
	}
	const names = g.names;
	if (names) {
		return g.coordinates.map((c, i) => {
			const place = names[i] ?? '';
			return out(
				{ id: `${note.id}-${i}`, label: place, place, kind: 'position' },
				{ type: 'Point', coordinates: pos(c) }
			);
		});
	}
	return [
		out({ label, kind: 'position' }, { type: 'MultiPoint', coordinates: g.coordinates.map(pos) })
	];
}

/** @param {string} s */
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Numbers (from 1) of the paragraphs containing one of `terms` as a whole word or phrase
 * (case-sensitive: "Paris" is a name, "U.S." is matched literally, "Mali" is not in "Malian").
 * @param {readonly string[]} paragraphs
 * @param {readonly string[]} terms
 * @returns {number[]}
 */
export function paragraphsNaming(paragraphs, terms) {
	if (terms.length === 0) return [];
	const re = new RegExp(
		`(?<![\\p{L}\\p{N}])(?:${terms.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
		'u'
	);
	return paragraphs.flatMap((p, i) => (re.test(p) ? [i + 1] : []));
}

/**
 * A feature's properties with what they derive drawn afresh, or the same object when they derive
 * nothing. Two derivations, each kept beside its inputs so that the file says how it was made:
 *
 * - `greatCircle: { from, to, npoints }` (two [lon, lat] and a number of points): the geometry is
 *   the great-circle arc between them and `distanceKm` its length (a route's leg).
 * - `terms` (and `relatedTerms`): the words that name a place, searched in the article. A place
 *   the article names cites the paragraphs naming it (`namedInArticle: true`). One it does not name
 *   must say why it is shown (`shownBecause`) and cites the paragraphs naming what it stands for
 *   (`relatedTerms`: its country, or the words the article uses instead of its name), else the
 *   source of its coordinates (`coordinatesSource`).
 * @param {import('geojson').Feature<import('geojson').Geometry, Record<string, any>>} f
 * @param {readonly string[] | undefined} paragraphs the article's paragraphs
 * @returns {import('geojson').Feature<import('geojson').Geometry, Record<string, any>>}
 */
export function deriveFeature(f, paragraphs) {
	const p = f.properties;
	if (!p || (!p.greatCircle && !p.terms)) return f;
	let { geometry } = f;
	const props = { ...p };
	if (p.greatCircle) {
		const { from, to, npoints } = p.greatCircle;
		const arc = greatCircleArc(from, to, npoints);
		geometry = arc.geometry;
		props.distanceKm = arc.km;
	}
	if (p.terms) {
		if (!paragraphs) throw new Error(`${p.id}: its terms need the article's paragraphs`);
		const named = paragraphsNaming(paragraphs, p.terms);
		if (named.length > 0 && p.shownBecause)
			throw new Error(
				`${p.id} is named in the article (${articleProvenance(named)}): drop its shownBecause`
			);
		if (named.length === 0 && !p.shownBecause)
			throw new Error(`${p.id} is not named in the article: say why it is shown (shownBecause)`);
		const cited = named.length > 0 ? named : paragraphsNaming(paragraphs, p.relatedTerms ?? []);
		if (cited.length === 0 && !p.coordinatesSource)
			throw new Error(`${p.id}: nothing in the article cites it; give its coordinatesSource`);
		props.namedInArticle = named.length > 0;
		props.paragraphs = cited.join(',');
		props.provenance =
			cited.length > 0 ? articleProvenance(cited) : `Source: ${p.coordinatesSource}`;
		props.provenanceKind = cited.length > 0 ? 'article' : 'source';
	}
	return { ...f, properties: props, geometry };
}

/**
 * A briefing document (served form: every overlay's features inline) with what it derives drawn
 * afresh from its inputs: each overlay `derived: { from: 'troopNotes', provenance }` is the
 * features of the notes citing that kind of provenance; in the other overlays, each feature whose
 * properties hold the inputs of a derivation (deriveFeature: a great-circle arc, a place searched
 * in the article) is redrawn from them; and each of `distances` gets `km` and `nearest` from its
 * `at` and `to`. Everything else is returned as it was; a document that derives nothing comes back
 * equal to itself. Each shape is asked for once.
 * @template {{ asOf: string, article?: { paragraphs?: string[] }, troopNotes?: TroopNote[], overlays: any[], distances?: Distance[] }} D
 * @param {D} doc
 * @param {ShapesOf} shapesOf
 * @returns {Promise<D>}
 */
export async function deriveDocument(doc, shapesOf) {
	/** @type {Map<string, Promise<Polygonal>>} */
	const shapes = new Map();
	/** @param {string} code */
	const shape = (code) => {
		let s = shapes.get(code);
		if (!s) shapes.set(code, (s = Promise.resolve(shapesOf(code))));
		return s;
	};
	const notes = doc.troopNotes ?? [];
	const drawn = new Set(
		doc.overlays.flatMap((o) => (o.derived?.from === 'troopNotes' ? [o.derived.provenance] : []))
	);
	/** @type {Map<string, Polygonal>} */
	const zones = new Map();
	for (const note of notes) {
		// A zone no overlay draws is not derived: its shapes may not even be at hand.
		if ('derive' in note.geometry && drawn.has(note.provenance.kind))
			zones.set(note.id, await deriveZone(note.geometry, shape));
	}
	const paragraphs = doc.article?.paragraphs;
	const overlays = doc.overlays.map((o) => {
		if (o.derived?.from !== 'troopNotes') {
			const features = o.features?.features;
			if (!Array.isArray(features)) return o;
			const drawn = features.map((f) => deriveFeature(f, paragraphs));
			if (drawn.every((f, i) => f === features[i])) return o;
			return { ...o, features: { ...o.features, features: drawn } };
		}
		const features = notes
			.filter((n) => n.provenance.kind === o.derived.provenance)
			.flatMap((n) => troopFeatures(n, zones.get(n.id), doc.asOf));
		return { ...o, features: { type: 'FeatureCollection', features } };
	});
	if (!doc.distances) return { ...doc, overlays };
	const distances = [];
	for (const d of doc.distances)
		distances.push({ ...d, ...nearestBoundary(d.at, await shape(d.to)) });
	return { ...doc, overlays, distances };
}
