/**
 * Where each part of a saved image goes: the title and date on top, the map, the legend beside
 * it (or under it, on a tall image), the credits at the foot, and a scale bar on the map. Pure
 * arithmetic on sizes and on text widths (the caller measures text with Canvas 2D, the tests with
 * a stand-in), so the layout is pinned by unit tests and the drawing only follows it.
 */
import type { LegendSymbol } from '$lib/map/overlays';
import type { PatternName } from '$lib/briefing/palette';
import { formatNumber } from '$lib/briefing/text.js';

export interface Size {
	width: number;
	height: number;
}

export interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** One line of the legend: a role (its swatch and texture) or an overlay's symbol, and its words. */
export type LegendEntry =
	| { kind: 'role'; color: string; pattern: PatternName; label: string; text: string }
	| { kind: 'symbol'; symbol: LegendSymbol; text: string };

/** What an image says besides the map. */
export interface ImageText {
	title: string;
	/** "As of 7 February 2022", and what the image shows ("Scene 3: …"). */
	subtitle: string;
	legend: LegendEntry[];
	credits: string;
}

/** Measures `text` in pixels at `font` (a CSS font shorthand). */
export type Measure = (text: string, font: string) => number;

export const FONT_FAMILY = "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";

export const fonts = (u: number) => ({
	title: `700 ${Math.round(u * 1.45)}px ${FONT_FAMILY}`,
	subtitle: `400 ${Math.round(u * 0.9)}px ${FONT_FAMILY}`,
	legendHeading: `700 ${Math.round(u * 0.85)}px ${FONT_FAMILY}`,
	legend: `400 ${Math.round(u * 0.8)}px ${FONT_FAMILY}`,
	legendLabel: `700 ${Math.round(u * 0.8)}px ${FONT_FAMILY}`,
	credits: `400 ${Math.round(u * 0.55)}px ${FONT_FAMILY}`,
	scale: `700 ${Math.round(u * 0.6)}px ${FONT_FAMILY}`
});

/** A legend row laid out: where its symbol and its lines go. */
export interface LegendRow {
	entry: LegendEntry;
	/** The symbol's box. */
	symbol: Rect;
	/** Where the first line's baseline starts; each next line is `lineHeight` lower. */
	textX: number;
	textY: number;
	lines: string[];
}

export interface Composition extends Size {
	/** The type unit in pixels: every size of text and spacing is a multiple of it. */
	unit: number;
	header: Rect;
	titleLines: string[];
	subtitleLines: string[];
	map: Rect;
	legend: Rect & {
		headingY: number;
		/** The legend's own type unit: the image's, or smaller for a long legend. */
		unit: number;
		rows: LegendRow[];
		lineHeight: number;
		/** Legend entries that had no room, said as "… and N more". */
		left: number;
	};
	credits: Rect & { lines: string[]; lineHeight: number };
}

/** The type unit of an image: grows with its smaller side, so text is as legible at 4K as at 1080p. */
export function typeUnit(size: Size): number {
	// 26 px at 1080 lines: the sidebar's legend as seen from the back of a room.
	return Math.max(11, Math.round((Math.min(size.width, size.height) / 1080) * 26));
}

/**
 * Breaks `text` into lines no wider than `width`, at spaces; a word wider than a line is cut
 * where it must be. Never returns an empty list for non-empty text.
 */
export function wrap(text: string, width: number, font: string, measure: Measure): string[] {
	const words = text.split(/\s+/).filter(Boolean);
	const lines: string[] = [];
	let line = '';
	for (let word of words) {
		const tried = line ? `${line} ${word}` : word;
		if (measure(tried, font) <= width) {
			line = tried;
			continue;
		}
		if (line) lines.push(line);
		// A word longer than a whole line: cut it (an address, a long compound).
		while (measure(word, font) > width && word.length > 1) {
			let n = word.length - 1;
			while (n > 1 && measure(word.slice(0, n), font) > width) n--;
			lines.push(word.slice(0, n));
			word = word.slice(n);
		}
		line = word;
	}
	if (line) lines.push(line);
	return lines;
}

/** At most `max` lines; the last one kept ends with an ellipsis when some were left out. */
export function clampLines(lines: string[], max: number): string[] {
	if (lines.length <= max) return lines;
	const kept = lines.slice(0, Math.max(1, max));
	kept[kept.length - 1] = `${kept[kept.length - 1]}…`;
	return kept;
}

const entryText = (e: LegendEntry) => (e.kind === 'role' ? `${e.label}: ${e.text}` : e.text);

