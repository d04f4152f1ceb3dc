import { describe, expect, it } from 'vitest';
import { applyFound, newDraft, setArticle, setIncluded, type Draft } from './draft-model';
import {
	addScene,
	describeSceneProblem,
	draftLayers,
	fitSceneToCountries,
	moveScene,
	recaptureCamera,
	removeScene,
	renumberScenes,
	reorderScene,
	sceneCamera,
	sceneLayerChoices,
	setSceneLayer,
	updateScene
} from './scenes-model';
import { readBriefingDocument } from '$lib/content/document';
import { draftToDocument, setTitle } from './draft-model';
import { addNote, NOTE_OVERLAYS, withNoteOverlays } from './notes-model';

const found = (iso3: string) => ({
	iso3,
	name: iso3,
	passages: [1],
	first: { paragraph: 1, text: iso3, start: 0, end: 3 }
});

/** A draft with three paragraphs and two countries. */
function draft(): Draft {
	let d = newDraft('2024-05-01');
	d = setArticle(d, 'First paragraph.\n\nSecond paragraph.\n\nThird paragraph.');
	d = applyFound(d, [found('CHL'), found('PER')] as never);
	return d;
}

const at = { center: [-70.5, -20.25] as [number, number], zoom: 4 };
const ids = (d: Draft) => (d.document.scenes ?? []).map((s) => s.id);
const titles = (d: Draft) => (d.document.scenes ?? []).map((s) => s.title);

describe('addScene', () => {
	it('captures the camera, every layer of the draft and highlights the briefing’s countries', () => {
		const d = addScene(draft(), at);
		expect(d.document.scenes).toEqual([
			{
				id: 'scene-1',
				title: 'Scene 1',
				paragraphs: [1],
				countries: ['CHL', 'PER'],
				// The notes' overlays too: a note added later shows in the scene.
				layers: ['CHL', 'PER', 'troops-article', 'troops-reported', 'labels'],
				camera: { center: [-70.5, -20.25], zoom: 4 },
				notes: ''
			}
		]);
		expect(draftLayers(draft())).toEqual([
			'CHL',
			'PER',
			'troops-article',
			'troops-reported',
			'labels'
		]);
	});

	it('titles scenes "Scene N", quotes paragraph N (the last past the end), ids stay unique', () => {
		let d = draft();
		for (let i = 0; i < 4; i++) d = addScene(d, at);
		expect(titles(d)).toEqual(['Scene 1', 'Scene 2', 'Scene 3', 'Scene 4']);
		expect(d.document.scenes!.map((s) => s.paragraphs)).toEqual([[1], [2], [3], [3]]);
		expect(ids(d)).toEqual(['scene-1', 'scene-2', 'scene-3', 'scene-4']);
		// Removing one and adding again never reuses an id still in use.
		d = addScene(removeScene(d, 'scene-2'), at);
		expect(new Set(ids(d)).size).toBe(4);
		expect(ids(d)).toEqual(['scene-1', 'scene-3', 'scene-4', 'scene-5']);
	});

	it('keeps a capture’s own countries (only those listed) and shows them', () => {
		const d = addScene(draft(), { ...at, countries: ['PER', 'XXX'], layers: ['labels'] });
		const s = d.document.scenes![0]!;
		expect(s.countries).toEqual(['PER']);
		expect(s.layers).toEqual(['PER', 'labels']);
	});

	it('brings the camera into what the schema allows', () => {
		expect(sceneCamera([190.12345, 89], 12)).toEqual({ center: [-169.877, 85], zoom: 9 });
		expect(sceneCamera([-540, -10], -1)).toEqual({ center: [-180, -10], zoom: 0 });
		expect(sceneCamera([NaN, 0], 3)).toEqual({ center: [0, 20], zoom: 1 });
	});

	it('is undoable as data: the draft it was given is not changed', () => {
		const before = draft();
		const copy = structuredClone(before);
		addScene(before, at);
		expect(before).toEqual(copy);
	});
});

