// `npm run bench`: builds once, then measures in one run, in fresh browser contexts (cold cache),
// and ends with every budget, its figure and PASS or FAIL. Sections (`BENCH_ONLY=large,bad` runs
// some of them; all by default):
//  - load: alternating loads of the app (the embedded feb-2022 briefing) and of a bare MapLibre
//    page drawing the same basemap: median navigation to the map's first idle and on screen
//    ("first idle" below: the frame after the idle committed) of each and their ratio; the
//    app's first-load bytes, gzip; click on the map to the panel.
//  - large: a generated briefing (scripts/bench/generate.js: every basemap country styled, 2,000
//    point troop notes, an article as long as the limits allow) served in place of feb-2022:
//    first-idle ratio to feb-2022, loads alternating; click to panel for 15 countries of each;
//    an import through the library page's "Import briefing" until the briefing is listed (and,
//    to split it, parse + validate alone in scripts/bench/validate.html).
//  - bad: a 5 MB file with one wrong field served in place of feb-2022: time until its error is
//    shown, and the longest task and frame gap meanwhile (does the page stay responsive?).
//  - scenes: how long each scene change of the presentation takes to settle, with and without
//    reduced motion.
//  - editor: what opening the editor (/editor) fetches beyond the map page's first load, gzip;
//    "Find countries" over a 20,000-word article, from the click to the count said; an edit in
//    the editor (a country's role changed; a note placed) until the map beside it draws it (the
//    first frame rendered with it; and until the map is idle again, for the record), on the
//    large generated briefing opened with the library's "Edit a copy".
//  - content: opening the Russia panel of hostile briefings (100,000 mentions; the most the
//    schema's limits allow): time to the panel and to the next frame, <mark> elements, heap, and
//    the cost of showing more passages.
//  - handout: Save image at each size, click to file; Print handout for feb-2022's 10 scenes,
//    click to ready; what reading the live map costs it (scripts/bench/handout.js).
//  - offline: when the service worker registers relative to the map's first idle, and that the
//    first load before that idle is the same with and without it (scripts/bench/offline.js).
//    Every other section's browser contexts block service workers, so that none installs in the
//    middle of a measurement.
// Timings are ratios against a baseline in the same run where one exists: the machine is shared
// and noisy, so an absolute figure is worth what the machine was doing at the time.
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS as ARGS } from './chromium.js';
import { badFile, generateBriefing, WRONG_FIELD } from './bench/generate.js';
import { handoutBench } from './bench/handout.js';
import { offlineBench } from './bench/offline.js';
import { serve } from './serve.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
/**
 * Rounds of the feb-2022 load budget: a round's paired difference spreads over ±0.15 of the bare
 * page's time (the software renderer's frames land unevenly), so the median of 9 rounds moved by
 * ±0.04 from run to run, close to the budget's 0.05 margin; 21 rounds halve that.
 */
const LOAD_RUNS = Number(process.env.BENCH_LOAD_RUNS ?? Math.max(RUNS, 21));

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
const ms = (n, digits = 0) => `${n.toFixed(digits)} ms`;

const SECTIONS = ['load', 'large', 'bad', 'editor', 'scenes', 'content', 'offline', 'handout'];
const only = (process.env.BENCH_ONLY ?? SECTIONS.join(',')).split(',').map((s) => s.trim());
for (const s of only) if (!SECTIONS.includes(s)) throw new Error(`BENCH_ONLY: no section "${s}"`);
const runs = (section) => only.includes(section);
const needsPages = runs('load') || runs('large') || runs('bad') || runs('editor');

if (!process.env.BENCH_NO_BUILD) {
	execSync('npm run build', { stdio: 'inherit' });
	if (needsPages) {
		execSync('npx vite build --config scripts/bench/vite.config.js', { stdio: 'inherit' });
	}
}

/** Every budget, printed at the end with its figure and whether it is met. */
const budgets = [];
console.log(`\nBenchmark: headless Chromium, SwiftShader; sections ${only.join(', ')}`);
function budget(name, figure, limit, pass, note = '') {
	budgets.push({ name, figure, limit, pass, note });
}

