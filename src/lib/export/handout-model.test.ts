import { describe, expect, it } from 'vitest';
import { embedded } from '$lib/briefing/test-briefing';
import { COUNTRY_NAMES } from '$lib/map/geodata';
import { handoutModel } from './handout-model';

const briefing = embedded();
const names = new Map(COUNTRY_NAMES.map((c) => [c.iso3, c.name]));
const nameOf = (iso3: string) => names.get(iso3) ?? iso3;

describe('handoutModel', () => {
	it('has a section per scene and per country of the story, in the briefing’s order', () => {
		const m = handoutModel(briefing, nameOf);
		expect(m.title).toBe(briefing.title);
		expect(m.scenes.map((s) => s.title)).toEqual(briefing.scenes.map((s) => s.title));
		expect(m.countries.map((c) => c.iso3)).toEqual(briefing.countries.map((c) => c.iso3));
		expect(m.roles.length).toBeGreaterThan(0);
	});
	it('quotes each scene’s paragraphs with their numbers, and lists its countries’ notes once', () => {
		const m = handoutModel(briefing, nameOf);
		for (const [i, scene] of briefing.scenes.entries()) {
			const s = m.scenes[i]!;
			expect(s.quotes.map((q) => q.paragraph)).toEqual(scene.paragraphs);
			for (const q of s.quotes) expect(q.text).toBe(briefing.article.paragraphs[q.paragraph - 1]);
			const ids = s.notes.map((n) => n.id);
			expect(new Set(ids).size).toBe(ids.length);
			const expected = briefing.troopNotes
				.filter((n) => n.concerns.some((c) => scene.countries.includes(c)))
				.map((n) => n.id);
			expect(ids).toEqual(expected);
		}
	});
	it('prints speaker notes only when asked', () => {
		expect(handoutModel(briefing, nameOf).scenes.every((s) => s.speakerNotes === undefined)).toBe(
			true
		);
		const withNotes = handoutModel(briefing, nameOf, { speakerNotes: true });
		expect(withNotes.scenes.map((s) => s.speakerNotes)).toEqual(
			briefing.scenes.map((s) => s.notes)
		);
	});
	it('lists every cited source once, and the map data credits', () => {
		const m = handoutModel(briefing, nameOf);
		const texts = m.sources.reports.map((r) => r.text);
		expect(new Set(texts).size).toBe(texts.length);
		const cited = briefing.troopNotes.filter((n) => n.provenance.kind === 'source').length;
		expect(texts.length).toBeGreaterThan(0);
		expect(texts.length).toBeLessThanOrEqual(cited);
		expect(m.sources.credits.some((c) => c.includes('Natural Earth'))).toBe(true);
	});
});
