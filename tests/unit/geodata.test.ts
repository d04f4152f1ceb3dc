// The committed geodata/ (built by `npm run geodata`, scripts/geodata/) and the build's pure helpers.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type {
	Feature,
	FeatureCollection,
	Geometry,
	MultiPolygon,
	Polygon,
	Position
} from 'geojson';
import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { kinks } from '@turf/kinks';
import { BUDGET } from '../../scripts/geodata/budget.js';
import {
	closeRing,
	maxLongitudeStep,
	normalizeGeometry,
	orientPolygon,
	polarCapBand,
	removeSelfIntersections,
	ringSelfIntersections,
	separateTouchingRings,
	signedArea,
	splitAtAntimeridian,
	unwrapRing
} from '../../src/lib/geo/rings.js';
import { mainlandBounds } from '../../src/lib/geo/bounds.js';
import { countryProps } from '../../scripts/geodata/topology.js';
import {
	SIMFEROPOL as BUILD_SIMFEROPOL,
	generate,
	missingFineCodes
} from '../../scripts/geodata/build.js';
import { englishPlural } from '../../scripts/geodata/gazetteer.js';
import worldCountries from 'world-countries';
import {
	EXTRA,
	KEPT_AMBIGUOUS,
	LEFT_OUT,
	NO_DEMONYM,
	NOT_A_COUNTRY,
	FR_NOT_A_COUNTRY
} from '../../scripts/geodata/gazetteer-exceptions.js';

const ROOT = join(import.meta.dirname, '../..');
const GEO = join(ROOT, 'geodata');
type Polygonal = Polygon | MultiPolygon;
type FC = FeatureCollection<Geometry, Record<string, unknown>>;

/** A file of geodata/. */
const read = (rel: string): string => readFileSync(join(GEO, rel), 'utf8');
const readFC = (rel: string): FC => JSON.parse(read(rel)) as FC;

function listFiles(dir: string, prefix = ''): string[] {
	return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? listFiles(dir, join(prefix, e.name)) : [join(prefix, e.name)]
	);
}

const SIMFEROPOL: [number, number] = [34.102, 44.952];
const SEVASTOPOL: [number, number] = [33.525, 44.6];

const world = readFC('world.geojson');
/** Every code of the basemap (world.geojson, names.json). */
const BASEMAP = world.features.map((f) => String(f.properties.iso3));
/** The countries the embedded briefing styles, which the tests below look at closely. */
const STORY = ['FRA', 'RUS', 'UKR', 'MLI', 'HUN', 'SVN'];
const byIso = (fc: FC, iso3: string): Feature<Polygonal> => {
	const f = fc.features.find((x) => x.properties.iso3 === iso3);
	if (!f) throw new Error(`no ${iso3}`);
	return f as Feature<Polygonal>;
};
const country = (iso3: string) => byIso(readFC(`countries/${iso3}.geojson`), iso3);
const bounds = JSON.parse(read('bounds.json')) as Record<string, [number, number, number, number]>;

const polygonsOf = (g: Polygonal): Position[][][] =>
	g.type === 'Polygon' ? [g.coordinates] : g.coordinates;

const geojsonFiles = listFiles(GEO).filter((f) => f.endsWith('.geojson'));