const app = await serve({ root: 'build', port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
// Each section prints as it ends, so that a failing one leaves the others' figures.
const print = (line) => console.log(line);

// --- Hostile content: the Russia panel of a briefing whose article names Russia at every word ---

/**
 * The served briefing with its article replaced by `count` paragraphs of `words` "Russia"s
 * (`count` 0: the briefing as it is).
 */
function heavyBriefing(count, words) {
	const served = JSON.parse(readFileSync('build/briefings/feb-2022.json', 'utf8'));
	if (count === 0) return served;
	const paragraph = Array.from({ length: words }, () => 'Russia').join(' ') + '.';
	served.article.paragraphs = Array.from({ length: count }, () => paragraph);
	return served;
}

/** Opens the Russia panel of `body` in a fresh context, and presses "Show more" once if offered. */
async function openRussiaOnce(body) {
	const context = await browser.newContext({
		viewport: { width: 1280, height: 800 },
		serviceWorkers: 'block'
	});
	const page = await context.newPage();
	await page.route('**/briefings/feb-2022.json', (route) => route.fulfill({ json: body }));
	const cdp = await context.newCDPSession(page);
	const heap = async () => {
		await cdp.send('HeapProfiler.collectGarbage');
		return (await cdp.send('Runtime.getHeapUsage')).usedSize;
	};
	// Main-thread CPU time spent in tasks, which other processes on a shared machine inflate far
	// less than the wall-clock times.
	await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
	const cpu = async () => {
		const { metrics } = await cdp.send('Performance.getMetrics');
		return metrics.find((m) => m.name === 'TaskDuration').value * 1000;
	};
	await page.goto(app.url);
	const russia = page.locator('nav button', { hasText: /^Russia$/ });
	const alert = page.getByRole('alert');
	await Promise.race([russia.waitFor({ timeout: 180_000 }), alert.waitFor({ timeout: 180_000 })]);
	if (await alert.isVisible()) {
		const errors = await alert.locator('li').allTextContents();
		await context.close();
		return { rejected: errors.slice(0, 2) };
	}
	// Measured on a map at rest, as the click-to-panel figure below is: a frame the map is still
	// drawing (SwiftShader) would be counted as the panel's.
	const idle = () =>
		page.waitForSelector('[role="region"][aria-label="Map"][aria-busy="false"]', {
			timeout: 180_000
		});
	await idle();
	const heapBefore = await heap();
	const cpuBefore = await cpu();
	const timing = await page.evaluate(
		() =>
			new Promise((done) => {
				const button = [...document.querySelectorAll('nav button')].find(
					(b) => b.textContent === 'Russia'
				);
				const t0 = performance.now();
				button.click();
				const check = () => {
					if (document.querySelector('#panel-heading')?.textContent !== 'Russia') return false;
					const dom = performance.now() - t0;
					requestAnimationFrame(() => done({ dom, frame: performance.now() - t0 }));
					return true;
				};
				if (check()) return;
				const mo = new MutationObserver(() => check() && mo.disconnect());
				mo.observe(document.body, { childList: true, subtree: true, characterData: true });
			})
	);
	const openCpu = (await cpu()) - cpuBefore;
	const marks = await page.locator('mark').count();
	const heapAfter = await heap();
	await idle();
	// After the fix: the cost of one "Show more passages" press, to the next frame.
	const cpuBeforeMore = await cpu();
	const more = await page.evaluate(
		() =>
			new Promise((done) => {
				const button = [...document.querySelectorAll('aside button')].find((b) =>
					/^Show \d+ more passage/.test(b.textContent ?? '')
				);
				if (!button) return done(null);
				const t0 = performance.now();
				button.click();
				requestAnimationFrame(() => done(performance.now() - t0));
			})
	);
	const moreCpu = (await cpu()) - cpuBeforeMore;
	await context.close();
	return {
		...timing,
		cpu: openCpu,
		marks,
		heap: heapAfter - heapBefore,
		heapTotal: heapAfter,
		more: more === null ? null : { frame: more, cpu: moreCpu }
	};
}

const CONTENT_RUNS = Number(process.env.BENCH_CONTENT_RUNS ?? 3);

/** Medians over CONTENT_RUNS fresh contexts: each open is a first open, as a reader's is. */
async function openRussia(label, body) {
	const runs = [];
	for (let i = 0; i < CONTENT_RUNS; i++) {
		const r = await openRussiaOnce(body);
		if (r.rejected) return { label, ...r };
		runs.push(r);
	}
	const m = (f) => median(runs.map(f));
	return {
		label,
		dom: m((r) => r.dom),
		frame: m((r) => r.frame),
		cpu: m((r) => r.cpu),
		marks: runs[0].marks,
		heap: m((r) => r.heap),
		heapTotal: m((r) => r.heapTotal),
		more: runs[0].more && { frame: m((r) => r.more.frame), cpu: m((r) => r.more.cpu) }
	};
}

const heavyRuns = [];
const mb = (n) => `${(n / 1024 / 1024).toFixed(0)} MB`;
function printHeavy() {
	console.log(
		`\nHostile content: opening the Russia panel (medians of ${CONTENT_RUNS} fresh contexts; CPU: main-thread task time)`
	);
	for (const r of heavyRuns) {
		if (r.rejected) {
			console.log(`  ${r.label}: rejected by the schema: ${r.rejected.join(' | ')}`);
			continue;
		}
		console.log(
			`  ${r.label}: panel in the DOM ${r.dom.toFixed(0)} ms, next frame ${r.frame.toFixed(0)} ms, CPU ${r.cpu.toFixed(0)} ms, ${r.marks} <mark>, heap +${mb(r.heap)} (${mb(r.heapTotal)} in all)` +
				(r.more
					? `; "Show more": next frame ${r.more.frame.toFixed(0)} ms, CPU ${r.more.cpu.toFixed(0)} ms`
					: '')
		);
	}
}

// --- Loads: navigation to the map's first idle, on screen ------------------------------------

// The served embedded briefing, and the generated ones, as the page fetches them.
const FEB = readFileSync('build/briefings/feb-2022.json', 'utf8');
const LARGE = runs('large') || runs('editor') ? JSON.stringify(generateBriefing()) : '';
const BAD = runs('bad') ? JSON.stringify(badFile()) : '';
if (needsPages) {
	writeFileSync('bench-results/pages/large.json', LARGE || JSON.stringify(generateBriefing()));
	writeFileSync('bench-results/pages/bad-5mb.json', BAD || JSON.stringify(badFile()));
}
const pages = needsPages ? await serve({ root: 'bench-results/pages', port: 0 }) : null;

// Records, on the page's own clock (0 = navigation): when the map region first says it is idle
// and when that view is on screen, when an error list first shows, every long task and the
// longest gap between animation frames.
const PROBE = () => {
	window.__longTasks = [];
	window.__frames = [];
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
		}).observe({ type: 'longtask' });
	} catch {
		// No long-task timing in this browser: the frame gaps still say it.
	}
	const frame = (t) => {
		window.__frames.push(t);
		requestAnimationFrame(frame);
	};
	requestAnimationFrame(frame);
	const mark = () => {
		const el = document.querySelector('[role="region"][aria-label="Map"]');
		if (el?.getAttribute('aria-busy') === 'false' && window.__idleAt === undefined) {
			window.__idleAt = performance.now();
			// On screen: the frame after the idle has been committed (its commit is where a
			// software-drawn WebGL canvas is read back for the compositor, and waits for every draw
			// still queued), so the frame after that one starts.
			requestAnimationFrame(() =>
				requestAnimationFrame(() => (window.__firstIdle = performance.now()))
			);
		}
		if (window.__alertAt === undefined && document.querySelector('[role="alert"] li')) {
			window.__alertAt = performance.now();
		}
	};
	new MutationObserver(mark).observe(document, {
		subtree: true,
		attributes: true,
		attributeFilter: ['aria-busy'],
		childList: true
	});
};

/**
 * Loads `url` in a fresh context until the map is first idle. `body`: the briefing to serve in
 * place of feb-2022 (the app's loads all go through the same route, so that none is favoured).
 */
