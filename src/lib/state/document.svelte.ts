/**
 * The open briefing: the one owner of the validated document, why it could not be opened, and
 * whether it has changes not yet saved. Everything the page shows of it (the styled countries,
 * the marks, the legend's roles...) is derived here from the document, never kept beside it.
 *
 * Loading opens a document as served (nothing to save); `replace` is how an edit opens a new
 * version of it (the browser editor calls it), which counts as an unsaved change.
 */
import { countryIndex, type ServedBriefing } from '$lib/briefing/passages';
import type { Known } from './hash';
import type { CountryName } from '$lib/map/geodata';
import type { buildPanelModel, PanelModel } from '$lib/ui/panel-model';
import {
	countryLists,
	layerGroups,
	layerIds,
	looksOf,
	marksByOverlay,
	overlaysOf,
	styledCountries
} from './view-models';

/** What loading a briefing gives: the document, or the errors that say why there is none. */
export interface LoadResult {
	briefing: ServedBriefing | null;
	errors: string[];
}

/** The basemap a briefing is drawn on: its countries' names. */
export interface Basemap {
	names: readonly CountryName[];
}

export class BriefingDocument {
	briefing = $state.raw<ServedBriefing | null>(null);
	/** Why the briefing could not be shown (validation errors name the field). */
	errors = $state.raw<string[]>([]);
	/** Loading has finished (whether or not it gave a document). */
	loaded = $state(false);
	/** How many times the document has been replaced since it was loaded or last saved. */
	revision = $state(0);
	/** The document differs from the one loaded or last saved. */
	unsaved = $derived(this.revision > 0);

	readonly #basemap: Basemap;

	index = $derived(this.briefing ? countryIndex(this.briefing) : null);
	looks = $derived(looksOf(this.briefing));
	styled = $derived(styledCountries(this.briefing));
	/** Each overlay's marks, which the briefing's troop notes describe. */
	marks = $derived(marksByOverlay(this.briefing));
	/** The briefing's overlays as the layers panel and the legend show them. */
	overlays = $derived(overlaysOf(this.briefing));
	/** Every layer that can be switched off. */
	layerIds = $derived(layerIds(this.styled, this.overlays));
	/** The story's countries, then every other country, for the country list. */
	lists = $derived(countryLists(this.styled, this.#map().names, (iso3) => this.nameOf(iso3)));
	/** The layer checkboxes, grouped, each overlay with its marks. */
	layerGroups = $derived(layerGroups(this.lists.featured, this.marks, this.overlays));
	scenes = $derived(this.briefing?.scenes ?? []);

	// A lookup built once from a list that never changes: a plain Map is right.
	readonly #names: Map<string, string>;

	constructor(basemap: Basemap) {
		this.#basemap = basemap;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		this.#names = new Map(basemap.names.map((c) => [c.iso3, c.name]));
	}

	/** The basemap (set once, in the constructor), for the derived fields above it. */
	#map() {
		return this.#basemap;
	}

	/** Opens the briefing as loaded, with the errors of loading it (before any already known). */
	load(result: LoadResult) {
		this.briefing = result.briefing;
		this.errors = [...result.errors, ...this.errors];
		this.revision = 0;
		this.loaded = true;
	}

	/** Opens a new version of the document (an edit): it now has unsaved changes. */
	replace(briefing: ServedBriefing) {
		this.briefing = briefing;
		this.errors = [];
		this.revision++;
	}

	/** The document as it is has been saved. */
	saved() {
		this.revision = 0;
	}

	/** Today's short English name of a country; the code itself when none is known. */
	nameOf(iso3: string): string {
		return this.#names.get(iso3) ?? iso3;
	}

	/** Whether a country can be opened: it is on the basemap or in the briefing. */
	knows(iso3: string): boolean {
		return this.#names.has(iso3) || !!this.index?.has(iso3);
	}

	/**
	 * What country `iso3`'s panel shows, or null when there is no document. `build` is the panel
	 * model's builder, given by the map page, which loads it with the panels (after its first view).
	 */
	panelOf(iso3: string | null, build: typeof buildPanelModel): PanelModel | null {
		if (!iso3 || !this.briefing) return null;
		const nameOf = (c: string) => this.nameOf(c);
		return build(iso3, this.briefing, this.index, this.looks, nameOf);
	}

	/** Whether a mark (`overlay/id`) has a note to open. */
	hasMark(key: string): boolean {
		return !!this.marks.get(key.split('/')[0]!)?.some((m) => m.key === key);
	}

	/** What exists for the address to name. */
	get known(): Known {
		return {
			country: (iso3) => this.knows(iso3),
			mark: (key) => this.hasMark(key),
			layers: this.layerIds,
			scenes: this.scenes.length
		};
	}
}
