// The benchmark's generated briefings (scripts/bench/generate.js): the large one is a briefing the
// page accepts, at the sizes the benchmark claims; the 5 MB one is refused for its one wrong field
// and nothing else.
import { describe, expect, it } from 'vitest';
import names from '../../geodata/names.json';
import { LIMITS, parseServedBriefing } from '../../src/lib/briefing/schema';
import { badFile, generateBriefing, WRONG_FIELD } from '../../scripts/bench/generate.js';

// Validating 1.4 MB and 5 MB documents takes seconds on a loaded machine: beyond the default 5 s.
describe('the benchmark briefings', { timeout: 60_000 }, () => {
	it('the large one validates, with every basemap country and 2,000 point notes', () => {
		const doc = generateBriefing();
		const result = parseServedBriefing(doc);
		if (!result.ok) expect(result.errors).toEqual([]);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const b = result.briefing;
		expect(b.countries.map((c) => c.iso3).sort()).toEqual(Object.keys(names).sort());
		expect(b.countries.every((c) => c.roles.length > 0)).toBe(true);
		expect(b.troopNotes).toHaveLength(2000);
		expect(b.troopNotes.every((n) => 'type' in n.geometry && n.geometry.type === 'Point')).toBe(
			true
		);
		expect(b.scenes.length).toBeGreaterThan(0);
		const chars = b.article.paragraphs.join('').length;
		expect(b.article.paragraphs).toHaveLength(LIMITS.paragraphs);
		expect(chars).toBeLessThanOrEqual(LIMITS.articleChars);
		expect(chars).toBeGreaterThan(LIMITS.articleChars * 0.9);
	});

	it('is the same document every time', () => {
		expect(JSON.stringify(generateBriefing())).toEqual(JSON.stringify(generateBriefing()));
	});

	it('the bad one is about 5 MB and refused for its one wrong field only', () => {
		const doc = badFile();
		const size = JSON.stringify(doc).length;
		expect(size).toBeGreaterThan(4.5 * 1024 * 1024);
		expect(size).toBeLessThan(6 * 1024 * 1024);
		const result = parseServedBriefing(doc);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors).toHaveLength(1);
		expect(result.errors[0]).toMatch(
			new RegExp(`^${WRONG_FIELD.path.replace(/[[\].]/g, '\\$&')}: `)
		);
	});
});
