import { describe, expect, it } from 'vitest';
import { parseServedBriefing } from '$lib/briefing/schema';
import { briefingIds, servedText } from './briefings';

describe('the embedded briefings as served', () => {
	// A page trusts the default briefing's file when its bytes are the ones built (load.ts): what it
	// then reads must be what validating them gives.
	for (const id of briefingIds()) {
		it(`${id}: validating the served file gives it back unchanged`, () => {
			const served: unknown = JSON.parse(servedText(id));
			const result = parseServedBriefing(served);
			expect(result.ok ? [] : result.errors).toEqual([]);
			expect(result.ok && result.briefing).toEqual(served);
		});
	}
});
