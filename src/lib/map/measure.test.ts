import { describe, expect, it } from 'vitest';
import turfDistance from '@turf/distance';
import turfGreatCircle from '@turf/great-circle';
import { distance, formatKm, greatCircle, measure } from './measure';

const PARIS: [number, number] = [2.349, 48.853];
const MOSCOW: [number, number] = [37.618, 55.752];

describe('measure', () => {
	it('gives the great-circle distance Paris to Moscow, about 2,490 km', () => {
		const m = measure([PARIS, MOSCOW]);
		expect(m.km).toBeGreaterThan(2470);
		expect(m.km).toBeLessThan(2510);
		expect(formatKm(m.km!)).toMatch(/^2,4\d\d km$/);
	});

	it('draws the points and, with two, the arc between them', () => {
		expect(measure([PARIS]).features.features).toHaveLength(1);
		expect(measure([PARIS]).km).toBeNull();
		const arc = measure([PARIS, MOSCOW]).features.features[2]!;
		expect(arc.geometry.type).toBe('LineString');
		const coords = (arc.geometry as GeoJSON.LineString).coordinates;
		expect(coords[0]![0]).toBeCloseTo(PARIS[0], 3);
		expect(coords.at(-1)![1]).toBeCloseTo(MOSCOW[1], 3);
	});
});

// The formulas are Turf's, written out (measure.ts): the same figures and the same lines, the
// dateline's cut included.
describe('distance and greatCircle, as Turf has them', () => {
	// A fixed pseudo-random sequence: the same pairs at every run.
	let seed = 7;
	const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
	const point = (): [number, number] => [random() * 360 - 180, random() * 170 - 85];
	const pairs: [number, number][][] = [
		[PARIS, MOSCOW],
		// Across the dateline: Kamchatka to Alaska, Fiji to Samoa, Tokyo to San Francisco.
		[
			[158.6, 53],
			[-149.9, 61.2]
		],
		[
			[178.4, -18.1],
			[-171.8, -13.8]
		],
		[
			[139.7, 35.7],
			[-122.4, 37.8]
		],
		...Array.from({ length: 300 }, () => [point(), point()])
	];

	it('gives the same distance in km', () => {
		for (const [a, b] of pairs) {
			expect(distance(a!, b!)).toBeCloseTo(turfDistance(a!, b!, { units: 'kilometers' }), 6);
		}
	});

	it('draws the same arc, cut at the dateline where Turf cuts it', () => {
		let cut = 0;
		for (const [a, b] of pairs) {
			const theirs = turfGreatCircle(a!, b!, { npoints: 64 }).geometry;
			const ours = greatCircle(a!, b!, 64);
			expect(ours).toEqual(theirs);
			if (ours.type === 'MultiLineString') cut++;
		}
		expect(cut).toBeGreaterThan(2);
	});
});
