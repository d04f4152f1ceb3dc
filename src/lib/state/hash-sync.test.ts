import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Explore } from './explore.svelte';
import { HashSync, planHashChange, sceneAddress, tidy, type Showing } from './hash-sync.svelte';
import { fakeAddress } from './test-address';
import { openDocument } from './test-document';

const exploring: Showing = { presenting: false, index: 1, count: 10, selected: null, mark: null };
const presenting: Showing = { ...exploring, presenting: true, index: 3 };

describe('planHashChange: what an edited address, Back or Forward shows', () => {
	it('a country opens its panel, fitted to it unless the address names a view', () => {
		expect(planHashChange({ country: 'RUS' }, exploring)).toEqual([
			{ do: 'hide', hide: [] },
			{ do: 'country', iso3: 'RUS', fit: true }
		]);
		const view = { zoom: 4, lat: 50, lon: 30 };
		expect(planHashChange({ country: 'RUS', view, hide: ['FRA'] }, exploring)).toEqual([
			{ do: 'hide', hide: ['FRA'] },
			{ do: 'view', view },
			{ do: 'country', iso3: 'RUS', fit: false }
		]);
	});

	it('a mark opens its note; what is already open is not opened again', () => {
		expect(planHashChange({ mark: 'places/versailles' }, exploring)).toEqual([
			{ do: 'hide', hide: [] },
			{ do: 'mark', key: 'places/versailles' }
		]);
		const open = { ...exploring, mark: 'places/versailles' };
		expect(planHashChange({ mark: 'places/versailles' }, open)).toEqual([{ do: 'hide', hide: [] }]);
		const country = { ...exploring, selected: 'RUS' };
		expect(planHashChange({ country: 'RUS' }, country)).toEqual([{ do: 'hide', hide: [] }]);
	});

	it('an address with neither closes the open panel', () => {
		expect(planHashChange({}, { ...exploring, selected: 'RUS' })).toEqual([
			{ do: 'hide', hide: [] },
			{ do: 'close' }
		]);
		expect(planHashChange({}, exploring)).toEqual([{ do: 'hide', hide: [] }]);
	});

	it('a scene starts the presentation there, or goes to it, and touches nothing else', () => {
		expect(planHashChange({ scene: 4, country: 'RUS', hide: ['FRA'] }, exploring)).toEqual([
			{ do: 'start', scene: 4 }
		]);
		expect(planHashChange({ scene: 5 }, presenting)).toEqual([{ do: 'goto', scene: 5 }]);
		expect(planHashChange({ scene: 3 }, presenting)).toEqual([]);
	});

	it('a scene before the scenes are in is not presented', () => {
		expect(planHashChange({ scene: 4 }, { ...exploring, count: 0 })).toEqual([
			{ do: 'hide', hide: [] }
		]);
	});

	it('an address without a scene ends the presentation, then shows what it holds', () => {
		expect(planHashChange({ mark: 'places/versailles' }, presenting)).toEqual([
			{ do: 'exit' },
			{ do: 'hide', hide: [] },
			{ do: 'mark', key: 'places/versailles' }
		]);
	});
});

