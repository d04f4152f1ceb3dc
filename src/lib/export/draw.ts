/**
 * Draws a composition (see layout.ts) with Canvas 2D at the image's own size: the map's pixels as
 * they were drawn, and the text and symbols around them drawn at that size, so they are as crisp
 * at 4K as at 1080p. The legend's swatches carry the roles' textures from the same pixels the map
 * uses (`patternImage`): colour is never the only cue, on paper in black and white either.
 */
import type { PatternName } from '$lib/briefing/palette';
import { hasTexture, patternImage, PATTERN_TILE } from '$lib/map/patterns';
import { COLORS } from '$lib/map/theme';
import type { LegendSymbol } from '$lib/map/overlays';
import {
	fonts,
	scaleBar,
	type Composition,
	type LegendEntry,
	type Measure,
	type Rect
} from './layout';

const INK = '#1d1d1b';
const MUTED = '#3a3a3a';

/** A Canvas 2D measure for the layout. */
export function canvasMeasure(): Measure {
	const ctx = document.createElement('canvas').getContext('2d')!;
	return (text, font) => {
		ctx.font = font;
		return ctx.measureText(text).width;
	};
}

/** The pattern of a role's texture for Canvas 2D, a tile `repeat` pixels wide. */
function texture(ctx: CanvasRenderingContext2D, pattern: PatternName, repeat: number) {
	const img = patternImage(pattern);
	const tile = document.createElement('canvas');
	tile.width = img.width;
	tile.height = img.height;
	const data = new ImageData(new Uint8ClampedArray(img.data), img.width, img.height);
	tile.getContext('2d')!.putImageData(data, 0, 0);
	const p = ctx.createPattern(tile, 'repeat');
	// The tile holds two repeats of the pattern (see PATTERN_TILE): scale it to `repeat`.
	p?.setTransform(new DOMMatrix().scale((repeat * 2) / PATTERN_TILE));
	return p;
}

function roleSwatch(
	ctx: CanvasRenderingContext2D,
	r: Rect,
	color: string,
	pattern: PatternName,
	u: number
) {
	ctx.save();
	const line = Math.max(1, u * 0.08);
	ctx.fillStyle = COLORS.land;
	ctx.fillRect(r.x, r.y, r.width, r.height);
	if (pattern === 'none') {
		// Drawn on the map by a dashed outline alone.
		ctx.strokeStyle = color;
		ctx.lineWidth = line * 1.6;
		ctx.setLineDash([u * 0.3, u * 0.2]);
		ctx.strokeRect(r.x + line, r.y + line, r.width - 2 * line, r.height - 2 * line);
		ctx.restore();
		return;
	}
	ctx.globalAlpha = 0.62; // the map's fill opacity
	ctx.fillStyle = color;
	ctx.fillRect(r.x, r.y, r.width, r.height);
	ctx.globalAlpha = 1;
	if (hasTexture(pattern)) {
		const p = texture(ctx, pattern, Math.max(6, u * 0.55));
		if (p) {
			ctx.fillStyle = p;
			ctx.translate(r.x, r.y);
			ctx.fillRect(0, 0, r.width, r.height);
			ctx.translate(-r.x, -r.y);
		}
	}
	ctx.strokeStyle = '#333';
	ctx.lineWidth = line;
	ctx.strokeRect(r.x, r.y, r.width, r.height);
	ctx.restore();
}

