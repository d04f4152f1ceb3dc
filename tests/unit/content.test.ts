// The embedded briefing's own content (src/content/feb-2022): its overlays, each feature with
// where it comes from, checked against the facts of its sources (SOURCES.md there: GeoNames
// coordinates, dates, the article's paragraphs) and against the basemap it is drawn on (geodata/).
// What the files derive from their inputs is kept in step by npm run notes (tests/unit/notes.test.ts).
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type {
	Feature,
	FeatureCollection,
	Geometry,
	LineString,
	MultiLineString,
	MultiPolygon,
	Polygon,
	Position
} from 'geojson';
import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { intersect } from '@turf/intersect';
import { length } from '@turf/length';
import { distance } from '@turf/distance';
import { nearestPointOnLine } from '@turf/nearest-point-on-line';
import { polygonToLine } from '@turf/polygon-to-line';
import { featureCollection, feature as turfFeature } from '@turf/helpers';
import { labelPoint } from '../../src/lib/geo/bounds.js';
import {
	deriveFeature,
	greatCircleArc,
	paragraphsNaming,
	sharedBorder
} from '../../src/lib/geo/derive.js';
import { formatProvenance, isAfter, splitParagraphs } from '../../src/lib/briefing/text.js';

const ROOT = join(import.meta.dirname, '../..');
const GEO = join(ROOT, 'geodata');
const CONTENT = join(ROOT, 'src/content/feb-2022');
type Polygonal = Polygon | MultiPolygon;
type FC = FeatureCollection<Geometry, Record<string, unknown>>;

/** A file of the briefing's folder (`overlays/…`), else of geodata/. */
const read = (rel: string): string =>
	readFileSync(join(rel.startsWith('overlays/') ? CONTENT : GEO, rel), 'utf8');
const readFC = (rel: string): FC => JSON.parse(read(rel)) as FC;
const country = (iso3: string) =>
	readFC(`countries/${iso3}.geojson`).features[0] as Feature<Polygonal>;
const polygonsOf = (g: Polygonal): Position[][][] =>
	g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
/** "2,487" (as the route's labels write distances). */
const thousands = (n: number) => Math.round(n).toLocaleString('en');

/** GeoNames (CC BY 4.0), as [lon, lat]: SOURCES.md of the briefing. */
const SIMFEROPOL: [number, number] = [34.102, 44.952];
const SEVASTOPOL: [number, number] = [33.525, 44.6];

const paragraphs = splitParagraphs(readFileSync(join(CONTENT, 'article.txt'), 'utf8'));
const crimea = readFC('overlays/crimea.geojson').features[0] as Feature<Polygonal>;
const troops = readFC('overlays/troops-article.geojson');
const reported = readFC('overlays/troops-reported.geojson');
const places = readFC('overlays/places.geojson');
const route = readFC('overlays/route.geojson');
const contactLine = readFC('overlays/contact-line.geojson');
const overlayFiles = readdirSync(join(CONTENT, 'overlays')).filter((f) => f.endsWith('.geojson'));

describe('overlays/crimea.geojson', () => {
	it('has a Crimea overlay holding Simferopol and Sevastopol', () => {
		expect(crimea.properties).toMatchObject({
			id: 'crimea',
			name: 'Crimea',
			status: 'occupied',
			approximate: false
		});
		expect(String(crimea.properties?.source)).toContain('68/262');
		expect(booleanPointInPolygon(SIMFEROPOL, crimea)).toBe(true);
		expect(booleanPointInPolygon(SEVASTOPOL, crimea)).toBe(true);
		const km2 = area(crimea) / 1e6;
		expect(km2).toBeGreaterThan(22_000); // Crimea is about 27,000 km2
		expect(km2).toBeLessThan(30_000);
	});

	it('is the basemap’s 1:50m Crimea, as geodata/ has it (copied, never drifting from it)', () => {
		expect(readFC('overlays/crimea.geojson').features).toHaveLength(1);
		const region = readFC('regions/CRIMEA.geojson').features[0] as Feature<Polygonal>;
		expect(crimea.geometry).toEqual(region.geometry);
		expect(crimea.properties).toMatchObject({
			label: 'Crimea (Ukraine), occupied by Russia since 2014',
			mapLabel: 'Crimea\noccupied since 2014',
			source: 'UN General Assembly resolution 68/262, 27 March 2014',
			provenance: 'Source: UN General Assembly resolution 68/262, 27 March 2014',
			provenanceKind: 'source'
		});
	});
});

