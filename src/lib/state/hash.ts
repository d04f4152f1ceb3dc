/**
 * The only code that reads or writes the URL hash: a contract the app and shared links rely on.
 *
 * The hash holds what a person would share: the view in MapLibre's named-hash format
 * (`map=ZOOM/LAT/LON`) and, beside it, the open country (`country=RUS`), later the scene and
 * hidden layers. It is read afresh from `location.hash` every time and written with
 * `history`: assigning `location.hash` would fire `hashchange` and cancel camera flights. Moving
 * the map replaces the history entry; opening a country, a mark or a scene pushes one, so the
 * browser's Back and Forward restore them (`onHashChange` hears both). A malformed hash, or a
 * malformed part of it, is ignored; once the briefing is in, the hash sync (`hash-sync.svelte.ts`,
 * the one place that decides what goes in the hash and what comes out) drops what names nothing
 * that exists (`keepKnown`) and puts the tidied hash back in the address bar (`replaceHash`).
 */
import { clampScene } from '$lib/briefing/scenes';
import type { View } from '$lib/map/briefing-map';

export interface HashState {
	view?: View;
	country?: string;
	/** A mark (point or line of an overlay) whose note is open: `overlay/id`. */
	mark?: string;
	/** Layers switched off: countries by ISO alpha-3, overlays by id. */
	hide?: string[];
	/** The scene being presented, from 1: a link with it opens the presentation there. */
	scene?: number;
}

const ISO3 = /^[A-Z]{3}$/;
const LAYER_ID = /^[A-Za-z0-9-]{1,40}$/;
const MARK = /^[a-z0-9-]{1,40}\/[A-Za-z0-9-]{1,80}$/;
/**
 * How much of a hash is read. A real hash is well under 2 KB (every layer hidden is 256 ids of at
 * most 4 characters); a hand-made one of megabytes must not cost a parse on every write.
 */
export const MAX_HASH_LENGTH = 16_384;
/** Hidden layers read: as many as there are ISO countries (249) and overlays, rounded up. */
export const MAX_HIDDEN = 256;

function parseView(value: string): View | undefined {
	const parts = value.split('/');
	if (parts.length < 3) return undefined;
	// Only plain decimal numbers: Number('') is 0 and Number('0x1A') is 26, neither is a view.
	if (!parts.slice(0, 3).every((p) => /^-?\d+(\.\d+)?$/.test(p))) return undefined;
	const [zoom, lat, lon] = parts.map(Number) as [number, number, number];
	if (zoom < 0 || zoom > 24) return undefined;
	if (lat < -85.06 || lat > 85.06) return undefined;
	if (lon < -180 || lon > 180) return undefined;
	return { zoom, lat, lon };
}

/** Parses a hash such as `#map=4/50/30&country=RUS`; unknown or malformed parts are dropped. */
export function parseHash(hash: string): HashState {
	const state: HashState = {};
	let body = hash.startsWith('#') ? hash.slice(1) : hash;
	if (body.length > MAX_HASH_LENGTH) {
		// Cut at the last whole part: a list cut in two would read as a shorter, different one.
		body = body.slice(0, MAX_HASH_LENGTH + 1);
		body = body.slice(0, Math.max(0, body.lastIndexOf('&')));
	}
	for (const part of body.split('&')) {
		const eq = part.indexOf('=');
		if (eq < 0) continue;
		const key = part.slice(0, eq);
		let value: string;
		try {
			value = decodeURIComponent(part.slice(eq + 1));
		} catch {
			continue;
		}
		if (key === 'map') {
			const view = parseView(value);
			if (view) state.view = view;
		} else if (key === 'country') {
			if (ISO3.test(value)) state.country = value;
		} else if (key === 'mark') {
			if (MARK.test(value)) state.mark = value;
		} else if (key === 'scene') {
			if (/^[1-9]\d{0,2}$/.test(value)) state.scene = Number(value);
		} else if (key === 'hide') {
			const ids = [...new Set(value.split(',').filter((id) => LAYER_ID.test(id)))];
			if (ids.length) state.hide = ids.slice(0, MAX_HIDDEN);
		}
	}
	return state;
}

