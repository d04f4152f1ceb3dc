// npm run geodata: world-atlas (Natural Earth) -> geodata/, the story-free basemap every briefing
// draws on (committed): the 1:110m world, its labels, names and bounds, a 1:50m file for every
// country and territory of it, the regions a briefing may name (Crimea, kept with Ukraine), and the
// gazetteer. It reads no briefing, no article and no story: what a briefing draws over the basemap
// is that briefing's own content (src/content/<id>/, redrawn by npm run notes). Reads only files
// inside the repository. Deterministic: the same inputs give byte-identical files (see SOURCES.md,
// written by this script, for every change made).
//
//   node scripts/geodata/build.js            write geodata/
//   node scripts/geodata/build.js --check    exit 1 if geodata/ differs from a fresh build

import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { BUDGET } from './budget.js';
import {
	CORNER_CUT_DEG,
	DECIMALS,
	at,
	normalizeGeometry,
	polygonsOf,
	toGeometry
} from '../../src/lib/geo/rings.js';
import { countryGeometries, countryProps, splitCrimea, toGeoJSON } from './topology.js';
import {
	MAINLAND,
	MAX_LAT,
	WIDE_DEG,
	labelPoints,
	mainlandBounds
} from '../../src/lib/geo/bounds.js';
import { buildGazetteer } from './gazetteer.js';
import { featureCollectionText } from '../content/notes.js';

/** @typedef {import('topojson-specification').Topology} Topology */
/** @typedef {import('topojson-specification').GeometryObject<import('geojson').GeoJsonProperties>} GeometryObject */
/** @typedef {import('../../src/lib/geo/rings.js').Polygonal} Polygonal */
/** @typedef {import('./topology.js').CountryProps} CountryProps */

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** @param {string} path */
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/**
 * @param {CountryProps | Record<string, unknown>} properties
 * @param {import('geojson').Geometry} geometry
 */
const feat = (properties, geometry) => ({ type: 'Feature', properties, geometry });

/**
 * A point inside Crimea, to find its polygon among Russia's in world-atlas (topology.js,
 * splitCrimea): Simferopol, 44.952 N, 34.102 E (GeoNames), as [lon, lat].
 * @type {[number, number]}
 */
export const SIMFEROPOL = [34.102, 44.952];

/**
 * Countries of one world-atlas file, Crimea moved to Ukraine, rings repaired, sorted by iso3.
 * Features sharing a code are one country: the 1:50m file draws Ashmore and Cartier Islands apart
 * with Australia's numeric id, and they join Australia's MultiPolygon.
 * @param {Topology} topology
 * @param {[number, number]} simferopol
 * @param {(iso3: string) => boolean} keep
 */
function countriesOf(topology, simferopol, keep) {
	const crimea = splitCrimea(topology, simferopol);
	/** @type {Map<string, { props: CountryProps, obj: GeometryObject, raws: Polygonal[] }>} */
	const byIso = new Map();
	for (const obj of countryGeometries(topology)) {
		const props = countryProps(/** @type {any} */ (obj));
		if (!keep(props.iso3)) continue;
		const raw =
			props.iso3 === 'RUS'
				? crimea.russia
				: props.iso3 === 'UKR'
					? crimea.ukraine
					: toGeoJSON(topology, obj);
		const seen = byIso.get(props.iso3);
		if (seen) seen.raws.push(raw);
		else
			byIso.set(props.iso3, {
				props,
				obj: props.iso3 === 'RUS' ? crimea.objects.russia : obj,
				raws: [raw]
			});
	}
	/** @type {{ props: CountryProps, obj: GeometryObject, geometry: Polygonal }[]} */
	const out = [];
	for (const { props, obj, raws } of byIso.values()) {
		let geometry;
		try {
			geometry = normalizeGeometry(
				raws.length === 1 ? at(raws, 0) : toGeometry(raws.flatMap(polygonsOf))
			);
		} catch (e) {
			throw new Error(`${props.iso3} (${props.name}): ${/** @type {Error} */ (e).message}`, {
				cause: e
			});
		}
		out.push({ props, obj, geometry });
	}
	out.sort((a, b) => (a.props.iso3 < b.props.iso3 ? -1 : a.props.iso3 > b.props.iso3 ? 1 : 0));
	return { countries: out, crimea };
}

