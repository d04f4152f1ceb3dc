/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The service worker: the app works offline after one visit (README, "Offline"). It saves this
 * build's app, pages, embedded briefings and their countries' 1:50m borders at install, and
 * answers from them (src/lib/offline/plan.ts says how, request by request). The page registers it
 * itself once the map has first settled (src/lib/offline/offline.svelte.ts), never before.
 *
 * Updates: a new deployment's worker installs beside the one in use and waits. It takes over only
 * when every page of the old one is closed, or when the reader presses the notice's Reload (that
 * page then reloads at once; another window still open on the old version says a new one is
 * ready, and offers Reload too). No page is switched to another deployment unasked.
 */
import { base, build, files, prerendered, version } from '$service-worker';
import {
	cacheNames,
	countriesOfIndex,
	pageOf,
	precacheList,
	staleCaches,
	strategyFor
} from '$lib/offline/plan';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHES = cacheNames(version);
const INDEX = `${base}/briefings/index.json`;

/** The paths saved at install, filled in by it (and again from the cache if the worker restarts). */
let precached: Set<string> | null = null;

async function savedPaths(): Promise<Set<string>> {
	if (precached) return precached;
	const cache = await caches.open(CACHES.app);
	const keys = await cache.keys();
	precached = new Set(keys.map((r) => new URL(r.url).pathname));
	return precached;
}

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			// Which 1:50m files to save: those of the embedded briefings' countries, read from the
			// build's own list of briefings (fetched, not bundled: the worker carries no briefing).
			const index = await fetch(INDEX, { cache: 'no-cache' });
			if (!index.ok) throw new Error(`${INDEX}: HTTP ${index.status}`);
			const countries = countriesOfIndex(await index.json().catch(() => null));
			const paths = precacheList({ build, files, prerendered }, countries);
			const cache = await caches.open(CACHES.app);
			// 'no-cache': revalidated with the server, never an older copy from the HTTP cache.
			await cache.addAll(paths.map((p) => new Request(p, { cache: 'no-cache' })));
			precached = new Set(paths);
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const name of staleCaches(await caches.keys(), version)) await caches.delete(name);
			// Activation comes on the first visit (no page had a worker: this one takes the open
			// page, built from the same deployment it saved), once no page of the old deployment is
			// open, or after the reader pressed Reload (that page reloads now; see the top).
			await sw.clients.claim();
		})()
	);
});

// The notice's Reload: the waiting worker of a new deployment takes over, then the page reloads.
sw.addEventListener('message', (event) => {
	if ((event.data as { type?: unknown } | null)?.type === 'skip-waiting') void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	const navigate = request.mode === 'navigate';
	// Once the saved list is known, what the worker does not answer is left to the browser as is.
	if (precached && strategyFor(url.pathname, navigate, base, precached) === 'network') return;
	event.respondWith(
		savedPaths().then((saved) => {
			switch (strategyFor(url.pathname, navigate, base, saved)) {
				case 'app':
					return fromApp(request, pageOf(url.pathname, navigate, base));
				case 'briefing':
					return briefing(request, url.pathname, saved);
				case 'saved-when-fetched':
					return savedWhenFetched(request);
				default:
					return fetch(request);
			}
		})
	);
});

/** From this build's saved copy; from the network only if it is missing (a cleared cache). */
async function fromApp(request: Request, path: string): Promise<Response> {
	const cache = await caches.open(CACHES.app);
	return (await cache.match(path)) ?? fetch(request);
}

/** Network first, the saved copy when offline; a briefing no build embeds is a 404 offline. */
async function briefing(request: Request, path: string, saved: Set<string>): Promise<Response> {
	const cache = await caches.open(CACHES.app);
	try {
		const response = await fetch(request);
		// Kept fresh only for the files this build embeds: the imported ones live in IndexedDB.
		if (response.ok && saved.has(path)) await cache.put(path, response.clone());
		return response;
	} catch (err) {
		const copy = await cache.match(path);
		if (copy) return copy;
		if (saved.has(path) || path === INDEX) throw err;
		return new Response('Not found\n', {
			status: 404,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	}
}

/** Cache first; what the network gives is saved for next time (its name is hashed: it never changes). */
async function savedWhenFetched(request: Request): Promise<Response> {
	const cache = await caches.open(CACHES.runtime);
	const copy = await cache.match(request);
	if (copy) return copy;
	const response = await fetch(request);
	if (response.ok) await cache.put(request, response.clone());
	return response;
}