async function load(url, { bytes = false, body = null, until = 'idle' } = {}) {
	const context = await browser.newContext({
		viewport: { width: 1280, height: 800 },
		serviceWorkers: 'block'
	});
	const page = await context.newPage();
	await page.addInitScript(PROBE);
	if (body !== null) {
		await page.route('**/briefings/feb-2022.json', (route) =>
			route.fulfill({ body, contentType: 'application/json; charset=utf-8' })
		);
	}
	const bodies = [];
	if (bytes)
		page.on('response', (r) =>
			bodies.push(
				r
					.body()
					.then((b) => ({ url: r.url(), raw: b.length, gz: gzipSync(b).length }))
					.catch(() => null)
			)
		);
	await page.goto(url);
	const flag = until === 'idle' ? '__firstIdle' : '__alertAt';
	await page.waitForFunction((flag) => window[flag] !== undefined, flag, { timeout: 120_000 });
	// The map's own marks (both pages set them): when it was created, and its first complete frame.
	const { idle, idleEvent, created, loaded, requestedLater } = await page.evaluate(() => {
		const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
		// What the page asked for only after its first idle was on screen (idle-time work that
		// follows it): its answers can still arrive before this script has stopped listening, a
		// few milliseconds later, but they are not part of the first load.
		const resources = performance.getEntriesByType('resource');
		const before = new Set(
			resources.filter((e) => e.startTime <= window.__firstIdle).map((e) => e.name)
		);
		return {
			idle: window.__firstIdle,
			idleEvent: window.__idleAt,
			created: mark('map-create'),
			loaded: mark('map-load'),
			requestedLater: resources
				.filter((e) => e.startTime > window.__firstIdle && !before.has(e.name))
				.map((e) => e.name)
		};
	});
	const later = new Set(requestedLater);
	const files = bytes
		? (await Promise.all(bodies)).filter((f) => f !== null && !later.has(f.url))
		: [];
	return { context, page, idle, idleEvent, created, loaded, files };
}

/** Medians of first idle for each of `pages` ({ label, url, body }), loads alternating. */
async function firstIdles(which, rounds = RUNS) {
	const times = which.map(() => []);
	const splits = which.map(() => []);
	let firstLoad = null;
	for (let i = 0; i < rounds; i++) {
		// Alternate which goes first, so drift in the machine's load hits each alike.
		const order = which.map((_, k) => k);
		if (i % 2) order.reverse();
		for (const k of order) {
			const r = await load(which[k].url, { body: which[k].body, bytes: which[k].bytes && i === 0 });
			times[k].push(r.idle);
			splits[k].push(r);
			if (r.files.length) firstLoad = r.files;
			await r.context.close();
		}
	}
	return { times, splits, firstLoad };
}

function printIdles(labels, { times, splits }) {
	labels.forEach((label, k) => {
		print(
			`  ${label} navigation -> map idle and on screen, median: ${ms(median(times[k]))}  (runs: ${times[k].map((t) => t.toFixed(0)).join(', ')})`
		);
	});
	labels.forEach((label, k) => {
		const m = (f) => median(splits[k].map(f)).toFixed(0);
		print(
			`    ${label}: map created at ${m((r) => r.created)} ms, first complete frame ${m((r) => r.loaded - r.created)} ms later, idle ${m((r) => r.idleEvent - r.loaded)} ms after that, on screen ${m((r) => r.idle - r.idleEvent)} ms after that (medians)`
		);
	});
}

/**
 * Opens the panels of `count` countries of the list, one after the other, each from the country's
 * button and closed again before the next, on a map at rest. Measured in the page from the click
 * to the panel's heading naming the country (the budgeted figure) and to the next frame.
 */
async function clickToPanel(body, count) {
	const { context, page } = await load(app.url, { body });
	const idle = () =>
		page.waitForSelector('[role="region"][aria-label="Map"][aria-busy="false"]', {
			timeout: 60_000
		});
	await page.waitForSelector('nav button');
	// Every country of the basemap has a button: the briefing's, then the others (built on open).
	const summary = page.locator('nav summary');
	if (await summary.count()) await summary.click();
	// A reader's first click comes after the map has settled, and some time to look at it.
	await idle();
	await page.waitForTimeout(500);
	const names = await page.locator('nav li button').allTextContents();
	const step = Math.max(1, Math.floor(names.length / count));
	const picks = Array.from({ length: count }, (_, i) => names[(i * step) % names.length]);
	const times = [];
	for (const name of picks) {
		times.push(
			await page.evaluate(
				(name) =>
					new Promise((done) => {
						const button = [...document.querySelectorAll('nav li button')].find(
							(b) => b.textContent === name
						);
						const t0 = performance.now();
						button.click();
						const check = () => {
							if (document.querySelector('#panel-heading')?.textContent !== name) return false;
							const dom = performance.now() - t0;
							requestAnimationFrame(() => done({ name, dom, frame: performance.now() - t0 }));
							return true;
						};
						if (check()) return;
						const mo = new MutationObserver(() => check() && mo.disconnect());
						mo.observe(document.body, { childList: true, subtree: true, characterData: true });
					}),
				name
			)
		);
		await page.keyboard.press('Escape');
		await page.waitForSelector('#panel-heading', { state: 'detached' });
		await idle();
	}
	await context.close();
	return times;
}

function printClicks(label, times) {
	const doms = times.map((t) => t.dom);
	print(
		`  ${label}: click -> panel in the DOM, median ${ms(median(doms), 1)}, first ${ms(doms[0], 1)}, slowest ${ms(Math.max(...doms), 1)} (${times.length} countries); next frame, median ${ms(median(times.map((t) => t.frame)), 1)}`
	);
}

/** Parse + validate of `file` in the validator's page, first run in each of RUNS fresh pages. */
async function validateIn(file) {
	const results = [];
	for (let i = 0; i < Math.min(RUNS, 5); i++) {
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		await page.goto(`${pages.url}validate.html`);
		await page.waitForFunction(() => typeof window.__validate === 'function');
		results.push(await page.evaluate((file) => window.__validate(file), file));
		await context.close();
	}
	const m = (f) => median(results.map(f));
	return {
		bytes: results[0].bytes,
		parse: m((r) => r.parse),
		validate: m((r) => r.validate),
		total: m((r) => r.total),
		errors: results[0].errors
	};
}

