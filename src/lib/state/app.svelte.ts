/**
 * The app's shared state, one rune class handed down by context. What a person would share (the
 * view, the open country) is mirrored into the URL hash by the page through `hash.ts`.
 */
import { setContext } from 'svelte';
import { countryIndex, type ServedBriefing } from '$lib/briefing/passages';
import type { CountryName } from '$lib/map/geodata';

export class AppState {
	briefing = $state.raw<ServedBriefing | null>(null);
	/** Why the briefing could not be shown (validation errors name the field). */
	loadErrors = $state.raw<string[]>([]);
	countryNames = $state.raw<CountryName[]>([]);
	/** ISO alpha-3 of the country whose panel is open. */
	selected = $state<string | null>(null);
	/** `overlay/id` of the mark (troop point, place, route...) whose note is open. */
	mark = $state<string | null>(null);
	/** Layers switched off: countries by ISO alpha-3, overlays by id. */
	hidden = $state<string[]>([]);
	measuring = $state(false);
	mapBusy = $state(true);
	mapUnavailable = $state<string | null>(null);

	index = $derived(this.briefing ? countryIndex(this.briefing) : null);
	// A derived lookup rebuilt whenever the list changes: never mutated, so a plain Map is right.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#names = $derived(new Map(this.countryNames.map((c) => [c.iso3, c.name])));

	/** Today's short English name of a country; the code itself when none is known. */
	nameOf(iso3: string): string {
		return this.#names.get(iso3) ?? iso3;
	}

	/** Whether a country can be opened: it is on the basemap or in the briefing. */
	knows(iso3: string): boolean {
		return this.#names.has(iso3) || !!this.index?.has(iso3);
	}
}

const KEY = Symbol('app-state');

export function provideAppState(state: AppState): AppState {
	return setContext(KEY, state);
}
