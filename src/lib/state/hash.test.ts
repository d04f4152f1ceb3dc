import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	formatHash,
	keepKnown,
	onHashChange,
	parseHash,
	replaceHash,
	writeHash,
	type Known
} from './hash';

describe('parseHash', () => {
	it('reads the view and the country', () => {
		expect(parseHash('#map=4/50/30&country=RUS')).toEqual({
			view: { zoom: 4, lat: 50, lon: 30 },
			country: 'RUS'
		});
	});

	it('accepts MapLibre hashes with bearing and pitch', () => {
		expect(parseHash('#map=3.5/48.85/2.35/10/20').view).toEqual({
			zoom: 3.5,
			lat: 48.85,
			lon: 2.35
		});
	});

	it.each([
		'#map=',
		'#map=abc/1/2',
		'#map=4/95/30',
		'#map=4/50/200',
		'#map=99/0/0',
		'#map=4//30',
		'#map=0x10/1/2',
		'#map=%E0%A4%A',
		'#%%%',
		'#country=russia',
		'#country=RU',
		'garbage'
	])('ignores the malformed %s', (hash) => {
		expect(parseHash(hash)).toEqual({});
	});

	it('reads hidden layers and an open mark', () => {
		expect(parseHash('#map=3/50/20&hide=FRA,route,route,labels&mark=places/versailles')).toEqual({
			view: { zoom: 3, lat: 50, lon: 20 },
			hide: ['FRA', 'route', 'labels'],
			mark: 'places/versailles'
		});
	});

	it('reads the scene being presented', () => {
		expect(parseHash('#map=4/50/30&country=RUS&scene=3')).toEqual({
			view: { zoom: 4, lat: 50, lon: 30 },
			country: 'RUS',
			scene: 3
		});
		expect(parseHash('#scene=0')).toEqual({});
		expect(parseHash('#scene=-2')).toEqual({});
		expect(parseHash('#scene=2.5')).toEqual({});
		expect(parseHash(formatHash({ scene: 7 }))).toEqual({ scene: 7 });
	});

	it('drops hidden-layer ids that are not ids', () => {
		expect(parseHash('#hide=<b>,FRA')).toEqual({ hide: ['FRA'] });
		expect(parseHash('#hide=')).toEqual({});
		expect(parseHash('#mark=../etc')).toEqual({});
	});

	it('keeps the valid parts of a half-broken hash', () => {
		expect(parseHash('#map=nope&country=UKR')).toEqual({ country: 'UKR' });
	});

	it('reads at most 256 hidden layers: more than there are countries and overlays', () => {
		const ids = Array.from({ length: 1000 }, (_, i) => `x${i}`);
		const hide = parseHash(`#hide=FRA,${ids.join(',')}`).hide!;
		expect(hide).toHaveLength(256);
		expect(hide[0]).toBe('FRA');
	});

	it('reads only the first 16 KB of a huge hash, dropping the part cut in two', () => {
		const huge = `#country=UKR&hide=${'A'.repeat(3).concat(',').repeat(500_000)}&scene=2`;
		expect(parseHash(huge)).toEqual({ country: 'UKR' });
		expect(parseHash(`#scene=2&mark=${'a'.repeat(20_000)}`)).toEqual({ scene: 2 });
	});
});

describe('keepKnown', () => {
	const known: Known = {
		country: (iso3) => ['FRA', 'UKR', 'RUS'].includes(iso3),
		mark: (key) => key === 'places/versailles',
		layers: ['FRA', 'RUS', 'places', 'labels'],
		scenes: 10
	};

	it('keeps what exists', () => {
		const state = {
			view: { zoom: 4, lat: 50, lon: 30 },
			country: 'UKR',
			hide: ['FRA', 'labels'],
			scene: 3
		};
		expect(keepKnown(state, known)).toEqual(state);
		expect(keepKnown({ mark: 'places/versailles' }, known)).toEqual({
			mark: 'places/versailles'
		});
	});

	it('drops a country, a mark and layers that do not exist', () => {
		expect(
			keepKnown(
				{ country: 'XYZ', hide: ['junk', 'FRA', 'GBR'], view: { zoom: 2, lat: 0, lon: 0 } },
				known
			)
		).toEqual({ hide: ['FRA'], view: { zoom: 2, lat: 0, lon: 0 } });
		expect(keepKnown({ mark: 'places/nonexistent' }, known)).toEqual({});
		expect(keepKnown({ hide: ['junk'] }, known)).toEqual({});
	});

	it('keeps the country when both a country and a mark are named: the page opens the country', () => {
		expect(keepKnown({ country: 'FRA', mark: 'places/versailles' }, known)).toEqual({
			country: 'FRA'
		});
		expect(keepKnown({ country: 'XYZ', mark: 'places/versailles' }, known)).toEqual({
			mark: 'places/versailles'
		});
	});

	it('brings the scene into 1..count, and drops it when there are no scenes', () => {
		expect(keepKnown({ scene: 999 }, known)).toEqual({ scene: 10 });
		expect(keepKnown({ scene: 10 }, known)).toEqual({ scene: 10 });
		expect(keepKnown({ scene: 4 }, { ...known, scenes: 0 })).toEqual({});
	});
});

