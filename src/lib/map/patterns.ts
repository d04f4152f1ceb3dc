/**
 * Fill patterns, the second cue besides colour (WCAG 1.4.1): a role is told apart by its texture
 * as well as its hue, so a colour-blind viewer or a washed-out projector still separates them.
 * Drawn as raw pixels (no canvas, no image files, nothing fetched) so they are testable in Node.
 */
import type { PatternName } from '$lib/briefing/palette';

/** Tile size in device pixels; registered at pixelRatio 2, so 12 CSS pixels per repeat. */
export const PATTERN_TILE = 24;

export interface PatternImage {
	width: number;
	height: number;
	data: Uint8Array;
}

function inkAt(pattern: PatternName, x: number, y: number, t: number): boolean {
	const line = 3; // stroke width in device pixels: visible from the back of a room
	switch (pattern) {
		case 'hatch':
			return (x + y) % t < line;
		case 'crosshatch':
			return (x + y) % t < line || (x - y + t) % t < line;
		case 'stripes-vertical':
			return x % t < line + 1;
		case 'dots': {
			// Two dots per tile, offset, so the texture reads as dots rather than a grid.
			const h = t / 2;
			const d1 = (x - h / 2) ** 2 + (y - h / 2) ** 2;
			const d2 = (x - h - h / 2) ** 2 + (y - h - h / 2) ** 2;
			const r = 2.6 ** 2;
			return d1 <= r || d2 <= r;
		}
		default:
			return false;
	}
}

/** RGBA pixels of one tile: `ink` where the pattern draws, transparent elsewhere. */
export function patternImage(
	pattern: PatternName,
	ink: [number, number, number, number] = [20, 20, 20, 150],
	size = PATTERN_TILE
): PatternImage {
	const data = new Uint8Array(size * size * 4);
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			if (!inkAt(pattern, x, y, size / 2)) continue;
			data.set(ink, (y * size + x) * 4);
		}
	}
	return { width: size, height: size, data };
}

/** Whether a pattern draws anything (solid and none draw colour or outline only). */
export function hasTexture(pattern: PatternName): boolean {
	return pattern !== 'solid' && pattern !== 'none';
}
