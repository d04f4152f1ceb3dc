/**
 * The one place that keeps the URL hash in step with the state owners, both ways: it writes what
 * the explore state and the presentation show (the open country or mark, the hidden layers, the
 * view, the scene), and applies what the address holds when a person edits it or steps Back and
 * Forward (a country, a mark, the hidden layers, the view and the scene). `hash.ts` reads and
 * writes the address itself; this module decides what goes in it and what comes out.
 */
import { onMount } from 'svelte';
import type { View } from '$lib/map/briefing-map';
import type { BriefingDocument } from './document.svelte';
import type { Explore } from './explore.svelte';
import {
	keepKnown,
	onHashChange,
	readHash,
	replaceHash,
	writeHash,
	type HashState,
	type Known
} from './hash';
import type { Presentation, SceneAddress } from './presentation.svelte';

/** The scene being presented, kept in the address (`scene=`): a reload comes back to it. */
export const sceneAddress: SceneAddress = {
	showScene: (scene, push) => writeHash({ scene }, { push }),
	endScene: (push) => writeHash({ scene: undefined }, { push }),
	hasScene: () => typeof location !== 'undefined' && readHash().scene !== undefined
};

/** What the page is showing, as far as applying an address needs to know it. */
export interface Showing {
	presenting: boolean;
	/** The scene shown, 1-based, while presenting. */
	index: number;
	/** How many scenes the briefing has (0 before it has loaded). */
	count: number;
	selected: string | null;
	mark: string | null;
}

/** One thing to do to show what an address holds. */
export type HashStep =
	| { do: 'start'; scene: number }
	| { do: 'goto'; scene: number }
	| { do: 'exit' }
	| { do: 'hide'; hide: string[] }
	| { do: 'view'; view: View }
	/** `fit`: move the map to the country (the address names no view of its own). */
	| { do: 'country'; iso3: string; fit: boolean }
	| { do: 'mark'; key: string }
	| { do: 'close' };

/**
 * What to do, in order, to show `state` (an address read after a hashchange, already tidied when
 * the briefing is in) from what the page is `showing`. A scene is presented (started, or gone to
 * when another is showing) and nothing else is touched: scenes own the layers and the camera.
 * Otherwise a running presentation ends, and the address's layers, view, and country or mark
 * (or none: the panel closes) are shown; what is already open is not opened again.
 */
export function planHashChange(state: HashState, showing: Showing): HashStep[] {
	if (state.scene && showing.count) {
		if (!showing.presenting) return [{ do: 'start', scene: state.scene }];
		return state.scene === showing.index ? [] : [{ do: 'goto', scene: state.scene }];
	}
	const steps: HashStep[] = [];
	if (showing.presenting) steps.push({ do: 'exit' });
	steps.push({ do: 'hide', hide: state.hide ?? [] });
	if (state.view) steps.push({ do: 'view', view: state.view });
	if (state.country) {
		if (state.country !== showing.selected) {
			steps.push({ do: 'country', iso3: state.country, fit: !state.view });
		}
	} else if (state.mark) {
		if (state.mark !== showing.mark) steps.push({ do: 'mark', key: state.mark });
	} else if (showing.selected || showing.mark) {
		steps.push({ do: 'close' });
	}
	return steps;
}

/** What the page does for the hash sync: open and close panels, move the map. */
export interface HashActions {
	/** Opens a country's panel from the address (no history entry); `fit` moves the map to it. */
	openCountry(iso3: string, fit: boolean): void;
	/** Opens a mark's note from the address (no history entry). */
	openMark(key: string): void;
	/** Closes the open panel (no history entry). */
	close(): void;
	jumpTo(view: View): void;
	/** Whether the map can show a scene now (or never will: it could not be drawn). */
	ready(): boolean;
}

export class HashSync {
	/** The address the page was opened with: what a shared link asks to show. */
	readonly initial: HashState;
	/**
	 * A scene the link asked for, started once the map and the scenes are both in. Not state of
	 * its own: the effect that starts it runs again when the map or the scenes arrive.
	 */
	#linkedScene: number | undefined;
	#document: BriefingDocument;
	#explore: Explore;
	/** Writes put off by `selectionSoon`, in order (see `#flush`). */
	#pending: (() => void)[] = [];

