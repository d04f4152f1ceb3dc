import { describe, expect, it } from 'vitest';
import { briefingIdOf, draftHref, draftIdOf, isBriefingId, namesAnotherBriefing } from './address';

describe('a briefing address', () => {
	it('names the briefing of its parameter, or the default one without it', () => {
		expect(briefingIdOf(new URL('http://x/?briefing=gerd-2023#map=4/10/30'))).toBe('gerd-2023');
		expect(briefingIdOf(new URL('http://x/speaker#scene=2'), 'first-one')).toBe('first-one');
		// A page that names no default briefing (not one of the site's) opens none.
		expect(briefingIdOf(new URL('http://x/'))).toBe('');
	});

	it('tells a briefing id from anything else (the loader refuses the rest)', () => {
		expect(isBriefingId('gerd-2023-2')).toBe(true);
		for (const bad of ['', '../feb-2022', 'Feb-2022', 'a--b', '-a', 'a'.repeat(101), 'a/b']) {
			expect(isBriefingId(bad), bad).toBe(false);
		}
	});

	it('says when a query names a briefing other than the default', () => {
		expect(namesAnotherBriefing('?briefing=gerd-2023')).toBe(true);
		expect(namesAnotherBriefing('?briefing=first-one', 'first-one')).toBe(false);
		expect(namesAnotherBriefing('?briefing=gerd-2023', 'first-one')).toBe(true);
		expect(namesAnotherBriefing('', 'first-one')).toBe(false);
	});

	it('names a draft of the editor, presented from it, and links its pages', () => {
		expect(draftIdOf(new URL('http://x/?draft=draft-0a1b#scene=1'))).toBe('draft-0a1b');
		expect(draftIdOf(new URL('http://x/?draft='))).toBeNull();
		expect(draftIdOf(new URL('http://x/?briefing=gerd-2023'))).toBeNull();
		expect(draftHref('draft-0a1b')).toMatch(/\/\?draft=draft-0a1b$/);
		expect(draftHref('a b&c', 'speaker')).toMatch(/\/speaker\?draft=a%20b%26c$/);
		expect(draftHref('draft-0a1b', 'editor')).toMatch(/\/editor\?draft=draft-0a1b$/);
	});
});
