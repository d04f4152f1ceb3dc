import { describe, expect, it } from 'vitest';
import { formatKm, measure } from './measure';

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