	constructor(document: BriefingDocument, explore: Explore) {
		this.#document = document;
		this.#explore = explore;
		this.initial = readHash();
		this.#linkedScene = this.initial.scene;
		explore.hidden = this.initial.hide ?? [];
	}

	/** Writes the open country or mark; `push` adds a history entry (Back closes it again). */
	selection(push: boolean) {
		this.#flush();
		writeHash(this.#selected(), { push });
	}

	/**
	 * `selection`, written in the next task: the address is not what a person sees when a panel
	 * opens, and the browser's history call costs a click much of its time before the panel is
	 * on the page. What is open is read now; every other write of the address first makes the
	 * ones put off, in order.
	 */
	selectionSoon(push: boolean) {
		const patch = this.#selected();
		this.#pending.push(() => writeHash(patch, { push }));
		if (this.#pending.length === 1) setTimeout(() => this.#flush());
	}

	#selected(): Partial<HashState> {
		return { country: this.#explore.selected ?? undefined, mark: this.#explore.mark ?? undefined };
	}

	/** Makes the writes put off by `selectionSoon`, in order. */
	#flush() {
		const pending = this.#pending;
		this.#pending = [];
		for (const write of pending) write();
	}

	/** Writes the explore view's hidden layers. */
	hidden() {
		this.#flush();
		writeHash({ hide: this.#explore.hidden });
	}

	/** Writes where the map is (moving the map adds no history). */
	view(view: View) {
		this.#flush();
		writeHash({ view });
	}

	/**
	 * The briefing is in: the address keeps only what exists, the page shows what the address
	 * kept (its layers, and a mark only if the address still names it), and a linked scene is
	 * what it kept of it.
	 */
	loaded(actions: Pick<HashActions, 'close'>) {
		this.#flush();
		const kept = tidy(readHash(), this.#document.known);
		this.#explore.hidden = kept.hide ?? [];
		if (this.#explore.mark && kept.mark !== this.#explore.mark) actions.close();
		this.#linkedScene = kept.scene;
	}

	/**
	 * Keeps the address and the state owners in step for as long as the page lives. Call during
	 * the page's initialisation: it sets up effects, and listens from mount to destroy.
	 */
	connect(presentation: Presentation, actions: HashActions) {
		// Scenes own the layers while presenting; the explore view's choice stays in the hash.
		$effect(() => {
			if (!presentation.presenting) this.hidden();
		});
		// A link with a scene opens the presentation there, once the map and the scenes are in.
		$effect(() => {
			const scene = this.#linkedScene;
			if (scene && actions.ready() && presentation.count) {
				this.#linkedScene = undefined;
				void presentation.start(scene);
			}
		});
		onMount(() => {
			// A shared link may name a country or a mark: open it if it exists.
			const { country, mark } = this.initial;
			if (country && this.#document.knows(country)) actions.openCountry(country, false);
			else if (mark) actions.openMark(mark);
			// Back, Forward or a hand-edited address: show what it holds, adding no history.
			return onHashChange((read) => {
				// An address changed from outside wins over writes not yet made: they were of what
				// the page showed before it.
				this.#pending = [];
				this.#apply(read, presentation, actions);
			});
		});
	}

	#apply(read: HashState, presentation: Presentation, actions: HashActions) {
		const state = this.#document.loaded ? tidy(read, this.#document.known) : read;
		const showing: Showing = {
			presenting: presentation.presenting,
			index: presentation.index,
			count: presentation.count,
			selected: this.#explore.selected,
			mark: this.#explore.mark
		};
		for (const step of planHashChange(state, showing)) {
			if (step.do === 'start') void presentation.start(step.scene);
			else if (step.do === 'goto') void presentation.goTo(step.scene, undefined, false);
			else if (step.do === 'exit') presentation.exit(false);
			else if (step.do === 'hide') this.#explore.hidden = step.hide;
			else if (step.do === 'view') actions.jumpTo(step.view);
			else if (step.do === 'country') actions.openCountry(step.iso3, step.fit);
			else if (step.do === 'mark') actions.openMark(step.key);
			else actions.close();
		}
	}
}

/**
 * `state` (read from the address) with only what exists in it (countries, marks, layers,
 * scenes), put back in the address bar without a history entry: the address says what the page
 * shows, and a link shared from it carries nothing unknown.
 */
export function tidy(state: HashState, known: Known): HashState {
	const kept = keepKnown(state, known);
	replaceHash(kept);
	return kept;
}
