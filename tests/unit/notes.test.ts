import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/lib/briefing/schema';
import { drawNotes } from '../../scripts/content/notes.js';

const FIXTURE = 'tests/fixtures/gerd-2023.briefing.json';
const doc = JSON.parse(readFileSync(FIXTURE, 'utf8'));

describe('a briefing’s troop notes drawn into its overlays (npm run notes)', () => {
	it('keeps the second briefing’s overlays in step with its notes', () => {
		expect(drawNotes(doc), `run npm run notes -- ${FIXTURE}`).toEqual(doc);
	});

	it('draws every point of every note, and a border zone as an area with its label point', () => {
		const drawn = drawNotes({
			...doc,
			overlays: doc.overlays.map((o: { derived?: object; features: object }) =>
				o.derived ? { ...o, features: { type: 'FeatureCollection', features: [] } } : o
			)
		});
		const ids = (id: string) =>
			drawn.overlays
				.find((o: { id: string }) => o.id === id)
				.features.features.map(
					(f: { properties: { id: string; kind: string } }) =>
						`${f.properties.id}:${f.properties.kind}`
				);
		expect(ids('troops-reported')).toEqual([
			'nile-eagles-1:position',
			'guardians-of-the-nile-0:position',
			'guardians-of-the-nile-1:position',
			'guardians-of-the-nile-2:position'
		]);
		expect(ids('troops-article')).toEqual(['fashaga:zone', 'fashaga-label:zone-label']);
		// An overlay not derived from the notes is left as it was.
		expect(drawn.overlays.find((o: { id: string }) => o.id === 'blue-nile')).toEqual(
			doc.overlays.find((o: { id: string }) => o.id === 'blue-nile')
		);
		expect(parseDocument(drawn).ok).toBe(true);
	});
});
