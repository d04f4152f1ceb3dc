// npm run notes -- <briefing> [--check]: redraws what a briefing document derives from its own
// inputs (src/lib/geo/derive.js, the module the browser's editor loads too): the overlays
// `derived: { from: "troopNotes", provenance }` from its troop notes (points and positions as they
// are, each border zone computed on the 1:50m shapes of geodata/); in its other overlays, a
// feature's great-circle arc from its `greatCircle` ends, and whether (and where) the article names
// a place from its `terms`; and `km` / `nearest` of its `distances` from their `at` and `to`. The
// document keeps both, the inputs and the result.
//
// <briefing> is either a document on its own (a .briefing.json file, its overlays inline, such as an
// exported one) or an embedded briefing's folder (src/content/<id>: briefing.json, whose derived
// overlays live in the GeoJSON files it names). With --check, nothing is written and the exit
// status is 1 when a file differs from a fresh drawing (tests/unit/notes.test.ts runs it).
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { deriveDocument } from '../../src/lib/geo/derive.js';
import { splitParagraphs } from '../../src/lib/briefing/text.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The 1:50m shape of a country (geodata/countries, Crimea with Ukraine) or of a region
 * (geodata/regions, e.g. CRIMEA): the files the app serves, so Node and the browser derive from
 * the same shapes.
 * @param {string} code
 * @returns {import('../../src/lib/geo/rings.js').Polygonal}
 */
export function shapeOf(code) {
	const file = ['countries', 'regions']
		.map((dir) => join(ROOT, 'geodata', dir, `${code}.geojson`))
		.find(existsSync);
	if (!file) throw new Error(`no 1:50m shape for ${code} in geodata/countries or geodata/regions`);
	return JSON.parse(readFileSync(file, 'utf8')).features[0].geometry;
}

/**
 * One feature per line: small diffs, still compact (as scripts/geodata/build.js writes GeoJSON).
 * @param {unknown[]} features
 */
export function featureCollectionText(features) {
	if (features.length === 0) return '{"type":"FeatureCollection","features":[]}\n';
	return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

/**
 * The document with what it derives drawn afresh (served form: overlays inline).
 * @param {any} doc
 * @returns {Promise<any>}
 */
export function drawNotes(doc) {
	return deriveDocument(doc, shapeOf);
}

/** @param {string} path @param {unknown} value */
async function jsonText(path, value) {
	const options = (await resolveConfig(path)) ?? {};
	return format(JSON.stringify(value, null, '\t'), { ...options, filepath: path });
}

/**
 * The files a briefing's inputs give, path -> text: the .briefing.json itself, or, for a folder,
 * its briefing.json and the GeoJSON files of its derived overlays.
 * @param {string} target a .briefing.json file or a folder holding briefing.json
 * @returns {Promise<Map<string, string>>}
 */
export async function drawnFiles(target) {
	/** @type {Map<string, string>} */
	const files = new Map();
	if (!statSync(target).isDirectory()) {
		// Written as JSON.stringify writes it: such files are kept out of prettier (.prettierignore).
		const doc = JSON.parse(readFileSync(target, 'utf8'));
		files.set(target, `${JSON.stringify(await drawNotes(doc), null, '\t')}\n`);
		return files;
	}
	const path = join(target, 'briefing.json');
	const doc = JSON.parse(readFileSync(path, 'utf8'));
	// Drawn as served: the article's paragraphs (which places are searched in) and every overlay's
	// features inline.
	const served = {
		...doc,
		article: {
			...doc.article,
			paragraphs: splitParagraphs(readFileSync(join(target, doc.article.file), 'utf8'))
		},
		overlays: doc.overlays.map((/** @type {any} */ o) =>
			typeof o.features === 'string'
				? { ...o, features: JSON.parse(readFileSync(join(target, o.features), 'utf8')) }
				: o
		)
	};
	const drawn = await drawNotes(served);
	// In the folder, an overlay's features stay in their file (each file as featureCollectionText
	// writes it, so that --check also keeps hand-edited files in that form); briefing.json names it.
	drawn.overlays.forEach((/** @type {any} */ o, /** @type {number} */ i) => {
		const file = doc.overlays[i].features;
		if (typeof file !== 'string') return;
		files.set(join(target, file), featureCollectionText(o.features.features));
		o.features = file;
	});
	files.set(path, await jsonText(path, { ...drawn, article: doc.article }));
	return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const args = process.argv.slice(2);
	const check = args.includes('--check');
	const targets = args.filter((a) => a !== '--check');
	if (targets.length === 0) {
		console.error('usage: npm run notes -- <file.briefing.json | src/content/<id>> ... [--check]');
		process.exit(2);
	}
	let stale = 0;
	for (const target of targets) {
		for (const [path, text] of await drawnFiles(target)) {
			const now = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
			if (now === text) continue;
			if (check) {
				console.error(`stale: ${relative(ROOT, path)}`);
				stale++;
			} else {
				writeFileSync(path, text);
				console.log(`wrote ${relative(ROOT, path)}`);
			}
		}
	}
	if (stale > 0) {
		console.error(
			`derived geometry out of step with its inputs: run npm run notes -- ${targets.join(' ')}`
		);
		process.exit(1);
	}
}
