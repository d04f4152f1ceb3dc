// The offline budget (README, "Offline"): the service worker adds nothing to the first load. A
// first visit with the worker is compared with one where registering it does nothing (as
// Playwright's `serviceWorkers: 'block'` makes it), in fresh contexts, alternating: when the page
// registers it relative to the map's first idle view, and what the page fetched before that idle
// in each (requests and bytes, from the page's own resource timing: the worker's install fetches
// are not the page's). Then what the install saved and how long it took, and a reload answered by
// the worker. Both arms allow service workers: Playwright drives a context that blocks them
// differently, and its first idle was some 10% earlier in a run where only that differed.

import { pathToFileURL } from 'node:url';

/** @param {number[]} xs */
const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Runs in the page before its scripts: the map region's first idle (aria-busy false), the
 * worker's registration (and the map region's aria-busy then) and when it first controls the page.
 */
const PROBE = () => {
	const w = /** @type {any} */ (window);
	const idle = () => {
		const el = document.querySelector('[role="region"][aria-label="Map"]');
		if (el?.getAttribute('aria-busy') === 'false' && w.__idleAt === undefined) {
			w.__idleAt = performance.now();
		}
	};
	new MutationObserver(idle).observe(document, {
		subtree: true,
		attributes: true,
		attributeFilter: ['aria-busy'],
		childList: true
	});
	if (!self.ServiceWorkerContainer) return;
	const register = ServiceWorkerContainer.prototype.register;
	ServiceWorkerContainer.prototype.register = function (...args) {
		w.__registerAt ??= performance.now();
		w.__busyAtRegister ??=
			document.querySelector('[role="region"][aria-label="Map"]')?.getAttribute('aria-busy') ??
			'no map';
		// Without the worker, STUB's: the call does nothing.
		return register.apply(this, args);
	};
	navigator.serviceWorker?.addEventListener('controllerchange', () => {
		w.__controlledAt ??= performance.now();
	});
};

/** Registration that does nothing, as Playwright's `serviceWorkers: 'block'` makes it. */
const STUB = () => {
	if (self.ServiceWorkerContainer) {
		ServiceWorkerContainer.prototype.register = async () => /** @type {any} */ (undefined);
	}
};

/**
 * One first visit in a fresh context; with `allow` the worker installs and the visit waits for it
 * to control the page, then reloads once.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 * @param {boolean} allow
 */
async function visit(browser, url, allow) {
	// Service workers allowed in both: only the app's registration differs (stubbed out without,
	// as Playwright's `serviceWorkers: 'block'` does), not how the browser is driven.
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	try {
		const page = await context.newPage();
		if (!allow) await page.addInitScript(STUB);
		await page.addInitScript(PROBE);
		await page.goto(url);
		await page.waitForFunction(() => /** @type {any} */ (window).__idleAt !== undefined, null, {
			timeout: 120_000
		});
		// Registration comes in idle time after the first idle: wait for it (allowed or not, the
		// page calls register; blocked, the call does nothing).
		await page.waitForFunction(() => /** @type {any} */ (window).__registerAt !== undefined, null, {
			timeout: 60_000
		});
		const first = await page.evaluate(() => {
			const at = /** @type {any} */ (window).__idleAt;
			const entries = /** @type {PerformanceResourceTiming[]} */ (
				performance.getEntriesByType('resource')
			).filter((e) => e.startTime < at);
			const nav = /** @type {PerformanceNavigationTiming} */ (
				performance.getEntriesByType('navigation')[0]
			);
			return {
				idleAt: at,
				registerAt: /** @type {any} */ (window).__registerAt,
				busyAtRegister: /** @type {any} */ (window).__busyAtRegister,
				requests: entries.map((e) => new URL(e.name).pathname).sort(),
				bytes: entries.reduce((n, e) => n + e.encodedBodySize, nav?.encodedBodySize ?? 0)
			};
		});
		if (!allow) return { ...first, install: null, saved: null, reloadIdle: null };
		await page.waitForFunction(
			() => /** @type {any} */ (window).__controlledAt !== undefined,
			null,
			{
				timeout: 120_000
			}
		);
		const install = await page.evaluate(
			() => /** @type {any} */ (window).__controlledAt - /** @type {any} */ (window).__registerAt
		);
		const saved = await page.evaluate(async () => {
			let files = 0;
			let bytes = 0;
			for (const name of await caches.keys()) {
				const cache = await caches.open(name);
				for (const request of await cache.keys()) {
					files++;
					bytes += (await (await cache.match(request))?.blob())?.size ?? 0;
				}
			}
			return { files, bytes };
		});
		await page.reload();
		await page.waitForFunction(() => /** @type {any} */ (window).__idleAt !== undefined, null, {
			timeout: 120_000
		});
		const reloadIdle = await page.evaluate(() => /** @type {any} */ (window).__idleAt);
		return { ...first, install, saved, reloadIdle };
	} finally {
		await context.close();
	}
}

