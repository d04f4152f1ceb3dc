import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/lib/briefing/schema';
import { drawNotes, drawnFiles } from '../../scripts/content/notes.js';

const FIXTURE = 'tests/fixtures/gerd-2023.briefing.json';
const EMBEDDED = 'src/content/feb-2022';
const doc = JSON.parse(readFileSync(FIXTURE, 'utf8'));

describe('what a briefing derives, drawn from its inputs (npm run notes)', () => {
	it(
		'keeps the embedded briefing’s derived overlays and distances, and the second briefing, in step (--check)',
		{ timeout: 120_000 },
		() => {
			const r = spawnSync(
				process.execPath,
				['scripts/content/notes.js', EMBEDDED, FIXTURE, '--check'],
				{ encoding: 'utf8' }
			);
			expect(r.status, `${r.stderr}\nrun npm run notes -- ${EMBEDDED} ${FIXTURE}`).toBe(0);
		}
	);

	it('draws every point of every note, and a border zone as an area with its label point', async () => {
		const drawn = await drawNotes({
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

	it('draws anew when an input changed (what --check compares with the file)', async () => {
		const moved = structuredClone(doc);
		moved.troopNotes.find(
			(n: { geometry: { derive?: string } }) => n.geometry.derive === 'border-zone'
		).geometry.widthKm = 40;
		expect(await drawNotes(moved)).not.toEqual(moved);
	});

	it(
		'redraws a route’s arcs from the ends its legs keep, and where the article names each place from its terms',
		{ timeout: 120_000 },
		async () => {
			const dir = mkdtempSync(join(tmpdir(), 'notes-'));
			try {
				cpSync(EMBEDDED, dir, { recursive: true });
				// Spoil what is derived: the arcs' geometry and length, the places' paragraphs.
				const spoil = (
					file: string,
					f: (p: Record<string, unknown>) => void,
					geometry?: object
				) => {
					const path = join(dir, 'overlays', file);
					const fc = JSON.parse(readFileSync(path, 'utf8'));
					for (const feature of fc.features) {
						f(feature.properties);
						if (geometry) feature.geometry = geometry;
					}
					writeFileSync(path, JSON.stringify(fc));
				};
				spoil('route.geojson', (p) => (p.distanceKm = 1), {
					type: 'LineString',
					coordinates: [
						[0, 0],
						[1, 1]
					]
				});
				spoil('places.geojson', (p) => {
					p.paragraphs = '12';
					p.provenance = 'Article, para. 12';
				});
				const files = await drawnFiles(dir);
				for (const file of ['route.geojson', 'places.geojson'])
					expect(files.get(join(dir, 'overlays', file)), file).toBe(
						readFileSync(join(EMBEDDED, 'overlays', file), 'utf8')
					);
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		}
	);
});
