import { describe, expect, it } from 'vitest';
import {
	addCountry,
	draftToDocument,
	newDraft,
	setArticle,
	setReason,
	setTitle
} from './draft-model';
import { parseDocument } from '$lib/briefing/schema';
import {
	addNote,
	addZoneNote,
	describeNoteProblem,
	noteProblem,
	hasProvenance,
	kindOf,
	newNoteId,
	noteDerivationInput,
	noteOverlays,
	notesOf,
	parseParagraphs,
	parsePlace,
	placesOfLabels,
	removeNote,
	withNoteOverlays,
	renumberNotes,
	setNoteGeometry,
	setNoteProvenance,
	updateNote
} from './notes-model';
import { troopNoteSchema } from '$lib/briefing/schema/notes';
import { overlayLayers } from '$lib/map/overlays';
import { featureFilter, type FilterSpecification } from '@maplibre/maplibre-gl-style-spec';

const point = { type: 'Point' as const, coordinates: [44.51234567, 40.18] };
const line = {
	type: 'LineString' as const,
	coordinates: [
		[44, 40],
		[45, 41]
	]
};
const area = {
	type: 'Polygon' as const,
	coordinates: [
		[
			[44, 40],
			[45, 40],
			[45, 41],
			[44, 40]
		]
	]
};

describe('notes on the map: the model', () => {
	it('adds notes with unique, stable ids, and leaves the draft given as it was', () => {
		const d0 = newDraft('2024-01-01');
		const d1 = addNote(d0, point, { concerns: ['ARM'] });
		const d2 = addNote(d1, line);
		expect(notesOf(d0)).toEqual([]);
		expect(notesOf(d2).map((n) => n.id)).toEqual(['note-1', 'note-2']);
		// Removing the first keeps the second's id; the next note takes the free one.
		const d3 = addNote(removeNote(d2, 'note-1'), area);
		expect(notesOf(d3).map((n) => n.id)).toEqual(['note-2', 'note-1']);
		expect(newNoteId(d3)).toBe('note-3');
		expect(notesOf(d1)[0]).toMatchObject({
			concerns: ['ARM'],
			geometry: { type: 'Point', coordinates: [44.5123, 40.18], precision: { level: 'site' } },
			approximate: false
		});
	});

	it('a point placed by a place name is marked at that place, approximate', () => {
		const n = notesOf(addNote(newDraft(), point, { name: 'Armenia' }))[0]!;
		expect(n.geometry).toMatchObject({
			name: 'Armenia',
			precision: { level: 'town', at: 'Armenia' }
		});
		expect(n.approximate).toBe(true);
	});

	it('edits text, forces, approximate, provenance and place of one note only', () => {
		let d = addNote(addNote(newDraft(), point), point);
		d = updateNote(d, 'note-2', { text: 'Troops seen', forces: 'Army', approximate: true });
		d = setNoteProvenance(d, 'note-2', { kind: 'article', paragraphs: [2] });
		d = setNoteGeometry(d, 'note-2', line);
		const [a, b] = notesOf(d);
		expect(a).toMatchObject({ text: '', forces: '', approximate: false });
		expect(b).toMatchObject({
			text: 'Troops seen',
			forces: 'Army',
			approximate: true,
			provenance: { kind: 'article', paragraphs: [2] }
		});
		expect(kindOf(b!.geometry)).toBe('Line');
		expect(updateNote(d, 'nope', { text: 'x' })).toBe(d);
		expect(removeNote(d, 'nope')).toBe(d);
	});

	it('a note with no provenance is kept as a draft and refused by the schema', () => {
		const n = notesOf(
			updateNote(addNote(newDraft(), point, { concerns: ['ARM'] }), 'note-1', {
				text: 'Troops.',
				forces: 'Army'
			})
		)[0]!;
		expect(hasProvenance(n)).toBe(false);
		const checked = troopNoteSchema.safeParse(n);
		expect(checked.success).toBe(false);
		expect(JSON.stringify(checked.error?.issues)).toContain('name at least one paragraph');
		const cited = { ...n, provenance: { kind: 'article' as const, paragraphs: [1] } };
		expect(hasProvenance(cited)).toBe(true);
		expect(troopNoteSchema.safeParse(cited).success).toBe(true);
	});

	it('lines and areas are valid note geometries (the optional kinds)', () => {
		for (const g of [line, area]) {
			const n = notesOf(addNote(newDraft(), g, { concerns: ['ARM'] }))[0]!;
			const ok = {
				...n,
				text: 'T.',
				forces: 'F',
				provenance: { kind: 'article', paragraphs: [1] }
			};
			expect(troopNoteSchema.safeParse(ok).success).toBe(true);
		}
		const open = { ...line, coordinates: [[44, 40]] };
		const n = notesOf(addNote(newDraft(), open as never, { concerns: ['ARM'] }))[0]!;
		expect(
			troopNoteSchema.safeParse({
				...n,
				text: 'T.',
				forces: 'F',
				provenance: { kind: 'article', paragraphs: [1] }
			}).success
		).toBe(false);
	});

	it('paragraph numbers follow their paragraphs when the article changes', () => {
		let d = setArticle(newDraft(), 'One.\n\nTwo.\n\nThree.');
		d = setNoteProvenance(addNote(d, point), 'note-1', { kind: 'article', paragraphs: [2, 3] });
		const moves = new Map([
			[1, 2],
			[3, 4]
		]);
		expect(renumberNotes(notesOf(d), moves)[0]!.provenance).toEqual({
			kind: 'article',
			paragraphs: [4]
		});
	});
});

