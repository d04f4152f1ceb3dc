import { describe, expect, it } from 'vitest';
import type { PatternName } from '$lib/briefing/palette';
import { PATTERN_TILE, patternImage } from './patterns';

function inked(pattern: PatternName): number {
	const { data } = patternImage(pattern);
	let n = 0;
	for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
	return n;
}

describe('patternImage', () => {
	it('makes square RGBA tiles', () => {
		const img = patternImage('hatch');
		expect(img.width).toBe(PATTERN_TILE);
		expect(img.data.length).toBe(PATTERN_TILE * PATTERN_TILE * 4);
	});

	it('draws a texture for each textured pattern and none for solid', () => {
		const total = PATTERN_TILE * PATTERN_TILE;
		for (const p of ['hatch', 'crosshatch', 'dots', 'stripes-vertical'] as const) {
			const n = inked(p);
			expect(n, p).toBeGreaterThan(total * 0.05);
			expect(n, p).toBeLessThan(total * 0.6);
		}
		expect(inked('solid')).toBe(0);
	});

	it('gives each textured pattern a distinct tile', () => {
		const keys = (['hatch', 'crosshatch', 'dots', 'stripes-vertical'] as const).map((p) =>
			Array.from(patternImage(p).data).join(',')
		);
		expect(new Set(keys).size).toBe(4);
	});
});