/** Rounds like MapLibre's own hash: enough digits to pin the view at that zoom, no more. */
function formatView({ zoom, lat, lon }: View): string {
	const precision = Math.max(
		0,
		Math.ceil((zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10)
	);
	const m = Math.pow(10, precision);
	const round = (n: number) => Math.round(n * m) / m;
	return `${Math.round(zoom * 100) / 100}/${round(lat)}/${round(lon)}`;
}

export function formatHash(state: HashState): string {
	const parts: string[] = [];
	if (state.view) parts.push(`map=${formatView(state.view)}`);
	if (state.country) parts.push(`country=${state.country}`);
	if (state.mark) parts.push(`mark=${state.mark}`);
	if (state.hide?.length) parts.push(`hide=${state.hide.join(',')}`);
	if (state.scene) parts.push(`scene=${state.scene}`);
	return parts.length ? `#${parts.join('&')}` : '';
}

/** What exists for a hash to name: known once the briefing has loaded. */
export interface Known {
	/** Whether a country can be opened (on the basemap or in the briefing). */
	country(iso3: string): boolean;
	/** Whether a mark (`overlay/id`) has a note to open. */
	mark(key: string): boolean;
	/** Every layer that can be switched off. */
	layers: readonly string[];
	/** How many scenes the briefing has. */
	scenes: number;
}

/**
 * The part of `state` that names what exists, as the page will show it: an unknown country, mark
 * or layer is dropped; a mark beside a country is dropped (the page opens the country); the scene
 * is brought into 1..scenes (a link past the end opens the last scene) and dropped when there are
 * none. The view is kept: `parseHash` has already bounded it.
 */
export function keepKnown(state: HashState, known: Known): HashState {
	const kept: HashState = {};
	if (state.view) kept.view = state.view;
	if (state.country && known.country(state.country)) kept.country = state.country;
	else if (state.mark && known.mark(state.mark)) kept.mark = state.mark;
	const layers = new Set(known.layers);
	const hide = state.hide?.filter((id) => layers.has(id));
	if (hide?.length) kept.hide = hide;
	if (state.scene !== undefined && known.scenes >= 1) {
		kept.scene = clampScene(state.scene, known.scenes);
	}
	return kept;
}

/** The state in the address bar now. */
export function readHash(): HashState {
	return parseHash(location.hash);
}

/**
 * Merges `patch` into the current hash and replaces the history entry, or with `push` adds one
 * (what a person opened: Back returns to what was before). A key set to `undefined` in the patch
 * is removed. Does nothing when the hash would not change.
 */
export function writeHash(patch: Partial<HashState>, { push = false } = {}): void {
	const next: HashState = { ...readHash(), ...patch };
	for (const key of Object.keys(patch) as (keyof HashState)[]) {
		const value = patch[key];
		if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[key];
	}
	setHash(formatHash(next), push);
}

/**
 * Puts exactly `state` in the address bar (nothing merged from what is there), replacing the
 * history entry: how a hash is tidied after reading it. Does nothing when it would not change.
 */
export function replaceHash(state: HashState): void {
	setHash(formatHash(state), false);
}

function setHash(hash: string, push: boolean) {
	if (hash === location.hash) return;
	const url = `${location.pathname}${location.search}${hash}`;
	// SvelteKit keeps its own bookkeeping in history.state: carry it over to the new entry.
	if (push) history.pushState(history.state, '', url);
	else history.replaceState(history.state, '', url);
}

/**
 * Calls `listener` when the hash changes from outside the app: edited by hand, or Back and
 * Forward (our own writes fire no event). A step through history can fire both `popstate` and
 * `hashchange`; the listener hears it once.
 */
export function onHashChange(listener: (state: HashState) => void): () => void {
	let just: string | null = null;
	const handler = () => {
		if (location.hash === just) return;
		listener(readHash());
		// The hash as the listener left it (it may have tidied it): the second event of the pair
		// finds that one.
		just = location.hash;
		setTimeout(() => (just = null));
	};
	window.addEventListener('hashchange', handler);
	window.addEventListener('popstate', handler);
	return () => {
		window.removeEventListener('hashchange', handler);
		window.removeEventListener('popstate', handler);
	};
}

/**
 * Drops a hash that cannot be percent-decoded, keeping its valid parts. Run before SvelteKit's
 * router starts: the router decodes the hash to scroll to an element of that id and would throw
 * "URI malformed" on a hand-typed `%`.
 */
export function repairHash(): void {
	try {
		decodeURIComponent(location.hash);
	} catch {
		const url = `${location.pathname}${location.search}${formatHash(readHash())}`;
		history.replaceState(history.state, '', url);
	}
}
