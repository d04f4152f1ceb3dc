// Context overlays of the briefing: places named in the article, the diplomatic route, the line of
// contact in Donbas. Pure functions of facts.json and the article's text; every feature says where
// it comes from.

import { greatCircleArc } from '../../src/lib/geo/derive.js';
import { round } from '../../src/lib/geo/rings.js';
import { articleProvenance, formatDate } from '../../src/lib/briefing/text.js';

/** @typedef {import('geojson').Feature<import('geojson').Geometry, Record<string, unknown>>} Feature */
/**
 * @typedef {{ id: string, name: string, where?: string, lat: number, lon: number, iso3: string,
 *   capital: boolean, terms: string[], relatedTerms?: string[], shownBecause?: string,
 *   note?: string, date?: string, routeStop?: boolean }} PlaceFact
 * @typedef {{ from: string, to: string, date: string, dateText: string, article: number[] }} RouteLeg
 * @typedef {{ name: string, lat: number, lon: number, note?: string }} Town
 * @typedef {{ id: string, name: string, label: string, accuracyKm: number, asOf: string, note: string,
 *   source: string, provenance: string, url: string, towns: Town[], mapLabel: string,
 *   when: string }} LineOfContact
 */

export const GEONAMES = 'Source: GeoNames (CC BY 4.0)';

/** "1,234" (thousands separated by commas, independent of the machine's locale). @param {number} n */
export function thousands(n) {
	return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** @param {string} s */
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Numbers (from 1) of the paragraphs containing one of `terms` as a whole word or phrase
 * (case-sensitive: "Paris" is a name, "U.S." is matched literally).
 * @param {string[]} paragraphs
 * @param {string[]} terms
 */
export function paragraphsNaming(paragraphs, terms) {
	if (terms.length === 0) return [];
	const re = new RegExp(
		`(?<![\\p{L}\\p{N}])(?:${terms.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
		'u'
	);
	return paragraphs.flatMap((p, i) => (re.test(p) ? [i + 1] : []));
}

/** @param {{ lon: number, lat: number }} p @returns {[number, number]} */
const lonLat = (p) => [round(p.lon), round(p.lat)];

/**
 * @param {PlaceFact[]} places
 * @param {string} id
 */
function placeById(places, id) {
	const p = places.find((x) => x.id === id);
	if (!p) throw new Error(`facts.json has no place "${id}"`);
	return p;
}

/**
 * One Point per place of facts.json, saying whether the article names it. A place the article names
 * (one of its `terms`) cites the paragraphs naming it. One it does not name is shown only with a
 * reason (`shownBecause`, "the capital of Mali, where ..."): it cites the paragraphs that name
 * what it stands for (`relatedTerms`: its country, or the words the article uses instead of its
 * name), if any. A place with neither is skipped (returned in `skipped`); a named place that also
 * gives a reason is an error in facts.json.
 * @param {PlaceFact[]} places
 * @param {string[]} paragraphs the article's paragraphs
 * @returns {{ features: Feature[], skipped: string[] }}
 */
export function placeFeatures(places, paragraphs) {
	/** @type {Feature[]} */
	const features = [];
	/** @type {string[]} */
	const skipped = [];
	for (const p of places) {
		const named = paragraphsNaming(paragraphs, p.terms);
		if (named.length > 0 && p.shownBecause)
			throw new Error(
				`facts.json: place ${p.id} is named in the article (${articleProvenance(named).replace('Article, ', '')}); drop its shownBecause`
			);
		if (named.length === 0 && !p.shownBecause) {
			skipped.push(p.id);
			continue;
		}
		const cited = named.length > 0 ? named : paragraphsNaming(paragraphs, p.relatedTerms ?? []);
		features.push({
			type: 'Feature',
			properties: {
				id: p.id,
				kind: 'place',
				name: p.name,
				label: p.name,
				...(p.where ? { where: p.where } : {}),
				iso3: p.iso3,
				capital: p.capital,
				namedInArticle: named.length > 0,
				paragraphs: cited.join(','),
				...(named.length === 0 ? { shownBecause: p.shownBecause } : {}),
				note: p.note ?? '',
				...(p.date ? { date: p.date } : {}),
				provenance: cited.length > 0 ? articleProvenance(cited) : GEONAMES,
				provenanceKind: cited.length > 0 ? 'article' : 'source',
				coordinatesSource: 'GeoNames (CC BY 4.0)',
				approximate: false
			},
			geometry: { type: 'Point', coordinates: lonLat(p) }
		});
	}
	return { features, skipped };
}

/**
 * Paris -> Moscow -> Kyiv as great-circle arcs, one LineString per leg.
 * @param {PlaceFact[]} places
 * @param {RouteLeg[]} legs
 * @param {number} npoints
 * @param {string[]} paragraphs the article's paragraphs, to check that each leg's paragraphs name
 *   its destination
 * @param {string} note what the route is, said in each leg's mark
 * @returns {Feature[]}
 */
export function routeFeatures(places, legs, npoints, paragraphs, note) {
	return legs.map((leg, i) => {
		const from = placeById(places, leg.from);
		const to = placeById(places, leg.to);
		const naming = paragraphsNaming(paragraphs, to.terms);
		const missing = leg.article.filter((n) => !naming.includes(n));
		if (missing.length > 0)
			throw new Error(
				`route ${from.name} -> ${to.name}: para. ${missing} does not name ${to.name}`
			);
		const a = lonLat(from);
		const b = lonLat(to);
		const { geometry, km } = greatCircleArc(a, b, npoints);
		return {
			type: 'Feature',
			properties: {
				id: `route-${from.id}-${to.id}`,
				kind: 'route',
				leg: i + 1,
				from: from.name,
				to: to.name,
				date: leg.date,
				dateText: leg.dateText,
				distanceKm: km,
				label: `${from.name} → ${to.name} · ${formatDate(leg.date, 'short')} · ${thousands(km)} km`,
				paragraphs: leg.article.join(','),
				note,
				provenance: articleProvenance(leg.article),
				provenanceKind: 'article',
				approximate: false
			},
			geometry
		};
	});
}

/**
 * The line of contact, one LineString through the front-line towns (north to south).
 * @param {LineOfContact} loc
 * @returns {Feature}
 */
export function contactLineFeature(loc) {
	if (loc.towns.length < 2) throw new Error('the line of contact needs at least two towns');
	return {
		type: 'Feature',
		properties: {
			id: loc.id,
			kind: 'line',
			name: loc.name,
			label: loc.label,
			mapLabel: loc.mapLabel,
			when: loc.when,
			approximate: true,
			accuracyKm: loc.accuracyKm,
			asOf: loc.asOf,
			towns: loc.towns.map((t) => t.name).join(', '),
			note: loc.note,
			provenance: loc.provenance,
			provenanceKind: 'source',
			url: loc.url
		},
		geometry: { type: 'LineString', coordinates: loc.towns.map(lonLat) }
	};
}
