/**
 * The explore view's state, one owner for it: what is selected (a country or a mark, never
 * both), which layers are switched off, whether the measure is on, and where focus goes back to
 * when the panel closes. It changes only through these methods; the page turns them into map
 * moves and the hash sync into the address.
 */

/** What focus can return to: an element of the page (a button, the map's canvas). */
export interface Focusable {
	readonly isConnected: boolean;
	focus(): void;
}

export class Explore {
	/** ISO alpha-3 of the country whose panel is open. */
	selected = $state<string | null>(null);
	/** `overlay/id` of the mark (troop point, place, route...) whose note is open. */
	mark = $state<string | null>(null);
	/** Layers switched off: countries by ISO alpha-3, overlays by id. */
	hidden = $state.raw<string[]>([]);
	measuring = $state(false);
	/** What opened the panel, to give focus back when it closes. */
	#opener: Focusable | null = null;

	/** Whether a panel (a country's or a mark's) is open. */
	get open(): boolean {
		return !!(this.selected || this.mark);
	}

	/**
	 * Opens country `iso3`'s panel, opened from `from`. `fromPanel`: it was opened from inside
	 * the open panel (hopping between related countries), which keeps the first opener, so
	 * Close returns there.
	 */
	openCountry(iso3: string, from: Focusable | null, fromPanel = false) {
		this.#keepOpener(from, fromPanel);
		this.mark = null;
		this.selected = iso3;
	}

	/** Opens the note of mark `key` (`overlay/id`); `from` and `fromPanel` as for a country. */
	openMark(key: string, from: Focusable | null, fromPanel = false) {
		this.#keepOpener(from, fromPanel);
		this.selected = null;
		this.mark = key;
	}

	#keepOpener(from: Focusable | null, fromPanel: boolean) {
		if (!this.open || !fromPanel) this.#opener = from;
	}

	/**
	 * Closes the panel. Returns what to give focus back to: what opened it, if it is still on
	 * the page (null when none was open, or it has gone).
	 */
	close(): Focusable | null {
		if (!this.open) return null;
		this.selected = null;
		this.mark = null;
		const back = this.#opener;
		this.#opener = null;
		return back?.isConnected ? back : null;
	}

	/** Switches layer `id` on or off. */
	setLayer(id: string, visible: boolean) {
		this.hidden = visible
			? this.hidden.filter((h) => h !== id)
			: this.hidden.includes(id)
				? this.hidden
				: [...this.hidden, id];
	}
}