/**
 * An import as a person makes it: the library page, its "Import briefing" file input given
 * `body` (as `name`), until the briefing is listed as imported (its title in the list), in a
 * fresh context each time; median of RUNS (at most 5).
 */
async function importTimes(body, name, title) {
	const times = [];
	for (let i = 0; i < Math.min(RUNS, 5); i++) {
		const context = await browser.newContext({
			viewport: { width: 1280, height: 800 },
			serviceWorkers: 'block'
		});
		const page = await context.newPage();
		await page.goto(`${app.url}library`);
		const input = page.getByLabel('Import briefing');
		await input.waitFor({ state: 'attached', timeout: 60_000 });
		const listed = page
			.getByRole('region', { name: 'Imported in this browser' })
			.getByRole('listitem')
			.filter({ hasText: title });
		// On the page's clock, from the input's change event (the file handed over, which the test
		// harness's own transfer of 2 MB is not part of) to the briefing's title in the list.
		await page.evaluate((title) => {
			document.addEventListener('change', () => (window.__importFrom = performance.now()), {
				capture: true,
				once: true
			});
			new MutationObserver((_, observer) => {
				const items = document.querySelectorAll('section li, [role="region"] li');
				if ([...items].some((li) => li.textContent?.includes(title))) {
					window.__importDone = performance.now();
					observer.disconnect();
				}
			}).observe(document.body, { subtree: true, childList: true, characterData: true });
		}, title);
		await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
		await listed.waitFor({ timeout: 60_000 });
		times.push(await page.evaluate(() => window.__importDone - window.__importFrom));
		await context.close();
	}
	return times;
}

/**
 * BENCH_BASELINE: the folder of another build of the app (e.g. an older commit's `build/`), loaded
 * alternately with the two others: the app's on-screen ratio is then compared with that build's,
 * measured the same way in the same run.
 */
const baseline = process.env.BENCH_BASELINE
	? await serve({ root: process.env.BENCH_BASELINE, port: 0 })
	: null;

if (runs('load')) {
	const { times, splits, firstLoad } = await firstIdles(
		[
			{ url: app.url, body: null, bytes: true },
			{ url: pages.url, body: null },
			...(baseline ? [{ url: baseline.url, body: null }] : [])
		],
		LOAD_RUNS
	);
	const [appMed, bareMed, baseMed] = times.map(median);
	const ratio = appMed / bareMed;
	const total = firstLoad.reduce((s, f) => s + f.gz, 0);
	const raw = firstLoad.reduce((s, f) => s + f.raw, 0);

	// Click to panel on the map: from the click event on the canvas to the panel's heading being
	// in the DOM (and, for context, to the next animation frame).
	const clickTimes = [];
	{
		const { context, page } = await load(`${app.url}#map=4/50/30`);
		const canvas = page.locator('canvas.maplibregl-canvas');
		const box = await canvas.boundingBox();
		// Left of the centre is Ukraine, right of it Russia (the centre itself is the line of
		// contact, a mark); the view is put back before each click, as the panel moves the map.
		const offsets = [-150, 250];
		for (let i = 0; i < 8; i++) {
			await page.evaluate(() => (location.hash = '#map=4/50/30'));
			await page.waitForSelector('[role="region"][aria-label="Map"][aria-busy="false"]');
			await page.waitForTimeout(100);
			await page.evaluate(() => {
				window.__clickToPanel = undefined;
				const canvas = document.querySelector('canvas.maplibregl-canvas');
				canvas.addEventListener(
					'click',
					() => {
						const t0 = performance.now();
						// The DOM time is the budgeted figure; the next frame adds up to one vsync of waiting.
						const done = () => {
							const dom = performance.now() - t0;
							requestAnimationFrame(
								() => (window.__clickToPanel = { dom, frame: performance.now() - t0 })
							);
						};
						if (document.querySelector('#panel-heading')) return done();
						const mo = new MutationObserver(() => {
							if (document.querySelector('#panel-heading')) {
								mo.disconnect();
								done();
							}
						});
						mo.observe(document.body, { childList: true, subtree: true });
					},
					{ once: true, capture: true }
				);
			});
			await canvas.click({
				position: { x: box.width / 2 + offsets[i % offsets.length], y: box.height / 2 }
			});
			await page.waitForFunction(() => window.__clickToPanel !== undefined, null, {
				timeout: 20_000
			});
			clickTimes.push(await page.evaluate(() => window.__clickToPanel));
			await page.keyboard.press('Escape');
			await page.waitForSelector('#panel-heading', { state: 'detached' });
		}
		await context.close();
	}

	print(`\nLoad: feb-2022 and the bare 50m page (${LOAD_RUNS} alternating cold loads each)`);
	printIdles(baseline ? ['app ', 'bare', 'base'] : ['app ', 'bare'], { times, splits });
	print(`  ratio app / bare: ${ratio.toFixed(2)}`);
	if (baseline) {
		print(
			`  ratio baseline (${process.env.BENCH_BASELINE}) / bare: ${(baseMed / bareMed).toFixed(2)}; app / baseline: ${(appMed / baseMed).toFixed(2)}`
		);
	}
	print(`  first load: ${kb(total)} gzip, ${kb(raw)} raw, ${firstLoad.length} files`);
	for (const f of [...firstLoad].sort((a, b) => b.gz - a.gz).slice(0, 8)) {
		print(`    ${kb(f.gz).padStart(7)}  ${new URL(f.url).pathname}`);
	}
	const doms = clickTimes.map((t) => t.dom);
	print(
		`  click on the map -> panel in the DOM, median: ${ms(median(doms), 1)}  (runs: ${doms.map((t) => t.toFixed(1)).join(', ')}); next frame, median ${ms(median(clickTimes.map((t) => t.frame)), 1)}`
	);
	// "No worse than now": the ratio when the budget was set. That figure (about 1.0) was taken at
	// the map's first idle event, before the canvas had reached the screen; measured on screen, as
	// now, the code of that time gives about 1.3 (BENCH_BASELINE, e.g. a build of 20f89d0, compares
	// in the same run).
	// The budget compares each round's loads with each other (app, bare page and baseline are
	// loaded one after the other, in alternating order): the machine's speed drifts by 20% and more
	// over a run, which moves the three series' medians apart by more than the budget's margin, but
	// a round's three loads alike. The ratio of the medians is printed beside it.
	if (baseline) {
		const before = baseMed / bareMed;
		const [apps, bares, bases] = times;
		const rounds = apps.map((t, i) => (t - bases[i]) / bares[i]).sort((a, b) => a - b);
		const paired = median(rounds);
		const quartile = (q) => rounds[Math.round(q * (rounds.length - 1))];
		print(
			`  rounds' (app - baseline) / bare: median ${paired.toFixed(3)}, quartiles ${quartile(0.25).toFixed(3)} and ${quartile(0.75).toFixed(3)}`
		);
		budget(
			'feb-2022: on-screen ratio to the bare 50m page, no worse than before (BENCH_BASELINE)',
			`${(before + paired).toFixed(2)} (before: ${before.toFixed(2)}; median of the rounds' (app - baseline) / bare: ${paired >= 0 ? '+' : ''}${paired.toFixed(3)}; ratio of the medians ${ratio.toFixed(2)})`,
			'<= the baseline’s ratio + 0.05 for noise',
			paired <= 0.05
		);
	} else {
		budget(
			'feb-2022: on-screen ratio to the bare 50m page',
			ratio.toFixed(2),
			'<= 1.10 (aim; without BENCH_BASELINE there is nothing to compare with)',
			ratio <= 1.1
		);
	}
	budget('feb-2022: first load, gzip', kb(total), '<= 650 KB', total <= 650 * 1024);
	budget(
		'feb-2022: click on the map -> panel, median',
		ms(median(doms), 1),
		'<= 16 ms',
		median(doms) <= 16
	);
}

