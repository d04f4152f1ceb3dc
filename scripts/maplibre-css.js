// MapLibre's stylesheet, cut to what this app's map uses. The whole file is 71 KB (10 KB gzip)
// and goes into every page's HTML (the pages inline their CSS); most of it is the logo and the
// icons of controls the map does not have (navigation, geolocation, fullscreen, globe, terrain,
// attribution). The cut is made when the app is built, from the installed MapLibre, so it stays
// in step with it: a rule is kept when every `maplibregl-*` class its selector names is one the
// app's map can show (KEEP), and kept as MapLibre wrote it.
import { readFile } from 'node:fs/promises';

/** The classes MapLibre puts on what this app's map has: the map, its canvas, the control corners, the scale, popups (the marks' tooltip), box zoom. */
export const KEEP = new Set([
	'maplibregl-map',
	'maplibregl-canvas',
	'maplibregl-canvas-container',
	'maplibregl-interactive',
	'maplibregl-track-pointer',
	'maplibregl-touch-drag-pan',
	'maplibregl-touch-zoom-rotate',
	'maplibregl-boxzoom',
	'maplibregl-crosshair',
	'maplibregl-ctrl',
	'maplibregl-ctrl-top-left',
	'maplibregl-ctrl-top-right',
	'maplibregl-ctrl-bottom-left',
	'maplibregl-ctrl-bottom-right',
	'maplibregl-ctrl-scale',
	'maplibregl-popup',
	'maplibregl-popup-anchor-top',
	'maplibregl-popup-anchor-top-left',
	'maplibregl-popup-anchor-top-right',
	'maplibregl-popup-anchor-bottom',
	'maplibregl-popup-anchor-bottom-left',
	'maplibregl-popup-anchor-bottom-right',
	'maplibregl-popup-anchor-left',
	'maplibregl-popup-anchor-right',
	'maplibregl-popup-tip',
	'maplibregl-popup-content',
	'maplibregl-popup-close-button',
	'maplibregl-popup-track-pointer'
]);

/**
 * Splits a block of CSS into its top-level items: `{ head, body }` for a rule or an at-rule with
 * a block (its body unparsed), `{ head, body: null }` for a statement such as `@charset`.
 * @param {string} css
 * @returns {{ head: string, body: string | null }[]}
 */
export function cssItems(css) {
	const items = [];
	let i = 0;
	while (i < css.length) {
		// Comments are dropped: the build's minifier would drop them too.
		if (css.startsWith('/*', i)) {
			const end = css.indexOf('*/', i + 2);
			if (end < 0) throw new Error('maplibre-gl.css: a comment is not closed');
			i = end + 2;
			continue;
		}
		if (/\s/.test(css.charAt(i))) {
			i++;
			continue;
		}
		const brace = css.indexOf('{', i);
		const semi = css.indexOf(';', i);
		if (semi >= 0 && (brace < 0 || semi < brace)) {
			items.push({ head: css.slice(i, semi).trim(), body: null });
			i = semi + 1;
			continue;
		}
		if (brace < 0)
			throw new Error(`maplibre-gl.css: text after the last rule: ${css.slice(i, i + 40)}`);
		let depth = 1;
		let j = brace + 1;
		let quote = '';
		for (; j < css.length && depth > 0; j++) {
			const c = css[j];
			if (quote) {
				if (c === '\\') j++;
				else if (c === quote) quote = '';
			} else if (c === '"' || c === "'") quote = c;
			else if (c === '{') depth++;
			else if (c === '}') depth--;
		}
		if (depth > 0) throw new Error('maplibre-gl.css: a block is not closed');
		items.push({ head: css.slice(i, brace).trim(), body: css.slice(brace + 1, j - 1) });
		i = j;
	}
	return items;
}

/** @param {string} selector */
const keeps = (selector) =>
	(selector.match(/maplibregl-[\w-]+/g) ?? []).every((name) => KEEP.has(name));

/**
 * The part of MapLibre's stylesheet that the app's map uses (see KEEP): rules whose selectors
 * name other classes go (a selector list keeps its kept selectors), and so do at-rules left empty
 * and animations of classes not kept.
 * @param {string} css
 * @returns {string}
 */
export function subsetMaplibreCss(css) {
	let out = '';
	for (const { head, body } of cssItems(css)) {
		if (body === null) {
			out += `${head};`;
		} else if (head.startsWith('@keyframes')) {
			if (keeps(head)) out += `${head}{${body}}`;
		} else if (head.startsWith('@')) {
			const inner = subsetMaplibreCss(body);
			if (inner) out += `${head}{${inner}}`;
		} else {
			const selectors = head.split(',').filter(keeps);
			if (selectors.length) out += `${selectors.join(',')}{${body}}`;
		}
	}
	return out;
}

/**
 * A Vite plugin: the app's import of `maplibre-gl/dist/maplibre-gl.css` gets the subset.
 * @returns {import('vite').Plugin}
 */
export function maplibreCssSubset() {
	return {
		name: 'maplibre-css-subset',
		enforce: 'pre',
		// Called for every module of the build: it answers at once for all but the one file.
		load(id) {
			if (!id.replace(/\\/g, '/').endsWith('/maplibre-gl/dist/maplibre-gl.css')) return null;
			return readFile(id, 'utf8').then(subsetMaplibreCss);
		}
	};
}
