/**
 * The presentation's stage on the map: what showing a scene does (its layers, its highlighted
 * countries, its camera fitted beside the presenter's toolbar and caption) and what leaving the
 * presentation gives back (the explore view's layers, the keyboard). The presentation decides
 * which scene and when; the stage shows it.
 */
import { briefingHref } from '$lib/content/address';
import { tick } from 'svelte';
import { hiddenLayers, type Scene } from '$lib/briefing/scenes';
import type { BriefingMap } from '$lib/map/briefing-map';
import type { Covered } from '$lib/ui/Presenter.svelte';
import type { BriefingDocument } from './document.svelte';
import type { Explore } from './explore.svelte';
import { formatHash } from './hash';
import type { Stage } from './presentation.svelte';

/** What the page does around the stage: its menu, its panel, its focus. */
export interface StageHooks {
	/** Closes the small screens' menu (focus stays where it is). */
	closeMenu(): void;
	/** Closes the open panel, adding no history entry. */
	closePanel(): void;
	/** The element that takes focus when presenting starts (the presentation's own). */
	presenter(): HTMLElement | null;
	/** The element focus goes back to when presenting ends (the Present button). */
	presentButton(): HTMLElement | null;
	/**
	 * Settles once the presenter's toolbar and caption can be shown (the map page loads their
	 * code after its first view): what focuses or measures them waits for it. None: at hand.
	 */
	ready?(): Promise<unknown>;
	/** The speaker view's address (no hash), when it is not the briefing's (a draft's). */
	speakerHref?(): string;
}

export type Motion = 'fly' | 'jump' | 'fade';

export class MapStage implements Stage {
	/** The map, once it has started; scenes only change state until then. */
	map: BriefingMap | null = null;
	/** Measures what the presenter's toolbar and caption cover, as laid out for this scene. */
	measureChrome = $state<(() => Covered) | undefined>();
	/** Reduced motion: the map fades out and in instead of flying. */
	fading = $state(false);
	/** Scene changes under way (a new one can start before the last has landed). */
	changes = $state(0);
	/** How the last scene change moved the camera: 'fly', 'fade' (reduced motion) or 'jump'. */
	transition = $state('');
	/** The explore view's hidden layers, given back when the presentation ends. */
	#exploreHidden: string[] = [];
	#document: BriefingDocument;
	#explore: Explore;
	#hooks: StageHooks;
	#briefingId: string;

	constructor(briefingId: string, document: BriefingDocument, explore: Explore, hooks: StageHooks) {
		this.#briefingId = briefingId;
		this.#document = document;
		this.#explore = explore;
		this.#hooks = hooks;
	}

	/** The presenter can be shown (a failure to load it leaves the camera and focus as they are). */
	#ready(): Promise<unknown> {
		return this.#hooks.ready?.().catch(() => {}) ?? Promise.resolve();
	}

	/** The map is busy while a scene is changing: from the key press until it has landed. */
	get settling(): boolean {
		return this.fading || this.changes > 0;
	}

	enter() {
		this.#hooks.closeMenu();
		this.#exploreHidden = this.#explore.hidden;
		this.map?.setKeyboard(false);
		// The Present button is gone: focus goes to the presentation, not the page's body.
		void this.#ready()
			.then(tick)
			.then(() => this.#hooks.presenter()?.focus());
	}

	async show(index: number, motion: Motion, signal: AbortSignal) {
		const scene = this.#document.scenes[index - 1];
		if (!scene || signal.aborted) return;
		if (this.#explore.open) this.#hooks.closePanel();
		this.#explore.hidden = hiddenLayers(scene, this.#document.layerIds);
		if (!this.map) return;
		this.map.setPresenting(true);
		this.changes++;
		try {
			await this.#land(this.map, scene, motion, signal);
		} finally {
			this.changes--;
		}
	}

	async #land(map: BriefingMap, scene: Scene, motion: Motion, signal: AbortSignal) {
		// The caption is laid out for this scene's quote before the camera is fitted to what it
		// leaves: the same scene lands on the same view however it is reached.
		await this.#ready();
		await tick();
		// The presentation ended meanwhile: leave the map as the explore view has it.
		if (signal.aborted) return;
		const covered = this.measureChrome?.() ?? { top: 0, bottom: 0 };
		const padding = { top: covered.top + 16, bottom: covered.bottom + 24 };
		map.keepControlsAbove(covered.bottom);
		this.transition = motion;
		// The highlights change with the camera, so the map is busy once, until both are done.
		if (motion === 'fade') {
			// Reduced motion: a short fade instead of a flight, and the story still reads.
			this.fading = true;
			try {
				await new Promise((ok) => setTimeout(ok, 200));
				if (signal.aborted) return;
				map.highlight(scene.countries);
				await map.showCamera(scene.camera, padding, 'jump');
			} finally {
				this.fading = false;
			}
		} else {
			map.highlight(scene.countries);
			await map.showCamera(scene.camera, padding, motion);
		}
	}

	leave() {
		this.#explore.hidden = this.#exploreHidden;
		this.map?.highlight([]);
		this.map?.setPresenting(false);
		this.map?.setKeyboard(true);
		// Focus goes back to where presenting started, not to the page's body.
		void tick().then(() => this.#hooks.presentButton()?.focus());
	}

	/** One speaker window per briefing: opening it again brings the same window to the scene. */
	openSpeakerView(index: number) {
		window.open(
			`${this.#hooks.speakerHref?.() ?? briefingHref(this.#briefingId, 'speaker')}${formatHash({ scene: index })}`,
			`speaker-${this.#briefingId}`,
			'popup,width=1000,height=700'
		);
	}
}
