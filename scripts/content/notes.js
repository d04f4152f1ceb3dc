// npm run notes -- <file.briefing.json> [--check]: draws a briefing document's troop notes into
// the overlays it derives from them (`derived: { from: "troopNotes", provenance }`), for any
// briefing: its points and positions as they are, and each border zone computed on the 1:50m
// shapes (the band `widthKm` wide along the border of `along`, inside `inside`). The document
// keeps both: the notes (the inputs) and the features (the result). With --check, exits 1 when
// the file's overlays differ from a fresh drawing.
//
// The embedded briefings' overlays are drawn by `npm run geodata` (which also knows the Crimea
// region of the basemap); this script is for a document on its own, such as an exported one.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countryGeometries, countryProps, toGeoJSON } from '../geodata/topology.js';
import { normalizeGeometry } from '../geodata/rings.js';
import { borderZone, sharedBorder } from '../geodata/zone.js';
import { troopFeatures } from '../geodata/troops.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The document with its notes' overlays drawn afresh.
 * @param {any} doc a briefing document (served form)
 * @returns {any}
 */
export function drawNotes(doc) {
	/** @type {import('topojson-specification').Topology} */
	const topo50 = JSON.parse(
		readFileSync(join(ROOT, 'node_modules/world-atlas/countries-50m.json'), 'utf8')
	);
	const objects = countryGeometries(topo50);
	/** @param {string} code */
	const leaf = (code) => {
		const obj = objects.find((g) => countryProps(/** @type {any} */ (g)).iso3 === code);
		if (!obj) throw new Error(`no 1:50m shape for ${code}`);
		return obj;
	};
	/** @param {import('../geodata/troops.js').BorderZone} zone */
	const deriveZone = (zone) => {
		const inner = zone.inside.map(leaf);
		const outer = zone.along.filter((c) => !zone.inside.includes(c)).map(leaf);
		const border = sharedBorder(topo50, inner, outer);
		const regions = inner.map((obj) => normalizeGeometry(toGeoJSON(topo50, obj)));
		return borderZone(border, regions, zone.widthKm);
	};
	const overlays = doc.overlays.map((/** @type {any} */ o) => {
		if (o.derived?.from !== 'troopNotes') return o;
		const features = doc.troopNotes
			.filter((/** @type {any} */ n) => n.provenance.kind === o.derived.provenance)
			.flatMap((/** @type {any} */ n) => troopFeatures(n, deriveZone, doc.asOf));
		return { ...o, features: { type: 'FeatureCollection', features } };
	});
	return { ...doc, overlays };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const [file, flag] = process.argv.slice(2);
	if (!file) {
		console.error('usage: npm run notes -- <file.briefing.json> [--check]');
		process.exit(2);
	}
	const doc = JSON.parse(readFileSync(file, 'utf8'));
	const text = `${JSON.stringify(drawNotes(doc), null, '\t')}\n`;
	if (flag === '--check') {
		if (readFileSync(file, 'utf8') !== text) {
			console.error(`${file}: its overlays differ from its notes; run npm run notes -- ${file}`);
			process.exit(1);
		}
	} else writeFileSync(file, text);
}
