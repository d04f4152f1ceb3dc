import { describe, expect, it } from 'vitest';
import { embedded } from '$lib/briefing/test-briefing';
import { parseDocument } from '$lib/briefing/schema';
import { draftFromDocument } from './from-document';
import { draftToDocument, setRole } from './draft-model';

describe('a briefing opened in the editor (Edit a copy)', () => {
	const doc = embedded();

	it('exports back as the same briefing while nothing is changed', () => {
		const draft = draftFromDocument(doc);
		const again = parseDocument(draftToDocument(draft));
		expect(again.ok).toBe(true);
		if (again.ok) expect(again.briefing).toEqual(doc);
	});

	it('gives the editor the article as text, its paragraphs as they are numbered', () => {
		const draft = draftFromDocument(doc);
		const paragraphs = draft.editor.articleText.split(/\n\s*\n/);
		expect(paragraphs).toEqual(doc.article.paragraphs);
		// Nothing "found" yet: the author's countries are the briefing's.
		expect(draft.editor.found).toBeNull();
		expect(draft.document.countries.map((c) => c.iso3)).toEqual(doc.countries.map((c) => c.iso3));
		// New countries get a role the briefing has.
		expect(doc.roles.map((r) => r.id)).toContain(draft.editor.defaultRole);
	});

	it('is a copy: editing the draft leaves the briefing as it was', () => {
		const draft = draftFromDocument(doc);
		const first = doc.countries[0]!;
		const other = doc.roles.find((r) => !first.roles.some((a) => a.role === r.id))!;
		const edited = setRole(draft, first.iso3, other.id);
		expect(edited.document.countries[0]!.roles[0]!.role).toBe(other.id);
		expect(doc.countries[0]!.roles[0]!.role).toBe(first.roles[0]!.role);
	});

	it('keeps the briefing’s own frame (a briefer chose it), where a new draft fits its countries', () => {
		const draft = draftFromDocument(doc);
		const exported = draftToDocument(draft, () => [0, 0, 1, 1]);
		expect(exported.frame).toEqual(doc.frame);
	});
});
