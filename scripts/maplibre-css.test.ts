import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cssItems, KEEP, subsetMaplibreCss } from './maplibre-css.js';

const upstream = readFileSync('node_modules/maplibre-gl/dist/maplibre-gl.css', 'utf8');
const subset = subsetMaplibreCss(upstream);

/** Every selector of a stylesheet, at-rules' blocks included. */
function selectors(css: string): string[] {
	return cssItems(css).flatMap(({ head, body }) =>
		body === null || head.startsWith('@keyframes')
			? []
			: head.startsWith('@')
				? selectors(body)
				: head.split(',')
	);
}

describe("MapLibre's stylesheet, cut to what the map uses", () => {
	it('keeps the rules of the map, its canvas, the control corners, the scale and the popups', () => {
		const kept = selectors(subset);
		for (const selector of [
			'.maplibregl-map',
			'.maplibregl-canvas',
			'.maplibregl-canvas-container.maplibregl-interactive',
			'.maplibregl-ctrl-bottom-right',
			'.maplibregl-ctrl-bottom-right .maplibregl-ctrl',
			'.maplibregl-ctrl-scale',
			'.maplibregl-popup',
			'.maplibregl-popup-content',
			'.maplibregl-popup-anchor-bottom .maplibregl-popup-tip',
			'.maplibregl-boxzoom'
		]) {
			expect(kept, selector).toContain(selector);
		}
	});

	it('drops the logo, the icons of controls the map lacks, and the attribution', () => {
		expect(subset).not.toMatch(
			/ctrl-logo|ctrl-icon|geolocate|ctrl-fullscreen|ctrl-attrib|user-location/
		);
		expect(subset).not.toContain('data:image');
		expect(subset.length).toBeLessThan(upstream.length / 5);
	});

	it('keeps each rule as MapLibre wrote it, and every rule that names only kept classes', () => {
		const ups = selectors(upstream);
		const kept = new Set(selectors(subset));
		for (const selector of ups) {
			const names = selector.match(/maplibregl-[\w-]+/g) ?? [];
			expect(kept.has(selector), selector).toBe(names.every((n) => KEEP.has(n)));
		}
		// Declarations are MapLibre's own: each kept rule's body is found in the original.
		for (const { head, body } of cssItems(subset)) {
			if (body !== null && !head.startsWith('@')) expect(upstream).toContain(`{${body}}`);
		}
	});

	it('names only classes that MapLibre still styles (an upgrade that renames one is noticed)', () => {
		for (const name of KEEP) expect(upstream, name).toMatch(new RegExp(`\\.${name}(?![\\w-])`));
	});

	it('reads comments, strings with braces and statements', () => {
		const items = cssItems('@charset "utf-8"; /* a { */ .a{content:"}"} @media x{.b{c:d}}');
		expect(items).toEqual([
			{ head: '@charset "utf-8"', body: null },
			{ head: '.a', body: 'content:"}"' },
			{ head: '@media x', body: '.b{c:d}' }
		]);
	});
});
