import { describe, expect, it } from 'vitest';
import {
	adaptZoom,
	clampLines,
	composeAroundMap,
	composeImage,
	imageFileName,
	legendBeside,
	metresPerPixel,
	offscreenPixelRatio,
	scaleBar,
	typeUnit,
	wrap,
	type Composition,
	type ImageText,
	type Measure,
	type Rect
} from './layout';

/** Text as wide as its characters, each 0.55 of the font's size (about a sans-serif's average). */
const measure: Measure = (text, font) => text.length * 0.55 * Number(/(\d+)px/.exec(font)![1]);

const legend = (n: number): ImageText['legend'] =>
	Array.from({ length: n }, (_, i) =>
		i % 2
			? { kind: 'symbol', symbol: { kind: 'line', color: '#000', dashed: true }, text: `Line ${i}` }
			: {
					kind: 'role',
					color: '#3377aa',
					pattern: 'hatch',
					label: `Role ${i}`,
					text: 'Country one, Country two'
				}
	);

const text = (n = 8): ImageText => ({
	title: 'A briefing title long enough to matter on a narrow image, and then some more words',
	subtitle: 'As of 1 January 2024 · Scene 2: Where it happens',
	legend: legend(n),
	credits: 'Sources: '.padEnd(400, 'word ')
});

const inside = (r: Rect, outer: { width: number; height: number }) =>
	r.x >= 0 &&
	r.y >= 0 &&
	r.x + r.width <= outer.width + 0.5 &&
	r.y + r.height <= outer.height + 0.5;

const overlap = (a: Rect, b: Rect) =>
	a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The parts of a composition do not overlap and stay within the image. */
function checkParts(c: Composition) {
	const parts = [c.header, c.map, c.legend, c.credits];
	for (const p of parts) expect(inside(p, c), JSON.stringify(p)).toBe(true);
	for (let i = 0; i < parts.length; i++)
		for (let j = i + 1; j < parts.length; j++) expect(overlap(parts[i]!, parts[j]!)).toBe(false);
	// Every legend line fits in the legend's box.
	for (const row of c.legend.rows) {
		expect(row.symbol.x).toBeGreaterThanOrEqual(c.legend.x);
		for (const line of row.lines) {
			const w = measure(line, `700 ${Math.round(c.legend.unit * 0.8)}px x`);
			expect(row.textX + w).toBeLessThanOrEqual(c.legend.x + c.legend.width + 0.5);
		}
		expect(row.textY + (row.lines.length - 1) * c.legend.lineHeight).toBeLessThanOrEqual(
			c.legend.y + c.legend.height
		);
	}
}

describe('wrap', () => {
	it('breaks at spaces, keeps every word, and no line is wider than asked', () => {
		const font = '400 10px x';
		const lines = wrap('one two three four five six seven', 60, font, measure);
		expect(lines.join(' ')).toBe('one two three four five six seven');
		for (const l of lines) expect(measure(l, font)).toBeLessThanOrEqual(60);
		expect(lines.length).toBeGreaterThan(1);
	});
	it('cuts a word longer than a line', () => {
		const lines = wrap('x'.repeat(50), 55, '400 10px x', measure);
		expect(lines.join('')).toBe('x'.repeat(50));
		expect(lines.every((l) => l.length <= 10)).toBe(true);
	});
	it('clamps to a number of lines with an ellipsis', () => {
		expect(clampLines(['a', 'b', 'c'], 2)).toEqual(['a', 'b…']);
		expect(clampLines(['a'], 2)).toEqual(['a']);
	});
});

describe('typeUnit', () => {
	it('is 26 px at 1080 lines and grows with the smaller side', () => {
		expect(typeUnit({ width: 1920, height: 1080 })).toBe(26);
		expect(typeUnit({ width: 3840, height: 2160 })).toBe(52);
		expect(typeUnit({ width: 1170, height: 2532 })).toBe(28);
		expect(typeUnit({ width: 100, height: 100 })).toBe(11);
	});
});