describe('geodata files', () => {
	it('has the expected files', () => {
		for (const f of [
			'world.geojson',
			'labels.geojson',
			'bounds.json',
			'SOURCES.md',
			'regions/CRIMEA.geojson',
			'gazetteer.json',
			'gazetteer-fr.json',
			...BASEMAP.map((iso3) => `countries/${iso3}.geojson`)
		]) {
			expect(existsSync(join(GEO, f)), f).toBe(true);
		}
	});

	describe.each(geojsonFiles)('%s', (file) => {
		const fc = readFC(file);
		it('is a FeatureCollection of valid features', () => {
			expect(fc.type).toBe('FeatureCollection');
			// troops-reported may be empty if the briefing cites no public source
			if (!file.includes('troops-reported')) expect(fc.features.length).toBeGreaterThan(0);
			for (const f of fc.features) {
				expect(f.type).toBe('Feature');
				expect(f.properties).toBeTypeOf('object');
				expect(['Point', 'MultiPoint', 'LineString', 'Polygon', 'MultiPolygon']).toContain(
					f.geometry.type
				);
				const positions: Position[] =
					f.geometry.type === 'Point'
						? [f.geometry.coordinates]
						: f.geometry.type === 'MultiPoint' || f.geometry.type === 'LineString'
							? f.geometry.coordinates
							: polygonsOf(f.geometry as Polygonal).flat(2);
				for (const p of positions) {
					expect(p).toHaveLength(2);
					expect(Math.abs(p[0]!)).toBeLessThanOrEqual(180);
					expect(Math.abs(p[1]!)).toBeLessThanOrEqual(90);
				}
			}
		});

		// (kinks on Canada's 1:50m shape takes seconds on a busy machine)
		it(
			'has closed rings, RFC 7946 winding, no antimeridian jumps and no self-intersections',
			{ timeout: 60_000 },
			() => {
				for (const f of fc.features) {
					if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') continue;
					const name = String(f.properties.iso3 ?? f.properties.noteId ?? f.properties.id);
					for (const poly of polygonsOf(f.geometry)) {
						poly.forEach((ring, i) => {
							expect(ring.length, name).toBeGreaterThanOrEqual(4);
							expect(ring[0], name).toEqual(ring[ring.length - 1]);
							if (i === 0) expect(signedArea(ring), `${name} exterior CCW`).toBeGreaterThan(0);
							else expect(signedArea(ring), `${name} hole CW`).toBeLessThan(0);
							expect(maxLongitudeStep(ring), `${name} antimeridian`).toBeLessThanOrEqual(180);
						});
					}
					expect(kinks(f.geometry as Polygonal).features, `${name} kinks`).toHaveLength(0);
				}
			}
		);
	});
});

describe('Crimea is Ukraine, occupied', () => {
	const cases: [string, Feature<Polygonal>, Feature<Polygonal>][] = [
		['world.geojson', byIso(world, 'UKR'), byIso(world, 'RUS')],
		['countries/', country('UKR'), country('RUS')]
	];
	it.each(cases)('%s: Simferopol and Sevastopol fall in Ukraine, not Russia', (_, ukr, rus) => {
		for (const p of [SIMFEROPOL, SEVASTOPOL]) {
			expect(booleanPointInPolygon(p, ukr)).toBe(true);
			expect(booleanPointInPolygon(p, rus)).toBe(false);
		}
		// and Russia still holds Moscow, Ukraine Kyiv
		expect(booleanPointInPolygon([37.618, 55.752], rus)).toBe(true);
		expect(booleanPointInPolygon([30.524, 50.455], ukr)).toBe(true);
	});

	it('finds Crimea by a constant of the build, Simferopol (GeoNames: 44.952 N, 34.102 E)', () => {
		expect(BUILD_SIMFEROPOL).toEqual(SIMFEROPOL);
	});

	it("puts Simferopol and Sevastopol in Ukraine's 1:50m file and in no other country's", () => {
		const holders = BASEMAP.filter((iso3) =>
			[SIMFEROPOL, SEVASTOPOL].some((p) => booleanPointInPolygon(p, country(iso3)))
		);
		expect(holders).toEqual(['UKR']);
	});

	it('has a story-free Crimea region: the same 1:50m polygon, neutral properties only', () => {
		const fc = readFC('regions/CRIMEA.geojson');
		expect(fc.features).toHaveLength(1);
		const region = fc.features[0] as Feature<Polygonal>;
		expect(region.properties).toEqual({ id: 'CRIMEA', name: 'Crimea' });
		expect(read('regions/CRIMEA.geojson')).not.toMatch(/occupied|Russia|2014|68\/262|annex/i);
		expect(area(region) / 1e6).toBeGreaterThan(22_000); // Crimea is about 27,000 km2
		expect(area(region) / 1e6).toBeLessThan(30_000);
		for (const p of [SIMFEROPOL, SEVASTOPOL]) expect(booleanPointInPolygon(p, region)).toBe(true);
		// Its coast is Ukraine's coast, vertex for vertex, and none of it is Russia's. The vertices
		// Ukraine's file lacks are the line across the isthmus of Perekop and the Syvash (north of
		// 45.7 N), dissolved when Crimea joined mainland Ukraine.
		const key = (p: Position) => `${p[0]},${p[1]}`;
		const ukr = new Set(polygonsOf(country('UKR').geometry).flat(2).map(key));
		const rus = new Set(polygonsOf(country('RUS').geometry).flat(2).map(key));
		const ring = polygonsOf(region.geometry)[0]![0]!;
		const notUkr = ring.filter((p) => !ukr.has(key(p)));
		expect(notUkr.length).toBeLessThan(ring.length / 4);
		for (const p of notUkr) expect(p[1]).toBeGreaterThan(45.7);
		expect(ring.filter((p) => rus.has(key(p)))).toEqual([]);
	});
});

