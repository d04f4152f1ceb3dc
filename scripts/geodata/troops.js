// Troop notes of a briefing (src/content/<id>/briefing.json, `troopNotes`) -> GeoJSON features.

import { labelPoint } from './bounds.js';
import { round } from './rings.js';
import { formatProvenance, isAfter } from '../../src/lib/briefing/text.js';

/** @typedef {import('./rings.js').Polygonal} Polygonal */
/**
 * @typedef {{ kind: 'article', paragraphs: number[] }
 *   | { kind: 'source', url?: string, publisher?: string, title?: string, date?: string }} Provenance
 * @typedef {{ derive: 'border-zone', along: string[], inside: string[], widthKm: number, reason?: string }} BorderZone
 * @typedef {{
 *   id: string, concerns: string[], forces: string, text: string, label?: string,
 *   provenance: Provenance, approximate: boolean, observed?: { from?: string, to?: string },
 *   geometry: (import('geojson').Point & { name?: string })
 *     | (import('geojson').MultiPoint & { names?: string[] }) | BorderZone
 * }} TroopNote
 */

/**
 * Notes used when the briefing has no file yet. Coordinates and sources: facts.json.
 * @param {any} facts contents of scripts/geodata/facts.json
 * @returns {TroopNote[]}
 */
export function defaultTroopNotes(facts) {
	const mali = facts.maliReports.reports;
	/** @param {string} id */
	const place = (id) => {
		const r = mali.find((/** @type {{ id: string }} */ x) => x.id === id);
		if (!r) throw new Error(`facts.json has no Mali report ${id}`);
		return [r.lon, r.lat];
	};
	return [
		{
			id: 'ru-buildup',
			concerns: ['RUS', 'UKR'],
			forces: 'RUS',
			text: 'Russia has massed about 100,000 troops near the Ukrainian borders.',
			label: 'About 100,000 Russian troops near the Ukrainian borders',
			provenance: { kind: 'article', paragraphs: [4] },
			approximate: true,
			geometry: {
				derive: 'border-zone',
				along: ['RUS', 'UKR'],
				inside: ['RUS', 'CRIMEA'],
				widthKm: facts.troopReports.borderZone.widthKm,
				reason: facts.troopReports.borderZone.reason
			}
		},
		{
			id: 'ml-mercenaries',
			concerns: ['MLI', 'RUS'],
			forces: 'RUS',
			text: 'Russian mercenaries arrived in Mali at the end of last year.',
			label: 'Russian mercenaries in Mali (Bamako air base, Timbuktu)',
			provenance: { kind: 'article', paragraphs: [8] },
			approximate: true,
			geometry: {
				type: 'MultiPoint',
				coordinates: [place('bamako-air-base'), place('timbuktu')],
				names: ['Bamako air base', 'Timbuktu']
			}
		}
	];
}

/**
 * Throws a plain message if a note is malformed.
 * @param {unknown} notes
 * @returns {TroopNote[]}
 */
export function checkTroopNotes(notes) {
	if (!Array.isArray(notes)) throw new Error('troopNotes must be an array');
	const ids = new Set();
	for (const [i, n] of notes.entries()) {
		const where = `troopNotes[${i}]${n && typeof n.id === 'string' ? ` (${n.id})` : ''}`;
		const fail = (/** @type {string} */ msg) => {
			throw new Error(`${where}: ${msg}`);
		};
		if (!n || typeof n !== 'object') fail('not an object');
		if (typeof n.id !== 'string' || !n.id) fail('id must be a non-empty string');
		if (ids.has(n.id)) fail('duplicate id');
		ids.add(n.id);
		if (typeof n.forces !== 'string') fail('forces must be a string');
		if (
			!Array.isArray(n.concerns) ||
			!n.concerns.every((/** @type {unknown} */ c) => typeof c === 'string')
		)
			fail('concerns must be an array of strings');
		if (typeof n.approximate !== 'boolean') fail('approximate must be a boolean');
		const p = n.provenance;
		if (!p || (p.kind !== 'article' && p.kind !== 'source'))
			fail('provenance.kind must be article or source');
		if (p.kind === 'article' && (!Array.isArray(p.paragraphs) || p.paragraphs.length === 0))
			fail('an article provenance needs paragraphs');
		if (
			p.kind === 'source' &&
			![p.url, p.publisher, p.title].some((x) => typeof x === 'string' && x)
		)
			fail('a source provenance needs a url, a publisher or a title');
		const g = n.geometry;
		if (!g || typeof g !== 'object') fail('geometry is missing');
		if (g.derive !== undefined) {
			if (g.derive !== 'border-zone') fail(`unknown derive "${g.derive}"`);
			if (!Array.isArray(g.along) || g.along.length < 2) fail('border-zone needs along: [A, B]');
			if (!Array.isArray(g.inside) || g.inside.length < 1) fail('border-zone needs inside');
			if (typeof g.widthKm !== 'number' || !(g.widthKm > 0)) fail('widthKm must be positive');
		} else if (g.type === 'Point' || g.type === 'MultiPoint') {
			const pts = g.type === 'Point' ? [g.coordinates] : g.coordinates;
			if (!Array.isArray(pts) || pts.length === 0) fail('no coordinates');
			for (const c of pts) {
				if (!Array.isArray(c) || typeof c[0] !== 'number' || typeof c[1] !== 'number')
					fail('coordinates must be [lon, lat]');
				if (Math.abs(c[0]) > 180 || Math.abs(c[1]) > 90) fail(`coordinates out of range: ${c}`);
			}
			if (
				g.type === 'MultiPoint' &&
				g.names !== undefined &&
				(!Array.isArray(g.names) || g.names.length !== pts.length)
			)
				fail('geometry.names must name every point');
		} else {
			fail('geometry must be a Point, a MultiPoint or { derive: "border-zone" }');
		}
	}
	return /** @type {TroopNote[]} */ (notes);
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
 * Point per place, so that the map can label each; a border zone is derived by `deriveZone`.
 * Every feature gets a unique \`id\` (the note's id; \`<id>-<index>\` for the places of a MultiPoint;
 * \`<id>-label\` for a zone's label point) and \`afterArticle\` (first seen after \`asOf\`).
 * @param {TroopNote} note
 * @param {(zone: BorderZone) => Polygonal} deriveZone
 * @param {string} asOf the briefing's date, YYYY-MM-DD
 * @returns {import('geojson').Feature[]}
 */
export function troopFeatures(note, deriveZone, asOf) {
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
	/** @param {number[]} c */
	const pos = (c) => [round(c[0] ?? NaN), round(c[1] ?? NaN)];
	if ('derive' in g) {
		const zone = deriveZone(g);
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
