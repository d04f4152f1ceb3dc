import { describe, expect, it } from 'vitest';
import { Explore, type Focusable } from './explore.svelte';

/** An element focus can go back to; `gone` takes it off the page. */
function element(name: string) {
	const el = {
		name,
		isConnected: true,
		focused: 0,
		focus() {
			el.focused++;
		}
	};
	return el satisfies Focusable;
}

describe('Explore', () => {
	it('selects a country or a mark, never both', () => {
		const e = new Explore();
		expect(e.open).toBe(false);
		e.openCountry('RUS', null);
		expect([e.selected, e.mark, e.open]).toEqual(['RUS', null, true]);
		e.openMark('places/versailles', null);
		expect([e.selected, e.mark]).toEqual([null, 'places/versailles']);
		e.openCountry('UKR', null);
		expect([e.selected, e.mark]).toEqual(['UKR', null]);
	});

	it('closing gives back what opened the panel, once, and nothing when none is open', () => {
		const e = new Explore();
		expect(e.close()).toBeNull();
		const button = element('Russia button');
		e.openCountry('RUS', button);
		expect(e.close()).toBe(button);
		expect([e.selected, e.mark, e.open]).toEqual([null, null, false]);
		expect(e.close()).toBeNull();
		// It does not focus by itself: the page does, once the map and the address have followed.
		expect(button.focused).toBe(0);
	});

	it('hopping between related countries inside the panel keeps the first opener', () => {
		const e = new Explore();
		const list = element('Russia in the list');
		const related = element('Belarus in the panel');
		e.openCountry('RUS', list);
		e.openCountry('BLR', related, true);
		e.openMark('troops-reported/ru-maxar-february-1', element('a mark button'), true);
		expect(e.close()).toBe(list);
	});

	it('a panel opened from outside the open one takes the new opener', () => {
		const e = new Explore();
		e.openCountry('RUS', element('Russia in the list'));
		const canvas = element('map canvas');
		e.openMark('places/versailles', canvas, false);
		expect(e.close()).toBe(canvas);
	});

	it('gives no focus back to an opener that has left the page', () => {
		const e = new Explore();
		const button = element('a mark in the layers list');
		e.openMark('route/paris-moscow', button);
		button.isConnected = false;
		expect(e.close()).toBeNull();
		// And a panel opened with no opener (from the address) gives none.
		e.openCountry('FRA', null);
		expect(e.close()).toBeNull();
	});

	it('switches layers off and on again, each once', () => {
		const e = new Explore();
		e.setLayer('FRA', false);
		e.setLayer('route', false);
		e.setLayer('FRA', false);
		expect(e.hidden).toEqual(['FRA', 'route']);
		e.setLayer('FRA', true);
		expect(e.hidden).toEqual(['route']);
		e.setLayer('labels', true);
		expect(e.hidden).toEqual(['route']);
	});
});