describe('overlays/troops-article.geojson', () => {
	const rus = country('RUS');
	const zones = troops.features.filter(
		(f) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'
	) as Feature<Polygonal>[];

	it('gives every note scalar-friendly properties and its provenance', () => {
		for (const f of [...troops.features, ...reported.features]) {
			const p = f.properties;
			expect(p.noteId).toBeTypeOf('string');
			expect(p.forces).toBeTypeOf('string');
			expect(Array.isArray(p.concerns)).toBe(true);
			expect(p.concernsCsv).toBe((p.concerns as string[]).join(','));
			expect(p.approximate).toBeTypeOf('boolean');
			expect(p.provenanceKind).toBe(
				f === troops.features.find((x) => x === f) ? 'article' : 'source'
			);
			if (p.provenanceKind === 'article')
				expect(p.provenance).toMatch(/^Article, paras?\. \d+(, \d+)*$/);
			else expect(p.provenance).toMatch(/^Source: .{3,}/);
			expect(p.label).toBeTypeOf('string');
		}
	});

	it('has a border zone', () => {
		expect(zones.length).toBeGreaterThan(0);
	});

	it('lies inside Russia or Crimea', { timeout: 60_000 }, () => {
		for (const z of zones) {
			const inRus = intersect(featureCollection([z, rus]));
			const inCrimea = intersect(featureCollection([z, crimea]));
			const inside = (inRus ? area(inRus) : 0) + (inCrimea ? area(inCrimea) : 0);
			expect(inside / area(z)).toBeGreaterThan(0.999);
			expect(inside / area(z)).toBeLessThan(1.001);
			for (const poly of polygonsOf(z.geometry)) {
				const p = labelPoint({ type: 'Polygon', coordinates: poly });
				const ok = booleanPointInPolygon(p, rus) || booleanPointInPolygon(p, crimea);
				expect(ok).toBe(true);
				expect(booleanPointInPolygon(p, country('UKR')) && !booleanPointInPolygon(p, crimea)).toBe(
					false
				);
			}
		}
	});

	it('reaches the Russia-Ukraine border along its whole length, and is about widthKm wide', () => {
		// The land border (the files' shared vertices): Russia's file has no Crimea.
		const border: MultiLineString = sharedBorder([rus.geometry], [country('UKR').geometry]);
		const borderKm = length(turfFeature(border));
		expect(borderKm).toBeGreaterThan(1000);
		for (const z of zones) {
			const widthKm = Number(z.properties?.widthKm);
			expect(widthKm).toBeGreaterThan(0);
			// every border vertex is on or inside the zone (distance ~0; both rounded as in geodata/)
			const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
			const pts = border.coordinates.flat().map((p) => [r4(p[0]!), r4(p[1]!)]);
			const missing = pts.filter((p) => !booleanPointInPolygon(p, z, { ignoreBoundary: false }));
			expect(missing.length / pts.length).toBeLessThan(0.02);
			// area: about the border's length times the width, plus round ends and Crimea
			const rusKm2 = (area(intersect(featureCollection([z, rus]))!) as number) / 1e6;
			expect(rusKm2).toBeGreaterThan(0.6 * borderKm * widthKm);
			expect(rusKm2).toBeLessThan(borderKm * widthKm + Math.PI * widthKm ** 2);
			// far from the border is outside: Moscow, ~450 km away
			expect(booleanPointInPolygon([37.618, 55.752], z)).toBe(false);
		}
	});
});