describe('composeImage', () => {
	it('fills exactly the size asked, the legend beside the map on a wide image', () => {
		for (const size of [
			{ width: 1920, height: 1080 },
			{ width: 3840, height: 2160 }
		]) {
			const c = composeImage(size, text(), measure);
			expect([c.width, c.height]).toEqual([size.width, size.height]);
			checkParts(c);
			expect(legendBeside(size)).toBe(true);
			expect(c.legend.x).toBe(c.map.width);
			expect(c.map.width).toBeGreaterThan(size.width * 0.6);
			expect(c.legend.rows).toHaveLength(8);
			expect(c.legend.left).toBe(0);
		}
	});
	it('sets the same layout twice as large at 4K: text grows with the image', () => {
		const hd = composeImage({ width: 1920, height: 1080 }, text(), measure);
		const k4 = composeImage({ width: 3840, height: 2160 }, text(), measure);
		expect(k4.unit).toBe(hd.unit * 2);
		expect(k4.map.width).toBeCloseTo(hd.map.width * 2, -1);
	});
	it('puts the legend under the map on a tall image', () => {
		const c = composeImage({ width: 1170, height: 2532 }, text(), measure);
		checkParts(c);
		expect(c.legend.y).toBe(c.map.y + c.map.height);
		expect(c.legend.width).toBe(1170);
		expect(c.map.height).toBeGreaterThan(c.legend.height);
	});
	it('sets a long legend smaller, then says how many entries it left out', () => {
		const c = composeImage({ width: 1280, height: 720 }, text(40), measure);
		checkParts(c);
		expect(c.legend.unit).toBeLessThan(c.unit);
		expect(c.legend.left).toBeGreaterThan(0);
		expect(c.legend.rows.length + c.legend.left).toBe(40);
	});
	it('keeps the title to two lines', () => {
		const c = composeImage(
			{ width: 800, height: 600 },
			{ ...text(), title: 'word '.repeat(80) },
			measure
		);
		expect(c.titleLines).toHaveLength(2);
		expect(c.titleLines[1]!.endsWith('…')).toBe(true);
	});
});

describe('composeAroundMap', () => {
	it('keeps the map at its own pixels and composes the rest around it', () => {
		for (const map of [
			{ width: 960, height: 800 },
			{ width: 390, height: 700 }
		]) {
			const c = composeAroundMap(map, text(), measure);
			expect([c.map.width, c.map.height]).toEqual([map.width, map.height]);
			checkParts(c);
			expect(c.legend.left).toBe(0);
			expect(c.width).toBeGreaterThanOrEqual(map.width);
			expect(c.height).toBeGreaterThan(map.height);
		}
	});
});

describe('scale and camera', () => {
	it('metres per pixel halve with each zoom level and shrink towards the poles', () => {
		expect(metresPerPixel(0, 0)).toBeCloseTo(78_271.5, 0);
		expect(metresPerPixel(0, 1)).toBeCloseTo(metresPerPixel(0, 0) / 2, 6);
		expect(metresPerPixel(60, 3)).toBeCloseTo(metresPerPixel(0, 3) / 2, 3);
	});
	it('a scale bar is a round distance no longer than asked', () => {
		const bar = scaleBar(1000, 230); // 230 km at most
		expect(bar).toEqual({ px: 200, label: '200 km' });
		expect(scaleBar(1000, 120).label).toBe('100 km');
		expect(scaleBar(10, 70).label).toBe('500 m');
		expect(scaleBar(5000, 1200).label).toBe('5,000 km');
	});
	it('adapts the zoom so a map of another size shows at least the same area', () => {
		expect(adaptZoom(4, { width: 1000, height: 800 }, { width: 1000, height: 800 })).toBe(4);
		expect(adaptZoom(4, { width: 1000, height: 800 }, { width: 2000, height: 1600 })).toBe(5);
		// Wider but as tall: the height decides.
		expect(adaptZoom(4, { width: 1000, height: 800 }, { width: 2000, height: 800 })).toBe(4);
	});
	it('draws off screen at the screen view’s scale, never coarser than 1, at most 4', () => {
		expect(offscreenPixelRatio({ width: 2880, height: 1800 }, 1000)).toBeCloseTo(2.88);
		expect(offscreenPixelRatio({ width: 500, height: 300 }, 1000)).toBe(1);
		expect(offscreenPixelRatio({ width: 9000, height: 300 }, 1000)).toBe(4);
	});
});

describe('imageFileName', () => {
	it('is <briefing-id>-<view>-<size>.png in letters, digits and dashes', () => {
		expect(imageFileName('feb-2022', 'scene-3', '1920x1080')).toBe(
			'feb-2022-scene-3-1920x1080.png'
		);
		expect(imageFileName('My Briefing!', 'RUS', '3840x2160')).toBe('my-briefing-rus-3840x2160.png');
		expect(imageFileName('../x', '', '')).toBe('x.png');
	});
});