/**
 * The basemap's codes (world.geojson, 1:110m) that the 1:50m file lacks. Each basemap country is
 * meant to have its own 1:50m file, so the build fails on any, naming them, rather than leave a
 * country without its finer shape (the app would then draw its 1:110m shape at every zoom).
 * @param {string[]} basemap codes of world.geojson
 * @param {string[]} fine codes found at 1:50m
 * @returns {string[]} the missing codes, sorted
 */
export function missingFineCodes(basemap, fine) {
	const have = new Set(fine);
	return basemap.filter((iso3) => !have.has(iso3)).sort();
}

/**
 * Build every output in memory.
 * @param {{ root?: string }} [options]
 * @returns {Map<string, string>} path relative to the repository -> file contents
 */
export function generate({ root = ROOT } = {}) {
	const atlasDir = join(root, 'node_modules/world-atlas');
	const atlasVersion = readJson(join(atlasDir, 'package.json')).version;
	/** @type {Topology} */
	const topo110 = readJson(join(atlasDir, 'countries-110m.json'));
	/** @type {Topology} */
	const topo50 = readJson(join(atlasDir, 'countries-50m.json'));
	/** @type {Map<string, string>} */
	const files = new Map();

	// 1. world, 110m
	const world = countriesOf(topo110, SIMFEROPOL, () => true);
	files.set(
		'geodata/world.geojson',
		featureCollectionText(world.countries.map((c) => feat(c.props, c.geometry)))
	);

	// 2. every country of the basemap, 50m, one file each (the app fetches a country's file only
	// when a briefing styles it and the map first zooms in far enough to draw it)
	const basemap = world.countries.map((c) => c.props.iso3);
	const fine = countriesOf(topo50, SIMFEROPOL, (iso3) => basemap.includes(iso3));
	const missing = missingFineCodes(
		basemap,
		fine.countries.map((c) => c.props.iso3)
	);
	if (missing.length) throw new Error(`no 1:50m feature in world-atlas for ${missing.join(', ')}`);
	for (const c of fine.countries) {
		files.set(
			`geodata/countries/${c.props.iso3}.geojson`,
			featureCollectionText([feat(c.props, c.geometry)])
		);
	}

	// 2b. story-free regions, 50m: Crimea, part of Ukraine's file, also on its own for a briefing
	// that styles or names it (neutral properties only; what a story says of it is the story's)
	const crimeaGeometry = normalizeGeometry(fine.crimea.crimea);
	files.set(
		'geodata/regions/CRIMEA.geojson',
		featureCollectionText([feat({ id: 'CRIMEA', name: 'Crimea' }, crimeaGeometry)])
	);

	// 3. bounds and label points, 110m
	const bounds = world.countries.map(
		(c) => `"${c.props.iso3}":${JSON.stringify(mainlandBounds(c.geometry))}`
	);
	files.set('geodata/bounds.json', `{\n${bounds.join(',\n')}\n}\n`);
	// Names by code, sorted by name: the app's country list, bundled so it needs no fetch and
	// works as a text briefing even where the map cannot draw.
	const names = [...world.countries]
		.map((c) => [c.props.iso3, c.props.name])
		.sort((a, b) => String(a[1]).localeCompare(String(b[1]), 'en'))
		.map(([iso3, name]) => `${JSON.stringify(iso3)}:${JSON.stringify(name)}`);
	files.set('geodata/names.json', `{\n${names.join(',\n')}\n}\n`);
	// The gazetteer (which words name which country), for these countries and a few micro-states.
	const gazetteer = buildGazetteer(
		world.countries.map((c) => ({ iso3: c.props.iso3, iso2: c.props.iso2 }))
	);
	files.set('geodata/gazetteer.json', gazetteer.text);
	files.set('geodata/gazetteer-fr.json', gazetteer.frText);
	files.set(
		'geodata/labels.geojson',
		featureCollectionText(
			world.countries.flatMap((c) =>
				labelPoints(c.geometry).map((coordinates, i) =>
					feat(
						i === 0
							? { iso3: c.props.iso3, name: c.props.name }
							: { iso3: c.props.iso3, name: c.props.name, more: true },
						{ type: 'Point', coordinates }
					)
				)
			)
		)
	);

	// 4. SOURCES.md, with the sizes of everything above
	const sizes = [...files.entries()]
		.sort(([a], [b]) => (a < b ? -1 : 1))
		.map(([path, text]) => ({ path, ...sizeOf(text) }));
	files.set(
		'geodata/SOURCES.md',
		sourcesMarkdown({
			atlasVersion,
			sizes,
			worldCount: world.countries.length,
			gazetteer: {
				...gazetteer.stats,
				extras: gazetteer.extras,
				wcVersion: readJson(join(root, 'node_modules/world-countries/package.json')).version
			}
		})
	);
	return files;
}