describe('every overlay', () => {
	it.each(overlayFiles)('%s: every feature has a provenance, its kind and approximate', (file) => {
		const fc = readFC(join('overlays', file));
		expect(fc.features.length).toBeGreaterThan(0);
		const ids = new Set<string>();
		for (const f of fc.features) {
			const p = f.properties;
			expect(p.provenance, file).toBeTypeOf('string');
			expect(String(p.provenance).trim().length, file).toBeGreaterThan(0);
			expect(['article', 'source'], file).toContain(p.provenanceKind);
			if (p.provenanceKind === 'article')
				expect(p.provenance).toMatch(/^Article, paras?\. \d+(, \d+)*$/);
			else expect(p.provenance).toMatch(/^Source: /);
			expect(p.approximate, file).toBeTypeOf('boolean');
			expect(p.id, file).toBeTypeOf('string');
			expect(ids.has(String(p.id)), `${file}: duplicate id ${p.id}`).toBe(false);
			ids.add(String(p.id));
		}
	});
});

describe('troop reports, dated against the article (asOf 2022-02-07)', () => {
	const byPlace = (place: string) => {
		const f = reported.features.find((x) => x.properties.place === place);
		if (!f) throw new Error(`no report at ${place}`);
		return f.properties;
	};

	it('marks reports first seen after 7 February 2022', () => {
		expect(byPlace('Belgorod').afterArticle).toBe(true); // 20 Feb
		expect(byPlace('Kursk training area').afterArticle).toBe(true); // 10 Feb
		expect(byPlace('Zyabrovka airfield').afterArticle).toBe(true);
		expect(byPlace('Klimovo').afterArticle).toBe(false); // 19 Jan
		expect(byPlace('Yelnya').afterArticle).toBe(false); // from 9 Nov 2021
	});

	it('gives every troop feature a unique id and a boolean afterArticle', () => {
		for (const fc of [troops, reported]) {
			const ids = fc.features.map((f) => String(f.properties.id));
			expect(new Set(ids).size).toBe(ids.length);
			for (const f of fc.features) {
				const p = f.properties;
				expect(p.afterArticle).toBeTypeOf('boolean');
				expect(String(p.id).startsWith(String(p.noteId))).toBe(true);
				if (p.kind === 'zone') expect(p.id).toBe(p.noteId);
				if (p.kind === 'zone-label') expect(p.id).toBe(`${p.noteId}-label`);
				// The notes of briefing.json first seen (observed.from, else the source's date)
				// after 7 February 2022: 10, 10, 10 and 20 February.
				expect(p.afterArticle, String(p.id)).toBe(
					[
						'ru-maxar-february',
						'blr-maxar-february',
						'blr-union-resolve',
						'ru-maxar-belgorod'
					].includes(String(p.noteId))
				);
			}
		}
		expect(troops.features.some((f) => f.properties.kind === 'zone-label')).toBe(true);
		expect(troops.features.every((f) => f.properties.afterArticle === false)).toBe(true);
	});

	it('compares partial dates by their first day', () => {
		expect(isAfter('2022-02-07', '2022-02-07')).toBe(false);
		expect(isAfter('2022-02-08', '2022-02-07')).toBe(true);
		expect(isAfter('2022-02', '2022-02-07')).toBe(false);
		expect(isAfter('2022-03', '2022-02-07')).toBe(true);
		expect(isAfter('2021-12', '2022-02-07')).toBe(false);
		expect(isAfter('2022', '2022-02-07')).toBe(false);
		expect(isAfter('2023', '2022-02-07')).toBe(true);
		expect(isAfter(undefined, '2022-02-07')).toBe(false);
		expect(() => isAfter('10 Feb 2022', '2022-02-07')).toThrow(/ISO/);
	});
});

