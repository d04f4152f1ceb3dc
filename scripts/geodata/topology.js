// Reading world-atlas: ISO codes and today's names for each country, and the Crimea fix.

import * as topojson from 'topojson-client';
import countries from 'i18n-iso-countries';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { polygonsOf } from '../../src/lib/geo/rings.js';

/** @typedef {import('topojson-specification').Topology} Topology */
/** @typedef {import('topojson-specification').GeometryObject<import('geojson').GeoJsonProperties>} GeometryObject */
/** @typedef {import('topojson-specification').Polygon} TopoPolygon */
/** @typedef {import('topojson-specification').MultiPolygon} TopoMultiPolygon */
/** @typedef {import('../../src/lib/geo/rings.js').Polygonal} Polygonal */
/** @typedef {{ iso3: string, iso2: string | null, isoN3: string | null, name: string }} CountryProps */

/**
 * Features that world-atlas (Natural Earth 4.1.0) ships without an ISO 3166 numeric id.
 * Kosovo has the user-assigned codes XK / XKX in common use (European Commission, World Bank).
 * Northern Cyprus, Somaliland and the 50m-only pieces have no ISO code: they get Natural Earth's
 * own adm0_a3 code and no alpha-2 or numeric code (null).
 * @type {Record<string, CountryProps>}
 */
export const UNCODED = {
	Kosovo: { iso3: 'XKX', iso2: 'XK', isoN3: null, name: 'Kosovo' },
	'N. Cyprus': { iso3: 'CYN', iso2: null, isoN3: null, name: 'Northern Cyprus' },
	Somaliland: { iso3: 'SOL', iso2: null, isoN3: null, name: 'Somaliland' },
	'Indian Ocean Ter.': {
		iso3: 'IOA',
		iso2: null,
		isoN3: null,
		name: 'Australian Indian Ocean Territories'
	},
	'Siachen Glacier': { iso3: 'KAS', iso2: null, isoN3: null, name: 'Siachen Glacier' }
};

/**
 * CLDR (Intl.DisplayNames) writes the two Congos with a disambiguating suffix ("Congo - Kinshasa",
 * "Congo - Brazzaville") meant for pickers, not for a map: their short official names instead.
 * @type {Record<string, string>}
 */
export const NAME_OVERRIDES = {
	CD: 'Democratic Republic of the Congo',
	CG: 'Republic of the Congo'
};

const displayNames = new Intl.DisplayNames(['en'], { type: 'region' });

/**
 * Today's short English name of a region code (CLDR through Intl.DisplayNames).
 * @param {string} iso2
 */
export function modernName(iso2) {
	const override = NAME_OVERRIDES[iso2];
	if (override) return override;
	const name = displayNames.of(iso2);
	if (!name || name === iso2) throw new Error(`no English name for region ${iso2}`);
	return name;
}

/**
 * ISO codes and name for a world-atlas country geometry.
 * @param {{ id?: string | number, properties?: { name?: string } | null }} geom
 * @returns {CountryProps}
 */
export function countryProps(geom) {
	const naturalEarthName = geom.properties?.name ?? '';
	if (geom.id === undefined) {
		const known = UNCODED[naturalEarthName];
		if (!known) throw new Error(`world-atlas feature "${naturalEarthName}" has no id and no code`);
		const name = known.iso2 ? modernName(known.iso2) : known.name;
		return { ...known, name };
	}
	const isoN3 = String(geom.id).padStart(3, '0');
	const iso2 = countries.numericToAlpha2(isoN3);
	const iso3 = countries.numericToAlpha3(isoN3);
	if (!iso2 || !iso3) throw new Error(`unknown ISO numeric code ${isoN3} (${naturalEarthName})`);
	return { iso3, iso2, isoN3, name: modernName(iso2) };
}

/**
 * @param {Topology} topology
 * @returns {GeometryObject[]}
 */
export function countryGeometries(topology) {
	const obj = topology.objects.countries;
	if (!obj || obj.type !== 'GeometryCollection') throw new Error('topology has no countries');
	return obj.geometries;
}

/**
 * @param {Topology} topology
 * @param {string} isoN3
 */
export function findCountry(topology, isoN3) {
	const g = countryGeometries(topology).find((c) => String(c.id) === isoN3);
	if (!g) throw new Error(`no country with id ${isoN3}`);
	return g;
}

/**
 * GeoJSON geometry of a topology geometry object.
 * @param {Topology} topology
 * @param {GeometryObject} obj
 * @returns {Polygonal}
 */
export function toGeoJSON(topology, obj) {
	const f = /** @type {import('geojson').Feature} */ (topojson.feature(topology, obj));
	const g = f.geometry;
	if (g.type !== 'Polygon' && g.type !== 'MultiPolygon')
		throw new Error(`not polygonal: ${g.type}`);
	return g;
}

/**
 * Take Crimea out of Russia and into Ukraine, at the topology level.
 * world-atlas draws Crimea as one of the polygons of Russia's MultiPolygon. The polygon holding
 * `inside` (Simferopol) becomes its own geometry object; Russia keeps the others; Ukraine is merged
 * with it (they share the arc across the isthmus of Perekop, so topojson.merge dissolves the line).
 * @param {Topology} topology
 * @param {[number, number]} inside a [lon, lat] point inside Crimea
 */
export function splitCrimea(topology, inside) {
	const russiaObj = findCountry(topology, '643');
	const ukraineObj = findCountry(topology, '804');
	if (russiaObj.type !== 'MultiPolygon') throw new Error('Russia is not a MultiPolygon');
	const rus = /** @type {TopoMultiPolygon} */ (russiaObj);
	const matches = rus.arcs.filter((arcs) =>
		booleanPointInPolygon(inside, toGeoJSON(topology, { type: 'Polygon', arcs }))
	);
	if (matches.length !== 1) throw new Error(`${matches.length} Russian polygons hold ${inside}`);
	const crimeaArcs = matches[0];
	if (!crimeaArcs) throw new Error('unreachable');
	/** @type {TopoPolygon} */
	const crimea = {
		type: 'Polygon',
		arcs: crimeaArcs,
		id: 'CRIMEA',
		properties: { name: 'Crimea' }
	};
	/** @type {TopoMultiPolygon} */
	const russia = { ...rus, arcs: rus.arcs.filter((a) => a !== crimeaArcs) };
	const ukraineMainland = ukraineObj;
	const merged = topojson.merge(topology, /** @type {any} */ ([ukraineMainland, crimea]));
	const before = polygonsOf(toGeoJSON(topology, ukraineMainland)).length;
	if (merged.coordinates.length !== before) {
		throw new Error('Crimea does not share an arc with Ukraine: merge left it apart');
	}
	return {
		/** topology objects, for meshes (shared borders) */
		objects: { russia, ukraineMainland, crimea },
		russia: toGeoJSON(topology, russia),
		/** @type {Polygonal} */
		ukraine:
			merged.coordinates.length === 1
				? { type: 'Polygon', coordinates: /** @type {any} */ (merged.coordinates[0]) }
				: /** @type {Polygonal} */ (merged),
		crimea: toGeoJSON(topology, crimea)
	};
}
