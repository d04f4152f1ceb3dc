// Save image and Print handout, measured (`handoutBench`, for scripts/bench.js): click to file for
// each size of Save image, click to the handout ready to print (feb-2022's ten scenes), and what
// the two ways of reading the live map's pixels cost it (the reason for the way Save image reads
// it at the screen's size). Run alone: `node scripts/bench/handout.js` (after `npm run build`).
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../chromium.js';
import { serve } from '../serve.js';

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** A fresh page on the map of feb-2022, its map idle. The print dialog is noted, not opened. */
async function mapPage(browser, baseURL) {
	const context = await browser.newContext({
		viewport: { width: 1280, height: 800 },
		acceptDownloads: true,
		serviceWorkers: 'block'
	});
	await context.addInitScript(() => {
		window.print = () => {};
	});
	const page = await context.newPage();
	await page.goto(new URL('./', baseURL).href);
	await page
		.getByRole('region', { name: 'Map', exact: true })
		.and(page.locator('[aria-busy="false"]'))
		.waitFor({ timeout: 60_000 });
	return { context, page };
}

/** Click on Save image to the file, at the size of `label`, `runs` times. */
async function saveTimes(browser, baseURL, label, runs) {
	const { context, page } = await mapPage(browser, baseURL);
	const times = [];
	try {
		await page.getByRole('combobox', { name: 'Image size' }).selectOption({ label });
		// A first save loads the code (import()): counted apart, as a person's first click.
		for (let i = 0; i < runs + 1; i++) {
			const t0 = Date.now();
			const [download] = await Promise.all([
				page.waitForEvent('download', { timeout: 60_000 }),
				page.getByRole('button', { name: 'Save image' }).click()
			]);
			await download.path();
			times.push(Date.now() - t0);
			await page
				.getByRole('status')
				.filter({ hasText: /^Saved / })
				.waitFor();
		}
	} finally {
		await context.close();
	}
	return { first: times[0], median: median(times.slice(1)) };
}

/** Click on Print handout to the handout on the page, ready to print. */
async function handoutTimes(browser, baseURL, runs) {
	const times = [];
	for (let i = 0; i < runs; i++) {
		const { context, page } = await mapPage(browser, baseURL);
		try {
			const t0 = Date.now();
			await page.getByRole('button', { name: 'Print handout' }).click();
			await page.getByRole('button', { name: 'Close handout' }).waitFor({ timeout: 120_000 });
			times.push(Date.now() - t0);
		} finally {
			await context.close();
		}
	}
	return { median: median(times), times };
}

/**
 * What each way of reading the live map costs it, per frame, at the same size and content:
 * `redraw`: one frame drawn and read when a person saves (the live map as it is, its drawing
 * buffer not kept); `preserve`: a map made with preserveDrawingBuffer, whose every frame keeps
 * a copy. Frames are forced to finish (a one-pixel readPixels) so the software renderer's work
 * is counted, not only its queueing.
 */
export async function liveMapCost(browser, baseURL, frames = 15) {
	const { context, page } = await mapPage(browser, baseURL);
	try {
		return await page.evaluate(async (frames) => {
			const container = document.querySelector('.map-region .map');
			const live = container.briefingMap;
			const Ctor = live.constructor;
			const mid = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
			const perFrame = (map) => {
				const gl = map.getCanvas().getContext('webgl2');
				const px = new Uint8Array(4);
				const t = [];
				for (let i = 0; i < frames; i++) {
					const t0 = performance.now();
					map.redraw();
					gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
					t.push(performance.now() - t0);
				}
				return mid(t);
			};
			// Save image at the screen's size: redraw, then copy the canvas (its whole cost).
			const read = [];
			for (let i = 0; i < 5; i++) {
				const t0 = performance.now();
				live.map.redraw();
				const c = document.createElement('canvas');
				c.width = live.map.getCanvas().width;
				c.height = live.map.getCanvas().height;
				c.getContext('2d', { willReadFrequently: true }).drawImage(live.map.getCanvas(), 0, 0);
				read.push(performance.now() - t0);
			}
			// The same map with preserveDrawingBuffer, shown over the live one (a canvas on screen
			// is composited at each frame, which a software renderer pays for too): what the live
			// map would pay at every frame.
			const el = document.createElement('div');
			const box = container.getBoundingClientRect();
			Object.assign(el.style, {
				position: 'fixed',
				left: `${box.left}px`,
				top: `${box.top}px`,
				width: `${box.width}px`,
				height: `${box.height}px`,
				zIndex: '1000'
			});
			document.body.append(el);
			const s = live.state();
			const twin = new Ctor({
				container: el,
				view: s.view,
				...s.content,
				label: 'bench',
				preserveDrawingBuffer: true
			});
			await twin.settled();
			// Alternating, so that the machine's load falls on both alike.
			const plain = [];
			const preserved = [];
			for (let i = 0; i < 3; i++) {
				plain.push(perFrame(live.map));
				preserved.push(perFrame(twin.map));
			}
			twin.destroy();
			el.remove();
			return { redrawAndRead: mid(read), framePlain: mid(plain), framePreserved: mid(preserved) };
		}, frames);
	} finally {
		await context.close();
	}
}

/**
 * Every figure, with its budget: Save image at 1920×1080 under 1.5 s and at 3840×2160 under 4 s
 * (click to file, medians after a first save), Print handout of feb-2022 under 10 s.
 */
export async function handoutBench(browser, baseURL, { runs = 3 } = {}) {
	const screen = await saveTimes(browser, baseURL, 'The screen', runs);
	const hd = await saveTimes(browser, baseURL, '1920 × 1080', runs);
	const uhd = await saveTimes(browser, baseURL, '3840 × 2160 (4K)', runs);
	const handout = await handoutTimes(browser, baseURL, Math.max(1, runs - 1));
	const live = await liveMapCost(browser, baseURL);
	return {
		saveScreen: screen,
		save1080: hd,
		save2160: uhd,
		handout,
		live,
		budgets: [
			{ name: 'Save image 1920×1080, click to file', figure: hd.median, limit: 1500 },
			{ name: 'Save image 3840×2160, click to file', figure: uhd.median, limit: 4000 },
			{
				name: 'Print handout (feb-2022, 10 scenes), click to ready',
				figure: handout.median,
				limit: 10_000
			}
		].map((b) => ({ ...b, pass: b.figure <= b.limit }))
	};
}

// Run alone.
if (import.meta.url === `file://${process.argv[1]}`) {
	const app = await serve({ root: 'build', port: 0 });
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	try {
		const r = await handoutBench(browser, app.url, { runs: Number(process.env.BENCH_RUNS ?? 3) });
		console.log(JSON.stringify(r, null, 2));
	} finally {
		await browser.close();
		app.server.close();
	}
}
