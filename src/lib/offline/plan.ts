/**
 * What the service worker (src/service-worker.ts) saves and how it answers each request: pure
 * functions of the build's lists of files ($service-worker), so that they are unit-tested here and
 * the worker itself is only the glue to the Cache API. Nothing here names a briefing or a country.
 */

/** Every cache of this app starts with this: any other name belongs to something else on the origin. */
export const CACHE_PREFIX = 'briefing-map-';

/**
 * The caches of one deployment: `app` holds what is saved at install (the whole app of that
 * build), `runtime` the files saved when first fetched (1:50m borders of other countries). Both
 * are named by the build's version, so a new deployment starts clean and deletes the old ones.
 */
export function cacheNames(version: string): { app: string; runtime: string } {
	return { app: `${CACHE_PREFIX}app-${version}`, runtime: `${CACHE_PREFIX}runtime-${version}` };
}

/** This app's caches that belong to another deployment than `version`: deleted on activate. */
export function staleCaches(names: readonly string[], version: string): string[] {
	const current = new Set(Object.values(cacheNames(version)));
	return names.filter((name) => name.startsWith(CACHE_PREFIX) && !current.has(name));
}

/**
 * The ISO alpha-3 of a 1:50m country file (`geodata/countries/<ISO3>.geojson`, which the build
 * emits as `_app/immutable/assets/<ISO3>.<hash>.geojson`; src/lib/map/geodata.ts), or null.
 */
export function countryOfFile(path: string): string | null {
	return /\/_app\/immutable\/assets\/([A-Z]{3})\.[\w-]+\.geojson$/.exec(path)?.[1] ?? null;
}

/** At most this many briefings and countries per briefing are read from the list: it is data. */
const MAX_BRIEFINGS = 1_000;
const MAX_COUNTRIES = 300;

/**
 * The countries of the embedded briefings, from the site's `/briefings/index.json` (one summary
 * per briefing, with its `countries`). The file is read as untrusted data: anything that is not
 * a list of objects with a list of ISO alpha-3 codes is skipped, never thrown.
 */
export function countriesOfIndex(json: unknown): Set<string> {
	const found = new Set<string>();
	if (!Array.isArray(json)) return found;
	for (const entry of json.slice(0, MAX_BRIEFINGS)) {
		const countries: unknown =
			entry && typeof entry === 'object' ? (entry as { countries?: unknown }).countries : null;
		if (!Array.isArray(countries)) continue;
		for (const iso3 of countries.slice(0, MAX_COUNTRIES)) {
			if (typeof iso3 === 'string' && /^[A-Z]{3}$/.test(iso3)) found.add(iso3);
		}
	}
	return found;
}

export interface BuildLists {
	/** The app's code and assets (`$service-worker`'s `build`), with the base path. */
	build: readonly string[];
	/** The files of `static/` (`files`). */
	files: readonly string[];
	/** The prerendered pages and JSON (`prerendered`). */
	prerendered: readonly string[];
}

/**
 * What is saved at install: the whole app of this build (its code, MapLibre's worker, the
 * basemap, the gazetteers), the static files, the pages and the embedded briefings, and the 1:50m
 * files of `countries` only. The 1:50m files of every other country (some 1.8 MB for the world)
 * are saved when first fetched.
 */
export function precacheList(lists: BuildLists, countries: ReadonlySet<string>): string[] {
	const wanted = lists.build.filter((path) => {
		const iso3 = countryOfFile(path);
		return iso3 === null || countries.has(iso3);
	});
	return [...new Set([...wanted, ...lists.files, ...lists.prerendered])];
}

/**
 * How the worker answers a GET request of its own origin, by its path:
 * - `app`: a file of this build (a page, the code, the basemap): from the cache, so that a page
 *   and the code it names always come from the same deployment; a new one arrives by the update.
 * - `briefing`: a briefing file or the list of them, which a deployer may replace without a
 *   rebuild: from the network, its copy saved; the saved copy when the network fails, and for
 *   an id of no embedded briefing a 404, which sends the page to the briefings imported in this
 *   browser.
 * - `saved-when-fetched`: another hashed file of the build (a 1:50m country not saved at
 *   install): from the cache, else from the network and saved.
 * - `network`: anything else (e.g. `_app/version.json`): left to the browser.
 */
export type Strategy = 'app' | 'briefing' | 'saved-when-fetched' | 'network';

export function strategyFor(
	path: string,
	navigate: boolean,
	base: string,
	precached: ReadonlySet<string>
): Strategy {
	if (!path.startsWith(`${base}/`)) return 'network';
	const rest = path.slice(base.length);
	if (/^\/briefings\/[^/]+\.json$/.test(rest)) return 'briefing';
	if (precached.has(pageOf(path, navigate, base))) return 'app';
	if (rest.startsWith('/_app/immutable/')) return 'saved-when-fetched';
	return 'network';
}

/**
 * The saved page a navigation opens: the query (`?briefing=…`) and the hash are read by the page
 * itself, and `/index.html` is `/`, so they all open the one prerendered page.
 */
export function pageOf(path: string, navigate: boolean, base: string): string {
	if (!navigate) return path;
	if (path === `${base}/index.html`) return `${base}/`;
	return path.replace(/\.html$/, '');
}