describe('updateScene, recaptureCamera, removeScene', () => {
	it('edits the title and notes of one scene only', () => {
		let d = addScene(addScene(draft(), at), at);
		d = updateScene(d, 'scene-2', { title: 'The vote', notes: 'Say who voted.' });
		expect(titles(d)).toEqual(['Scene 1', 'The vote']);
		expect(d.document.scenes![1]!.notes).toBe('Say who voted.');
		expect(updateScene(d, 'nope', { title: 'x' })).toBe(d);
	});

	it('keeps paragraphs in article order, once each; a highlighted country is shown', () => {
		let d = addScene(draft(), { ...at, countries: [], layers: ['labels'] });
		d = updateScene(d, 'scene-1', { paragraphs: [3, 1, 3, 0], countries: ['CHL'] });
		const s = d.document.scenes![0]!;
		expect(s.paragraphs).toEqual([1, 3]);
		expect(s.countries).toEqual(['CHL']);
		expect(s.layers).toEqual(['CHL', 'labels']);
	});

	it('names every layer a scene can show: countries, overlays, the notes’ and the labels', () => {
		const d = addScene(draft(), at);
		const names: Record<string, string> = { CHL: 'Chile', PER: 'Peru' };
		expect(sceneLayerChoices(d, (iso3) => names[iso3] ?? iso3)).toEqual([
			{ id: 'CHL', name: 'Chile', kind: 'country' },
			{ id: 'PER', name: 'Peru', kind: 'country' },
			{ id: 'troops-article', name: 'Troop positions (article)', kind: 'overlay' },
			{ id: 'troops-reported', name: 'Reported concentrations', kind: 'overlay' },
			{ id: 'labels', name: 'Labels', kind: 'basemap' }
		]);
	});

	it('shows or hides one layer in a scene; a highlighted country stays shown', () => {
		let d = addScene(draft(), { ...at, countries: ['CHL'] });
		expect(d.document.scenes![0]!.layers).toContain('troops-article');
		d = setSceneLayer(d, 'scene-1', 'troops-article', false);
		d = setSceneLayer(d, 'scene-1', 'PER', false);
		expect(d.document.scenes![0]!.layers).toEqual(['CHL', 'troops-reported', 'labels']);
		// Highlighted: it stays; an unknown layer or scene changes nothing.
		expect(setSceneLayer(d, 'scene-1', 'CHL', false)).toBe(d);
		expect(setSceneLayer(d, 'scene-1', 'nope', true)).toBe(d);
		expect(setSceneLayer(d, 'nope', 'PER', true)).toBe(d);
		// Shown again: in the draft's order of layers.
		d = setSceneLayer(d, 'scene-1', 'PER', true);
		d = setSceneLayer(d, 'scene-1', 'troops-article', true);
		expect(d.document.scenes![0]!.layers).toEqual([
			'CHL',
			'PER',
			'troops-article',
			'troops-reported',
			'labels'
		]);
		expect(setSceneLayer(d, 'scene-1', 'PER', true)).toBe(d);
	});

	it('recaptures the camera only', () => {
		let d = addScene(draft(), at);
		d = recaptureCamera(d, 'scene-1', [10, 50], 5.555);
		expect(d.document.scenes![0]!.camera).toEqual({ center: [10, 50], zoom: 5.56 });
		expect(d.document.scenes![0]!.title).toBe('Scene 1');
	});

	it('frames a scene to fit its highlighted countries, which it then follows', () => {
		let d = addScene(draft(), { ...at, countries: ['CHL'] });
		d = fitSceneToCountries(d, 'scene-1');
		expect(d.document.scenes![0]!.camera).toEqual({ fit: ['CHL'] });
		d = updateScene(d, 'scene-1', { countries: ['CHL', 'ARG'] });
		expect(d.document.scenes![0]!.camera).toEqual({ fit: ['CHL', 'ARG'] });
		// None highlighted: the fit stays as it was (a fit names at least one country).
		d = updateScene(d, 'scene-1', { countries: [] });
		expect(d.document.scenes![0]!.camera).toEqual({ fit: ['CHL', 'ARG'] });
		// The map's view again: a centre and a zoom.
		d = recaptureCamera(d, 'scene-1', [10, 50], 4);
		expect(d.document.scenes![0]!.camera).toEqual({ center: [10, 50], zoom: 4 });
		d = updateScene(d, 'scene-1', { countries: ['ARG'] });
		expect(d.document.scenes![0]!.camera).toEqual({ center: [10, 50], zoom: 4 });
	});

	it('does not fit a scene with no highlighted country', () => {
		const d = addScene(draft(), { ...at, countries: [] });
		expect(fitSceneToCountries(d, 'scene-1')).toBe(d);
		expect(fitSceneToCountries(d, 'nope')).toBe(d);
	});

	it('removes a scene; an unknown id changes nothing', () => {
		const d = addScene(addScene(draft(), at), at);
		expect(ids(removeScene(d, 'scene-1'))).toEqual(['scene-2']);
		expect(removeScene(d, 'nope')).toBe(d);
	});
});