if (runs('large')) {
	const { times, splits } = await firstIdles([
		{ url: app.url, body: FEB },
		{ url: app.url, body: LARGE }
	]);
	const [febMed, largeMed] = times.map(median);
	const ratio = largeMed / febMed;
	const febClicks = await clickToPanel(FEB, 15);
	const largeClicks = await clickToPanel(LARGE, 15);
	const valid = await validateIn('large.json');
	const doc = JSON.parse(LARGE);
	const imports = await importTimes(LARGE, `${doc.id}.briefing.json`, doc.title);

	print(
		`\nLarge: all ${doc.countries.length} basemap countries styled, ${doc.troopNotes.length.toLocaleString('en-GB')} point notes, ${doc.article.paragraphs.length} paragraphs, ${doc.scenes.length} scenes (${(LARGE.length / 1024 / 1024).toFixed(1)} MB) against feb-2022, ${RUNS} alternating cold loads each`
	);
	printIdles(['feb-2022', 'large   '], { times, splits });
	print(`  ratio large / feb-2022: ${ratio.toFixed(2)}`);
	printClicks('feb-2022', febClicks);
	printClicks('large   ', largeClicks);
	print(
		`  import through the library page ("Import briefing", ${kb(valid.bytes)}) until it is listed, median of ${imports.length} fresh pages: ${ms(median(imports))} (runs: ${imports.map((t) => t.toFixed(0)).join(', ')})`
	);
	print(
		`    of which parse + validate alone (the validator's page): ${ms(valid.total)} (JSON.parse ${ms(valid.parse)}, parseServedBriefing ${ms(valid.validate)})${valid.errors.length ? `; REJECTED: ${valid.errors.slice(0, 2).join(' | ')}` : ''}`
	);
	budget(
		`large (all ${doc.countries.length} basemap countries, 2,000 notes): import through the library page`,
		ms(median(imports)),
		'< 2,000 ms',
		median(imports) < 2000 && valid.errors.length === 0
	);
	budget('large: first-idle ratio to feb-2022', ratio.toFixed(2), '<= 1.50', ratio <= 1.5);
	const largeMedian = median(largeClicks.map((t) => t.dom));
	budget('large: click -> panel, median', ms(largeMedian, 1), '<= 16 ms', largeMedian <= 16);
	const febMedian = median(febClicks.map((t) => t.dom));
	budget('feb-2022: click -> panel (list), median', ms(febMedian, 1), '<= 16 ms', febMedian <= 16);
}

if (runs('bad')) {
	const valid = await validateIn('bad-5mb.json');
	const shown = [];
	for (let i = 0; i < Math.min(RUNS, 5); i++) {
		const { context, page } = await load(app.url, { body: BAD, until: 'alert' });
		shown.push(
			await page.evaluate(() => {
				const file = performance
					.getEntriesByType('resource')
					.find((e) => e.name.includes('/briefings/'));
				const from = file?.responseEnd ?? 0;
				const to = window.__alertAt;
				// Tasks and frame gaps that overlap the file's arrival and its error being shown.
				const tasks = window.__longTasks.filter(([s, d]) => s + d >= from && s <= to);
				const frames = window.__frames.filter((t) => t >= from);
				const next = window.__frames.find((t) => t > to);
				const gaps = [from, ...frames.filter((t) => t <= to), ...(next ? [next] : [])]
					.map((t, k, all) => (k ? t - all[k - 1] : 0))
					.slice(1);
				return {
					fromNavigation: to,
					fromFile: to - from,
					longestTask: Math.max(0, ...tasks.map(([, d]) => d)),
					longestGap: Math.max(0, ...gaps),
					errors: [...document.querySelectorAll('[role="alert"] li')].map((li) => li.textContent)
				};
			})
		);
		await context.close();
	}
	const m = (f) => median(shown.map(f));
	const fromFile = m((r) => r.fromFile);
	const longestTask = m((r) => r.longestTask);
	const longestGap = m((r) => r.longestGap);
	const errors = shown[0].errors;
	const right = errors.length === 1 && errors[0].startsWith(WRONG_FIELD.path);
	print(
		`\nBad: ${(BAD.length / 1024 / 1024).toFixed(1)} MB with one wrong field (${WRONG_FIELD.path}), medians of ${shown.length} fresh loads`
	);
	print(
		`  error shown ${ms(fromFile)} after the file arrived (${ms(m((r) => r.fromNavigation))} after navigation): ${errors.join(' | ')}`
	);
	print(
		`  meanwhile: longest task ${ms(longestTask)}, longest gap between frames ${ms(longestGap)}`
	);
	print(
		`  parse + validate in the validator's page: ${ms(valid.total)} (JSON.parse ${ms(valid.parse)}, parseServedBriefing ${ms(valid.validate)})`
	);
	budget(
		'5 MB file, one wrong field: error shown after the file arrived',
		ms(fromFile),
		'< 1,000 ms, that error only',
		fromFile < 1000 && right
	);
	budget(
		'5 MB file: page responsive meanwhile (longest task)',
		ms(longestTask),
		'<= 100 ms (an input answered within 100 ms)',
		longestTask <= 100
	);
}

