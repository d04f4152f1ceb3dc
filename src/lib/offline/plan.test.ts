import { describe, expect, it } from 'vitest';
import { embedded } from '$lib/briefing/test-briefing';
import { summaryOf } from '$lib/library/library';
import { styledCountries } from '$lib/state/view-models';
import {
	cacheNames,
	countriesOfIndex,
	countryOfFile,
	pageOf,
	precacheList,
	staleCaches,
	strategyFor
} from './plan';

const A = '/_app/immutable/assets';

describe('caches', () => {
	it('names both caches of a deployment by its version', () => {
		expect(cacheNames('123')).toEqual({
			app: 'briefing-map-app-123',
			runtime: 'briefing-map-runtime-123'
		});
	});

	it("deletes this app's caches of other deployments, and nothing else of the origin", () => {
		const names = [
			'briefing-map-app-1',
			'briefing-map-runtime-1',
			'briefing-map-app-2',
			'briefing-map-runtime-2',
			'someone-else'
		];
		expect(staleCaches(names, '2')).toEqual(['briefing-map-app-1', 'briefing-map-runtime-1']);
		expect(staleCaches(names, '3')).toHaveLength(4);
	});
});

describe('countryOfFile', () => {
	it('reads the ISO alpha-3 of an emitted 1:50m file, under any base path', () => {
		expect(countryOfFile(`${A}/UKR.BXtYSVs4.geojson`)).toBe('UKR');
		expect(countryOfFile(`/sub/dir${A}/FRA.a-b_c.geojson`)).toBe('FRA');
	});

	it('is null for the basemap, the code and anything else', () => {
		for (const path of [
			`${A}/world.BR7hAL3d.geojson`,
			`${A}/labels.BEDYy5dw.geojson`,
			`${A}/gazetteer.C1ZndH1H.json`,
			`${A}/UKRAINE.abc.geojson`,
			'/_app/immutable/chunks/UKR.abc.js',
			'/briefings/UKR.geojson'
		]) {
			expect(countryOfFile(path), path).toBeNull();
		}
	});
});

describe('countriesOfIndex', () => {
	it("collects every embedded briefing's countries", () => {
		const index = [
			{ id: 'a', countries: ['FRA', 'RUS'] },
			{ id: 'b', countries: ['RUS', 'EGY'] }
		];
		expect([...countriesOfIndex(index)].sort()).toEqual(['EGY', 'FRA', 'RUS']);
	});

	it('skips what is not a list of ISO alpha-3 codes, and never throws', () => {
		for (const bad of [null, 'FRA', 42, {}, { countries: ['FRA'] }]) {
			expect(countriesOfIndex(bad).size).toBe(0);
		}
		const index = [
			null,
			'x',
			{ countries: 'FRA' },
			{ countries: ['fra', 'FRANCE', 7, null, '../x', 'RUS'] }
		];
		expect([...countriesOfIndex(index)]).toEqual(['RUS']);
	});

	it("is every country the map fetches 1:50m borders for, for the site's own list", () => {
		const b = embedded();
		const styled = styledCountries(b).map((c) => c.iso3);
		expect(styled.length).toBeGreaterThan(0);
		expect([...countriesOfIndex([summaryOf(b)])].sort()).toEqual([...styled].sort());
	});
});

describe('precacheList', () => {
	const lists = {
		build: [
			'/b/_app/immutable/entry/app.1.js',
			`/b${A}/world.2.geojson`,
			`/b${A}/maplibre-gl-worker.3.mjs`,
			`/b${A}/FRA.4.geojson`,
			`/b${A}/RUS.5.geojson`,
			`/b${A}/USA.6.geojson`
		],
		files: ['/b/boot.js', '/b/favicon.svg'],
		prerendered: ['/b/', '/b/library', '/b/briefings/index.json', '/b/briefings/x.json']
	};

	it("saves the app, its pages and briefings, and the 1:50m files of the briefings' countries only", () => {
		expect(precacheList(lists, new Set(['RUS']))).toEqual([
			'/b/_app/immutable/entry/app.1.js',
			`/b${A}/world.2.geojson`,
			`/b${A}/maplibre-gl-worker.3.mjs`,
			`/b${A}/RUS.5.geojson`,
			'/b/boot.js',
			'/b/favicon.svg',
			'/b/',
			'/b/library',
			'/b/briefings/index.json',
			'/b/briefings/x.json'
		]);
	});

	it('saves no country file when the briefings name none', () => {
		expect(precacheList(lists, new Set()).filter((p) => countryOfFile(p))).toEqual([]);
	});
});

describe('strategyFor', () => {
	const saved = new Set([
		'/b/',
		'/b/library',
		'/b/briefings/index.json',
		'/b/briefings/x.json',
		'/b/_app/immutable/entry/app.1.js',
		`/b${A}/RUS.5.geojson`
	]);
	const route = (path: string, navigate = false) => strategyFor(path, navigate, '/b', saved);

	it('answers pages from the saved copy, whatever their query, and /index.html as /', () => {
		expect(route('/b/', true)).toBe('app');
		expect(route('/b/index.html', true)).toBe('app');
		expect(route('/b/library', true)).toBe('app');
		expect(route('/b/library.html', true)).toBe('app');
		expect(pageOf('/b/index.html', true, '/b')).toBe('/b/');
		expect(pageOf('/b/library.html', true, '/b')).toBe('/b/library');
		// Not a navigation: the path is the file.
		expect(pageOf('/b/library.html', false, '/b')).toBe('/b/library.html');
	});

	it("answers the build's files from the saved copy, and other hashed files once fetched", () => {
		expect(route('/b/_app/immutable/entry/app.1.js')).toBe('app');
		expect(route(`/b${A}/RUS.5.geojson`)).toBe('app');
		expect(route(`/b${A}/SDN.7.geojson`)).toBe('saved-when-fetched');
	});

	it('asks the network first for briefings, embedded or not', () => {
		expect(route('/b/briefings/x.json')).toBe('briefing');
		expect(route('/b/briefings/index.json')).toBe('briefing');
		expect(route('/b/briefings/imported-here.json')).toBe('briefing');
	});

	it('leaves the rest to the browser: outside the base path, unknown pages, version.json', () => {
		expect(route('/other/', true)).toBe('network');
		expect(route('/b')).toBe('network');
		expect(route('/bb/_app/immutable/entry/app.1.js')).toBe('network');
		expect(route('/b/_app/version.json')).toBe('network');
		expect(route('/b/nowhere', true)).toBe('network');
		expect(route('/b/briefings/a/b.json')).toBe('network');
	});

	it('works at the root of a site (an empty base)', () => {
		expect(strategyFor('/', true, '', new Set(['/']))).toBe('app');
		expect(strategyFor('/briefings/x.json', false, '', new Set())).toBe('briefing');
	});
});