function symbol(ctx: CanvasRenderingContext2D, r: Rect, s: LegendSymbol, u: number) {
	ctx.save();
	const cx = r.x + r.width / 2;
	const cy = r.y + r.height / 2;
	if (s.kind === 'area') {
		ctx.beginPath();
		ctx.rect(r.x, r.y, r.width, r.height);
		ctx.clip();
		ctx.strokeStyle = s.color;
		ctx.lineWidth = Math.max(1, u * 0.09);
		const step = Math.max(4, u * 0.3);
		ctx.beginPath();
		for (let d = -r.height; d < r.width + r.height; d += step) {
			ctx.moveTo(r.x + d, r.y + r.height);
			ctx.lineTo(r.x + d + r.height, r.y);
			if (s.pattern === 'crosshatch') {
				ctx.moveTo(r.x + d, r.y);
				ctx.lineTo(r.x + d + r.height, r.y + r.height);
			}
		}
		ctx.stroke();
		ctx.lineWidth = Math.max(1, u * 0.12);
		if (s.dashed) ctx.setLineDash([u * 0.25, u * 0.15]);
		ctx.strokeRect(r.x, r.y, r.width, r.height);
	} else if (s.kind === 'point') {
		const radius = r.height * 0.34;
		ctx.beginPath();
		ctx.arc(cx, cy, radius, 0, Math.PI * 2);
		ctx.fillStyle = s.fill;
		ctx.fill();
		ctx.lineWidth = Math.max(1, u * (s.hollow ? 0.16 : 0.12));
		ctx.strokeStyle = s.stroke;
		ctx.stroke();
		if (!s.hollow) {
			// A white stroke alone would vanish on the legend's light ground.
			ctx.beginPath();
			ctx.arc(cx, cy, radius + ctx.lineWidth, 0, Math.PI * 2);
			ctx.lineWidth = Math.max(1, u * 0.05);
			ctx.strokeStyle = MUTED;
			ctx.stroke();
		}
	} else if (s.kind === 'line') {
		ctx.strokeStyle = s.color;
		ctx.lineWidth = Math.max(2, u * 0.2);
		if (s.dashed) ctx.setLineDash([u * 0.3, u * 0.15]);
		ctx.beginPath();
		ctx.moveTo(r.x, cy);
		ctx.lineTo(r.x + r.width, cy);
		ctx.stroke();
	} else {
		ctx.fillStyle = INK;
		ctx.font = fonts(u).legendLabel;
		ctx.textAlign = 'center';
		ctx.textBaseline = 'middle';
		ctx.fillText('Aa', cx, cy);
	}
	ctx.restore();
}

function legendEntry(
	ctx: CanvasRenderingContext2D,
	row: Composition['legend']['rows'][number],
	c: Composition
) {
	const u = c.legend.unit;
	const e: LegendEntry = row.entry;
	if (e.kind === 'role') roleSwatch(ctx, row.symbol, e.color, e.pattern, u);
	else symbol(ctx, row.symbol, e.symbol, u);
	const f = fonts(u);
	ctx.fillStyle = INK;
	row.lines.forEach((line, i) => {
		const y = row.textY + i * c.legend.lineHeight;
		// The role's name in bold, as the sidebar's legend has it.
		const label = e.kind === 'role' && i === 0 ? `${e.label}:` : '';
		if (label && line.startsWith(label)) {
			ctx.font = f.legendLabel;
			ctx.fillText(label, row.textX, y);
			const w = ctx.measureText(label).width;
			ctx.font = f.legend;
			ctx.fillText(line.slice(label.length), row.textX + w, y);
		} else {
			ctx.font = f.legend;
			ctx.fillText(line, row.textX, y);
		}
	});
}

/** The scale bar in the map's lower left corner. */
function drawScale(ctx: CanvasRenderingContext2D, c: Composition, metresPerImagePx: number) {
	const u = c.unit;
	const bar = scaleBar(metresPerImagePx, Math.min(c.map.width * 0.25, u * 9));
	if (!Number.isFinite(bar.px) || bar.px <= 0) return;
	const pad = Math.round(u * 0.4);
	ctx.save();
	ctx.font = fonts(u).scale;
	const labelW = ctx.measureText(bar.label).width;
	const w = Math.max(bar.px, labelW) + 2 * pad;
	const h = Math.round(u * 1.7);
	const x = c.map.x + Math.round(u * 0.6);
	const y = c.map.y + c.map.height - h - Math.round(u * 0.6);
	ctx.fillStyle = 'rgba(255,255,255,0.9)';
	ctx.fillRect(x, y, w, h);
	ctx.strokeStyle = INK;
	ctx.lineWidth = Math.max(2, u * 0.12);
	const by = y + h - pad;
	ctx.beginPath();
	ctx.moveTo(x + pad, by - u * 0.35);
	ctx.lineTo(x + pad, by);
	ctx.lineTo(x + pad + bar.px, by);
	ctx.lineTo(x + pad + bar.px, by - u * 0.35);
	ctx.stroke();
	ctx.fillStyle = INK;
	ctx.textBaseline = 'alphabetic';
	ctx.fillText(bar.label, x + pad, y + pad + u * 0.55);
	ctx.restore();
}