describe('what the author types', () => {
	it('reads paragraph numbers, ranges, and says what is wrong', () => {
		expect(parseParagraphs('2, 5', 6)).toEqual({ ok: true, paragraphs: [2, 5] });
		expect(parseParagraphs('5 2-3 2', 6)).toEqual({ ok: true, paragraphs: [2, 3, 5] });
		expect(parseParagraphs('', 6)).toEqual({ ok: true, paragraphs: [] });
		expect(parseParagraphs('7', 6)).toEqual({
			ok: false,
			error: 'The article has no paragraph 7 (it has 6)'
		});
		expect(parseParagraphs('two', 6)).toMatchObject({ ok: false });
		expect(parseParagraphs('0', 6)).toMatchObject({ ok: false });
	});

	const labels = placesOfLabels({
		type: 'FeatureCollection',
		features: [
			{
				type: 'Feature',
				properties: { iso3: 'ARM', name: 'Armenia' },
				geometry: { type: 'Point', coordinates: [44.9, 40.2] }
			},
			{
				type: 'Feature',
				properties: { iso3: 'CIV', name: 'Côte d’Ivoire' },
				geometry: { type: 'Point', coordinates: [-5.5, 7.6] }
			}
		]
	});

	it('reads coordinates as latitude, longitude', () => {
		expect(parsePlace('40.18, 44.51', labels)).toEqual({ ok: true, coordinates: [44.51, 40.18] });
		expect(parsePlace('40.18 44.51', labels)).toEqual({ ok: true, coordinates: [44.51, 40.18] });
		expect(parsePlace('33.9 S, 18.4 E', labels)).toEqual({ ok: true, coordinates: [18.4, -33.9] });
		expect(parsePlace('18.4E, 33.9S', labels)).toEqual({ ok: true, coordinates: [18.4, -33.9] });
		const far = parsePlace('95, 30', labels);
		expect(far).toMatchObject({ ok: false });
		expect(!far.ok && far.error).toContain('latitude runs from -90 to 90');
	});

	it('finds a place the basemap labels name, case and accents ignored', () => {
		expect(parsePlace('armenia', labels)).toEqual({
			ok: true,
			coordinates: [44.9, 40.2],
			name: 'Armenia'
		});
		expect(parsePlace('cote d’ivoire', labels)).toMatchObject({ ok: true, name: 'Côte d’Ivoire' });
		const none = parsePlace('<b>Atlantis</b>', labels);
		expect(none).toMatchObject({ ok: false });
		expect(!none.ok && none.error).toContain('No place named “<b>Atlantis</b>”');
		expect(parsePlace('  ', labels)).toMatchObject({ ok: false });
		expect(placesOfLabels({ features: 'x' })).toEqual([]);
	});
});

describe('the notes drawn on the editor’s map', () => {
	it('draws nothing, and loads nothing, with no note', async () => {
		expect(await noteOverlays(newDraft())).toEqual([]);
	});

	it('derives the notes’ marks with the content build’s code, by provenance', async () => {
		let d = addNote(newDraft('2024-01-01'), point, { concerns: ['ARM'] });
		d = updateNote(d, 'note-1', { text: 'Troops here. More.', forces: 'Army' });
		d = setNoteProvenance(d, 'note-1', { kind: 'article', paragraphs: [1] });
		d = addNote(d, area, { concerns: ['ARM'] });
		const overlays = await noteOverlays(d);
		expect(overlays.map((o) => o.id)).toEqual(['troops-article', 'troops-reported']);
		const [article, reported] = overlays;
		expect(article!.features.features[0]!.properties).toMatchObject({
			id: 'note-1',
			kind: 'position',
			forces: 'Army',
			label: 'Troops here.',
			provenance: 'Article, para. 1'
		});
		// The note with no provenance yet is drawn, and says so.
		expect(reported!.features.features.map((f) => f.properties.kind)).toEqual([
			'zone',
			'zone-label'
		]);
		expect(reported!.features.features[0]!.properties.provenance).toBe('No provenance yet');
		expect(noteDerivationInput(d).overlays[0]!.features.features).toEqual([]);
	});
});