/** The legend's rows in a box `width` wide from (x, y), as many as fit above `bottom`. */
function legendRows(
	entries: LegendEntry[],
	x: number,
	y: number,
	width: number,
	bottom: number,
	u: number,
	measure: Measure
) {
	const f = fonts(u);
	const lineHeight = Math.round(u * 1.05);
	const symbolW = Math.round(u * 1.5);
	const symbolH = Math.round(u * 1.05);
	const gap = Math.round(u * 0.5);
	const textW = Math.max(u * 4, width - symbolW - gap);
	const rows: LegendRow[] = [];
	let top = y;
	let left = 0;
	for (const entry of entries) {
		// A role's name is bold: measured in bold throughout, a line never runs past the box.
		const font = entry.kind === 'role' ? f.legendLabel : f.legend;
		const lines = clampLines(wrap(entryText(entry), textW, font, measure), 4);
		const h = Math.max(symbolH, lines.length * lineHeight);
		// Keep a line's room for "… and N more" when this is not the last entry.
		const room = bottom - (entries.length - rows.length > 1 ? lineHeight : 0);
		if (left || top + h > room) {
			left++;
			continue;
		}
		rows.push({
			entry,
			symbol: {
				x,
				y: top + Math.round((lineHeight - symbolH) / 2),
				width: symbolW,
				height: symbolH
			},
			textX: x + symbolW + gap,
			textY: top + Math.round(lineHeight * 0.78),
			lines
		});
		top += h + Math.round(u * 0.35);
	}
	return { rows, lineHeight, bottom: top, left };
}

/** Height the legend's rows take in a box `width` wide (no limit). */
function legendHeight(entries: LegendEntry[], width: number, u: number, measure: Measure) {
	return legendRows(entries, 0, 0, width, Infinity, u, measure).bottom;
}

/**
 * The header's lines and height: the title (at most 2 lines) and the subtitle, in `width`.
 */
function header(text: ImageText, width: number, u: number, measure: Measure) {
	const f = fonts(u);
	const titleLines = clampLines(wrap(text.title, width, f.title, measure), 2);
	const subtitleLines = clampLines(wrap(text.subtitle, width, f.subtitle, measure), 2);
	// No header at all (a printed page says the title in its own text).
	if (!titleLines.length && !subtitleLines.length) return { titleLines, subtitleLines, height: 0 };
	const height = Math.round(
		u * 0.7 + titleLines.length * u * 1.7 + subtitleLines.length * u * 1.15 + u * 0.5
	);
	return { titleLines, subtitleLines, height };
}

function credits(text: ImageText, width: number, u: number, measure: Measure) {
	const f = fonts(u);
	const lines = clampLines(wrap(text.credits, width, f.credits, measure), 3);
	const lineHeight = Math.round(u * 0.75);
	if (!lines.length) return { lines, lineHeight, height: 0 };
	return { lines, lineHeight, height: Math.round(lines.length * lineHeight + u * 0.7) };
}

/** A wide image puts the legend beside the map; a tall one, under it. */
export function legendBeside(size: Size): boolean {
	return size.width / size.height >= 1.2;
}

/** The legend column's width on a wide image. */
function legendWidth(width: number, u: number) {
	return Math.round(Math.min(Math.max(width * 0.24, u * 12), u * 18, width * 0.4));
}

function assemble(
	size: Size,
	u: number,
	text: ImageText,
	head: ReturnType<typeof header>,
	foot: ReturnType<typeof credits>,
	map: Rect,
	legendBox: Rect,
	measure: Measure
): Composition {
	const pad = Math.round(u * 0.6);
	const headingY = legendBox.y + pad + Math.round(u * 0.85);
	// A long legend is set smaller (down to three quarters) before any entry is left out.
	let lu = u;
	let laid = legendRows(text.legend, 0, 0, 0, 0, u, measure);
	for (const k of [1, 0.9, 0.8, 0.75]) {
		lu = Math.max(9, Math.round(u * k));
		laid = legendRows(
			text.legend,
			legendBox.x + pad,
			headingY + Math.round(u * 0.6),
			legendBox.width - 2 * pad,
			legendBox.y + legendBox.height - pad,
			lu,
			measure
		);
		if (!laid.left) break;
	}
	return {
		...size,
		unit: u,
		header: { x: 0, y: 0, width: size.width, height: head.height },
		titleLines: head.titleLines,
		subtitleLines: head.subtitleLines,
		map,
		legend: {
			...legendBox,
			headingY,
			unit: lu,
			rows: laid.rows,
			lineHeight: laid.lineHeight,
			left: laid.left
		},
		credits: {
			x: 0,
			y: size.height - foot.height,
			width: size.width,
			height: foot.height,
			lines: foot.lines,
			lineHeight: foot.lineHeight
		}
	};
}