describe('formatHash', () => {
	it('round-trips', () => {
		const state = { view: { zoom: 3.25, lat: 50.4501, lon: 30.5234 }, country: 'UKR' };
		const again = parseHash(formatHash(state));
		expect(again.country).toBe('UKR');
		expect(again.view?.zoom).toBe(3.25);
		expect(again.view?.lat).toBeCloseTo(50.45, 1);
		expect(again.view?.lon).toBeCloseTo(30.52, 1);
	});

	it('round-trips hidden layers and the mark', () => {
		const state = { hide: ['MLI', 'troops-reported'], mark: 'route/route-paris-moscow' };
		expect(parseHash(formatHash(state))).toEqual(state);
	});

	it('writes nothing for an empty state', () => {
		expect(formatHash({})).toBe('');
	});
});

describe('writeHash', () => {
	/** A stand-in for the address bar and its history: what was pushed, what replaced. */
	function fakeHistory(hash = '') {
		const entries: string[] = [hash];
		const loc = { pathname: '/', search: '', hash };
		const set = (url: string) =>
			(loc.hash = url.slice(url.indexOf('#') < 0 ? url.length : url.indexOf('#')));
		const hist = {
			state: null,
			pushState: (_s: unknown, _t: string, url: string) => {
				set(url);
				entries.push(loc.hash);
			},
			replaceState: (_s: unknown, _t: string, url: string) => {
				set(url);
				entries[entries.length - 1] = loc.hash;
			}
		};
		vi.stubGlobal('location', loc);
		vi.stubGlobal('history', hist);
		return entries;
	}
	afterEach(() => vi.unstubAllGlobals());

	it('replaces the entry when the map moves, and pushes one when a country is opened', () => {
		const entries = fakeHistory('#map=3/50/20');
		writeHash({ view: { zoom: 4, lat: 50, lon: 30 } });
		expect(entries).toEqual(['#map=4/50/30']);
		writeHash({ country: 'UKR' }, { push: true });
		expect(entries).toEqual(['#map=4/50/30', '#map=4/50/30&country=UKR']);
		writeHash({ country: undefined }, { push: true });
		expect(entries).toHaveLength(3);
		expect(entries[2]).toBe('#map=4/50/30');
	});

	it('replaceHash writes exactly the state given, replacing the entry', () => {
		const entries = fakeHistory('#country=XYZ&hide=junk,FRA&foo=bar');
		replaceHash({ hide: ['FRA'] });
		expect(entries).toEqual(['#hide=FRA']);
		replaceHash({});
		expect(entries).toEqual(['']);
	});

	it('adds no entry when nothing changes', () => {
		const entries = fakeHistory('#country=UKR');
		writeHash({ country: 'UKR' }, { push: true });
		expect(entries).toEqual(['#country=UKR']);
	});

	it('onHashChange hears a step through history once, even when the listener tidies the hash', () => {
		fakeHistory('#country=XYZ&hide=FRA');
		const win = new EventTarget();
		vi.stubGlobal('window', win);
		const heard: unknown[] = [];
		const stop = onHashChange((state) => {
			heard.push(state);
			replaceHash({ hide: state.hide });
		});
		win.dispatchEvent(new Event('popstate'));
		win.dispatchEvent(new Event('hashchange'));
		expect(heard).toEqual([{ country: 'XYZ', hide: ['FRA'] }]);
		stop();
	});
});