// Scene changes: from the key press to the map being idle again (aria-busy true, then false),
// stepping through every scene, with and without prefers-reduced-motion.
async function sceneTimes(reducedMotion) {
	// A browser of its own: after the loads above, a long-lived one is not a fair stage.
	const own = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
	const context = await own.newContext({
		viewport: { width: 1280, height: 800 },
		reducedMotion,
		serviceWorkers: 'block'
	});
	const page = await context.newPage();
	// Every change of the map's aria-busy, on the page's clock.
	await page.addInitScript(() => {
		window.__busy = [];
		new MutationObserver(() => {
			const el = document.querySelector('[role="region"][aria-label="Map"]');
			const busy = el?.getAttribute('aria-busy') === 'true';
			if (el && window.__busy.at(-1)?.[1] !== busy) window.__busy.push([performance.now(), busy]);
		}).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
	});
	await page.goto(`${app.url}#scene=1`);
	await page.waitForSelector('.counter .count', { timeout: 60_000 });
	await page.waitForSelector('[role="region"][aria-label="Map"][aria-busy="false"]');
	const count = Number((await page.locator('.counter .count').textContent()).split('/')[1]);
	const times = [];
	for (let i = 1; i < count; i++) {
		await page.waitForTimeout(100);
		const t0 = await page.evaluate(() => performance.now());
		await page.keyboard.press('ArrowRight');
		// Settled: the map went busy after the key, then idle again.
		const settledAt = await page.waitForFunction(
			(t0) => {
				const log = window.__busy.filter(([t]) => t >= t0);
				const busy = log.findIndex(([, b]) => b);
				const idle = busy >= 0 ? log.slice(busy).find(([, b]) => !b) : undefined;
				return idle ? idle[0] : false;
			},
			t0,
			{ timeout: 30_000 }
		);
		times.push((await settledAt.jsonValue()) - t0);
	}
	await own.close();
	return times;
}

// --- The editor: its weight, Find countries, and an edit reaching the map -----------------------

/** Every response of a fresh load of `url` (and of what `then` then does), gzip, by address. */
async function filesOf(url, then) {
	const context = await browser.newContext({
		viewport: { width: 1280, height: 800 },
		serviceWorkers: 'block'
	});
	const page = await context.newPage();
	const bodies = [];
	page.on('response', (r) =>
		bodies.push(
			r
				.body()
				.then((b) => ({ path: new URL(r.url()).pathname, gz: gzipSync(b).length }))
				.catch(() => null)
		)
	);
	await page.goto(url);
	await page.waitForSelector('[role="region"][aria-label="Map"][aria-busy="false"]', {
		timeout: 60_000
	});
	if (then) await then(page);
	await page.waitForLoadState('networkidle');
	const files = (await Promise.all(bodies)).filter(Boolean);
	await context.close();
	return files;
}

/** An article of at least `words` words: the finder's test articles (English), over and over. */
function longArticle(words) {
	const dir = 'tests/fixtures/articles';
	const texts = [
		'balkans',
		'caucasus',
		'east-africa',
		'east-asia',
		'latin-america',
		'middle-east',
		'west-africa'
	].map((name) => readFileSync(`${dir}/${name}.txt`, 'utf8').trim());
	const out = [];
	let count = 0;
	for (let i = 0; count < words; i++) {
		const text = texts[i % texts.length];
		out.push(text);
		count += text.split(/\s+/).length;
	}
	return { text: out.join('\n\n'), words: count };
}

/** "Find countries" over `text` in a fresh editor: from the click to the count said, page clock. */
async function findTimes(text) {
	const times = [];
	let said = '';
	for (let i = 0; i < Math.min(RUNS, 5); i++) {
		const context = await browser.newContext({
			viewport: { width: 1280, height: 800 },
			serviceWorkers: 'block'
		});
		const page = await context.newPage();
		await page.goto(`${app.url}editor`);
		await page.getByRole('textbox', { name: 'Article text' }).fill(text);
		const button = page.getByRole('button', { name: 'Find countries' });
		await button.waitFor();
		// The English names are fetched as the editor opens: a first Find waits for them, once.
		await page.waitForLoadState('networkidle');
		await page.evaluate(() => {
			document.addEventListener('click', () => (window.__findFrom = performance.now()), {
				capture: true,
				once: true
			});
			new MutationObserver((_, observer) => {
				const status = [...document.querySelectorAll('[role="status"]')].find((el) =>
					/^Found \d+/.test(el.textContent ?? '')
				);
				if (status) {
					window.__findDone = performance.now();
					window.__findSaid = status.textContent;
					observer.disconnect();
				}
			}).observe(document.body, { subtree: true, childList: true, characterData: true });
		});
		await button.click();
		await page.waitForFunction(() => window.__findDone !== undefined, null, { timeout: 60_000 });
		const r = await page.evaluate(() => ({
			t: window.__findDone - window.__findFrom,
			said: window.__findSaid
		}));
		times.push(r.t);
		said = r.said.trim();
		await context.close();
	}
	return { times, said };
}

