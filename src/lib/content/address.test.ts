import { describe, expect, it } from 'vitest';
import { briefingIdOf, isBriefingId, namesAnotherBriefing } from './address';
import { DEFAULT_BRIEFING_ID } from './ids';

describe('a briefing address', () => {
	it('names the briefing of its parameter, or the default one without it', () => {
		expect(briefingIdOf(new URL('http://x/?briefing=gerd-2023#map=4/10/30'))).toBe('gerd-2023');
		expect(briefingIdOf(new URL('http://x/speaker#scene=2'))).toBe(DEFAULT_BRIEFING_ID);
	});

	it('tells a briefing id from anything else (the loader refuses the rest)', () => {
		expect(isBriefingId('gerd-2023-2')).toBe(true);
		for (const bad of ['', '../feb-2022', 'Feb-2022', 'a--b', '-a', 'a'.repeat(101), 'a/b']) {
			expect(isBriefingId(bad), bad).toBe(false);
		}
	});

	it('says when a query names a briefing other than the default', () => {
		expect(namesAnotherBriefing('?briefing=gerd-2023')).toBe(true);
		expect(namesAnotherBriefing(`?briefing=${DEFAULT_BRIEFING_ID}`)).toBe(false);
		expect(namesAnotherBriefing('')).toBe(false);
	});
});
