import { describe, expect, it } from 'vitest';
import { DrawnMarks, overlayData, type MapOverlay } from './overlays';

type Feature = MapOverlay['features']['features'][number];

const point = (id: string, lon: number): Feature => ({
	type: 'Feature',
	properties: {
		id,
		kind: 'position',
		label: id,
		provenance: 'Article, para. 1',
		approximate: false
	},
	geometry: { type: 'Point', coordinates: [lon, 10] }
});

const overlay = (id: string, features: Feature[]): MapOverlay => ({
	id,
	label: id,
	group: 'military',
	style: 'troops',
	legend: [],
	features: { type: 'FeatureCollection', features }
});

describe('overlayData', () => {
	it('tags each feature with its overlay and gives it an id no other feature has', () => {
		const data = overlayData([
			overlay('a', [point('x', 1), point('y', 2)]),
			overlay('b', [point('x', 3)])
		]);
		expect(data.features.map((f) => f.properties?.overlay)).toEqual(['a', 'a', 'b']);
		const ids = data.features.map((f) => f.id);
		expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
		expect(new Set(ids).size).toBe(3);
	});
});

describe('DrawnMarks', () => {
	const x = point('x', 1);
	const y = point('y', 2);
	const z = point('z', 3);
	// Notes that stay as they were, so that a small change is sent as a diff.
	const others = [4, 5, 6, 7].map((lon) => point(`o${lon}`, lon));

	it('says nothing changed when every overlay holds the same features', () => {
		const a = overlay('a', [x, y]);
		const marks = new DrawnMarks([a]);
		expect(marks.change([overlay('a', [x, y])])).toBeNull();
	});

	it('sends a note added as one feature added, under an id the source does not hold yet', () => {
		const held = overlayData([overlay('a', [x, y])]);
		const marks = new DrawnMarks([overlay('a', [x, y])]);
		const change = marks.change([overlay('a', [x, y, z])]);
		expect(change).not.toBeNull();
		if (!change || !('diff' in change)) throw new Error('expected a diff');
		expect(change.diff.remove ?? []).toEqual([]);
		expect(change.diff.add).toHaveLength(1);
		const added = change.diff.add![0]!;
		expect(added.properties).toMatchObject({ id: 'z', overlay: 'a' });
		expect(held.features.map((f) => f.id)).not.toContain(added.id);
	});

	it('sends a changed note as its old feature removed and its new one added', () => {
		const marks = new DrawnMarks([overlay('a', [x, y, ...others])]);
		const held = overlayData([overlay('a', [x, y, ...others])]);
		const moved = point('y', 9);
		const change = marks.change([overlay('a', [x, moved, ...others])]);
		if (!change || !('diff' in change)) throw new Error('expected a diff');
		expect(change.diff.remove).toEqual([held.features[1]!.id]);
		expect(change.diff.add!.map((f) => f.geometry)).toEqual([moved.geometry]);
		// The next change starts from there: the moved note removed again goes by its new id.
		const again = marks.change([overlay('a', [x, ...others])]);
		if (!again || !('diff' in again)) throw new Error('expected a diff');
		expect(again.diff.remove).toEqual([change.diff.add![0]!.id]);
	});

	it('removes the features of an overlay that left, and adds those of a new one', () => {
		const marks = new DrawnMarks([overlay('a', [x, ...others]), overlay('b', [y])]);
		const change = marks.change([overlay('a', [x, ...others]), overlay('c', [z, y])]);
		if (!change || !('diff' in change)) throw new Error('expected a diff');
		expect(change.diff.remove).toHaveLength(1);
		expect(change.diff.add!.map((f) => f.properties?.overlay)).toEqual(['c', 'c']);
	});

	it('sends the whole data when more changed than stayed (another briefing)', () => {
		const marks = new DrawnMarks([overlay('a', [x, y])]);
		const change = marks.change([overlay('b', [z])]);
		if (!change || !('data' in change)) throw new Error('expected the whole data');
		expect(change.data.features.map((f) => f.properties?.id)).toEqual(['z']);
		// And holds it: the same overlays again change nothing.
		expect(marks.change([overlay('b', [z])])).toBeNull();
	});

	it('sends the whole data when an overlay holds the same feature twice', () => {
		const marks = new DrawnMarks([overlay('a', [x, y, z])]);
		const change = marks.change([overlay('a', [x, y, z, z])]);
		expect(change && 'data' in change).toBe(true);
	});
});
