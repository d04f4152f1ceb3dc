import { describe, expect, it } from 'vitest';
import { countryIndex } from '$lib/briefing/passages';
import { embedded } from '$lib/briefing/test-briefing';
import { marksOf } from './mark-model';
import { buildPanelModel, nextPage, NOTES_PAGE, PASSAGES_PAGE } from './panel-model';

const briefing = embedded();
const index = countryIndex(briefing);
const panel = (iso3: string) => buildPanelModel(iso3, briefing, index, [], (c) => c);
const noteOf = (iso3: string, id: string) => {
	const n = panel(iso3).notes.find((x) => x.id === id);
	if (!n) throw new Error(`no note ${id} for ${iso3}`);
	return n;
};

describe('troop notes in the country panel', () => {
	it('say how precisely each point is placed, per mark', () => {
		expect(noteOf('RUS', 'ru-maxar-february').marks).toEqual([
			{
				key: 'troops-reported/ru-maxar-february-0',
				name: 'Kursk training area',
				where: 'Marked at the town of Kursk; the site is nearby.'
			},
			{
				key: 'troops-reported/ru-maxar-february-1',
				name: 'Novoozerne',
				where: 'Marked at the town of Novoozerne; the site is nearby.'
			},
			{
				key: 'troops-reported/ru-maxar-february-2',
				name: 'Slavne',
				where: 'Marked at the town of Slavne; the site is nearby.'
			}
		]);
		expect(noteOf('MLI', 'mli-wagner-bamako').marks).toEqual([
			{
				key: 'troops-reported/mli-wagner-bamako',
				name: 'Bamako airport',
				where: 'Marked at the named site: Bamako airport.'
			}
		]);
		expect(noteOf('MLI', 'mli-mercenaries').marks[0]!.where).toBe(
			'Only the region is known: marked at Bamako, Mali’s capital.'
		);
	});

	it('say an illustrative area is one, with no marks', () => {
		const zone = noteOf('RUS', 'ru-buildup');
		expect(zone.marks).toEqual([]);
		expect(zone.where).toBe(
			'Illustrative area: the article gives no positions; drawn within 200 km of the border.'
		);
	});

	it('give mark keys the map knows (overlay/id), for every point of every note', () => {
		const known = new Set(briefing.overlays.flatMap((o) => marksOf(o, briefing).map((m) => m.key)));
		const keys = briefing.troopNotes.flatMap(
			(n) => panel(n.concerns[0]!).notes.find((x) => x.id === n.id)!.marks
		);
		expect(keys.length).toBe(20);
		for (const m of keys) expect(known, m.key).toContain(m.key);
	});

	it('say when a source has no link, or no date of publication', () => {
		const cnn = noteOf('RUS', 'ru-maxar-february');
		expect(cnn.url).toBeUndefined();
		expect(cnn.noLink).toBe(true);
		const tonline = noteOf('RUS', 'ru-maxar-belgorod');
		expect(tonline.noLink).toBe(false);
		expect(tonline.provenance).toMatch(/\(date of publication not recorded\)$/);
		expect(noteOf('RUS', 'ru-buildup').noLink).toBe(false);
	});
});

describe('a long list of passages or notes, shown in pieces', () => {
	it('the embedded briefing’s panels show every passage and note at once', () => {
		for (const iso3 of index.keys()) {
			const m = panel(iso3);
			const passages = m.passages.map((p) => p.chars);
			expect(nextPage(passages, 0, PASSAGES_PAGE), iso3).toBe(passages.length);
			const notes = m.notes.map((n) => n.chars);
			expect(nextPage(notes, 0, NOTES_PAGE), iso3).toBe(notes.length);
		}
	});

	it('a page ends where its characters or its items run out, and holds at least one', () => {
		const page = { chars: 6_000, items: 20 };
		expect(nextPage(Array(200).fill(1_000), 0, page)).toBe(6);
		expect(nextPage(Array(200).fill(1_000), 6, page)).toBe(12);
		expect(nextPage(Array(200).fill(1_000), 198, page)).toBe(200);
		expect(nextPage(Array(100).fill(10), 0, page)).toBe(20);
		expect(nextPage([5_000, 5_000], 0, page)).toBe(1);
		expect(nextPage([60_000, 10], 0, page)).toBe(1);
		expect(nextPage([], 0, page)).toBe(0);
	});

	it('passages carry their length and how many mentions were left unmarked', () => {
		const p = panel('RUS').passages[0]!;
		expect(p.chars).toBe(briefing.article.paragraphs[p.paragraph - 1]!.length);
		expect(p.unmarked).toBe(0);
	});
});