describe('overlays/route.geojson', () => {
	const CITIES: Record<string, [number, number]> = {
		Paris: [2.349, 48.853],
		Moscow: [37.618, 55.752],
		Kyiv: [30.524, 50.455]
	};

	it('goes Paris -> Moscow on 7 February, then Moscow -> Kyiv on 8 February', () => {
		expect(
			route.features.map((f) => [f.properties.from, f.properties.to, f.properties.date])
		).toEqual([
			['Paris', 'Moscow', '2022-02-07'],
			['Moscow', 'Kyiv', '2022-02-08']
		]);
		expect(route.features.map((f) => f.properties.id)).toEqual([
			'route-paris-moscow',
			'route-moscow-kyiv'
		]);
		expect(route.features.map((f) => f.properties.provenance)).toEqual([
			'Article, para. 2',
			'Article, paras. 1, 3'
		]);
		expect(route.features[0]!.properties.label).toBe('Paris → Moscow · 7 Feb 2022 · 2,487 km');
	});

	it.each([0, 1])('leg %i is a great-circle arc between its cities', (i) => {
		const f = route.features[i] as Feature<LineString, Record<string, unknown>>;
		expect(f.geometry.type).toBe('LineString');
		expect(f.properties.kind).toBe('route');
		expect(f.properties.approximate).toBe(false);
		const a = CITIES[String(f.properties.from)]!;
		const b = CITIES[String(f.properties.to)]!;
		const coords = f.geometry.coordinates;
		expect(coords.length).toBeGreaterThanOrEqual(32);
		expect(coords[0]).toEqual(a);
		expect(coords[coords.length - 1]).toEqual(b);
		const km = distance(a, b, { units: 'kilometers' });
		expect(f.properties.distanceKm).toBe(Math.round(km));
		expect(Math.abs(length(f, { units: 'kilometers' }) / km - 1)).toBeLessThan(0.01);
		expect(String(f.properties.label)).toContain(`${thousands(km)} km`);
	});

	it('measures Paris-Moscow about 2,490 km and Moscow-Kyiv about 755 km', () => {
		const [pm, mk] = route.features.map((f) => Number(f.properties.distanceKm));
		expect(pm).toBeGreaterThan(2450);
		expect(pm).toBeLessThan(2520);
		expect(mk).toBeGreaterThan(730);
		expect(mk).toBeLessThan(780);
	});
});

describe('overlays/contact-line.geojson', () => {
	const f = contactLine.features[0] as Feature<LineString, Record<string, unknown>>;

	it('is one approximate LineString (±5 km) dated before 24 February 2022', () => {
		expect(contactLine.features).toHaveLength(1);
		expect(f.geometry.type).toBe('LineString');
		expect(f.properties).toMatchObject({
			id: 'contact-line',
			kind: 'line',
			approximate: true,
			accuracyKm: 5,
			asOf: '2022-02-23',
			provenanceKind: 'source',
			url: 'https://en.interfax.com.ua/news/general/564731.html'
		});
		expect(String(f.properties.label)).toMatch(/approximate, ±5 km/);
		expect(String(f.properties.provenance)).toContain('32/2019');
		expect(String(f.properties.towns).split(', ')).toEqual([
			'Shchastia',
			'Zolote',
			'Popasna',
			'Svitlodarsk',
			'Horlivka',
			'Avdiivka',
			'Krasnohorivka',
			'Shyrokyne'
		]);
	});

	it('runs north to south, through one point per town, inside Ukraine', () => {
		const lats = f.geometry.coordinates.map((p) => p[1]!);
		expect(lats).toHaveLength(8);
		for (let i = 1; i < lats.length; i++) expect(lats[i]!).toBeLessThan(lats[i - 1]!);
		const ukr = country('UKR');
		for (const p of f.geometry.coordinates) expect(booleanPointInPolygon(p, ukr)).toBe(true);
		const km = length(f, { units: 'kilometers' });
		expect(km).toBeGreaterThan(250);
		expect(km).toBeLessThan(400);
	});
});