/**
 * The large briefing imported, then opened with "Edit a copy"; a country's role changed (its
 * "Role of …" select), RUNS times: from the change event to the map's style drawing the country in
 * its new role (the role layer's list of countries), and to the frame after that, page clock.
 */
async function editTimes(body, title) {
	const context = await browser.newContext({
		viewport: { width: 1280, height: 800 },
		serviceWorkers: 'block'
	});
	const page = await context.newPage();
	await page.goto(`${app.url}library`);
	await page.getByLabel('Import briefing').setInputFiles({
		name: 'large.briefing.json',
		mimeType: 'application/json',
		buffer: Buffer.from(body)
	});
	await page.getByRole('link', { name: `Edit a copy of ${title}` }).click();
	await page
		.getByRole('status')
		.filter({ hasText: /^Saved$/ })
		.waitFor({ timeout: 120_000 });
	await page.waitForSelector('[role="region"][aria-label="Map"][aria-busy="false"]', {
		timeout: 120_000
	});
	const selects = page.locator('select[aria-label^="Role of "]');
	const n = await selects.count();
	const times = [];
	for (let i = 0; i < RUNS; i++) {
		const select = selects.nth((i * 7) % n);
		const options = await select
			.locator('option')
			.evaluateAll((os) => os.map((o) => ({ value: o.value, selected: o.selected })));
		const next = options.find((o) => !o.selected && o.value).value;
		await page.evaluate(
			({ role }) => {
				window.__edit = undefined;
				const el = document.querySelector('.maplibregl-map');
				const map = el.maplibreMap;
				document.addEventListener(
					'change',
					(e) => {
						const t0 = performance.now();
						const code = e.target.closest('li[data-iso3]')?.dataset.iso3;
						// Drawn: the first frame MapLibre renders with the country's new role (the roles'
						// layers read it from its feature-state, set before that frame started).
						const drawn = () => {
							if (map.getFeatureState({ source: 'world', id: code }).role !== role) return;
							map.off('render', drawn);
							const frame = performance.now() - t0;
							// And, for the record, until the map is idle again.
							map.once('idle', () => (window.__edit = { frame, idle: performance.now() - t0 }));
							map.triggerRepaint();
						};
						map.on('render', drawn);
						map.triggerRepaint();
					},
					{ capture: true, once: true }
				);
			},
			{ role: next }
		);
		await select.selectOption(next);
		await page.waitForFunction(() => window.__edit !== undefined, null, { timeout: 30_000 });
		times.push(await page.evaluate(() => window.__edit));
		await page.waitForSelector('[role="region"][aria-label="Map"][aria-busy="false"]');
	}
	// A note placed from the keyboard (the Place box): from Enter to the map's data holding it, and
	// to the map idle again with it drawn.
	// By CSS, not by role: with 2,000 notes listed, the test harness's accessible-name query over
	// the page takes tens of seconds, which the page's own clock does not count but the run would.
	const place = page.locator('form.place input[aria-describedby^="note-place-help"]');
	const notes = [];
	for (let i = 0; i < Math.min(RUNS, 5); i++) {
		await page.evaluate(() => {
			window.__note = undefined;
			const el = document.querySelector('.maplibregl-map');
			const count = () =>
				el.briefingMap.content.overlays.reduce((n, o) => n + o.features.features.length, 0);
			const map = el.maplibreMap;
			// The marks in the map's tiles: its overlays' source, and the small one that draws the
			// marks just added until the overlays' tiles hold them (see fresh-marks.ts).
			const onMap = () =>
				new Set(
					['overlays', 'overlays-fresh'].flatMap((s) =>
						map.getSource(s)
							? map.querySourceFeatures(s).map((f) => `${f.properties.overlay}|${f.properties.id}`)
							: []
					)
				);
			// Read before the key, so that the page's clock counts the page's work only.
			const before = count();
			const drawnBefore = onMap();
			document.addEventListener(
				'keydown',
				(e) => {
					if (e.key !== 'Enter' || window.__note !== undefined) return;
					const t0 = performance.now();
					let data = 0;
					// In the map's data; then drawn: the first frame rendered from tiles that hold it.
					const drawn = () => {
						if (!data || ![...onMap()].some((k) => !drawnBefore.has(k))) return;
						map.off('render', drawn);
						const frame = performance.now() - t0;
						map.once('idle', () => (window.__note = { data, frame, idle: performance.now() - t0 }));
						map.triggerRepaint();
					};
					map.on('render', drawn);
					const wait = () => {
						if (count() <= before) return requestAnimationFrame(wait);
						data = performance.now() - t0;
						map.triggerRepaint();
					};
					wait();
				},
				{ capture: true, once: true }
			);
		});
		await place.fill(`${-10 + i}, ${20 + i}`);
		await place.press('Enter');
		await page.waitForFunction(() => window.__note !== undefined, null, { timeout: 60_000 });
		notes.push(await page.evaluate(() => window.__note));
		await page.waitForSelector('[role="region"][aria-label="Map"][aria-busy="false"]');
	}
	const listed = await page.evaluate(() => ({
		countries: document.querySelector('.maplibregl-map').briefingMap.content.countries.length
	}));
	await context.close();
	return { times, notes, countries: listed.countries };
}