describe('HashSync', () => {
	beforeEach(() => vi.unstubAllGlobals());
	afterEach(() => vi.unstubAllGlobals());

	it('reads the link the page was opened with, and its hidden layers', () => {
		fakeAddress('#map=4/50/30&country=RUS&hide=FRA,route&scene=2');
		const explore = new Explore();
		const sync = new HashSync(openDocument({ empty: true }), explore);
		expect(sync.initial).toEqual({
			view: { zoom: 4, lat: 50, lon: 30 },
			country: 'RUS',
			hide: ['FRA', 'route'],
			scene: 2
		});
		expect(explore.hidden).toEqual(['FRA', 'route']);
	});

	it('writes the selection with a history entry when asked, and the layers and view without', () => {
		const { loc, entries } = fakeAddress('#map=3/50/20');
		const explore = new Explore();
		const sync = new HashSync(openDocument(), explore);
		explore.openCountry('RUS', null);
		sync.selection(true);
		expect(loc.hash).toBe('#map=3/50/20&country=RUS');
		expect(entries).toEqual(['#map=3/50/20&country=RUS']);
		explore.openMark('places/versailles', null);
		sync.selection(false);
		expect(loc.hash).toBe('#map=3/50/20&mark=places/versailles');
		explore.setLayer('FRA', false);
		sync.hidden();
		sync.view({ zoom: 5, lat: 48, lon: 2 });
		expect(loc.hash).toBe('#map=5/48/2&mark=places/versailles&hide=FRA');
		explore.close();
		sync.selection(true);
		expect(loc.hash).toBe('#map=5/48/2&hide=FRA');
		expect(entries).toHaveLength(2);
	});

	it('writes a selection put off in the next task, in order, before any other write', async () => {
		vi.useFakeTimers();
		try {
			const { loc, entries } = fakeAddress('#map=3/50/20');
			const explore = new Explore();
			const sync = new HashSync(openDocument(), explore);
			explore.openCountry('RUS', null);
			sync.selectionSoon(true);
			explore.openCountry('UKR', null);
			sync.selectionSoon(true);
			// Not yet: the panel is drawn first.
			expect(loc.hash).toBe('#map=3/50/20');
			await vi.runAllTimersAsync();
			expect(entries).toEqual(['#map=3/50/20&country=RUS', '#map=3/50/20&country=UKR']);
			// A write made at once first makes the ones put off: closing right after opening
			// leaves the address closed, with both entries for Back.
			explore.openCountry('FRA', null);
			sync.selectionSoon(true);
			explore.close();
			sync.selection(true);
			expect(loc.hash).toBe('#map=3/50/20');
			expect(entries).toEqual([
				'#map=3/50/20&country=RUS',
				'#map=3/50/20&country=UKR',
				'#map=3/50/20&country=FRA',
				'#map=3/50/20'
			]);
			await vi.runAllTimersAsync();
			expect(loc.hash).toBe('#map=3/50/20');
		} finally {
			vi.useRealTimers();
		}
	});

	it('once loaded, keeps only what exists, in the address and on the page', () => {
		const { loc, entries } = fakeAddress(
			'#country=XYZ&mark=places/nonexistent&hide=FRA,nope&scene=999'
		);
		const doc = openDocument({ empty: true });
		const explore = new Explore();
		const sync = new HashSync(doc, explore);
		expect(explore.hidden).toEqual(['FRA', 'nope']);
		explore.openMark('places/nonexistent', null);
		doc.load({ briefing: openDocument().briefing, errors: [] });
		const close = vi.fn(() => explore.close());
		sync.loaded({ close });
		expect(loc.hash).toBe('#hide=FRA&scene=10');
		expect(explore.hidden).toEqual(['FRA']);
		// The mark the address no longer names is closed.
		expect(close).toHaveBeenCalledOnce();
		expect(entries).toEqual([]);
	});

	it('keeps a mark the address still names open', () => {
		fakeAddress('#mark=troops-reported/mli-wagner-bamako');
		const doc = openDocument({ empty: true });
		const explore = new Explore();
		const sync = new HashSync(doc, explore);
		explore.openMark('troops-reported/mli-wagner-bamako', null);
		doc.load({ briefing: openDocument().briefing, errors: [] });
		const close = vi.fn();
		sync.loaded({ close });
		expect(close).not.toHaveBeenCalled();
	});

	it('tidies an address to what is known, without a history entry', () => {
		const { loc, entries } = fakeAddress();
		const kept = tidy(
			{ country: 'XYZ', mark: 'places/versailles', hide: ['x'] },
			{
				country: () => false,
				mark: () => true,
				layers: [],
				scenes: 0
			}
		);
		expect(kept).toEqual({ mark: 'places/versailles' });
		expect(loc.hash).toBe('#mark=places/versailles');
		expect(entries).toEqual([]);
	});

	it('keeps the scene being presented in the address', () => {
		const { loc, entries } = fakeAddress('#map=3/50/20');
		expect(sceneAddress.hasScene()).toBe(false);
		sceneAddress.showScene(2, true);
		expect(loc.hash).toBe('#map=3/50/20&scene=2');
		expect(sceneAddress.hasScene()).toBe(true);
		sceneAddress.showScene(3, false);
		sceneAddress.endScene(false);
		expect(loc.hash).toBe('#map=3/50/20');
		expect(entries).toEqual(['#map=3/50/20&scene=2']);
	});
});
