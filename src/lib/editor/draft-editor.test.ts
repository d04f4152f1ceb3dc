import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DraftEditor } from './draft.svelte';
import type { Draft } from './draft-model';
import { History } from './history';

const ARTICLE = readFileSync('tests/fixtures/articles/caucasus.txt', 'utf8');

describe('DraftEditor, the editor’s state owner', () => {
	it('finds the countries of the article, and says how many', async () => {
		const editor = new DraftEditor();
		editor.setArticle(ARTICLE);
		expect(await editor.find()).toBe(true);
		expect(editor.message).toEqual({ text: 'Found 7 countries in 8 paragraphs.', error: false });
		expect(editor.listed.map((c) => [c.name, c.passages])).toEqual([
			['Armenia', 5],
			['Azerbaijan', 5],
			['Georgia', 3],
			['Russia', 3],
			['United States', 2],
			['Iran', 1],
			['Türkiye', 1]
		]);
	});

	it('refuses to find in an empty article, and changes nothing', async () => {
		const commits: string[] = [];
		const editor = new DraftEditor({ onCommit: (_, what) => commits.push(what) });
		const before = editor.draft;
		expect(await editor.find()).toBe(false);
		expect(editor.message?.error).toBe(true);
		expect(editor.message?.text).toMatch(/The article is empty/);
		expect(editor.draft).toBe(before);
		expect(commits).toEqual([]);
	});

	it('counts a map revision only when what the map draws changed', async () => {
		const seen: [Draft, string][] = [];
		const editor = new DraftEditor({ onCommit: (d, what) => seen.push([d, what]) });
		editor.setTitle('A title');
		editor.setArticle(ARTICLE);
		expect(editor.revision).toBe(0);
		const drawn = editor.mapContent;
		await editor.find();
		expect(editor.revision).toBe(1);
		expect(editor.mapContent).not.toBe(drawn);
		editor.setReason('ARM', 'Lost Karabakh.');
		expect(editor.revision).toBe(1);
		editor.setRole('ARM', 'central');
		expect(editor.revision).toBe(2);
		expect(editor.mapContent.countries.find((c) => c.iso3 === 'ARM')?.role).toBe('central');
		editor.setIncluded('IRN', false);
		expect(editor.revision).toBe(3);
		expect(seen.map(([, what]) => what)).toEqual([
			'Title',
			'Article text',
			'Find countries',
			'Reason for Armenia',
			'Role of Armenia',
			'Iran'
		]);
		expect(seen.at(-1)![0]).toBe(editor.draft);
	});

	it('keeps the notes’ marks the map has while only the roles change', async () => {
		const editor = new DraftEditor();
		editor.setArticle(ARTICLE);
		await editor.find();
		editor.addNote({ type: 'Point', coordinates: [44.51, 40.18] }, 'Yerevan');
		await editor.drawNotes();
		const marks = editor.mapContent.overlays;
		expect(marks.flatMap((o) => o.features.features)).toHaveLength(1);
		const revision = editor.revision;
		// Derived again (the notes did not change): the same marks, and nothing more to draw.
		await editor.drawNotes();
		expect(editor.revision).toBe(revision);

		editor.setRole('ARM', 'central');
		expect(editor.revision).toBe(revision + 1);
		expect(editor.mapContent.overlays).toHaveLength(marks.length);
		editor.mapContent.overlays.forEach((o, i) => expect(o).toBe(marks[i]));
		await editor.drawNotes();
		editor.mapContent.overlays.forEach((o, i) => expect(o).toBe(marks[i]));
		expect(editor.revision).toBe(revision + 1);

		editor.addNote({ type: 'Point', coordinates: [47.5, 40.4] }, 'Barda');
		await editor.drawNotes();
		expect(editor.revision).toBe(revision + 2);
		expect(editor.mapContent.overlays.flatMap((o) => o.features.features)).toHaveLength(2);
	});

	it('says when the notes as they are now have been handed to the map, even if a run was overtaken', async () => {
		const editor = new DraftEditor();
		editor.setArticle(ARTICLE);
		await editor.find();
		editor.addNote({ type: 'Point', coordinates: [44.51, 40.18] }, 'Yerevan');
		void editor.drawNotes();
		editor.addNote({ type: 'Point', coordinates: [47.5, 40.4] }, 'Barda');
		// A second run overtakes the first: waiting waits for the latest, with both notes.
		void editor.drawNotes();
		await editor.notesHandedToMap(10_000);
		expect(editor.mapContent.overlays.flatMap((o) => o.features.features)).toHaveLength(2);
	});

	it('adds a country once; starts from a draft given', async () => {
		const editor = new DraftEditor();
		expect(editor.addCountry('TCD')).toBe(true);
		expect(editor.addCountry('TCD')).toBe(false);
		expect(editor.addCountry('MLT')).toBe(false);
		const again = new DraftEditor({ draft: editor.draft });
		expect(again.listed.map((c) => c.iso3)).toEqual(['TCD']);
		expect(again.mapContent.countries).toEqual([{ iso3: 'TCD', role: 'named', secondary: [] }]);
		expect((await again.toDocument()).frame.bounds[0]).toBeLessThan(14);
	});

	it('makes each note and role added or removed a step of its own, however quick (typing alone is joined)', async () => {
		// As the editor's page keeps its history: a step per commit, joined by the commit's name.
		const history = new History<Draft>(new DraftEditor().draft);
		const editor = new DraftEditor({
			onCommit: (d, what, alone) =>
				history.push(d, { label: what, coalesceKey: alone ? undefined : what })
		});
		editor.setArticle(ARTICLE);
		await editor.find();
		const notes = () => editor.draft.document.troopNotes?.length ?? 0;
		const undo = () => editor.restore(history.undo()!);
		const first = editor.addNote({ type: 'Point', coordinates: [44.5, 40.2] });
		const second = editor.addNote({ type: 'Point', coordinates: [46, 40.3] });
		editor.addZoneNote({ inside: 'AZE', along: 'ARM', widthKm: 20 });
		expect(notes()).toBe(3);
		undo();
		expect(notes()).toBe(2);
		undo();
		expect(notes()).toBe(1);
		editor.addNote({ type: 'Point', coordinates: [46, 40.3] });
		editor.removeNote(first);
		editor.removeNote(second);
		expect(notes()).toBe(0);
		undo();
		expect(notes()).toBe(1);
		const roles = editor.roles.length;
		editor.addRole();
		editor.addRole();
		undo();
		expect(editor.roles.length).toBe(roles + 1);
		// Typing into one note's text stays one step.
		const [note] = editor.draft.document.troopNotes!;
		for (const text of ['B', 'Br', 'Bri']) editor.updateNote(note!.id, { text });
		undo();
		expect(editor.draft.document.troopNotes![0]!.text).not.toMatch(/^B/);
	});
});
