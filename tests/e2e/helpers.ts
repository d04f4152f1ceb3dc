import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Waits until the map region says it has settled (aria-busy="false", from MapLibre's idle). */
export async function mapIdle(page: Page) {
	await expect(page.getByRole('region', { name: 'Map', exact: true })).toHaveAttribute(
		'aria-busy',
		'false',
		{
			timeout: 30_000
		}
	);
}

/** Collects page errors and every request that leaves the page's own origin. */
export function watch(page: Page, origin: string) {
	const errors: string[] = [];
	const foreign: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('request', (r) => {
		const url = r.url();
		if (url.startsWith('data:') || url.startsWith('blob:')) return;
		if (!url.startsWith(origin)) foreign.push(url);
	});
	return { errors, foreign };
}

/**
 * Where a longitude/latitude sits on the map canvas, from the view in the hash: Web Mercator with
 * MapLibre's 512-pixel world at zoom 0. The test clicks there as a person would.
 */
export function project(
	view: { zoom: number; lat: number; lon: number },
	size: { width: number; height: number },
	lon: number,
	lat: number
) {
	const world = 512 * Math.pow(2, view.zoom);
	const x = (l: number) => ((l + 180) / 360) * world;
	const y = (p: number) => {
		const s = Math.sin((p * Math.PI) / 180);
		return (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * world;
	};
	return {
		x: size.width / 2 + (x(lon) - x(view.lon)),
		y: size.height / 2 + (y(lat) - y(view.lat))
	};
}

/**
 * Goes to a view by the address and clicks the map at a place, like a person with a mouse. On a
 * page already showing the app, only the hash changes: the app moves the map there, no reload.
 */
export async function clickPlace(page: Page, lon: number, lat: number, zoom = 5) {
	const view = { zoom, lat, lon };
	await page.goto(`./#map=${zoom}/${lat}/${lon}`);
	await cameraAt(page, view);
	await mapIdle(page);
	const canvas = page.locator('canvas.maplibregl-canvas');
	const box = (await canvas.boundingBox())!;
	const p = project(view, box, lon, lat);
	await canvas.click({ position: { x: p.x, y: p.y } });
}

/**
 * Waits until the map's camera is at `view`: after only the hash changed, the app moves the map in
 * its hashchange handler, and until then the map may still say it is idle at the last view.
 */
export async function cameraAt(page: Page, view: { zoom: number; lat: number; lon: number }) {
	await expect
		.poll(
			() =>
				page.evaluate((v) => {
					const el = document.querySelector('.maplibregl-map') as
						| (HTMLElement & {
								maplibreMap?: {
									getZoom(): number;
									getCenter(): { lat: number; lng: number };
								};
						  })
						| null;
					const m = el?.maplibreMap;
					if (!m) return false;
					const c = m.getCenter();
					const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;
					return near(m.getZoom(), v.zoom) && near(c.lat, v.lat) && near(c.lng, v.lon);
				}, view),
			{ timeout: 30_000 }
		)
		.toBe(true);
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function axeViolations(page: Page) {
	// Evaluated, not added as a <script>: the page's Content Security Policy blocks inline scripts.
	await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
	const result = await page.evaluate(async () => {
		// @ts-expect-error axe is injected above
		const r = await window.axe.run(document, { resultTypes: ['violations'] });
		return r.violations.map((v: { id: string; impact: string; nodes: { target: string[] }[] }) => ({
			id: v.id,
			impact: v.impact,
			targets: v.nodes.map((n) => n.target.join(' '))
		}));
	});
	return result.filter(
		(v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical'
	);
}

/** The map canvas as RGBA pixels, from a real screenshot. */
export async function mapPixels(page: Page) {
	const { PNG } = await import('pngjs');
	const png = PNG.sync.read(await page.locator('canvas.maplibregl-canvas').screenshot());
	return png;
}

/**
 * The share of a page region's pixels that are pure white, from a screenshot of the whole page as
 * it is shown (a screenshot of one element is composed on its own, and can differ from the page).
 */
export async function whiteShare(
	page: Page,
	r: { x: number; y: number; width: number; height: number }
) {
	const { PNG } = await import('pngjs');
	const png = PNG.sync.read(await page.screenshot());
	let white = 0;
	let all = 0;
	for (let y = Math.ceil(r.y); y < Math.floor(r.y + r.height); y++) {
		for (let x = Math.ceil(r.x); x < Math.floor(r.x + r.width); x++) {
			const i = (y * png.width + x) * 4;
			all++;
			if (png.data[i] === 255 && png.data[i + 1] === 255 && png.data[i + 2] === 255) white++;
		}
	}
	return white / all;
}

/** How many pixels differ between two screenshots of the same size (any channel by > 24). */
export function changedPixels(
	a: { data: Buffer; width: number; height: number },
	b: { data: Buffer; width: number; height: number }
) {
	let n = 0;
	for (let i = 0; i < a.data.length; i += 4) {
		if (
			Math.abs(a.data[i]! - b.data[i]!) > 24 ||
			Math.abs(a.data[i + 1]! - b.data[i + 1]!) > 24 ||
			Math.abs(a.data[i + 2]! - b.data[i + 2]!) > 24
		)
			n++;
	}
	return n;
}

/** The colour of one pixel of the map canvas, as [r, g, b]. */
export function pixelAt(png: { data: Buffer; width: number }, x: number, y: number) {
	const i = (Math.round(y) * png.width + Math.round(x)) * 4;
	return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
}

/** Stands in for a browser with WebGL switched off: every other context still works. */
export async function withoutWebgl(page: Page) {
	await page.addInitScript(() => {
		const original = HTMLCanvasElement.prototype.getContext;
		Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', {
			value: function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
				if (type.startsWith('webgl')) return null;
				return (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
			}
		});
	});
}
