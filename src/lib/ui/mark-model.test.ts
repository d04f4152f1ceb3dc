import { describe, expect, it } from 'vitest';
import { embedded, fresh } from '$lib/briefing/test-briefing';
import { marksOf, type MarkModel } from './mark-model';

const briefing = embedded();
const overlay = (id: string) => briefing.overlays.find((o) => o.id === id)!;

function mark(layer: string, title: string): MarkModel {
	const m = marksOf(overlay(layer), briefing).find((x) => x.title === title);
	if (!m) throw new Error(`no mark ${title} in ${layer}`);
	return m;
}

describe('place marks say whether the article names the place', () => {
	it('a named place: named in the article, with its paragraph', () => {
		expect(mark('places', 'Palace of Versailles').mention).toBe('Named in the article (para. 7).');
		expect(mark('places', 'Kyiv').mention).toBe('Named in the article (paras. 1, 3, 11).');
	});

	it('a place the article does not name: says so, and why it is shown', () => {
		expect(mark('places', 'Bamako').mention).toBe(
			'Not named in the article; shown as the capital of Mali, where the article says Russian mercenaries arrived (para. 8).'
		);
		expect(mark('places', 'Fort de Brégançon').mention).toMatch(
			/^Not named in the article; shown as the French president’s summer residence.*\(para\. 7\)\.$/
		);
		expect(mark('places', 'Paris').mention).toBe(
			'Not named in the article; shown as the start of Macron’s route to Moscow and Kyiv.'
		);
	});

	it('other marks have no such line', () => {
		expect(mark('troops-reported', 'Timbuktu').mention).toBeUndefined();
	});
});

describe('troop marks say how precisely they are placed, and what their source lacks', () => {
	it('in words: a named site, a town near the site, or only the region', () => {
		expect(mark('troops-reported', 'Bamako airport').where).toBe(
			'Marked at the named site: Bamako airport.'
		);
		expect(mark('troops-reported', 'Zyabrovka airfield').where).toBe(
			'Marked at the town of Zyabrovka; the site is nearby.'
		);
		expect(mark('troops-article', 'Bamako').where).toBe(
			'Only the region is known: marked at Bamako, Mali’s capital.'
		);
	});

	it('a source with no link, or no date of publication', () => {
		expect(mark('troops-reported', 'Novoozerne')).toMatchObject({ url: undefined, noLink: true });
		const belgorod = mark('troops-reported', 'Belgorod');
		expect(belgorod.noLink).toBe(false);
		expect(belgorod.provenance).toMatch(/\(date of publication not recorded\)$/);
		expect(mark('troops-reported', 'Timbuktu').noLink).toBe(false);
		expect(mark('places', 'Kyiv').noLink).toBe(false);
	});
});

describe('troop marks read their notes', () => {
	const troopFeatures = (layer: string) =>
		overlay(layer).features.features.filter((f) => typeof f.properties.noteId === 'string');

	it('each mark says what its own note says', () => {
		for (const layer of ['troops-article', 'troops-reported']) {
			const noteOf = new Map(
				troopFeatures(layer).map((f) => [`${layer}/${f.properties.id}`, f.properties.noteId])
			);
			const marks = marksOf(overlay(layer), briefing);
			expect(marks.length, layer).toBeGreaterThan(0);
			for (const m of marks) {
				const note = briefing.troopNotes.find((n) => n.id === noteOf.get(m.key));
				expect(note, m.key).toBeDefined();
				expect(m.what, m.key).toBe(note!.text);
			}
		}
	});

	it('from the briefing given, not one read before', () => {
		const layer = 'troops-reported';
		const before = marksOf(overlay(layer), briefing);
		const changed = embedded({
			...fresh(),
			troopNotes: fresh().troopNotes.map((n: { text: string }) => ({
				...n,
				text: `Changed: ${n.text}`
			}))
		});
		const after = marksOf(overlay(layer), changed);
		expect(after.map((m) => m.what)).toEqual(before.map((m) => `Changed: ${m.what}`));
	});
});