describe('overlays/places.geojson', () => {
	const byId = (id: string) => {
		const f = places.features.find((x) => x.properties.id === id);
		if (!f) throw new Error(`no place ${id}`);
		return f.properties;
	};

	it('has the places of the article, with paragraphs in 1..12', () => {
		expect(places.features.map((f) => f.properties.id)).toEqual([
			'paris',
			'versailles',
			'bregancon',
			'moscow',
			'kyiv',
			'bamako',
			'budapest',
			'ljubljana',
			'london',
			'washington'
		]);
		for (const f of places.features) {
			const p = f.properties;
			expect(f.geometry.type).toBe('Point');
			expect(p.kind).toBe('place');
			expect(p.iso3).toMatch(/^[A-Z]{3}$/);
			expect(p.capital).toBeTypeOf('boolean');
			expect(p.approximate).toBe(false);
			expect(p.coordinatesSource).toBe('GeoNames (CC BY 4.0)');
			expect(String(p.note).length).toBeGreaterThan(5);
			const nums = String(p.paragraphs).split(',').filter(Boolean).map(Number);
			for (const n of nums) {
				expect(Number.isInteger(n)).toBe(true);
				expect(n).toBeGreaterThanOrEqual(1);
				expect(n).toBeLessThanOrEqual(12);
			}
			if (nums.length === 0) expect(p.provenanceKind).toBe('source');
		}
	});

	it('cites the paragraphs naming each place, else GeoNames', () => {
		expect(
			Object.fromEntries(places.features.map((f) => [f.properties.id, f.properties.provenance]))
		).toEqual({
			paris: 'Source: GeoNames (CC BY 4.0)',
			versailles: 'Article, para. 7',
			bregancon: 'Article, para. 7',
			moscow: 'Article, paras. 2, 5, 8, 10, 11',
			kyiv: 'Article, paras. 1, 3, 11',
			bamako: 'Article, para. 8',
			budapest: 'Article, para. 5',
			ljubljana: 'Article, para. 5',
			london: 'Article, para. 10',
			washington: 'Article, paras. 4, 10'
		});
	});

	it('says which places the article names, and in which paragraph', () => {
		const named = places.features.filter((f) => f.properties.namedInArticle === true);
		expect(named.map((f) => f.properties.id)).toEqual(['versailles', 'moscow', 'kyiv']);
		expect(byId('versailles')).toMatchObject({ paragraphs: '7', provenance: 'Article, para. 7' });
		expect(byId('versailles').date).toBe('2017-05-29');
		expect(byId('moscow').paragraphs).toBe('2,5,8,10,11');
		expect(byId('kyiv').paragraphs).toBe('1,3,11');
		for (const f of named) expect(f.properties.shownBecause).toBeUndefined();
	});

	it('says why each place the article does not name is shown (where the story happens)', () => {
		const unnamed = places.features.filter((f) => f.properties.namedInArticle === false);
		expect(unnamed.map((f) => f.properties.id)).toEqual([
			'paris',
			'bregancon',
			'bamako',
			'budapest',
			'ljubljana',
			'london',
			'washington'
		]);
		for (const f of unnamed) expect(String(f.properties.shownBecause).length).toBeGreaterThan(10);
		// Brégançon: the article says only "summer residence" (para. 7), never the name
		expect(byId('bregancon')).toMatchObject({ paragraphs: '7', namedInArticle: false });
		expect(byId('bregancon').date).toBe('2019-08-19');
		expect(String(byId('bregancon').shownBecause)).toMatch(/summer residence/);
		// capitals: the paragraphs naming their country
		expect(byId('bamako')).toMatchObject({ paragraphs: '8', namedInArticle: false });
		expect(String(byId('bamako').shownBecause)).toMatch(/capital of Mali/);
		expect(byId('budapest').paragraphs).toBe('5');
		expect(byId('ljubljana').paragraphs).toBe('5');
		expect(byId('london').paragraphs).toBe('10');
		expect(byId('washington').paragraphs).toBe('4,10');
		// Paris is never named, nor is anything about it: the route's start, credited to GeoNames
		expect(byId('paris')).toMatchObject({
			paragraphs: '',
			namedInArticle: false,
			provenance: 'Source: GeoNames (CC BY 4.0)',
			provenanceKind: 'source'
		});
		expect(String(byId('paris').shownBecause)).toMatch(/route/);
	});

	it('refuses a place the article names that claims a reason to be shown, and one with neither', () => {
		const paras = ['Macron goes to Moscow.', 'Elections in Hungary.'];
		const place = (props: Record<string, unknown>) => ({
			type: 'Feature' as const,
			properties: { provenance: '', approximate: false, coordinatesSource: 'GeoNames', ...props },
			geometry: { type: 'Point' as const, coordinates: [0, 0] }
		});
		expect(() =>
			deriveFeature(place({ id: 'moscow', terms: ['Moscow'], shownBecause: 'a capital' }), paras)
		).toThrow(/moscow is named in the article \(Article, para\. 1\)/);
		expect(() => deriveFeature(place({ id: 'nowhere', terms: ['Nowhere'] }), paras)).toThrow(
			/nowhere is not named in the article/
		);
		expect(
			deriveFeature(
				place({
					id: 'budapest',
					terms: ['Budapest'],
					relatedTerms: ['Hungary'],
					shownBecause: 'the capital of Hungary'
				}),
				paras
			).properties
		).toMatchObject({
			namedInArticle: false,
			paragraphs: '2',
			provenance: 'Article, para. 2',
			provenanceKind: 'article',
			shownBecause: 'the capital of Hungary'
		});
		// Nothing in the article cites it: credited to the source of its coordinates.
		expect(
			deriveFeature(place({ id: 'paris', terms: ['Paris'], shownBecause: 'the start' }), paras)
				.properties
		).toMatchObject({ paragraphs: '', provenance: 'Source: GeoNames', provenanceKind: 'source' });
	});

	it('finds paragraphs by whole words', () => {
		const paras = splitParagraphs('Paris is here.\n\nThe U.S. and Mali.\n \nMalian; Parisian.\n');
		expect(paras).toHaveLength(3);
		expect(paragraphsNaming(paras, ['Paris'])).toEqual([1]);
		expect(paragraphsNaming(paras, ['Mali'])).toEqual([2]);
		expect(paragraphsNaming(paras, ['U.S.'])).toEqual([2]);
		expect(paragraphsNaming(paras, ['US'])).toEqual([]);
		expect(paragraphs).toHaveLength(12);
	});
});