describe('world.geojson', () => {
	it('gives every feature unique ISO codes and a name', () => {
		const seen = new Set<string>();
		for (const f of world.features) {
			const p = f.properties;
			expect(Object.keys(p)).toEqual(['iso3', 'iso2', 'isoN3', 'name']);
			expect(p.iso3).toMatch(/^[A-Z]{3}$/);
			expect(p.name).toBeTypeOf('string');
			expect(String(p.name).length).toBeGreaterThan(2);
			expect(seen.has(String(p.iso3))).toBe(false);
			seen.add(String(p.iso3));
		}
		expect(world.features.length).toBe(177);
		for (const iso3 of STORY) expect(seen.has(iso3)).toBe(true);
	});

	it("uses today's names", () => {
		const names = new Map(world.features.map((f) => [f.properties.iso3, f.properties.name]));
		expect(names.get('MKD')).toBe('North Macedonia');
		expect(names.get('SWZ')).toBe('Eswatini');
		expect(names.get('CZE')).toBe('Czechia');
		expect(names.get('XKX')).toBe('Kosovo');
		expect(names.get('FRA')).toBe('France');
		expect(names.get('RUS')).toBe('Russia');
		expect(names.get('UKR')).toBe('Ukraine');
		const all = [...names.values()];
		for (const old of ['Macedonia', 'eSwatini', 'Swaziland', 'Czech Rep.', 'Dem. Rep. Congo'])
			expect(all).not.toContain(old);
	});

	it('draws Fiji and Russia on both sides of the antimeridian without crossing it', () => {
		const rus = byIso(world, 'RUS');
		const lons = polygonsOf(rus.geometry)
			.flat(2)
			.map((p) => p[0]!);
		expect(Math.max(...lons)).toBe(180);
		expect(Math.min(...lons.filter((x) => x < 0))).toBe(-180); // Chukotka's tip
	});
});

describe('every country of the basemap (50m)', () => {
	it('has one file per code of the basemap, and no other', () => {
		const names = JSON.parse(read('names.json')) as Record<string, string>;
		expect(Object.keys(names).sort()).toEqual([...BASEMAP].sort());
		const files = listFiles(join(GEO, 'countries')).sort();
		expect(files).toEqual(BASEMAP.map((iso3) => `${iso3}.geojson`).sort());
		expect(files.length).toBe(177);
	});

	it.each(BASEMAP)('%s has one feature with the same properties as in world.geojson', (iso3) => {
		const fc = readFC(`countries/${iso3}.geojson`);
		expect(fc.features).toHaveLength(1);
		expect(fc.features[0]!.properties).toEqual(byIso(world, iso3).properties);
	});

	it('is finer than world.geojson (1:50m against 1:110m)', () => {
		const vertices = (f: Feature<Polygonal>) => polygonsOf(f.geometry).flat(2).length;
		for (const iso3 of STORY)
			expect(vertices(country(iso3)), iso3).toBeGreaterThan(2 * vertices(byIso(world, iso3)));
	});

	it('joins the pieces of one code into one country (Ashmore and Cartier Islands to Australia)', () => {
		// The islands lie about 300 km off the Kimberley coast, near 12.4 S, 123.6 E.
		const inSea = polygonsOf(country('AUS').geometry).filter((p) =>
			p[0]!.every(([x, y]) => x! > 122.5 && x! < 124.5 && y! > -13 && y! < -11.5)
		);
		expect(inSea.length).toBeGreaterThan(0);
	});

	it('names the codes the 1:50m file lacks, so the build can refuse them', () => {
		expect(missingFineCodes(['FRA', 'UKR', 'XYZ', 'ABC'], ['UKR', 'FRA'])).toEqual(['ABC', 'XYZ']);
		expect(missingFineCodes(BASEMAP, BASEMAP)).toEqual([]);
	});

	// A later step finds the border two countries share by matching their coordinates: each 1:50m
	// file must keep the vertices of a shared border exactly as its neighbour's file has them.
	const vertexSet = (iso3: string) =>
		new Set(
			polygonsOf(country(iso3).geometry)
				.flat(2)
				.map((p) => `${p[0]},${p[1]}`)
		);
	it.each([
		['FRA', 'ESP', 70],
		['UKR', 'RUS', 150],
		['USA', 'CAN', 500],
		['UKR', 'BLR', 80],
		['HUN', 'SVN', 10]
	] as const)('%s and %s share at least %i identical vertices', (a, b, n) => {
		const other = vertexSet(b);
		const shared = [...vertexSet(a)].filter((k) => other.has(k));
		expect(shared.length).toBeGreaterThanOrEqual(n);
	});
	it('shares no vertex between countries that do not touch', () => {
		const other = vertexSet('ESP');
		expect([...vertexSet('UKR')].filter((k) => other.has(k))).toEqual([]);
	});
});

