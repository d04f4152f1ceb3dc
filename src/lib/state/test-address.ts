// For unit tests only: a browser's address bar and history, small enough to watch.
import { vi } from 'vitest';

/**
 * Stubs `location` and `history` with an address at `hash`. `entries` are the hashes of the
 * history entries added (pushed), in order; a replace changes the address and adds none.
 */
export function fakeAddress(hash = '') {
	const loc = { pathname: '/', search: '', hash };
	const entries: string[] = [];
	const set = (url: string) => (loc.hash = url.includes('#') ? url.slice(url.indexOf('#')) : '');
	vi.stubGlobal('location', loc);
	vi.stubGlobal('history', {
		state: null,
		pushState: (_s: unknown, _t: string, url: string) => {
			set(url);
			entries.push(loc.hash);
		},
		replaceState: (_s: unknown, _t: string, url: string) => set(url)
	});
	return { loc, entries };
}