/** The layout of an image of exactly `size` pixels (1920×1080, 3840×2160, a printed page's). */
export function composeImage(
	size: Size,
	text: ImageText,
	measure: Measure,
	/** Larger type than the image's own (a printed page, seen closer but smaller). */
	unit = typeUnit(size)
): Composition {
	const u = unit;
	const pad = Math.round(u * 0.6);
	const inner = size.width - 2 * pad;
	const head = header(text, inner, u, measure);
	const foot = credits(text, inner, u, measure);
	const middle = size.height - head.height - foot.height;
	if (legendBeside(size)) {
		const lw = legendWidth(size.width, u);
		const map = { x: 0, y: head.height, width: size.width - lw, height: middle };
		const legend = { x: size.width - lw, y: head.height, width: lw, height: middle };
		return assemble(size, u, text, head, foot, map, legend, measure);
	}
	// Under the map: as tall as the legend needs, leaving the map at least 55% of the middle.
	const need = legendHeight(text.legend, inner, u, measure) + Math.round(u * 2.6);
	const lh = Math.min(need, Math.round(middle * 0.45));
	const map = { x: 0, y: head.height, width: size.width, height: middle - lh };
	const legend = { x: 0, y: head.height + middle - lh, width: size.width, height: lh };
	return assemble(size, u, text, head, foot, map, legend, measure);
}

/**
 * The layout around a map of `mapSize` pixels kept as it is (the map as it is on screen, read at
 * its own pixels: nothing enlarged, nothing cut): the image is that map plus the header, the
 * legend beside or under it, and the credits.
 */
export function composeAroundMap(mapSize: Size, text: ImageText, measure: Measure): Composition {
	const u = typeUnit(mapSize);
	const pad = Math.round(u * 0.6);
	if (legendBeside(mapSize)) {
		const lw = legendWidth(mapSize.width * 1.3, u);
		const width = mapSize.width + lw;
		const head = header(text, width - 2 * pad, u, measure);
		const foot = credits(text, width - 2 * pad, u, measure);
		const legendNeed = legendHeight(text.legend, lw - 2 * pad, u, measure) + Math.round(u * 2.6);
		const middle = Math.max(mapSize.height, legendNeed);
		const size = { width, height: head.height + middle + foot.height };
		// A legend taller than the map: the map sits at the top of its band, on the sea's colour.
		const map = { x: 0, y: head.height, ...mapSize };
		const legend = { x: mapSize.width, y: head.height, width: lw, height: middle };
		return assemble(size, u, text, head, foot, map, legend, measure);
	}
	const width = mapSize.width;
	const head = header(text, width - 2 * pad, u, measure);
	const foot = credits(text, width - 2 * pad, u, measure);
	const lh = legendHeight(text.legend, width - 2 * pad, u, measure) + Math.round(u * 2.6);
	const size = { width, height: head.height + mapSize.height + lh + foot.height };
	const map = { x: 0, y: head.height, ...mapSize };
	const legend = { x: 0, y: head.height + mapSize.height, width, height: lh };
	return assemble(size, u, text, head, foot, map, legend, measure);
}

/** Metres on the ground per CSS pixel of a Web Mercator map (512-pixel tiles) at `lat`, `zoom`. */
export function metresPerPixel(lat: number, zoom: number): number {
	return (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * Math.pow(2, zoom));
}

/**
 * A scale bar at most `maxPx` long: the longest round distance (1, 2 or 5 times a power of ten)
 * that fits, its length in pixels and its words ("500 km", "200 m").
 */
export function scaleBar(metresPerPx: number, maxPx: number): { px: number; label: string } {
	const max = metresPerPx * maxPx;
	const pow = Math.pow(10, Math.floor(Math.log10(max)));
	const step = [5, 2, 1].map((k) => k * pow).find((d) => d <= max) ?? pow;
	const label = step >= 1000 ? `${formatNumber(step / 1000)} km` : `${Math.round(step)} m`;
	return { px: step / metresPerPx, label };
}

/**
 * The zoom at which a map `to` CSS pixels in size shows at least the area a map `from` CSS
 * pixels in size shows at `zoom` (both centred on the same point): the same area, whatever the
 * shapes of the two.
 */
export function adaptZoom(zoom: number, from: Size, to: Size): number {
	return zoom + Math.log2(Math.min(to.width / from.width, to.height / from.height));
}

/**
 * Device pixels per CSS pixel of a map drawn off screen into `region` pixels: the region at the
 * size of the view it copies (`reference` CSS pixels wide), so labels and marks keep their size
 * against the map, only sharper; never below 1 (nothing drawn coarser than the screen) and at
 * most 4.
 */
export function offscreenPixelRatio(region: Size, reference: number): number {
	return Math.min(4, Math.max(1, region.width / Math.max(1, reference)));
}

/** The sizes offered for a saved image. */
export const IMAGE_SIZES = [
	{ id: 'screen', label: 'The screen' },
	{ id: '1920x1080', label: '1920 × 1080', width: 1920, height: 1080 },
	{ id: '3840x2160', label: '3840 × 2160 (4K)', width: 3840, height: 2160 }
] as const;

export type ImageSizeId = (typeof IMAGE_SIZES)[number]['id'];

/** `<briefing-id>-<view>-<size>.png`, with only letters, digits and dashes. */
export function imageFileName(briefingId: string, view: string, size: string): string {
	const clean = (s: string) =>
		s
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '');
	return `${[clean(briefingId) || 'briefing', clean(view), clean(size)].filter(Boolean).join('-')}.png`;
}