describe('moveScene and reorderScene', () => {
	const three = () => addScene(addScene(addScene(draft(), at), at), at);

	it('moves up and down, and not past either end (the same draft: no history step)', () => {
		const d = three();
		expect(ids(moveScene(d, 'scene-1', 1))).toEqual(['scene-2', 'scene-1', 'scene-3']);
		expect(ids(moveScene(d, 'scene-3', -1))).toEqual(['scene-1', 'scene-3', 'scene-2']);
		expect(moveScene(d, 'scene-1', -1)).toBe(d);
		expect(moveScene(d, 'scene-3', 1)).toBe(d);
		expect(moveScene(d, 'nope', 1)).toBe(d);
	});

	it('reorders by index, as a drop does', () => {
		const d = three();
		expect(ids(reorderScene(d, 0, 2))).toEqual(['scene-2', 'scene-3', 'scene-1']);
		expect(ids(reorderScene(d, 2, 0))).toEqual(['scene-3', 'scene-1', 'scene-2']);
		expect(ids(reorderScene(d, 0, 99))).toEqual(['scene-2', 'scene-3', 'scene-1']);
		expect(reorderScene(d, 1, 1)).toBe(d);
		expect(reorderScene(d, 5, 0)).toBe(d);
		expect(reorderScene(d, -1, 0)).toBe(d);
	});
});

describe('paragraph numbers follow the article', () => {
	it('renumbers and drops deleted paragraphs', () => {
		const d = addScene(draft(), at);
		const scenes = renumberScenes(
			[{ ...d.document.scenes![0]!, paragraphs: [1, 2, 3] }],
			new Map([
				[1, 2],
				[3, 4]
			])
		);
		expect(scenes[0]!.paragraphs).toEqual([2, 4]);
	});

	it('setArticle renumbers the scenes’ paragraphs', () => {
		let d = addScene(addScene(addScene(draft(), at), at), at);
		d = setArticle(d, 'A new opening.\n\nFirst paragraph.\n\nThird paragraph.');
		expect(d.document.scenes!.map((s) => s.paragraphs)).toEqual([[2], [], [3]]);
	});
});