describe('bounds.json and labels.geojson', () => {
	it('has bounds for every country', () => {
		for (const f of world.features) {
			const b = bounds[String(f.properties.iso3)];
			expect(b, String(f.properties.iso3)).toBeDefined();
			const [w, s, e, n] = b!;
			expect(w).toBeLessThan(e);
			expect(s).toBeLessThan(n);
			expect(w).toBeGreaterThanOrEqual(-180);
			expect(e).toBeLessThanOrEqual(180);
			expect(s).toBeGreaterThanOrEqual(-85);
			expect(n).toBeLessThanOrEqual(85);
		}
	});

	it('frames mainland France, without its overseas territories', () => {
		const [w, s, e, n] = bounds.FRA!;
		expect(w).toBeGreaterThanOrEqual(-5.5);
		expect(s).toBeGreaterThanOrEqual(41);
		expect(e).toBeLessThanOrEqual(10);
		expect(n).toBeLessThanOrEqual(51.5);
		expect(e - w).toBeGreaterThan(12);
	});

	it('frames Russia from its western border to the antimeridian, not the whole world', () => {
		const [w, s, e, n] = bounds.RUS!;
		expect(w).toBeGreaterThanOrEqual(19);
		expect(w).toBeLessThanOrEqual(28.5);
		expect(e).toBe(180);
		expect(s).toBeGreaterThan(40);
		expect(n).toBeLessThan(82);
	});

	it('frames Ukraine with Crimea', () => {
		const [w, s, e, n] = bounds.UKR!;
		expect(s).toBeLessThan(44.6); // Crimea's southern coast, about 44.4
		expect(w).toBeGreaterThan(21);
		expect(e).toBeLessThan(41);
		expect(n).toBeLessThan(53);
	});

	it('puts each label inside its country', () => {
		const labels = readFC('labels.geojson');
		const main = labels.features.filter((l) => !l.properties?.more);
		expect(main).toHaveLength(world.features.length);
		for (const l of labels.features) {
			expect(l.geometry.type).toBe('Point');
			const c = byIso(world, String(l.properties.iso3));
			expect(l.properties.name).toBe(c.properties?.name);
			const p = (l.geometry as { coordinates: Position }).coordinates;
			expect(booleanPointInPolygon(p, c), String(l.properties.iso3)).toBe(true);
		}
	});

	it('names a country as wide as Russia at more than one point, so its name shows in any part of it', () => {
		const labels = readFC('labels.geojson');
		const of = (iso3: string) => labels.features.filter((l) => l.properties?.iso3 === iso3);
		const lon = (l: Feature) => (l.geometry as { coordinates: Position }).coordinates[0]!;
		// Russia's main point is in Siberia; its European part has a name of its own.
		expect(of('RUS').length).toBeGreaterThan(1);
		expect(of('RUS').some((l) => lon(l) > 30 && lon(l) < 60)).toBe(true);
		for (const l of of('RUS').slice(1)) expect(l.properties?.more).toBe(true);
		// A country narrower than that keeps one.
		expect(of('FRA')).toHaveLength(1);
		expect(of('UKR')).toHaveLength(1);
	});
});

describe('size budget', () => {
	const gz = (rel: string) => gzipSync(read(rel), { level: 9 }).length;
	const all = listFiles(GEO);
	it('keeps world.geojson within budget', () => {
		expect(gz('world.geojson')).toBeLessThanOrEqual(BUDGET.worldGzip);
	});
	it('keeps each 1:50m country file under 60 KB gzip, but Canada, Russia and the United States', () => {
		expect(BUDGET.countryGzip).toBe(60 * 1024);
		expect([...BUDGET.largeCountries].sort()).toEqual(['CAN', 'RUS', 'USA']);
		const large: readonly string[] = BUDGET.largeCountries;
		for (const iso3 of BASEMAP) {
			const limit = large.includes(iso3) ? BUDGET.largeCountryGzip : BUDGET.countryGzip;
			expect(gz(`countries/${iso3}.geojson`), iso3).toBeLessThanOrEqual(limit);
		}
	});
	it('keeps geodata/ under 6 MB raw, as committed', () => {
		expect(BUDGET.totalRaw).toBe(6 * 1024 * 1024);
		const raw = all.reduce((t, f) => t + readFileSync(join(GEO, f)).length, 0);
		expect(raw).toBeLessThanOrEqual(BUDGET.totalRaw);
	});
});

