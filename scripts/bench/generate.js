// Large briefings for the benchmark (npm run bench), made up but valid: every country of the
// basemap listed and styled, 2,000 point troop notes, an article as long as the limits allow, and
// scenes. Deterministic (no randomness), so two runs measure the same document.
//
// As a command: `node scripts/bench/generate.js [folder]` writes large.json (the valid briefing)
// and bad-5mb.json (about 5 MB, one wrong field) to the folder, bench-results/ by default.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readJson = (/** @type {string} */ path) => JSON.parse(readFileSync(join(root, path), 'utf8'));

/** @type {Record<string, string>} ISO alpha-3 -> name, the countries the basemap draws. */
const NAMES = readJson('geodata/names.json');
/** @type {Record<string, string[]>} The built-in gazetteer: the article names countries by it. */
const GAZETTEER = readJson('geodata/gazetteer.json').en;
/** @type {Map<string, [number, number]>} Where each country's label sits: notes are put near it. */
const LABELS = new Map(
	readJson('geodata/labels.geojson').features.map(
		(
			/** @type {{ properties: { iso3: string }, geometry: { coordinates: [number, number] } }} */ f
		) => [f.properties.iso3, f.geometry.coordinates]
	)
);

const SWATCHES = ['blue', 'orange', 'vermillion', 'skyblue', 'green', 'yellow', 'purple', 'grey'];
const PATTERNS = ['solid', 'hatch', 'crosshatch', 'dots', 'stripes-vertical', 'none'];
const ROLES = 12;

/**
 * The item of `list` at `i`, going round: never undefined for a list that is not empty.
 * @template T
 * @param {readonly T[]} list
 * @param {number} i
 * @returns {T}
 */
const cycle = (list, i) => /** @type {T} */ (list[i % list.length]);

/**
 * A word-ish filler of exactly `n` characters (n >= 1), ending with a full stop.
 * @param {number} n
 */
function filler(n, seed = 0) {
	const words = ['forces', 'talks', 'border', 'envoys', 'reports', 'supply', 'drills', 'convoy'];
	let s = '';
	for (let i = seed; s.length < n; i++) s += `${cycle(words, i)} `;
	return `${s
		.slice(0, n - 1)
		.trimEnd()
		.padEnd(n - 1, 'x')}.`;
}

const round = (/** @type {number} */ x) => Math.round(x * 1e4) / 1e4;
const clamp = (/** @type {number} */ x, /** @type {number} */ lo, /** @type {number} */ hi) =>
	Math.min(hi, Math.max(lo, x));

/**
 * @typedef {object} Options
 * @property {number} [notes] troop notes (default 2,000)
 * @property {number} [noteChars] characters of a note's text (default 240; the limit is 2,000)
 * @property {number} [forcesChars] characters of a note's `forces` at least (default: a short name)
 * @property {number} [sceneNotesChars] characters of a scene's speaker notes (default 400)
 */

/**
 * A served briefing (the JSON the page fetches) that `parseServedBriefing` accepts, with every
 * basemap country listed and given a role.
 * @param {Options} [options]
 */