if (runs('editor')) {
	print(`\nEditor`);
	const mapFiles = await filesOf(app.url);
	// The editor opened, then what its tools fetch when first used: a point placed from the
	// keyboard (the notes' derivation, Turf inside) and Add note (terra-draw), then Escape.
	const editorFiles = await filesOf(`${app.url}editor`, async (page) => {
		const notes = page.getByRole('region', { name: 'Notes on the map' });
		await notes.getByRole('textbox', { name: 'Place' }).fill('10, 10');
		await notes.getByRole('textbox', { name: 'Place' }).press('Enter');
		await page.getByRole('list', { name: 'Notes' }).waitFor();
		await notes.getByRole('button', { name: 'Add note' }).click();
		await page.getByRole('button', { name: 'Cancel drawing' }).waitFor();
		await page.keyboard.press('Escape');
	});
	const onMap = new Set(mapFiles.map((f) => f.path));
	const extra = editorFiles.filter((f) => !onMap.has(f.path));
	const extraGz = extra.reduce((sum, f) => sum + f.gz, 0);
	print(
		`  opening the editor, placing a note and drawing one fetch ${kb(extraGz)} gzip beyond the map page's first load:`
	);
	for (const f of [...extra].sort((a, b) => b.gz - a.gz).slice(0, 6)) {
		print(`    ${kb(f.gz).padStart(7)}  ${f.path}`);
	}
	budget(
		'editor: opening it and its drawing tools, beyond the map page’s first load, gzip',
		kb(extraGz),
		'<= 250 KB',
		extraGz <= 250 * 1024
	);

	const article = longArticle(20_000);
	const found = await findTimes(article.text);
	const findMedian = median(found.times);
	print(
		`  Find countries over ${article.words.toLocaleString('en')} words, click -> "${found.said}", median: ${ms(findMedian)} (runs: ${found.times.map((t) => t.toFixed(0)).join(', ')})`
	);
	budget('editor: Find countries over 20,000 words', ms(findMedian), '< 100 ms', findMedian < 100);

	const largeDoc = JSON.parse(LARGE);
	const largeTitle = largeDoc.title;
	const edits = await editTimes(LARGE, largeTitle);
	const roleDrawn = median(edits.times.map((t) => t.frame));
	const noteDrawn = median(edits.notes.map((t) => t.frame));
	print(
		`  a role changed in the editor (large briefing, ${edits.countries} countries, ${largeDoc.troopNotes.length.toLocaleString('en')} notes) -> drawn (the first frame with it), median: ${ms(roleDrawn, 1)} (runs: ${edits.times.map((t) => t.frame.toFixed(0)).join(', ')}); the map idle again, median ${ms(median(edits.times.map((t) => t.idle)), 1)}`
	);
	print(
		`  a note placed in the editor (same briefing) -> in the map's data, median: ${ms(median(edits.notes.map((t) => t.data)), 1)}; drawn (the first frame with it), median ${ms(noteDrawn, 1)} (runs: ${edits.notes.map((t) => t.frame.toFixed(0)).join(', ')}); the map idle again, median ${ms(median(edits.notes.map((t) => t.idle)), 1)}`
	);
	budget(
		'editor: a note added shows on the map (large briefing)',
		ms(noteDrawn, 1),
		'< 100 ms, drawn',
		noteDrawn < 100
	);
	budget(
		'editor: a role changed shows on the map (large briefing)',
		ms(roleDrawn, 1),
		'< 100 ms, drawn',
		roleDrawn < 100
	);
}

if (runs('handout')) {
	const h = await handoutBench(browser, app.url, { runs: Math.min(RUNS, 3) });
	print(
		`\nImages and handout (feb-2022)\n  Save image, click to file, medians: the screen ${ms(h.saveScreen.median)}, 1920×1080 ${ms(h.save1080.median)}, 3840×2160 ${ms(h.save2160.median)}\n  Print handout, click to ready: ${ms(h.handout.median)}\n  the live map's frame: ${ms(h.live.framePlain)}, with preserveDrawingBuffer ${ms(h.live.framePreserved)}; a redraw and read for the screen's image ${ms(h.live.redrawAndRead)}`
	);
	for (const b of h.budgets) budget(b.name, ms(b.figure), `< ${ms(b.limit)}`, b.pass);
}

if (runs('offline')) {
	const o = await offlineBench(browser, app.url, { runs: Math.min(RUNS, 5) });
	print(
		`\nOffline\n  service worker registered ${ms(o.registerAfterIdleMs)} after the map's first idle; before that idle ${o.beforeIdle.withWorker.requests} requests, ${kb(o.beforeIdle.withWorker.bytes)} (registration stubbed out: ${o.beforeIdle.without.requests}, ${kb(o.beforeIdle.without.bytes)}); install ${ms(o.installMs)}, ${o.saved.files} files, ${kb(o.saved.bytes)} saved`
	);
	budget(
		'offline: the service worker registers after the first idle',
		o.registeredWhileBusy ? 'while busy' : `+${ms(o.registerAfterIdleMs)}`,
		'after the first idle',
		!o.registeredWhileBusy
	);
	budget(
		'offline: the first load before the first idle is unchanged',
		`${o.beforeIdle.withWorker.requests} requests, ${kb(o.beforeIdle.withWorker.bytes)}`,
		'the same files and bytes',
		o.sameFirstLoad && o.beforeIdle.withWorker.bytes === o.beforeIdle.without.bytes
	);
}

if (runs('scenes')) {
	const flights = await sceneTimes('no-preference');
	const fades = await sceneTimes('reduce');
	print(`\nScenes`);
	print(
		`  scene change -> map idle, median: ${ms(median(flights))} flying (runs: ${flights.map((t) => t.toFixed(0)).join(', ')})`
	);
	print(
		`  scene change -> map idle, median: ${ms(median(fades))} with reduced motion, fade and jump (runs: ${fades.map((t) => t.toFixed(0)).join(', ')})`
	);
}

if (runs('content')) {
	heavyRuns.push(
		await openRussia('the embedded briefing, for comparison', heavyBriefing(0, 0)),
		await openRussia('100,000 mentions (200 paragraphs of 500)', heavyBriefing(200, 500)),
		await openRussia(
			'the most the limits allow (200 paragraphs of 142, 28,400 mentions)',
			heavyBriefing(200, 142)
		)
	);
}

await browser.close();
app.server.close();
pages?.server.close();
baseline?.server.close();

if (runs('content')) printHeavy();
if (budgets.length) {
	console.log(
		`\nBudgets (a shared, noisy machine: ratios are of loads in this run; absolute times vary run to run)`
	);
	for (const b of budgets) {
		console.log(`  ${b.pass ? 'PASS' : 'FAIL'}  ${b.name}: ${b.figure}  (budget ${b.limit})`);
	}
}
