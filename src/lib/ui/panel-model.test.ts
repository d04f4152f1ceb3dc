import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { countryIndex } from '$lib/briefing/passages';
import { parseServedBriefing, splitParagraphs } from '$lib/briefing/schema';
import { OVERLAYS } from '$lib/map/overlays';
import { marksOf } from './mark-model';
import { buildPanelModel } from './panel-model';

const read = (path: string) =>
	readFileSync(fileURLToPath(new URL(`../../../${path}`, import.meta.url)), 'utf8');

const raw = JSON.parse(read('src/content/feb-2022/briefing.json'));
const paragraphs = splitParagraphs(read('src/content/feb-2022/article.txt'));
const parsed = parseServedBriefing({ ...raw, article: { ...raw.article, paragraphs } });
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const briefing = parsed.briefing;
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
		const known = new Set(
			OVERLAYS.flatMap((o) =>
				marksOf(o.id, JSON.parse(read(`geodata/overlays/${o.id}.geojson`)), briefing).map(
					(m) => m.key
				)
			)
		);
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