/** @param {string} text */
export function sizeOf(text) {
	const buf = Buffer.from(text, 'utf8');
	return { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
}

/** @param {number} n */
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** @param {{ path: string }} s the code of a country file, else null */
const countryCode = (s) => /^geodata\/countries\/([A-Z]{3})\.geojson$/.exec(s.path)?.[1] ?? null;

/**
 * The budget (budget.js) against the sizes of the files: each line is a size, its limit, and
 * whether the size is gzip or raw bytes.
 * @param {{ path: string, raw: number, gzip: number }[]} sizes
 * @returns {{ what: string, size: number, budget: number, unit: 'gzip' | 'raw' }[]}
 */
export function budgetReport(sizes) {
	/** @param {{ path: string, gzip: number }[]} list */
	const largest = (list) =>
		list.reduce((a, b) => (b.gzip > a.gzip ? b : a), { path: '-', gzip: 0 });
	const countries = sizes.filter((s) => countryCode(s) !== null);
	const large = /** @type {readonly string[]} */ (BUDGET.largeCountries);
	const small = largest(countries.filter((s) => !large.includes(String(countryCode(s)))));
	const big = largest(countries.filter((s) => large.includes(String(countryCode(s)))));
	const world = sizes.find((s) => s.path === 'geodata/world.geojson');
	return [
		{ what: 'world.geojson', size: world?.gzip ?? 0, budget: BUDGET.worldGzip, unit: 'gzip' },
		{
			what: `each of countries/*.geojson but ${large.join(', ')} (largest: ${countryCode(small) ?? '-'})`,
			size: small.gzip,
			budget: BUDGET.countryGzip,
			unit: 'gzip'
		},
		{
			what: `each of ${large.join(', ')} (largest: ${countryCode(big) ?? '-'})`,
			size: big.gzip,
			budget: BUDGET.largeCountryGzip,
			unit: 'gzip'
		},
		{
			what: `geodata/ (${sizes.length} files)`,
			size: sizes.reduce((t, s) => t + s.raw, 0),
			budget: BUDGET.totalRaw,
			unit: 'raw'
		}
	];
}

/**
 * @param {{ atlasVersion: string, sizes: { path: string, raw: number, gzip: number }[],
 *   worldCount: number,
 *   gazetteer: { countries: number, en: number, fr: number, extras: string[], wcVersion: string } }} o
 */
function sourcesMarkdown({ atlasVersion, sizes, worldCount, gazetteer }) {
	// Every file but the countries' one by one; the countries together, then the largest ones.
	const countrySizes = sizes.filter((s) => countryCode(s) !== null);
	/** @param {{ raw: number, gzip: number }[]} list */
	const sum = (list) => ({
		raw: list.reduce((t, s) => t + s.raw, 0),
		gzip: list.reduce((t, s) => t + s.gzip, 0)
	});
	const bytes = (/** @type {number} */ n) => n.toLocaleString('en');
	const sizeTable = mdTable(
		['file', 'raw', 'gzip'],
		[
			...sizes
				.filter((s) => countryCode(s) === null)
				.map((s) => [`\`${s.path.replace('geodata/', '')}\``, bytes(s.raw), bytes(s.gzip)]),
			[
				`\`countries/*.geojson\` (${countrySizes.length} files)`,
				bytes(sum(countrySizes).raw),
				bytes(sum(countrySizes).gzip)
			],
			[
				`all of the above (${sizes.length} files; SOURCES.md not counted)`,
				bytes(sum(sizes).raw),
				bytes(sum(sizes).gzip)
			]
		],
		['left', 'right', 'right']
	);
	const largestTable = mdTable(
		['country file', 'raw', 'gzip'],
		[...countrySizes]
			.sort((a, b) => b.gzip - a.gzip || (a.path < b.path ? -1 : 1))
			.slice(0, 12)
			.map((s) => [`\`${s.path.replace('geodata/', '')}\``, bytes(s.raw), bytes(s.gzip)]),
		['left', 'right', 'right']
	);
	const median = [...countrySizes].sort((a, b) => a.gzip - b.gzip)[
		Math.floor(countrySizes.length / 2)
	];
	const budgetTable = mdTable(
		['what', 'size', 'budget'],
		budgetReport(sizes).map((b) => [
			b.what,
			`${kb(b.size)} ${b.unit}`,
			`${kb(b.budget)} ${b.unit}`
		]),
		['left', 'right', 'right']
	);
	const sourceTable = mdTable(
		['source', 'version', 'licence', 'used for'],
		[
			[
				'[Natural Earth](https://www.naturalearthdata.com/) Admin 0 countries, 1:110m and 1:50m',
				'4.1.0',
				'public domain',
				'every boundary'
			],
			[
				'[world-atlas](https://github.com/topojson/world-atlas) (npm), TopoJSON of Natural Earth by Mike Bostock',
				atlasVersion,
				'ISC',
				'`countries-110m.json`, `countries-50m.json`'
			],
			[
				'[GeoNames](https://www.geonames.org/) town coordinates',
				'-',
				'CC BY 4.0 (credit required)',
				'Simferopol (`SIMFEROPOL` in `build.js`, to find Crimea)'
			],
			[
				'i18n-iso-countries (npm)',
				'7.x',
				'MIT',
				'ISO numeric -> alpha-2 / alpha-3 codes; English and French country names in `gazetteer*.json`'
			],
			[
				"CLDR region names through Node's `Intl.DisplayNames`",
				"Node's ICU",
				'Unicode licence',
				'country names (`names.json`; English and French names in `gazetteer*.json`)'
			],
			[
				'[world-countries](https://github.com/mledoze/countries) (npm) by Mohammed Le Doze',
				gazetteer.wcVersion,
				'[ODbL 1.0](https://opendatacommons.org/licenses/odbl/1-0/)',
				'`gazetteer*.json`: common and official names, English and French demonyms, capitals'
			]
		]
	);
	const fileTable = mdTable(
		['file', 'content'],
		[
			[
				'`world.geojson`',
				`all ${worldCount} countries of countries-110m; \`properties: { iso3, iso2, isoN3, name }\``
			],
			[
				'`countries/<ISO3>.geojson`',
				`one file for each of the ${worldCount} countries of world.geojson, one Feature from countries-50m, same properties (see 11)`
			],
			[
				'`regions/CRIMEA.geojson`',
				'Crimea (50m), the polygon moved to Ukraine in step 1, on its own; `{ id: "CRIMEA", name: "Crimea" }` and nothing else'
			],
			[
				'`bounds.json`',
				"`{ ISO3: [west, south, east, north] }`, the mainland's camera bounds, every country of world.geojson"
			],
			['`labels.geojson`', 'one Point per country of world.geojson, `{ iso3, name }`'],
			['`names.json`', 'the name of every country of world.geojson by ISO alpha-3, sorted by name'],
			[
				'`gazetteer.json`',
				'`{ notACountry: [phrase], en: { ISO3: [name] } }`: the words that name each country in English (see 10)'
			],
			[
				'`gazetteer-fr.json`',
				'`{ notACountry: [phrase], fr: { ISO3: [name] } }`: the same in French, fetched only for a French briefing (see 10)'
			]
		]
	);
	return `# geodata: sources, licences, changes

Generated by \`npm run geodata\` (\`scripts/geodata/build.js\`); do not edit by hand. The build reads only
files inside the repository and is deterministic: the same inputs give byte-identical files.

## Sources and licences

${sourceTable}

Crimea is drawn as Ukraine's for every briefing (step 1): Ukrainian territory, occupied by Russia
since 2014 (UN General Assembly resolution 68/262, 27 March 2014). What a briefing says of it (an
occupied area, a label) is that briefing's own overlay, not the basemap's.

The build reads no briefing, no article and no story. The overlays a briefing draws over the basemap
(places, routes, lines, occupied areas, troop positions) and their sources are the briefing's own
files, \`src/content/<id>/\`, each with its sources, and
what they derive is redrawn by \`npm run notes\` (see the README, "Authoring a briefing").

\`gazetteer.json\` and \`gazetteer-fr.json\` contain information from world-countries
(https://github.com/mledoze/countries, © Mohammed Le Doze and contributors), which is made
available under the Open Database License (ODbL) 1.0, https://opendatacommons.org/licenses/odbl/1.0/.
They are a derived database: changes are the build of step 10 and the hand-kept exceptions of
\`scripts/geodata/gazetteer-exceptions.js\`; both files are offered under the same licence.

## Files

${fileTable}

## Every change made to the source data

1. **Crimea moved from Russia to Ukraine** (world.geojson, countries/RUS, countries/UKR). world-atlas
   draws Crimea as one polygon of Russia's MultiPolygon at every resolution. The polygon holding
   Simferopol (44.952 N, 34.102 E) is taken out of Russia and merged into Ukraine with
   \`topojson.merge\` (they share the arc across the isthmus of Perekop, so no line is left between
   them). The point is a constant of the build (\`SIMFEROPOL\` in \`build.js\`), so the fix holds
   whatever briefing is open. The same polygon, at 50m, is \`regions/CRIMEA.geojson\` (neutral
   properties), for a briefing that names or styles it.
2. **Rings repaired for the antimeridian and the poles** (shapes cut for d3's sphere draw stripes across
   a planar map): each ring is unwrapped so that consecutive longitudes differ by at most 180 degrees
   (points stored as -180 on a ring lying at +180 are put back at +180); a ring that winds round a pole
   (Antarctica) is closed along latitude -90 in steps of 90 degrees of longitude; a polygon that then
   crosses +-180 (Russia's Chukotka, part of Fiji) is clipped at the antimeridian into
   two polygons, one ending at 180 and one starting at -180. No edge spans more than 180 degrees of
   longitude. At 50m, Antarctica is drawn the spherical way, its exterior a ring round the south pole
   at -89.999 and its coast a hole that also winds round the pole; the land between them is the coast
   closed along -90 (the 0.001 degree strip at the pole is dropped).
3. **Cleaned and rewound**: coordinates rounded to ${DECIMALS} decimals (at most 11 m; the data's own grid
   step is about 200-400 m); repeated points, spikes (A, B, A) and rings without area dropped (e.g. a
   collapsed 4-point polygon of North Korea at 110m). A ring that crosses itself loses the vertices that
   make it cross (the tip of a spike): at 110m, two spikes on Sudan's southern border (2 vertices). The
   other self-intersections of the source (Russia, Fiji) were the antimeridian edges, gone after step 2.
   At 50m, three countries have two polygons touching at one point (the Netherlands on the Scheldt,
   Canada at Cornwall Island in the St. Lawrence, Brunei's two parts): the smaller one has that corner
   cut ${CORNER_CUT_DEG} degree (about 100 m) along its two edges, so they no longer touch.
   A polyclip (non-zero rule) pass is kept as a fallback; world-atlas ${atlasVersion} does not need it.
   Every ring follows RFC 7946 (exterior counter-clockwise, holes clockwise) and \`@turf/kinks\` finds
   no self-intersection in any feature.
4. **Codes assigned**: ISO 3166 alpha-2 and alpha-3 from the numeric id (i18n-iso-countries). Features
   without an id: Kosovo gets the user-assigned codes \`XK\` / \`XKX\` (as used by the European
   Commission and the World Bank); Northern Cyprus (\`CYN\`) and Somaliland (\`SOL\`), which have no
   ISO code, get Natural Earth's own adm0_a3 code, with \`iso2\` and \`isoN3\` set to null.
   Features sharing a code are one country: at 50m, Ashmore and Cartier Islands (Australia's numeric
   id, 036) join Australia's MultiPolygon.
5. **Names modernised**: \`name\` is today's short English name from CLDR,
   \`new Intl.DisplayNames(['en'], { type: 'region' })\` (Natural Earth 4.1 says "Macedonia",
   "eSwatini", "Czech Rep."; here "North Macedonia", "Eswatini", "Czechia"), except the two Congos,
   which CLDR writes "Congo - Kinshasa" and "Congo - Brazzaville": here "Democratic Republic of the
   Congo" and "Republic of the Congo". Northern Cyprus and Somaliland keep descriptive names.
   Natural Earth's own names are dropped.
6. **Features sorted** by iso3; properties reduced to the four above (world-atlas's \`id\` and \`name\`
   are replaced; the map uses \`promoteId: 'iso3'\`).
7. **Bounds** (\`bounds.json\`, from the 110m shapes): the mainland is the largest polygon (by geodesic
   area) plus, repeatedly, every polygon of at least ${MAINLAND.minShare * 100}% of its area whose bounding box lies
   within ${MAINLAND.maxGapKm} km of the bounds gathered so far. So France is metropolitan France with Corsica (no
   French Guiana), Italy includes Sicily and Sardinia, the United States is the contiguous states (no
   Alaska), Norway has no Svalbard. Longitudes stay within [-180, 180] with west < east: **Russia's
   bounds end at 180** (its mainland after the antimeridian cut; Chukotka's tip east of 180 and
   Kaliningrad are left out). Latitudes are clamped to +-${MAX_LAT} (Web Mercator cannot show the poles).
8. **Label points** (\`labels.geojson\`): polylabel (pole of inaccessibility) of each country's largest
   polygon, computed in Web Mercator coordinates, rounded to ${DECIMALS} decimals. A country whose
   largest polygon spans more than ${WIDE_DEG} degrees of longitude (Russia, Canada, the United States,
   China...) also gets a point, \`more: true\`, in each band of about 40 degrees away from the main one
   (the pole of inaccessibility of the band's southern half, where maps of its neighbours look): Russia's main point is in Siberia, and its European part is named too.
9. **Briefings' overlays and distances**: not built here. A briefing's overlays are its own files
   (\`src/content/<id>/overlays/\`); what they derive (troop notes' border zones, great-circle
   arcs, which paragraphs name a place, the \`km\` and \`nearest\` of its \`distances\`) is
   redrawn from their inputs on the 1:50m files above (\`countries/\`, \`regions/CRIMEA.geojson\`)
   by \`npm run notes -- src/content/<id>\`, with \`src/lib/geo/derive.js\`, the module the
   browser can load too. See the README, "Authoring a briefing".

10. **Gazetteer** (\`gazetteer.json\` and \`gazetteer-fr.json\`, read by \`src/lib/briefing/gazetteer.ts\`): the words that name
    each of ${gazetteer.countries} countries and territories, every code of world.geojson plus the UN member states
    and the Vatican too small for it (${gazetteer.extras.join(', ')}), which an article may
    name but a briefing cannot list; ${gazetteer.en} English and ${gazetteer.fr} French names in all
    (French adjectives also in lower case). Built by \`scripts/geodata/gazetteer.js\`, not typed:
    short and long names from CLDR (\`Intl.DisplayNames\`, long and short styles) and
    i18n-iso-countries, common and official names, demonyms (English plurals by rule: add "s" except
    after -ese, -s, -sh, -ch, -z, -y) and capitals from world-countries ${gazetteer.wcVersion}; French
    names from CLDR, i18n-iso-countries and world-countries' French translations and demonyms.
    Inverted or annotated forms ("Korea, Republic of", "Congo - Kinshasa") are dropped; every name with
    an apostrophe is given with both the straight and the curly one. The hand-kept exceptions, each
    with its reason, are in \`scripts/geodata/gazetteer-exceptions.js\`: names left out ("America",
    "Macedonia", "Congo", "Korea", "Brussels"...), alternates and former capitals added ("Ivory Coast",
    "Burma", "Swaziland", "Holland", "DRC", "Kiev"...), ambiguities kept on purpose ("Georgia",
    "Jordan", "Chad"), phrases that name no country ("New Guinea", "Gulf of Guinea"), codes without a
    demonym, and French capital names (no source here has them). The build fails if a name would
    belong to two countries. Plain "Congo", "Korea" and "Macedonia" name nothing: a briefing adds them
    to \`terms.add\` where it means one country. The names depend on Node's ICU (CLDR) version.

11. **1:50m country files** (\`countries/<ISO3>.geojson\`): every code of world.geojson has one
    (${countrySizes.length} files), cut from countries-50m by steps 1-6. If a code of the basemap had no
    50m feature the build would fail, naming it, rather than leave a country without its finer shape.
    The files are **not simplified**: they keep every vertex of the source, rounded as in step 3.
    The budget does not call for more (see the sizes below: each file but Canada's, Russia's and the
    United States' under ${kb(BUDGET.countryGzip)} gzip, geodata/ far under ${kb(BUDGET.totalRaw)} raw),
    and simplifying would cost what the files are for: they are drawn only when the map is zoomed in,
    where the 1:110m shapes already look coarse. Rounding each coordinate on its own keeps a border
    that two neighbours share identical in both files, vertex for vertex (the tests check France and
    Spain, Ukraine and Russia, the United States and Canada), where simplifying each file apart would
    not; the only differences are the isthmus of Perekop, no longer a border once Crimea is Ukraine's,
    and the odd vertex dropped by step 3's cleaning. The app fetches a country's file only for the
    countries a briefing styles, the first time the map zooms in far enough to draw them; every other
    country is drawn from world.geojson. Why 1:50m and not 1:10m: in world-atlas 2.0.2, countries-10m
    is 3.66 MB of TopoJSON against 756 KB at 50m and 108 KB at 110m (Russia: 36,680 vertices at 10m,
    7,427 at 50m).

## Sizes (bytes; gzip level 9)

${sizeTable}

The largest country files (the median one, \`${median?.path.replace('geodata/', '') ?? '-'}\`, is ${bytes(median?.gzip ?? 0)} bytes gzip):

${largestTable}

Budget (\`scripts/geodata/budget.js\`, checked by the build and by \`tests/unit/geodata.test.ts\`):

${budgetTable}
`;
}

/**
 * A Markdown table laid out the way Prettier lays it out (padded columns), so that the generated
 * SOURCES.md passes \`prettier --check\`.
 * @param {string[]} header
 * @param {string[][]} rows
 * @param {('left' | 'right')[]} [align]
 */
export function mdTable(header, rows, align = header.map(() => 'left')) {
	const width = header.map((h, i) =>
		Math.max(3, h.length, ...rows.map((r) => (r[i] ?? '').length))
	);
	/** @param {string[]} cells */
	const line = (cells) =>
		`| ${cells
			.map((c, i) => {
				const w = width[i] ?? 3;
				return align[i] === 'right' ? c.padStart(w) : c.padEnd(w);
			})
			.join(' | ')} |`;
	const rule = `| ${width.map((w, i) => (align[i] === 'right' ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
	return [line(header), rule, ...rows.map(line)].join('\n');
}

/**
 * @param {Map<string, string>} files
 * @param {string} root
 */
export function writeFiles(files, root = ROOT) {
	for (const [path, text] of files) {
		const full = join(root, path);
		mkdirSync(dirname(full), { recursive: true });
		writeFileSync(full, text);
	}
}

function main() {
	const check = process.argv.includes('--check');
	const files = generate();
	const sizes = [...files.entries()].map(([path, text]) => ({ path, ...sizeOf(text) }));
	for (const s of sizes.sort((a, b) => (a.path < b.path ? -1 : 1))) {
		console.log(
			`${s.path.padEnd(42)} ${kb(s.raw).padStart(10)} raw ${kb(s.gzip).padStart(10)} gzip`
		);
	}
	let ok = true;
	for (const b of budgetReport(sizes)) {
		const over = b.size > b.budget;
		ok &&= !over;
		console.log(
			`budget ${b.what.padEnd(50)} ${kb(b.size).padStart(10)} ${b.unit} of ${kb(b.budget)}${over ? '  OVER BUDGET' : ''}`
		);
	}
	if (check) {
		const stale = [...files].filter(([path, text]) => {
			const full = join(ROOT, path);
			return !existsSync(full) || readFileSync(full, 'utf8') !== text;
		});
		for (const [path] of stale) console.error(`stale: ${path}`);
		if (stale.length) {
			console.error('geodata/ is out of date: run npm run geodata');
			process.exit(1);
		}
		console.log('geodata/ is up to date');
	} else {
		writeFiles(files);
		console.log(`wrote ${files.size} files to geodata/`);
	}
	if (!ok) process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