describe('the briefing’s distances', () => {
	type Distance = {
		from: string;
		fromIso3: string;
		at: [number, number];
		to: string;
		km: number;
		nearest: [number, number];
		provenance: string;
	};
	const distances = (
		JSON.parse(readFileSync(join(CONTENT, 'briefing.json'), 'utf8')) as {
			distances: Distance[];
		}
	).distances;
	const to = (iso3: string) => {
		const d = distances.find((x) => x.to === iso3);
		if (!d) throw new Error(`no distance to ${iso3}`);
		return d;
	};

	it('measures Kyiv to the nearest point of Belarus and of Russia', () => {
		expect(distances.map((d) => d.to)).toEqual(['RUS', 'BLR']);
		for (const d of distances) {
			expect(d).toMatchObject({ from: 'Kyiv', fromIso3: 'UKR', at: [30.524, 50.455] });
			expect(Number.isInteger(d.km)).toBe(true);
			expect(d.provenance).toMatch(/^Source: Natural Earth/);
			// the nearest point is that far from Kyiv
			expect(Math.abs(distance(d.at, d.nearest) - d.km)).toBeLessThan(1);
		}
		expect(to('BLR').km).toBeGreaterThanOrEqual(60);
		expect(to('BLR').km).toBeLessThanOrEqual(120);
		// About 200 km (1:50m 202 km, 1:10m ~200 km): the nearest point of Russia is the tripoint
		// with Belarus north of Chernihiv, not the Sumy border.
		expect(to('RUS').km).toBeGreaterThanOrEqual(180);
		expect(to('RUS').km).toBeLessThanOrEqual(220);
	});

	it('puts each nearest point on the border of its country with Ukraine, outside Crimea', () => {
		const ukr = country('UKR');
		const rus = country('RUS');
		for (const d of distances) {
			// on the shared border: within a kilometre of Ukraine's boundary
			const onUkr = nearestPointOnLine(
				polygonToLine(ukr) as Feature<MultiLineString | LineString>,
				d.nearest,
				{ units: 'kilometers' }
			);
			expect(onUkr.properties.pointDistance).toBeLessThan(1);
			expect(booleanPointInPolygon(d.nearest, crimea)).toBe(false);
		}
		// Russia's nearest point is on Russia's boundary, the closest of all its vertices
		const rusMin = Math.min(
			...polygonsOf(rus.geometry)
				.flat(2)
				.map((p) => distance([30.524, 50.455], p))
		);
		expect(to('RUS').km).toBeLessThanOrEqual(Math.round(rusMin));
	});
});