/**
 * Draws the composition on a new canvas of its size: `map` (exactly `c.map`'s size: it is drawn
 * pixel for pixel), and `metresPerImagePx` for the scale bar.
 */
export function drawComposition(
	c: Composition,
	map: CanvasImageSource,
	metresPerImagePx: number
): HTMLCanvasElement {
	const canvas = document.createElement('canvas');
	canvas.width = c.width;
	canvas.height = c.height;
	const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
	const u = c.unit;
	const f = fonts(u);
	const pad = Math.round(u * 0.6);
	ctx.fillStyle = '#ffffff';
	ctx.fillRect(0, 0, c.width, c.height);
	// The map's band, in the sea's colour where the map leaves room (a legend taller than it).
	ctx.fillStyle = COLORS.sea;
	ctx.fillRect(c.map.x, c.map.y, c.map.width, c.map.height);
	ctx.drawImage(map, c.map.x, c.map.y);
	drawScale(ctx, c, metresPerImagePx);

	// Header: title and subtitle.
	ctx.fillStyle = INK;
	ctx.textBaseline = 'alphabetic';
	let y = Math.round(u * 0.7);
	ctx.font = f.title;
	for (const line of c.titleLines) {
		y += Math.round(u * 1.55);
		ctx.fillText(line, pad, y);
	}
	ctx.font = f.subtitle;
	ctx.fillStyle = MUTED;
	y += Math.round(u * 0.15);
	for (const line of c.subtitleLines) {
		y += Math.round(u * 1.15);
		ctx.fillText(line, pad, y);
	}
	ctx.fillStyle = INK;
	if (c.header.height) {
		ctx.fillRect(0, c.header.height - Math.max(1, u * 0.08), c.width, Math.max(1, u * 0.08));
	}

	// Legend.
	const l = c.legend;
	ctx.fillStyle = '#fafafa';
	ctx.fillRect(l.x, l.y, l.width, l.height);
	ctx.fillStyle = '#bbbbbb';
	if (l.x > 0) ctx.fillRect(l.x, l.y, Math.max(1, u * 0.06), l.height);
	else ctx.fillRect(l.x, l.y, l.width, Math.max(1, u * 0.06));
	ctx.fillStyle = INK;
	ctx.font = f.legendHeading;
	ctx.fillText('LEGEND', l.x + pad, l.headingY);
	for (const row of l.rows) legendEntry(ctx, row, c);
	if (l.left) {
		const last = l.rows.at(-1);
		const at = last
			? last.textY + last.lines.length * l.lineHeight + Math.round(u * 0.35)
			: l.headingY + l.lineHeight * 1.5;
		ctx.font = fonts(l.unit).legend;
		ctx.fillStyle = MUTED;
		ctx.fillText(`… and ${l.left} more`, l.x + pad, at);
	}

	// Credits.
	const cr = c.credits;
	if (!cr.height) return canvas;
	ctx.fillStyle = '#f0f0f0';
	ctx.fillRect(cr.x, cr.y, cr.width, cr.height);
	ctx.fillStyle = MUTED;
	ctx.font = f.credits;
	cr.lines.forEach((line, i) => {
		ctx.fillText(line, pad, cr.y + Math.round(u * 0.35) + (i + 0.8) * cr.lineHeight);
	});
	return canvas;
}

/** The canvas as a PNG file. */
export function toPng(canvas: HTMLCanvasElement): Promise<Blob> {
	return new Promise((ok, fail) =>
		canvas.toBlob(
			(b) => (b ? ok(b) : fail(new Error('The image could not be encoded'))),
			'image/png'
		)
	);
}
