// The derived geometry module on the real 1:50m files of geodata/ (the shapes the app serves).
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MultiLineString, Polygon, MultiPolygon, Position } from 'geojson';
import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { featureCollection, feature } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { length } from '@turf/length';
import { nearestPointOnLine } from '@turf/nearest-point-on-line';
import { BASEMAP_REGIONS } from '../briefing/basemap';
import {
	deriveDocument,
	deriveZone,
	greatCircleArc,
	nearestBoundary,
	sharedBorder
} from './derive.js';

type Polygonal = Polygon | MultiPolygon;

const shape = (code: string): Polygonal => {
	const dir = code === 'CRIMEA' ? 'regions' : 'countries';
	const url = new URL(`../../../geodata/${dir}/${code}.geojson`, import.meta.url);
	return JSON.parse(readFileSync(url, 'utf8')).features[0].geometry;
};

const vertices = (g: Polygonal): Set<string> =>
	new Set(
		(g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat(2).map((p) => `${p[0]},${p[1]}`)
	);

/** Great-circle distance (haversine, mean Earth radius), written out here, not taken from Turf. */
function haversineKm([lon1, lat1]: Position, [lon2, lat2]: Position): number {
	const rad = Math.PI / 180;
	const dLat = (lat2! - lat1!) * rad;
	const dLon = (lon2! - lon1!) * rad;
	const h =
		Math.sin(dLat / 2) ** 2 +
		Math.cos(lat1! * rad) * Math.cos(lat2! * rad) * Math.sin(dLon / 2) ** 2;
	return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

const KYIV: [number, number] = [30.524, 50.455]; // GeoNames
const PARIS: [number, number] = [2.349, 48.853];
const MOSCOW: [number, number] = [37.618, 55.752];

describe('sharedBorder', () => {
	it.each([
		['FRA', 'ESP', 450, 800],
		['RUS', 'UKR', 1200, 1500], // 1:50m is generalised: 1,333 km, as topojson.mesh gave
		['SDN', 'ETH', 600, 1000]
	])('finds the border of %s and %s, on vertices of both files', (a, b, minKm, maxKm) => {
		const border = sharedBorder([shape(a)], [shape(b)]);
		const km = length(feature(border));
		expect(km).toBeGreaterThan(minKm);
		expect(km).toBeLessThan(maxKm);
		const [va, vb] = [vertices(shape(a)), vertices(shape(b))];
		for (const p of border.coordinates.flat()) {
			expect(va.has(`${p[0]},${p[1]}`)).toBe(true);
			expect(vb.has(`${p[0]},${p[1]}`)).toBe(true);
		}
		// The same line seen from the other side.
		expect(length(feature(sharedBorder([shape(b)], [shape(a)])))).toBeCloseTo(km, 6);
	});

	it('finds no border between countries that do not touch', () => {
		expect(sharedBorder([shape('FRA')], [shape('UKR')]).coordinates).toEqual([]);
	});

	it('has a file for each region a zone may name, inside the country the schema says holds it', () => {
		const files = readdirSync(new URL('../../../geodata/regions/', import.meta.url));
		expect(files.sort()).toEqual([...BASEMAP_REGIONS.keys()].map((id) => `${id}.geojson`).sort());
		for (const [id, country] of BASEMAP_REGIONS) {
			const region = shape(id);
			const inside = intersect(featureCollection([feature(region), feature(shape(country))]));
			expect(area(inside!) / area(region)).toBeGreaterThan(0.999);
		}
	});

	it('borders a region cut from a country along the land between them, not along its coast', () => {
		// Crimea lies within Ukraine's file: its border with the mainland is the isthmuses (Perekop,
		// Chonhar, the Arabat Spit), a few tens of km, not its 1,000 km of coast.
		const border = sharedBorder([shape('CRIMEA')], [shape('UKR')]);
		const km = length(feature(border));
		expect(km).toBeGreaterThan(5);
		expect(km).toBeLessThan(150);
		for (const p of border.coordinates.flat()) expect(p[1]).toBeGreaterThan(45.4);
	});
});

describe('a border zone', () => {
	const zone = {
		derive: 'border-zone' as const,
		along: ['SDN', 'ETH'],
		inside: ['SDN'],
		widthKm: 30
	};

	it(
		'lies inside its inside country, within widthKm of the border, and reaches the border',
		{
			timeout: 30_000
		},
		async () => {
			const z = await deriveZone(zone, shape);
			const sdn = shape('SDN');
			const inSdn = intersect(featureCollection([feature(z), feature(sdn)]));
			expect(inSdn).not.toBeNull();
			expect(area(inSdn!) / area(z)).toBeGreaterThan(0.999);
			expect(intersect(featureCollection([feature(z), feature(shape('ETH'))]))).toBeNull();

			const border = sharedBorder([sdn], [shape('ETH')]) as MultiLineString;
			const polygons = z.type === 'Polygon' ? [z.coordinates] : z.coordinates;
			for (const p of polygons.flat(2)) {
				const d = nearestPointOnLine(border, p, { units: 'kilometers' }).properties.pointDistance;
				// Turf buffers in a projection: a small tolerance for its distortion and the rounding.
				expect(d).toBeLessThan(zone.widthKm * 1.03 + 0.1);
			}
			const onBorder = border.coordinates.flat();
			const reached = onBorder.filter((p) =>
				booleanPointInPolygon(p, z, { ignoreBoundary: false })
			);
			expect(reached.length / onBorder.length).toBeGreaterThan(0.98);
			// About the border's length times the width (round ends added, bends counted once).
			const km2 = area(z) / 1e6;
			expect(km2).toBeGreaterThan(0.6 * length(feature(border)) * zone.widthKm);
			expect(km2).toBeLessThan(
				length(feature(border)) * zone.widthKm + Math.PI * zone.widthKm ** 2
			);
		}
	);

	// Buffering a 1,300 km border and clipping Russia take a few seconds (Turf's jsts and polyclip).
	it(
		'keeps Crimea with Ukraine: a zone inside Russia and Crimea runs along the isthmuses too',
		{
			timeout: 60_000
		},
		async () => {
			const z = await deriveZone(
				{ derive: 'border-zone', along: ['RUS', 'UKR'], inside: ['RUS', 'CRIMEA'], widthKm: 50 },
				shape
			);
			expect(booleanPointInPolygon([33.9, 45.9], z)).toBe(true); // Crimea's north, by Perekop
			expect(booleanPointInPolygon([34.102, 44.952], z)).toBe(false); // Simferopol, ~110 km south
			expect(booleanPointInPolygon(KYIV, z)).toBe(false);
		}
	);

	it('names the regions when they share no border', async () => {
		await expect(
			deriveZone(
				{ derive: 'border-zone', along: ['FRA', 'UKR'], inside: ['FRA'], widthKm: 10 },
				shape
			)
		).rejects.toThrow('FRA and UKR share no border');
	});
});

describe('nearestBoundary', () => {
	it('measures Kyiv to the border of Belarus: about 90 km, due north', () => {
		const d = nearestBoundary(KYIV, shape('BLR'));
		// Hand-checked: the border crosses the Dnieper near 51.26 N, 30.55 E; from Kyiv that is
		// 0.81 degrees of latitude, about 90 km.
		expect(Math.abs(d.km - haversineKm(KYIV, [30.5445, 51.2648]))).toBeLessThan(2);
		expect(Math.abs(d.km - haversineKm(KYIV, d.nearest))).toBeLessThan(1);
		// No vertex of Belarus is nearer than the nearest point of its boundary.
		const nearestVertex = Math.min(
			...[...vertices(shape('BLR'))].map((k) => haversineKm(KYIV, k.split(',').map(Number)))
		);
		expect(d.km).toBeLessThanOrEqual(Math.round(nearestVertex));
		expect(d.km).toBeGreaterThan(nearestVertex - 10);
	});
});

describe('greatCircleArc', () => {
	it('runs from Paris to Moscow on the great circle, north of the straight line', () => {
		const { geometry, km } = greatCircleArc(PARIS, MOSCOW, 50);
		expect(geometry.coordinates).toHaveLength(50);
		expect(geometry.coordinates[0]).toEqual(PARIS);
		expect(geometry.coordinates.at(-1)).toEqual(MOSCOW);
		expect(Math.abs(km - haversineKm(PARIS, MOSCOW))).toBeLessThan(1);
		const mid = geometry.coordinates[25]!;
		const lineLat =
			PARIS[1] + ((mid[0]! - PARIS[0]) / (MOSCOW[0] - PARIS[0])) * (MOSCOW[1] - PARIS[1]);
		expect(mid[1]).toBeGreaterThan(lineLat);
	});
});

describe('deriveDocument', () => {
	const fixture = JSON.parse(
		readFileSync(
			new URL('../../../tests/fixtures/gerd-2023.briefing.json', import.meta.url),
			'utf8'
		)
	);

	it('passes a document that derives nothing through unchanged, asking for no shape', async () => {
		const doc = {
			...fixture,
			overlays: fixture.overlays.filter((o: { derived?: object }) => !o.derived),
			distances: []
		};
		const asked: string[] = [];
		const derived = await deriveDocument(doc, (code) => {
			asked.push(code);
			return shape(code);
		});
		expect(derived).toEqual(doc);
		expect(asked).toEqual([]);
	});

	it('draws the same from shapes fetched asynchronously, each asked for once', async () => {
		const asked: string[] = [];
		const derived = await deriveDocument(fixture, async (code) => {
			asked.push(code);
			return shape(code);
		});
		expect(derived).toEqual(fixture);
		expect(asked).toEqual(['SDN', 'ETH']);
	});

	it('redraws a feature from the inputs it keeps: an arc from its ends, a place from its terms', async () => {
		const feature = (properties: Record<string, unknown>) => ({
			type: 'Feature',
			properties: { provenance: '-', approximate: false, ...properties },
			geometry: { type: 'Point', coordinates: [0, 0] }
		});
		const doc = {
			...fixture,
			article: { ...fixture.article, paragraphs: ['Paris.', 'Then Moscow and the Kremlin.'] },
			overlays: [
				{
					id: 'trip',
					features: {
						type: 'FeatureCollection',
						features: [
							feature({
								id: 'leg',
								greatCircle: { from: [2.349, 48.853], to: [37.618, 55.752], npoints: 16 }
							}),
							feature({ id: 'moscow', terms: ['Moscow', 'Kremlin'] }),
							feature({ id: 'plain' })
						]
					}
				}
			],
			distances: []
		};
		const [leg, moscow, plain] = (await deriveDocument(doc, shape)).overlays[0].features.features;
		const arc = greatCircleArc([2.349, 48.853], [37.618, 55.752], 16);
		expect(leg.geometry).toEqual(arc.geometry);
		expect(leg.properties.distanceKm).toBe(arc.km);
		expect(moscow.properties).toMatchObject({
			namedInArticle: true,
			paragraphs: '2',
			provenance: 'Article, para. 2',
			provenanceKind: 'article'
		});
		// A feature that keeps no inputs is left as it was, the same object.
		expect(plain).toBe(doc.overlays[0]!.features.features[2]);
	});

	it('derives each distance’s km and nearest point from its at and to', async () => {
		const doc = {
			...fixture,
			distances: [
				{
					from: 'Kyiv',
					fromIso3: 'UKR',
					at: KYIV,
					to: 'BLR',
					toName: 'Belarus',
					km: 0,
					nearest: [0, 0],
					provenance: 'Source: Natural Earth 1:50m',
					approximate: true
				}
			]
		};
		const [d] = (await deriveDocument(doc, shape)).distances;
		expect(d).toEqual({ ...doc.distances[0], ...nearestBoundary(KYIV, shape('BLR')) });
		expect(d.km).toBeGreaterThan(80);
	});
});

describe('loading', () => {
	it('is never imported statically by the app: an editor loads it with import()', () => {
		// It pulls in Turf's buffer and clipping, which the map's start-up has no use for.
		const src = new URL('../../', import.meta.url);
		const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter(
			(f) => /\.(ts|js|svelte)$/.test(f) && !/\.test\.ts$/.test(f) && !f.startsWith('lib/geo/')
		);
		expect(files.length).toBeGreaterThan(20);
		const importing = files.filter((f) =>
			/\bfrom\s+['"][^'"]*geo\/derive(\.js)?['"]/.test(readFileSync(new URL(f, src), 'utf8'))
		);
		expect(importing).toEqual([]);
	});
});
