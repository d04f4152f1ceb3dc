/**
 * What exploring does beyond the explore state itself: opening a panel selects the country on the
 * map, writes the address, and moves the map so that what was opened shows beside the panel;
 * closing it clears the map's selection and gives focus back to what opened it.
 */
import type { BriefingMap } from '$lib/map/briefing-map';
import { markBounds } from '$lib/map/geodata';
import type { BriefingDocument } from './document.svelte';
import type { Explore } from './explore.svelte';
import type { HashSync } from './hash-sync.svelte';

/** The page's layout, as opening a panel needs it. */
export interface PanelLayout {
	/** Closes the small screens' menu; `refocus` gives focus back to its button. */
	closeMenu(refocus: boolean): void;
	/** Whether `el` is inside the open panel. */
	inPanel(el: HTMLElement | null): boolean;
	/** What the open panel covers of the map, once it is laid out. */
	panelCover(): Promise<{ right?: number; bottom?: number }>;
}

export class ExploreMap {
	/** The map, once it has started. */
	map: BriefingMap | null = null;
	#document: BriefingDocument;
	#explore: Explore;
	#hash: HashSync;
	#layout: () => PanelLayout | undefined;

	constructor(
		document: BriefingDocument,
		explore: Explore,
		hash: HashSync,
		layout: () => PanelLayout | undefined
	) {
		this.#document = document;
		this.#explore = explore;
		this.#hash = hash;
		this.#layout = layout;
	}

	/**
	 * Opens a country's panel. `fit` moves the map to the country (chosen from a list); a click on
	 * the map moves it only when the panel would cover most of the country. `push` adds a history
	 * entry (Back closes it again); restoring from history does not.
	 */
	async openCountry(iso3: string, from: HTMLElement | null, fit: boolean, push = true) {
		if (!this.#document.knows(iso3)) return;
		const layout = this.#layout();
		layout?.closeMenu(false);
		this.#explore.openCountry(iso3, from, !!layout?.inPanel(from));
		this.map?.select(iso3);
		this.#hash.selectionSoon(push);
		const cover = (await layout?.panelCover()) ?? {};
		if (this.#explore.selected !== iso3) return;
		if (fit) this.map?.showCountry(iso3, cover);
		else this.map?.reveal({ iso3 }, cover);
	}

	/** Opens the note of mark `key` (`overlay/id`) and shows the mark beside it. */
	async openMark(key: string, from: HTMLElement | null, push = true) {
		const layout = this.#layout();
		layout?.closeMenu(false);
		this.#explore.openMark(key, from, !!layout?.inPanel(from));
		this.map?.select(null);
		this.#hash.selectionSoon(push);
		const [overlay, id] = key.split('/') as [string, string];
		const bounds = markBounds(this.#document.briefing?.overlays ?? [], overlay, id);
		const cover = (await layout?.panelCover()) ?? {};
		if (bounds && this.#explore.mark === key) this.map?.reveal({ bounds }, cover);
	}

	/** Closes the open panel; `push` adds a history entry. Focus goes back to its opener. */
	close(push = true) {
		if (!this.#explore.open) return;
		const back = this.#explore.close();
		this.map?.select(null);
		this.#hash.selection(push);
		back?.focus();
	}

	/**
	 * The map has started. A shared link that opens a panel but names no view: once the map has
	 * loaded, show what it opened beside the panel.
	 */
	mapReady(map: BriefingMap) {
		this.map = map;
		const { selected, open } = this.#explore;
		if (selected) map.select(selected);
		if (this.#hash.initial.view || !open) return;
		map.map.once('load', () => {
			if (this.#explore.selected) void this.openCountry(this.#explore.selected, null, false, false);
			else if (this.#explore.mark) void this.openMark(this.#explore.mark, null, false);
		});
	}
}