describe('the scenes as a briefing', () => {
	it('a scene with a title, notes and a paragraph validates as the map page reads it', async () => {
		let d = addScene(draft(), at);
		d = setTitle(d, 'A test');
		d = {
			...d,
			document: {
				...d.document,
				countries: d.document.countries.map((c) => ({
					...c,
					roles: [{ role: 'named', reason: 'Named.' }]
				}))
			}
		};
		const noNotes = await readBriefingDocument(draftToDocument(d));
		expect(noNotes.ok).toBe(false);
		if (!noNotes.ok) {
			expect(noNotes.errors.map((e) => describeSceneProblem(d, e)?.text)).toContain(
				'Speaker notes of scene 1: must not be empty'
			);
		}
		d = updateScene(d, 'scene-1', { notes: 'Say it.' });
		const read = await readBriefingDocument(draftToDocument(d));
		expect(read.ok ? read.briefing.scenes.map((s) => s.title) : read.errors).toEqual(['Scene 1']);
	});

	it('shows the notes in a scene captured before them, and lists only the notes’ overlays the document has', () => {
		let d = addScene(draft(), at);
		const layersOf = (doc: ReturnType<typeof draftToDocument>) => doc.scenes![0]!.layers;
		expect(layersOf(draftToDocument(d))).toEqual(['CHL', 'PER', 'labels']);
		d = addNote(d, { type: 'Point', coordinates: [-70.6, -33.4] });
		const doc = draftToDocument(d);
		expect(layersOf(doc)).toEqual(['CHL', 'PER', 'troops-article', 'labels']);
		// The note's overlay derived: kept; not derived (no marks): left out with it.
		const derived = { ...NOTE_OVERLAYS[0], legend: [...NOTE_OVERLAYS[0].legend] };
		const withMarks = { ...derived, features: { type: 'FeatureCollection', features: [] } };
		expect(layersOf(withNoteOverlays(doc, [withMarks as never]))).toContain('troops-article');
		expect(layersOf(withNoteOverlays(doc, []))).toEqual(['CHL', 'PER', 'labels']);
	});

	it('a country unchecked leaves the document’s scenes, and comes back when checked again', () => {
		const d = addScene(draft(), at);
		const out = setIncluded(d, 'PER', false);
		const scene = (x: Draft) => draftToDocument(x).scenes![0]!;
		expect(scene(out).countries).toEqual(['CHL']);
		expect(scene(out).layers).toEqual(['CHL', 'labels']);
		// The draft keeps it: checked again, the scene highlights it again.
		expect(out.document.scenes![0]!.countries).toEqual(['CHL', 'PER']);
		expect(scene(setIncluded(out, 'PER', true)).countries).toEqual(['CHL', 'PER']);
	});

	it('describes scene problems by the editor’s labels, and leaves the others', () => {
		const d = addScene(draft(), at);
		expect(describeSceneProblem(d, 'scenes[0].title: must not be empty')).toEqual({
			text: 'Title of scene 1: must not be empty',
			field: 'Title of scene 1'
		});
		expect(describeSceneProblem(d, 'scenes[0].paragraphs: quote at least one paragraph')).toEqual({
			text: 'Paragraphs of scene 1: quote at least one paragraph'
		});
		expect(describeSceneProblem(d, 'title: must not be empty')).toBeNull();
		expect(describeSceneProblem(d, 'scenes[4].title: x')).toBeNull();
	});
});

describe('DraftEditor’s scenes', () => {
	it('commits each change once, named for the undo button; a move at an end commits nothing', async () => {
		const { DraftEditor } = await import('./draft.svelte');
		const commits: string[] = [];
		const editor = new DraftEditor({ draft: draft(), onCommit: (_, what) => commits.push(what) });
		editor.addScene(at);
		editor.addScene(at);
		editor.updateScene('scene-1', { title: 'Opening' }, 'Title of scene-1');
		editor.moveScene('scene-1', -1);
		editor.moveScene('scene-1', 1);
		editor.reorderScene(1, 0);
		editor.recaptureScene('scene-2', [1, 2], 3);
		editor.removeScene('scene-2');
		expect(commits).toEqual([
			'Add scene 1',
			'Add scene 2',
			'Title of scene-1',
			'Move Opening to 2',
			'Move Opening to 1',
			'Map view of Scene 2',
			'Remove Scene 2'
		]);
		expect(editor.scenes.map((s) => s.title)).toEqual(['Opening']);
	});
});