describe('build helpers', () => {
	it('unwraps a ring cut at the antimeridian and splits it into two polygons', () => {
		// a square from 170 E to 170 W, stored the d3 way, with a jump from 180 to -180
		const ring: Position[] = [
			[170, 10],
			[180, 10],
			[-170, 10],
			[-170, 20],
			[-180, 20],
			[170, 20],
			[170, 10]
		];
		expect(maxLongitudeStep(ring)).toBeGreaterThan(180);
		expect(unwrapRing(ring).map((p) => p[0])).toEqual([170, 180, 190, 190, 180, 170, 170]);
		const parts = splitAtAntimeridian([ring]);
		expect(parts).toHaveLength(2);
		const lons = parts.map((p) => p[0]!.map((q) => q[0]!));
		expect(lons.map((l) => [Math.min(...l), Math.max(...l)]).sort((a, b) => a[0]! - b[0]!)).toEqual(
			[
				[-180, -170],
				[170, 180]
			]
		);
		const g = normalizeGeometry({ type: 'Polygon', coordinates: [ring] });
		expect(g.type).toBe('MultiPolygon');
		for (const poly of polygonsOf(g)) expect(maxLongitudeStep(poly[0]!)).toBeLessThanOrEqual(180);
	});

	it('closes a ring that winds round the south pole along latitude -90', () => {
		const ring: Position[] = [
			[-180, -70],
			[-90, -65],
			[0, -70],
			[90, -65],
			[180, -70],
			[-180, -70]
		];
		const closed = closeRing(unwrapRing(ring));
		expect(closed.filter((p) => p[1] === -90).length).toBeGreaterThanOrEqual(2);
		expect(maxLongitudeStep(closed)).toBeLessThanOrEqual(180);
		const g = normalizeGeometry({ type: 'Polygon', coordinates: [ring] });
		expect(g.type).toBe('Polygon');
		expect(signedArea((g as Polygon).coordinates[0]!)).toBeGreaterThan(0);
		expect(booleanPointInPolygon([10, -80], g)).toBe(true);
		expect(booleanPointInPolygon([10, -60], g)).toBe(false);
	});

	it('reads a polar cap with a coast round the pole (1:50m Antarctica) as the land between them', () => {
		// the spherical way: a tiny exterior ring round the pole, the coast a hole also round it
		const cap: Position[] = [
			[-180, -89.999],
			[90, -89.999],
			[0, -89.999],
			[-90, -89.999],
			[-180, -89.999]
		];
		const coast: Position[] = [
			[-180, -70],
			[-90, -65],
			[0, -70],
			[90, -65],
			[180, -70],
			[-180, -70]
		];
		expect(polarCapBand([cap, coast])).toEqual([coast]);
		expect(polarCapBand([coast])).toBeNull();
		expect(() => polarCapBand([cap])).toThrow(/0 rings round its pole/);
		const g = normalizeGeometry({ type: 'Polygon', coordinates: [cap, coast] });
		expect(g).toEqual(normalizeGeometry({ type: 'Polygon', coordinates: [coast] }));
		expect(booleanPointInPolygon([10, -80], g)).toBe(true);
		expect(booleanPointInPolygon([10, -60], g)).toBe(false);
		// and the real one: land at the pole's side of the coast, sea beyond
		const ata = country('ATA');
		expect(booleanPointInPolygon([0, -80], ata)).toBe(true);
		expect(booleanPointInPolygon([0, -60], ata)).toBe(false);
		expect(area(ata) / 1e6).toBeGreaterThan(12e6); // Antarctica is about 14 million km2
	});

	it("parts two polygons of one country that touch at a point, cutting the smaller one's corner", () => {
		const big: Position[][] = [
			[
				[0, 0],
				[1, 0],
				[1, 1],
				[0, 1],
				[0, 0]
			]
		];
		const small: Position[][] = [
			[
				[1, 1],
				[1.5, 1],
				[1.5, 1.5],
				[1, 1.5],
				[1, 1]
			]
		];
		const touching: MultiPolygon = { type: 'MultiPolygon', coordinates: [big, small] };
		expect(kinks(touching).features.length).toBeGreaterThan(0);
		const [b, s] = separateTouchingRings([big, small], [[1, 1]]);
		expect(b).toEqual(big);
		// the corner (1, 1) becomes two points 0.001 degree along its two edges
		expect(s![0]).toEqual([
			[1, 1.001],
			[1.001, 1],
			[1.5, 1],
			[1.5, 1.5],
			[1, 1.5],
			[1, 1.001]
		]);
		const g = normalizeGeometry(touching) as MultiPolygon;
		expect(kinks(g).features).toHaveLength(0);
		expect(g.coordinates).toHaveLength(2);
		expect(Math.abs(signedArea(g.coordinates[1]![0]!) - 0.25)).toBeLessThan(1e-6);
	});

	it('puts points stored at -180 back on the +180 side of their ring', () => {
		const ring: Position[] = [
			[178, 60],
			[-180, 60],
			[-180, 65],
			[178, 65],
			[178, 60]
		];
		const g = normalizeGeometry({ type: 'Polygon', coordinates: [ring] }) as Polygon;
		expect(g.type).toBe('Polygon');
		expect(Math.max(...g.coordinates[0]!.map((p) => p[0]!))).toBe(180);
		expect(Math.min(...g.coordinates[0]!.map((p) => p[0]!))).toBe(178);
	});

	it('removes a spike that crosses the ring', () => {
		const ring: Position[] = [
			[0, 0],
			[10, 0],
			[10, 10],
			[5, 10],
			[5.1, -3], // spike through the bottom edge
			[4.9, 10],
			[0, 10],
			[0, 0]
		];
		expect(ringSelfIntersections(ring).length).toBeGreaterThan(0);
		const fixed = removeSelfIntersections(ring);
		expect(fixed).not.toBeNull();
		expect(ringSelfIntersections(fixed!)).toHaveLength(0);
		expect(
			kinks(normalizeGeometry({ type: 'Polygon', coordinates: [ring] })).features
		).toHaveLength(0);
	});

	it('winds rings as RFC 7946 asks', () => {
		const cw: Position[] = [
			[0, 0],
			[0, 1],
			[1, 1],
			[1, 0],
			[0, 0]
		];
		const [ext] = orientPolygon([cw]);
		expect(signedArea(ext!)).toBeGreaterThan(0);
		const [, hole] = orientPolygon([
			[
				[0, 0],
				[4, 0],
				[4, 4],
				[0, 4],
				[0, 0]
			],
			[...cw].reverse()
		]);
		expect(signedArea(hole!)).toBeLessThan(0);
	});

	it('picks the mainland for camera bounds', () => {
		const square = (x: number, y: number, d: number): Position[][] => [
			[
				[x, y],
				[x + d, y],
				[x + d, y + d],
				[x, y + d],
				[x, y]
			]
		];
		const geometry: MultiPolygon = {
			type: 'MultiPolygon',
			coordinates: [square(0, 45, 6), square(7, 44, 1), square(-53, 3, 2)] // France, Corsica, Guiana
		};
		expect(mainlandBounds(geometry)).toEqual([0, 44, 8, 51]);
	});

	it('codes and names countries from world-atlas ids', () => {
		expect(countryProps({ id: '807', properties: { name: 'Macedonia' } })).toEqual({
			iso3: 'MKD',
			iso2: 'MK',
			isoN3: '807',
			name: 'North Macedonia'
		});
		expect(countryProps({ properties: { name: 'Kosovo' } }).iso3).toBe('XKX');
		expect(() => countryProps({ properties: { name: 'Atlantis' } })).toThrow();
	});

	it(
		'passes `build.js --check` (the committed geodata/ matches a fresh build)',
		{ timeout: 400_000 },
		() => {
			const r = spawnSync(process.execPath, ['scripts/geodata/build.js', '--check'], {
				cwd: ROOT,
				encoding: 'utf8'
			});
			expect(r.stderr).not.toMatch(/stale/);
			expect(r.status, r.stderr).toBe(0);
			expect(r.stdout).toContain('geodata/ is up to date');
		}
	);

	it(
		'builds deterministically, and the committed geodata/ is up to date',
		{ timeout: 400_000 },
		() => {
			// The committed files were written by an earlier run, so matching them is the same bytes
			// from two runs (one build of the 177 1:50m countries takes seconds; two would double it).
			const files = generate();
			for (const [path, text] of files) {
				expect(
					readFileSync(join(ROOT, path), 'utf8'),
					`${path} is stale: run npm run geodata`
				).toBe(text);
			}
			// A ring across the antimeridian is cut at ±180° into two parts, and repairing the
			// repaired geometry changes nothing.
			const ring: Position[] = [
				[178, 60],
				[-180, 60],
				[-175, 62],
				[-180, 65],
				[178, 65],
				[178, 60]
			];
			const repaired: MultiPolygon = {
				type: 'MultiPolygon',
				coordinates: [
					[
						[
							[178, 60],
							[180, 60],
							[180, 65],
							[178, 65],
							[178, 60]
						]
					],
					[
						[
							[-180, 60],
							[-175, 62],
							[-180, 65],
							[-180, 60]
						]
					]
				]
			};
			expect(normalizeGeometry({ type: 'Polygon', coordinates: [ring] })).toEqual(repaired);
			expect(normalizeGeometry(repaired)).toEqual(repaired);
		}
	);
});