/**
 * The figures, medians over `runs` visits of each kind. `sameFirstLoad`: every visit fetched the
 * same files before the map's first idle, worker or not; `registeredWhileBusy`: a visit
 * registered the worker before the map had settled (must be false).
 * @param {import('@playwright/test').Browser} browser
 * @param {string} baseURL the built site (served by scripts/serve.js)
 * @param {{ runs?: number }} [opts]
 */
export async function offlineBench(browser, baseURL, { runs = 3 } = {}) {
	/** @type {Awaited<ReturnType<typeof visit>>[]} */
	const withWorker = [];
	/** @type {Awaited<ReturnType<typeof visit>>[]} */
	const without = [];
	for (let i = 0; i < runs; i++) {
		// Alternating which goes first, so that drift in the machine's load hits each alike.
		for (const allow of i % 2 ? [false, true] : [true, false]) {
			(allow ? withWorker : without).push(await visit(browser, baseURL, allow));
		}
	}
	const key = (/** @type {{ requests: string[] }} */ v) => v.requests.join('\n');
	const all = [...withWorker, ...without];
	return {
		runs,
		registeredWhileBusy: withWorker.some((v) => v.busyAtRegister !== 'false'),
		registerAfterIdleMs: median(withWorker.map((v) => v.registerAt - v.idleAt)),
		firstIdleMs: {
			withWorker: median(withWorker.map((v) => v.idleAt)),
			without: median(without.map((v) => v.idleAt))
		},
		// Each run's, in order: the machine is shared, and a median of a few hides nothing here.
		firstIdleRunsMs: {
			withWorker: withWorker.map((v) => Math.round(v.idleAt)),
			without: without.map((v) => Math.round(v.idleAt))
		},
		beforeIdle: {
			withWorker: {
				requests: median(withWorker.map((v) => v.requests.length)),
				bytes: median(withWorker.map((v) => v.bytes))
			},
			without: {
				requests: median(without.map((v) => v.requests.length)),
				bytes: median(without.map((v) => v.bytes))
			}
		},
		sameFirstLoad: all.every((v) => key(v) === key(all[0])),
		installMs: median(withWorker.map((v) => v.install ?? NaN)),
		saved: withWorker[0]?.saved ?? null,
		reloadIdleMs: median(withWorker.map((v) => v.reloadIdle ?? NaN))
	};
}

// Run alone: `node scripts/bench/offline.js [runs]` serves build/ (built beforehand) and prints
// the figures as JSON.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const { chromium } = await import('@playwright/test');
	const { CHROMIUM, CHROMIUM_ARGS } = await import('../chromium.js');
	const { serve } = await import('../serve.js');
	const app = await serve({ root: 'build', port: 0 });
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	try {
		const figures = await offlineBench(browser, app.url, { runs: Number(process.argv[2] ?? 3) });
		console.log(JSON.stringify(figures, null, 2));
	} finally {
		await browser.close();
		app.server.close();
	}
}