describe('the facts of the briefing’s sources', () => {
	/** GeoNames coordinates, [lon, lat] (SOURCES.md: "Places named in the article"). */
	const GEONAMES: Record<string, [number, number]> = {
		paris: [2.349, 48.853],
		versailles: [2.134, 48.804],
		bregancon: [6.322, 43.094],
		moscow: [37.618, 55.752],
		kyiv: [30.524, 50.455],
		bamako: [-7.975, 12.609],
		budapest: [19.04, 47.498],
		ljubljana: [14.505, 46.051],
		london: [-0.126, 51.509],
		washington: [-77.036, 38.895]
	};
	/** The dates behind the article (SOURCES.md: "Dates behind the article"). */
	const DATES: Record<string, string | undefined> = {
		paris: undefined,
		versailles: '2017-05-29',
		bregancon: '2019-08-19',
		moscow: '2022-02-07',
		kyiv: '2022-02-08',
		bamako: '2021-12',
		budapest: '2022-04-03',
		ljubljana: '2022-04-24',
		london: undefined,
		washington: undefined
	};

	it('puts every place at its GeoNames coordinates, on its date, in its country', () => {
		expect(Object.keys(GEONAMES)).toEqual(places.features.map((f) => f.properties.id));
		for (const f of places.features as Feature<Geometry, Record<string, unknown>>[]) {
			const id = String(f.properties.id);
			expect(f.geometry, id).toEqual({ type: 'Point', coordinates: GEONAMES[id] });
			expect(f.properties.date, id).toBe(DATES[id]);
			// In its country, or on its coast: Brégançon's fort stands on a rock by the shore, about 5 km
			// from the coarse 1:50m coastline; within 10 km of it.
			const p = (f.geometry as { coordinates: Position }).coordinates;
			const home = country(String(f.properties.iso3));
			const off = nearestPointOnLine(
				polygonToLine(home) as Feature<MultiLineString | LineString>,
				p,
				{ units: 'kilometers' }
			).properties.pointDistance;
			expect(booleanPointInPolygon(p, home) || off < 10, id).toBe(true);
		}
	});

	it('keeps the words that name each place, from which notes derive where the article names it', () => {
		for (const f of places.features) {
			const p = f.properties;
			expect(Array.isArray(p.terms) && (p.terms as string[]).length > 0, String(p.id)).toBe(true);
			// Drawn again from those words, the feature is the same (npm run notes -- --check).
			expect(deriveFeature(f, paragraphs), String(p.id)).toEqual(f);
		}
		expect(places.features.find((f) => f.properties.id === 'moscow')!.properties.terms).toEqual([
			'Moscow',
			'Kremlin'
		]);
	});

	it('runs the line of contact through the GeoNames coordinates of its towns, north to south', () => {
		const f = contactLine.features[0] as Feature<LineString, Record<string, unknown>>;
		expect(f.geometry.coordinates).toEqual([
			[39.23, 48.738], // Shchastia
			[38.515, 48.695], // Zolote
			[38.371, 48.632], // Popasna
			[38.223, 48.434], // Svitlodarsk
			[38.017, 48.3], // Horlivka, held by Russian-led forces
			[37.75, 48.14], // Avdiivka
			[37.507, 48.005], // Krasnohorivka
			[37.818, 47.098] // Shyrokyne, on the Sea of Azov
		]);
		expect(f.properties.when).toBe('Before 24 February 2022 (as of 23 February 2022)');
		expect(f.properties.mapLabel).toBe('Line of contact (approx. ±5 km)');
	});

	it('keeps each leg’s ends, its places’ coordinates, and draws the arc from them', () => {
		for (const f of route.features as Feature<LineString, Record<string, unknown>>[]) {
			const gc = f.properties.greatCircle as {
				from: [number, number];
				to: [number, number];
				npoints: number;
			};
			const byName = (name: unknown) =>
				places.features.find((p) => p.properties.name === name) as Feature<
					Geometry,
					Record<string, unknown>
				>;
			expect(gc.from).toEqual(
				(byName(f.properties.from).geometry as { coordinates: Position }).coordinates
			);
			expect(gc.to).toEqual(
				(byName(f.properties.to).geometry as { coordinates: Position }).coordinates
			);
			expect(gc.npoints).toBe(64);
			const arc = greatCircleArc(gc.from, gc.to, gc.npoints);
			expect(f.geometry).toEqual(arc.geometry);
			expect(f.properties.distanceKm).toBe(arc.km);
			expect(deriveFeature(f, paragraphs)).toEqual(f);
			// Each leg's paragraphs name its destination (one of the place's terms).
			const naming = paragraphsNaming(
				paragraphs,
				byName(f.properties.to).properties.terms as string[]
			);
			for (const n of String(f.properties.paragraphs).split(',').map(Number))
				expect(naming, `${f.properties.id}: para. ${n}`).toContain(n);
		}
	});

	it('redraws a moved leg: another end, another arc and distance', () => {
		const f = route.features[1] as Feature<LineString, Record<string, unknown>>;
		const moved = structuredClone(f);
		(moved.properties.greatCircle as { to: Position }).to = [24.106, 56.949]; // Riga
		const drawn = deriveFeature(moved, paragraphs) as Feature<LineString, Record<string, unknown>>;
		expect(drawn.geometry.coordinates.at(-1)).toEqual([24.106, 56.949]);
		expect(drawn.properties.distanceKm).not.toBe(f.properties.distanceKm);
	});
});

