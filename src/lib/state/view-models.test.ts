import { describe, expect, it } from 'vitest';
import { openDocument, servedBriefing } from './test-document';
import {
	countryViews,
	findMark,
	layerGroups,
	legendOverlays,
	legendRoles,
	mapContentOf,
	overlayLabel,
	presenterScene
} from './view-models';

const doc = openDocument();
const nameOf = (iso3: string) => doc.nameOf(iso3);
const roleOf = (hidden: string[], id: string) =>
	legendRoles(doc.looks, doc.styled, hidden, nameOf).find((r) => r.id === id);

describe('the legend', () => {
	it('lists each role with its countries, main role first, a second role marked so', () => {
		expect(roleOf([], 'election')?.countries).toEqual([
			'Hungary',
			'Slovenia',
			'France (second role)'
		]);
		expect(roleOf([], 'buildup')?.countries).toEqual(['Russia']);
	});

	it('leaves out hidden countries, and a role none of whose countries is visible', () => {
		expect(roleOf(['HUN', 'FRA'], 'election')?.countries).toEqual(['Slovenia']);
		expect(roleOf(['RUS'], 'buildup')).toBeUndefined();
	});

	it('shows the briefing’s overlays that are not hidden', () => {
		const all = legendOverlays([], doc.overlays).map((o) => o.id);
		expect(all).toContain('route');
		expect(legendOverlays(['route'], doc.overlays).map((o) => o.id)).not.toContain('route');
		expect(legendOverlays([], [])).toEqual([]);
	});
});

describe('the layers', () => {
	it('groups the story countries, the military overlays and the context, labels last', () => {
		const groups = layerGroups(doc.lists.featured, doc.marks, doc.overlays);
		expect(groups.map((g) => g.label)).toEqual(['Countries', 'Military', 'Context']);
		expect(groups[0]!.items[0]).toEqual({ id: 'FRA', label: 'France' });
		expect(groups[1]!.items.map((i) => i.id)).toContain('troops-reported');
		expect(groups[2]!.items.at(-1)).toEqual({ id: 'labels', label: 'Labels' });
		// Each overlay's marks are listed under it, for the keyboard.
		const places = groups[2]!.items.find((i) => i.id === 'places');
		expect(places?.marks?.length).toBeGreaterThan(0);
		expect(places?.label).toBe(overlayLabel(doc.overlays, 'places'));
	});

	it('offers only the briefing’s own overlays: none for a briefing without', () => {
		const groups = layerGroups([], doc.marks, []);
		expect(groups.map((g) => g.items.map((i) => i.id))).toEqual([[], [], ['labels']]);
	});
});

describe('marks, views and scenes', () => {
	it('finds a mark by key, or none', () => {
		expect(findMark(doc.marks, 'troops-reported/mli-wagner-bamako')?.title).toBe('Bamako airport');
		expect(findMark(doc.marks, 'troops-reported/nope')).toBeNull();
		expect(findMark(doc.marks, 'nope/nope')).toBeNull();
		expect(findMark(doc.marks, null)).toBeNull();
	});

	it('gives the map what to draw, and nothing styled when the briefing failed', () => {
		const content = mapContentOf(servedBriefing());
		expect(content.countries).toEqual(doc.styled);
		expect(content.frame).toHaveLength(4);
		expect(mapContentOf(null)).toEqual({ countries: [], looks: [], frame: null, overlays: [] });
	});

	it("keeps each country's own view, for the countries that have one", () => {
		expect(Object.keys(countryViews(servedBriefing()))).toEqual(['RUS']);
	});

	it("gives the caption a scene's title and quotes, and nothing past the last scene", () => {
		const briefing = servedBriefing();
		const first = presenterScene(briefing, 1);
		expect(first?.title).toBe('From Mali to Moscow: Macron and Putin');
		expect(first?.quotes.length).toBeGreaterThan(0);
		expect(presenterScene(briefing, 11)).toBeNull();
		expect(presenterScene(null, 1)).toBeNull();
	});
});
