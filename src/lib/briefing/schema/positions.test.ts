import { describe, expect, it } from 'vitest';
import { z } from './zod';
import { fastPositions, position } from './fields';
import { parseServedBriefing } from '../schema';
import { servedRaw } from '../test-briefing';

/** Each kind of coordinates that fastPositions checks, with its exact schema. */
const list = <T extends z.ZodType>(item: T, min: number) => z.array(item).min(min);
const KINDS = {
	MultiPoint: { exact: list(position, 1), mins: [1] },
	LineString: { exact: list(position, 2), mins: [2] },
	MultiLineString: { exact: list(list(position, 2), 1), mins: [1, 2] },
	Polygon: { exact: list(list(position, 4), 1), mins: [1, 4] },
	MultiPolygon: { exact: list(list(list(position, 4), 1), 1), mins: [1, 1, 4] }
};

/** A valid value of `mins`, `n` items at each depth. */
function valid(mins: readonly number[], depth = 0, seed = 1): unknown {
	if (depth === mins.length) return [((seed * 37) % 360) - 180, ((seed * 17) % 180) - 90];
	const n = Math.max(mins[depth]!, 4);
	return Array.from({ length: n }, (_, i) => valid(mins, depth + 1, seed * 7 + i));
}

/** Values that break one rule each, somewhere inside `good`. */
function broken(good: unknown): unknown[] {
	const copy = () => structuredClone(good) as unknown[];
	/** The innermost list of positions of a copy, and the copy. */
	const innermost = () => {
		const c = copy();
		let list: unknown[] = c;
		while (Array.isArray(list[0]) && Array.isArray((list[0] as unknown[])[0])) {
			list = list[0] as unknown[];
		}
		return { c, list: list as unknown[][] };
	};
	const out: unknown[] = [];
	const atPosition = (f: (p: unknown[]) => unknown) => {
		const { c, list } = innermost();
		list[list.length - 1] = f(list[list.length - 1]!) as unknown[];
		out.push(c);
	};
	atPosition(() => [181, 0]);
	atPosition(() => [-180.5, 0]);
	atPosition(() => [0, 90.01]);
	atPosition(() => [0, -91]);
	atPosition(() => [0, Number.NaN]);
	atPosition(() => [Number.POSITIVE_INFINITY, 0]);
	atPosition(() => ['10', 0]);
	atPosition(() => [10]);
	atPosition(() => [10, 20, 30]);
	atPosition(() => null);
	atPosition(() => ({ 0: 1, 1: 2, length: 2 }));
	atPosition((p) => [p[1], p[0], 0]);
	{
		const { c, list } = innermost();
		list.length = 1;
		out.push(c);
	}
	{
		const { c, list } = innermost();
		list.push(undefined as unknown as unknown[]);
		out.push(c);
	}
	out.push([], null, 'coordinates', 12, {}, [[[[[0, 0]]]]]);
	return out;
}

describe('fastPositions', () => {
	for (const [kind, { exact, mins }] of Object.entries(KINDS)) {
		it(`accepts and refuses the ${kind} coordinates that the exact schema does, with its errors`, () => {
			const fast = fastPositions(exact, mins);
			const good = valid(mins);
			expect(fast.safeParse(good)).toEqual(exact.safeParse(good));
			expect(fast.safeParse(good).success).toBe(true);
			const bad = broken(good);
			expect(bad.length).toBeGreaterThan(15);
			for (const value of bad) {
				const want = exact.safeParse(value);
				const got = fast.safeParse(value);
				expect(got.success, JSON.stringify(value)).toBe(want.success);
				if (!want.success && !got.success) {
					const words = (e: z.ZodError) => e.issues.map((i) => [i.path, i.message]);
					expect(words(got.error)).toEqual(words(want.error));
				}
			}
		});
	}

	it('leaves the coordinates as they were', () => {
		const good = valid([1, 4]);
		const fast = fastPositions(KINDS.Polygon.exact, [1, 4]);
		const parsed = fast.safeParse(good);
		expect(parsed.success && parsed.data).toEqual(good);
	});
});

describe('an overlay’s coordinates in a document', () => {
	it('name the position that is wrong, by its whole path', () => {
		const raw = servedRaw();
		const at = raw.overlays.findIndex(
			(o: { features: { features: { geometry: { type: string } }[] } }) =>
				o.features.features[0]?.geometry.type === 'Polygon'
		);
		expect(at).toBeGreaterThan(-1);
		raw.overlays[at].features.features[0].geometry.coordinates[0][2] = [30, 95];
		const result = parseServedBriefing(raw);
		expect(result.ok ? [] : result.errors).toEqual([
			`overlays[${at}].features.features[0].geometry.coordinates[0][2][1]: latitude must be within -90..90`
		]);
	});

	it('refuse a ring of three positions, and a line of one', () => {
		const raw = servedRaw();
		const first = (type: string) =>
			raw.overlays.findIndex(
				(o: { features: { features: { geometry: { type: string } }[] } }) =>
					o.features.features[0]?.geometry.type === type
			);
		const polygon = first('Polygon');
		const line = first('LineString');
		expect(polygon).toBeGreaterThan(-1);
		expect(line).toBeGreaterThan(-1);
		raw.overlays[polygon].features.features[0].geometry.coordinates[0].length = 3;
		raw.overlays[line].features.features[0].geometry.coordinates.length = 1;
		const result = parseServedBriefing(raw);
		expect(result.ok ? [] : result.errors).toEqual(
			expect.arrayContaining([
				`overlays[${polygon}].features.features[0].geometry.coordinates[0]: needs at least 4 positions (a closed ring)`,
				`overlays[${line}].features.features[0].geometry.coordinates: needs at least 2 positions`
			])
		);
	});
});