describe('names.json', () => {
	it('names every country of world.geojson, with the same modern names, sorted by name', () => {
		const names = JSON.parse(read('names.json')) as Record<string, string>;
		const fromWorld = new Map(
			world.features.map((f) => [String(f.properties?.iso3), String(f.properties?.name)])
		);
		expect(new Map(Object.entries(names))).toEqual(fromWorld);
		const list = Object.values(names);
		expect(list).toEqual([...list].sort((a, b) => a.localeCompare(b, 'en')));
		expect(names.MKD).toBe('North Macedonia');
	});
});

describe('gazetteer.json', () => {
	const g = {
		...(JSON.parse(read('gazetteer.json')) as {
			notACountry: string[];
			en: Record<string, string[]>;
		}),
		french: JSON.parse(read('gazetteer-fr.json')) as {
			notACountry: string[];
			fr: Record<string, string[]>;
		}
	};
	const fr = g.french.fr;
	const codes = world.features.map((f) => String(f.properties?.iso3));

	it('gives every code of the basemap a name, in English and in French', () => {
		expect(codes).toHaveLength(177);
		for (const iso3 of codes) {
			expect(g.en[iso3]?.length, iso3).toBeGreaterThan(0);
			expect(fr[iso3]?.length, iso3).toBeGreaterThan(0);
		}
		expect(Object.keys(fr)).toEqual(Object.keys(g.en));
	});

	it('gives every code of the basemap a demonym, or a documented reason for none', () => {
		// The demonym is world-countries' (the source), or for the three codes it lacks (Kosovo,
		// Northern Cyprus, Somaliland) the hand-kept one.
		const byHand: Record<string, string> = {
			XKX: 'Kosovar',
			CYN: 'Turkish Cypriot',
			SOL: 'Somalilander',
			DJI: 'Djiboutian'
		};
		const without: string[] = [];
		for (const iso3 of codes) {
			const wc = worldCountries.find((c) => c.cca3 === (iso3 === 'XKX' ? 'UNK' : iso3));
			const demonym = byHand[iso3] ?? wc?.demonyms?.eng?.m.split(', ')[0];
			if (!demonym || !g.en[iso3]!.includes(demonym)) without.push(iso3);
		}
		expect(without.sort()).toEqual(Object.keys(NO_DEMONYM).sort());
		for (const reason of Object.values(NO_DEMONYM)) expect(reason.length).toBeGreaterThan(20);
		// And every documented exception is one: no code in NO_DEMONYM has a world-countries
		// demonym left in the table.
		expect(g.en.USA).not.toContain('American');
		expect(g.en.ATF).not.toContain('French');
		expect(g.en.COD).not.toContain('Congolese');
	});

	it('gives each name to one country only, in each language', () => {
		for (const [lang, table] of [
			['en', g.en],
			['fr', fr]
		] as const) {
			const owner = new Map<string, string>();
			for (const [iso3, names] of Object.entries(table)) {
				for (const n of names) {
					expect(owner.get(n), `${lang} "${n}": ${owner.get(n)} and ${iso3}`).toBeUndefined();
					owner.set(n, iso3);
				}
			}
		}
	});

	it('leaves out every name of LEFT_OUT, unless a hand-kept entry puts it back', () => {
		const all = new Set(Object.values(g.en).flat());
		const putBack = new Set(Object.values(EXTRA).flatMap((e) => e.terms));
		for (const name of Object.keys(LEFT_OUT)) {
			if (!putBack.has(name)) expect(all.has(name), name).toBe(false);
		}
		for (const name of ['America', 'Macedonia', 'Congo', 'Korea', 'Brussels', 'Jerusalem']) {
			expect(all.has(name), name).toBe(false);
		}
		// "Dominican" is put back, for the Dominican Republic only.
		expect(g.en.DOM).toContain('Dominican');
		expect(g.en.DMA).not.toContain('Dominican');
	});

	it('documents every kept ambiguity, and keeps it', () => {
		for (const [name, iso3] of [
			['Georgia', 'GEO'],
			['Jordan', 'JOR'],
			['Chad', 'TCD'],
			['Niger', 'NER'],
			['Guinea', 'GIN'],
			['Sudan', 'SDN'],
			['Dominica', 'DMA']
		] as const) {
			expect(KEPT_AMBIGUOUS[name], name).toBeTruthy();
			expect(g.en[iso3], name).toContain(name);
		}
		expect(g.notACountry).toEqual(NOT_A_COUNTRY);
		expect(g.notACountry).toEqual(expect.arrayContaining(['New Guinea', 'Gulf of Guinea']));
		expect(g.french.notACountry).toEqual(FR_NOT_A_COUNTRY);
		expect(g.french.notACountry).toEqual(
			expect.arrayContaining(['Nouvelle-Guinée', 'océan Indien'])
		);
	});

	it('has the alternates news uses, and former capital names', () => {
		const has: [string, string][] = [
			['CIV', 'Ivory Coast'],
			['CIV', 'Côte d’Ivoire'],
			['CIV', "Côte d'Ivoire"],
			['TUR', 'Turkey'],
			['TUR', 'Türkiye'],
			['MMR', 'Burma'],
			['MMR', 'Rangoon'],
			['SWZ', 'Swaziland'],
			['SWZ', 'Eswatini'],
			['CZE', 'Czech Republic'],
			['CZE', 'Czechia'],
			['NLD', 'Holland'],
			['COD', 'DRC'],
			['COD', 'Democratic Republic of the Congo'],
			['COG', 'Republic of the Congo'],
			['KOR', 'South Korea'],
			['PRK', 'North Korea'],
			['UKR', 'Kiev'],
			['KAZ', 'Nur-Sultan'],
			['IRN', 'Iran'],
			['IRN', 'Tehran'],
			['BEN', 'Benin'],
			['TCD', 'Chad'],
			['TCD', 'Chadian'],
			['TCD', 'Chadians'],
			['RUS', 'Russian Federation']
		];
		for (const [iso3, name] of has) expect(g.en[iso3], `${iso3} ${name}`).toContain(name);
	});

	it('makes plurals by rule, with the hand-kept exceptions', () => {
		expect(englishPlural('Iranian')).toBe('Iranians');
		expect(englishPlural('German')).toBe('Germans');
		expect(englishPlural('Chinese')).toBeNull();
		expect(englishPlural('Swiss')).toBeNull();
		expect(englishPlural('British')).toBeNull();
		expect(englishPlural('Dutch')).toBeNull();
		expect(englishPlural('Thai')).toBe('Thais');
		expect(englishPlural('Motswana')).toBeNull();
	});

	it('has French names and capitals', () => {
		const has: [string, string][] = [
			['RUS', 'Russie'],
			['RUS', 'Moscou'],
			['RUS', 'russe'],
			['RUS', 'Russes'],
			['USA', 'États-Unis'],
			['GBR', 'Royaume-Uni'],
			['GBR', 'Londres'],
			['CHN', 'Pékin'],
			['DEU', 'Allemagne'],
			['DEU', 'allemandes'],
			['COD', 'RDC'],
			['CIV', 'Côte d’Ivoire'],
			['TCD', 'Tchad']
		];
		for (const [iso3, name] of has) expect(fr[iso3], `${iso3} ${name}`).toContain(name);
		expect(Object.values(fr).flat()).not.toContain('Congo');
	});

	it('stays compact: the English table, which every page loads, under 8 KB gzip', () => {
		const text = read('gazetteer.json');
		expect(Buffer.byteLength(text)).toBeLessThan(25_000);
		expect(gzipSync(text, { level: 9 }).length).toBeLessThan(8_000);
		const fr = read('gazetteer-fr.json');
		expect(gzipSync(fr, { level: 9 }).length).toBeLessThan(12_000);
	});
});