export function generateBriefing({
	notes = 2000,
	noteChars = 240,
	forcesChars = 0,
	sceneNotesChars = 400
} = {}) {
	const codes = Object.keys(NAMES).sort();
	const nameOf = (/** @type {string} */ iso3) => GAZETTEER[iso3]?.[0] ?? NAMES[iso3] ?? iso3;

	// 12 roles, no two looking alike (a swatch and a pattern each).
	const roles = Array.from({ length: ROLES }, (_, i) => ({
		id: `role-${i + 1}`,
		label: `Role ${i + 1}`,
		description: `A made-up role of the benchmark's briefing, number ${i + 1}.`,
		swatch: SWATCHES[i % SWATCHES.length],
		pattern: PATTERNS[(i + Math.floor(i / SWATCHES.length)) % PATTERNS.length]
	}));

	// The article: 200 paragraphs of just under 1,000 characters (200,000 in all is the limit),
	// each naming five countries, and Russia in every tenth.
	const paragraphs = Array.from({ length: 200 }, (_, p) => {
		const named = Array.from({ length: 5 }, (_, j) => nameOf(cycle(codes, p * 5 + j)));
		if (p % 10 === 0) named.push('Russia');
		let text = `Paragraph ${p + 1}: officials of ${named.join(', ')} met again.`;
		text += ` ${filler(990 - text.length - 1, p)}`;
		return text;
	});

	const countries = codes.map((iso3, i) => {
		const primary = i % ROLES;
		const assigned = [primary, ...(i % 3 === 0 ? [(primary + 5) % ROLES] : [])];
		return {
			iso3,
			roles: assigned.map((r) => ({
				role: cycle(roles, r).id,
				reason: `${NAMES[iso3]} has ${cycle(roles, r).label.toLowerCase()} in the benchmark's story.`
			})),
			terms: { add: [], remove: [] },
			passages: { add: i % 7 === 0 ? [(i % 200) + 1] : [], remove: [] },
			related: [1, 2, 3].map((k) => cycle(codes, i + k * 11))
		};
	});

	const levels = /** @type {const} */ (['site', 'town', 'region']);
	const troopNotes = Array.from({ length: notes }, (_, n) => {
		const home = cycle(codes, n);
		const other = cycle(codes, n * 7 + 3);
		const concerns = other === home ? [home] : [home, other];
		const [lon, lat] = LABELS.get(home) ?? [0, 0];
		const level = cycle(levels, n);
		const at = `${NAMES[home]} locality ${n}`.slice(0, 79);
		const forces = `${NAMES[home]} armed forces, group ${n}`;
		const source = n % 2 === 1;
		return {
			id: `note-${n + 1}`,
			concerns,
			forces:
				forcesChars > forces.length
					? `${forces} ${filler(forcesChars - forces.length - 1, n)}`
					: forces,
			text: `Note ${n + 1}: ${filler(noteChars - `Note ${n + 1}: `.length, n)}`,
			provenance: source
				? {
						kind: 'source',
						publisher: `Publisher ${n % 17}`,
						title: `Report ${n + 1} on ${NAMES[home]}`,
						...(n % 10 === 1 ? {} : { url: `https://example.org/reports/${n + 1}` }),
						date: `2022-0${1 + (n % 3)}-${String(1 + (n % 28)).padStart(2, '0')}`
					}
				: { kind: 'article', paragraphs: [(n % 200) + 1] },
			approximate: level !== 'site',
			observed: { from: `2021-${String(1 + (n % 12)).padStart(2, '0')}` },
			geometry: {
				type: 'Point',
				coordinates: [
					round(clamp(lon + ((n % 11) - 5) * 0.1, -180, 180)),
					round(clamp(lat + ((n % 7) - 3) * 0.1, -90, 90))
				],
				name: `Site ${n + 1}`,
				precision: level === 'site' ? { level } : { level, at }
			}
		};
	});

	// 20 scenes of three countries each, fitted and shown with the troop layers.
	const scenes = Array.from({ length: 20 }, (_, s) => {
		const three = [0, 1, 2].map((k) => cycle(codes, s * 9 + k));
		return {
			id: `scene-${s + 1}`,
			title: `Scene ${s + 1}`,
			paragraphs: [s * 10 + 1, s * 10 + 2],
			countries: three,
			layers: [...three, 'troops-article', 'troops-reported', 'labels'],
			camera: { fit: three },
			notes: `Scene ${s + 1}: ${filler(sceneNotesChars, s)}`
		};
	});

	// Every note drawn on the map, as the content build draws a briefing's notes: one overlay of
	// the notes citing the article, one of those citing a source.
	/** @param {'article' | 'source'} kind */
	const pointsOf = (kind) =>
		troopNotes
			.filter((note) => note.provenance.kind === kind)
			.map((note) => ({
				type: 'Feature',
				properties: {
					id: note.id,
					noteId: note.id,
					kind: 'position',
					forces: note.forces.slice(0, 60),
					label: note.geometry.name,
					place: note.geometry.name,
					provenance:
						kind === 'article'
							? `Article, para. ${note.provenance.paragraphs?.[0]}`
							: `Source: ${'publisher' in note.provenance ? note.provenance.publisher : ''}`,
					approximate: note.approximate,
					afterArticle: false
				},
				geometry: { type: 'Point', coordinates: note.geometry.coordinates }
			}));
	/** @param {string} id @param {'troops' | 'reports'} style @param {'article' | 'source'} kind */
	const overlay = (id, style, kind) => ({
		id,
		label: kind === 'article' ? 'Troop positions (article)' : 'Reported concentrations',
		group: 'military',
		style,
		legend:
			style === 'troops'
				? [{ symbol: 'point', caption: 'Forces the article places (approximate)' }]
				: [{ symbol: 'reported', caption: 'Reported in public sources (approximate)' }],
		derived: { from: 'troopNotes', provenance: kind },
		features: { type: 'FeatureCollection', features: pointsOf(kind) }
	});

	return {
		version: 1,
		id: 'bench-large',
		title: 'Benchmark: every basemap country',
		asOf: '2022-02-07',
		language: 'en',
		article: {
			title: 'A made-up article as long as the limits allow',
			published: '2022-02-07',
			paragraphs
		},
		frame: { bounds: [-170, -60, 170, 80] },
		roles,
		countries,
		troopNotes,
		overlays: [
			overlay('troops-article', 'troops', 'article'),
			overlay('troops-reported', 'reports', 'source')
		],
		scenes
	};
}

/** The wrong field of `badFile`, and what the page must say about it. */
export const WRONG_FIELD = { note: 1500, path: 'troopNotes[1500].geometry.precision.level' };

/**
 * About 5 MB of briefing (2,000 notes of long texts and forces, long speaker notes), valid but for
 * one field: a precision level that does not exist.
 */
export function badFile() {
	const b = generateBriefing({ noteChars: 1990, forcesChars: 290, sceneNotesChars: 4900 });
	/** @type {{ level: string }} */ (
		cycle(b.troopNotes, WRONG_FIELD.note).geometry.precision
	).level = 'city';
	return b;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const out = process.argv[2] ?? join(root, 'bench-results');
	mkdirSync(out, { recursive: true });
	for (const [file, doc] of /** @type {const} */ ([
		['large.json', generateBriefing()],
		['bad-5mb.json', badFile()]
	])) {
		const text = JSON.stringify(doc);
		writeFileSync(join(out, file), text);
		console.log(`${join(out, file)}: ${(text.length / 1024 / 1024).toFixed(2)} MB`);
	}
}