describe('the notes drawn again', () => {
	it('derives only the notes new or changed: the others keep their marks, the same objects', async () => {
		let d = addNote(newDraft('2024-01-01'), point, { concerns: ['ARM'] });
		d = setNoteProvenance(d, 'note-1', { kind: 'article', paragraphs: [1] });
		d = addNote(d, line, { concerns: ['ARM'] });
		const first = (await noteOverlays(d)).flatMap((o) => o.features.features);
		const ofNote = (fs: typeof first, id: string) => fs.filter((f) => f.properties.noteId === id);

		// A third note placed: the first two's marks are the very objects drawn before.
		d = addNote(d, area, { concerns: ['ARM'] });
		const second = (await noteOverlays(d)).flatMap((o) => o.features.features);
		for (const id of ['note-1', 'note-2']) {
			expect(ofNote(second, id).length, id).toBeGreaterThan(0);
			ofNote(second, id).forEach((f, i) => expect(f, id).toBe(ofNote(first, id)[i]));
		}
		expect(ofNote(second, 'note-3').length).toBeGreaterThan(0);

		// The second note edited: its marks are new and say so; the first's are kept.
		d = updateNote(d, 'note-2', { forces: 'Border guards' });
		const third = (await noteOverlays(d)).flatMap((o) => o.features.features);
		expect(ofNote(third, 'note-2')[0]).not.toBe(ofNote(second, 'note-2')[0]);
		expect(ofNote(third, 'note-2')[0]!.properties.forces).toBe('Border guards');
		expect(ofNote(third, 'note-1')[0]).toBe(ofNote(second, 'note-1')[0]);

		// Given a provenance, the note moves to its overlay; removed, its marks go.
		d = setNoteProvenance(d, 'note-3', { kind: 'article', paragraphs: [1] });
		d = removeNote(d, 'note-2');
		const fourth = await noteOverlays(d);
		expect(fourth.map((o) => o.features.features.map((f) => f.properties.noteId))).toEqual([
			expect.arrayContaining(['note-1', 'note-3'])
		]);

		// The same as deriving every note afresh, in the same order.
		const fresh = await noteOverlays(structuredClone(d));
		expect(fourth).toEqual(fresh);
	});

	it('derives the marks again when the date the story is told from changes', async () => {
		let d = addNote(newDraft('2024-01-01'), point, { concerns: ['ARM'] });
		d = setNoteProvenance(d, 'note-1', { kind: 'article', paragraphs: [1] });
		const before = (await noteOverlays(d))[0]!.features.features[0]!;
		d = { ...d, document: { ...d.document, asOf: '2023-01-01' } };
		const after = (await noteOverlays(d))[0]!.features.features[0]!;
		expect(after).not.toBe(before);
		expect(after.properties.noteId).toBe('note-1');
	});
});

describe('the article edited under the notes', () => {
	it('setArticle renumbers the notes’ paragraphs, and drops a deleted one', () => {
		let d = setArticle(newDraft(), 'One.\n\nTwo.\n\nThree.');
		d = setNoteProvenance(addNote(d, point), 'note-1', { kind: 'article', paragraphs: [1, 3] });
		d = setArticle(d, 'Zero.\n\nTwo.\n\nThree.');
		expect(notesOf(d)[0]!.provenance).toEqual({ kind: 'article', paragraphs: [1, 3] });
		d = setArticle(d, 'Three.');
		expect(notesOf(d)[0]!.provenance).toEqual({ kind: 'article', paragraphs: [1] });
	});
});

describe('export', () => {
	it('a briefing with notes exports with their overlays, valid as an import reads it', async () => {
		let d = setTitle(newDraft('2024-01-01'), 'Border talks');
		d = setArticle(d, 'Armenia and Azerbaijan talked.\n\nTroops moved.');
		d = setReason(addCountry(d, 'ARM'), 'ARM', 'Talks.');
		d = addNote(d, point, { concerns: ['ARM'] });
		d = updateNote(d, 'note-1', { text: 'Troops moved.', forces: 'Army' });
		const noProvenance = parseDocument(withNoteOverlays(draftToDocument(d), await noteOverlays(d)));
		expect(noProvenance.ok).toBe(false);
		expect(!noProvenance.ok && noProvenance.errors.join('\n')).toContain(
			'troopNotes[0].provenance.paragraphs'
		);
		d = setNoteProvenance(d, 'note-1', { kind: 'article', paragraphs: [2] });
		d = addNote(d, area, { concerns: ['ARM'] });
		d = updateNote(d, 'note-2', { text: 'An area.', forces: 'Army' });
		d = setNoteProvenance(d, 'note-2', {
			kind: 'source',
			publisher: 'Example News',
			title: 'A report',
			url: 'https://example.org/a',
			date: '2024-05'
		});
		const read = parseDocument(withNoteOverlays(draftToDocument(d), await noteOverlays(d)));
		expect(read.ok ? [] : read.errors).toEqual([]);
		if (!read.ok) return;
		expect(read.briefing.overlays.map((o) => [o.id, o.features.features.length])).toEqual([
			['troops-article', 1],
			['troops-reported', 2]
		]);
	});
});