describe('size', () => {
	const gz = (rel: string) => gzipSync(read(rel), { level: 9 }).length;
	it('keeps the context overlays small', () => {
		for (const f of [
			'overlays/places.geojson',
			'overlays/route.geojson',
			'overlays/contact-line.geojson'
		])
			expect(gz(f), f).toBeLessThan(4 * 1024);
	});
});

describe('provenance', () => {
	it('writes troop notes’ provenance', () => {
		expect(formatProvenance({ kind: 'article', paragraphs: [4] })).toBe('Article, para. 4');
		expect(formatProvenance({ kind: 'article', paragraphs: [8, 4] })).toBe('Article, paras. 4, 8');
		expect(
			formatProvenance({ kind: 'source', url: 'https://example.org/a', date: '2022-02-10' })
		).toBe('Source: example.org/a, 10 February 2022');
		expect(
			formatProvenance({
				kind: 'source',
				publisher: 'CNN',
				url: 'https://cnn.com/x',
				date: '2022-02'
			})
		).toBe('Source: CNN, February 2022');
		// As the panels say it (the same words for the same report).
		expect(
			reported.features.find((f) => f.properties.id === 'ru-maxar-january-0')?.properties.provenance
		).toBe(
			'Source: Military Times, “Satellite images show more Russian troops, equipment near Ukraine”, 20 January 2022'
		);
	});
});
