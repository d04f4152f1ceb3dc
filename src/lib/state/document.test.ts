import { describe, expect, it } from 'vitest';
import { openDocument, servedBriefing } from './test-document';

describe('BriefingDocument', () => {
	it('before loading: no document, still loading, and the basemap countries already known', () => {
		const doc = openDocument({ empty: true });
		expect(doc.loaded).toBe(false);
		expect(doc.briefing).toBeNull();
		expect(doc.styled).toEqual([]);
		expect(doc.scenes).toEqual([]);
		expect(doc.lists.featured).toEqual([]);
		expect(doc.knows('FRA')).toBe(true);
		expect(doc.knows('XYZ')).toBe(false);
		expect(doc.nameOf('FRA')).toBe('France');
		expect(doc.nameOf('XYZ')).toBe('XYZ');
		// The marks come from the document's overlays: none before it is in.
		expect(doc.hasMark('troops-reported/mli-wagner-bamako')).toBe(false);
		expect(openDocument().hasMark('troops-reported/mli-wagner-bamako')).toBe(true);
		expect(openDocument().hasMark('places/nonexistent')).toBe(false);
	});

	it('once loaded, derives what the page shows from the document', () => {
		const doc = openDocument();
		expect(doc.loaded).toBe(true);
		expect(doc.unsaved).toBe(false);
		expect(doc.styled.map((c) => c.iso3)).toEqual([
			'FRA',
			'RUS',
			'UKR',
			'MLI',
			'HUN',
			'SVN',
			'GBR',
			'USA'
		]);
		expect(doc.styled[0]).toEqual({ iso3: 'FRA', role: 'mediator', secondary: ['election'] });
		expect(doc.lists.featured[1]).toEqual({ iso3: 'RUS', name: 'Russia' });
		expect(doc.lists.others.some((c) => c.iso3 === 'RUS')).toBe(false);
		expect(doc.lists.others.some((c) => c.iso3 === 'DEU')).toBe(true);
		expect(doc.layerIds).toContain('route');
		expect(doc.layerIds.at(-1)).toBe('labels');
		expect(doc.hasMark('troops-reported/mli-wagner-bamako')).toBe(true);
		expect(doc.hasMark('troops-reported/nonexistent')).toBe(false);
		expect(doc.known.scenes).toBe(10);
		expect(doc.known.country('RUS')).toBe(true);
		expect(doc.known.mark('places/nonexistent')).toBe(false);
	});

	it('a document that failed to load keeps its errors and shows nothing of a briefing', () => {
		const doc = openDocument({ empty: true });
		doc.load({ briefing: null, errors: ['title: required'] });
		expect(doc.loaded).toBe(true);
		expect(doc.errors).toEqual(['title: required']);
		expect(doc.styled).toEqual([]);
		expect(doc.known.scenes).toBe(0);
	});

	it('replacing the document is an unsaved change, until it is saved', () => {
		const doc = openDocument();
		const edited = { ...servedBriefing(), title: 'An edited title' };
		doc.replace(edited);
		expect(doc.briefing?.title).toBe('An edited title');
		expect(doc.unsaved).toBe(true);
		expect(doc.revision).toBe(1);
		doc.replace({ ...edited, scenes: edited.scenes.slice(0, 2) });
		expect(doc.revision).toBe(2);
		// What is derived follows the new version.
		expect(doc.known.scenes).toBe(2);
		doc.saved();
		expect(doc.unsaved).toBe(false);
		// Loading opens a document as served: nothing to save.
		doc.replace(edited);
		doc.load({ briefing: servedBriefing(), errors: [] });
		expect(doc.unsaved).toBe(false);
	});
});