describe('a zone along a border', () => {
	it('is a border-zone note, derived from the shapes as the content build derives it', async () => {
		let d = addZoneNote(newDraft('2024-01-01'), { inside: 'AZE', along: 'ARM', widthKm: 30 });
		const n = notesOf(d)[0]!;
		expect(n.geometry).toMatchObject({
			derive: 'border-zone',
			along: ['AZE', 'ARM'],
			inside: ['AZE'],
			widthKm: 30
		});
		expect(kindOf(n.geometry)).toBe('Border zone');
		d = updateNote(d, 'note-1', { text: 'Troops near the border.', forces: 'Army' });
		const ok = { ...notesOf(d)[0]!, provenance: { kind: 'article' as const, paragraphs: [1] } };
		expect(troopNoteSchema.safeParse(ok).success).toBe(true);
		const { readFileSync } = await import('node:fs');
		const shapes = (code: string) =>
			JSON.parse(readFileSync(`geodata/countries/${code}.geojson`, 'utf8')).features[0].geometry;
		const { deriveDocument } = await import('$lib/geo/derive.js');
		const derived = await deriveDocument(noteDerivationInput(d) as never, shapes);
		const features = (
			derived as unknown as {
				overlays: { features: { features: { properties: { kind: string } }[] } }[];
			}
		).overlays[1]!.features.features;
		expect(features.map((f) => f.properties.kind)).toEqual(['zone', 'zone-label']);
	});
});

describe('export problems of notes', () => {
	it('name the note and its field as the section labels them', () => {
		const d = addNote(addNote(newDraft(), point), line);
		expect(
			describeNoteProblem(d, 'troopNotes[1].provenance.paragraphs: name at least one paragraph')
		).toBe('Note 2 (Line), Paragraphs: name at least one paragraph');
		expect(describeNoteProblem(d, 'troopNotes[0].forces: must not be empty')).toBe(
			'Note 1 (Point), Forces: must not be empty'
		);
		expect(describeNoteProblem(d, 'troopNotes[0].geometry.coordinates[1]: bad')).toBe(
			'Note 1 (Point), Place: bad'
		);
		expect(describeNoteProblem(d, 'troopNotes[5].text: x')).toBeUndefined();
		expect(describeNoteProblem(d, 'title: must not be empty')).toBeUndefined();
	});

	it('say where the editor shows the field: its control, in that note’s item', () => {
		const d = addNote(addNote(newDraft(), point), line);
		const [first, second] = notesOf(d);
		expect(
			noteProblem(d, 'troopNotes[1].provenance.paragraphs: name at least one paragraph')
		).toMatchObject({ field: 'Paragraphs', within: `li[data-note="${second!.id}"]` });
		// The countries are changed through "Add a country"; the place has no control of its own.
		expect(noteProblem(d, 'troopNotes[0].concerns: name at least one country')).toMatchObject({
			text: 'Note 1 (Point), Countries: name at least one country',
			field: 'Add a country',
			within: `li[data-note="${first!.id}"]`
		});
		expect(noteProblem(d, 'troopNotes[0].observed.from: bad')?.field).toBe('Seen on');
	});
});

describe('a line note on the map', () => {
	it('is a line and one label point; each look labels the point only, outlines the line', async () => {
		const d = addNote(newDraft('2024-01-01'), line, { concerns: ['ARM'] });
		const [reported] = await noteOverlays(d);
		const features = reported!.features.features;
		expect(features.map((f) => [f.properties.kind, f.geometry.type])).toEqual([
			['line', 'LineString'],
			['zone-label', 'Point']
		]);
		for (const style of ['troops', 'reports'] as const) {
			const layers = overlayLayers([{ ...reported!, style }]);
			// Which layers take each feature (their filter, without the overlay's own tag).
			const takes = (kind: string, type: number) =>
				layers
					.filter((l) => {
						const filter = (l as { filter?: FilterSpecification }).filter;
						if (!filter) return false;
						return featureFilter(filter, 'f').filter({ zoom: 6 }, {
							type,
							properties: { overlay: reported!.id, kind, approximate: true },
							geometry: []
						} as never);
					})
					.map((l) => l.id.replace(`${reported!.id}-`, ''));
			expect(takes('line', 2), style).toEqual(['zone-outline']);
			expect(
				takes('zone-label', 1).filter((id) => id.includes('label')),
				style
			).toEqual(['labels']);
		}
	});
});
