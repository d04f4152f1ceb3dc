/**
 * Presentation mode: which scene is showing, whether the audience has explored away from it, and
 * the keys and channel that move it. The page supplies `stage`, which does the showing (map
 * camera, layers, highlights); this class only decides what to show and when.
 */
import { clampScene, stepScene, type SceneAction } from '$lib/briefing/scenes';
import { channelName, postMessage, readMessage, type ChannelMessage } from './channel';
import { sceneAddress } from './hash-sync.svelte';
import { ownsActivationKeys, presenterAction, startsPresentation, isTextEntry } from './presenter';

export interface Stage {
	/**
	 * The presentation begins (before anything else, and only once per start): keep the explore
	 * view's layers to give back, hand the keyboard to the presentation.
	 */
	enter(): void;
	/**
	 * Shows scene `index` (1-based); resolves when the camera has arrived. `signal` aborts when
	 * the presentation ends: the stage checks it after each await and stops there.
	 */
	show(index: number, motion: 'fly' | 'jump' | 'fade', signal: AbortSignal): Promise<void>;
	/** Leaves the scene's layers and highlights, back to the explore view. */
	leave(): void;
	/** Opens the speaker view, in a window of its own, at scene `index`. */
	openSpeakerView(index: number): void;
}

/** Where the scene being presented is kept for a reload and for Back and Forward: the address. */
export interface SceneAddress {
	/** Scene `scene` is showing; `push` adds a history entry. */
	showScene(scene: number, push: boolean): void;
	/** No scene is showing any more; `push` adds a history entry (Back returns to the scene). */
	endScene(push: boolean): void;
	/** Whether the address names a scene now. */
	hasScene(): boolean;
}

const SINGLE_KEYS = 'briefing-map:single-keys';

export class Presentation {
	presenting = $state(false);
	/** 1-based. */
	index = $state(1);
	count = $state(0);
	explored = $state(false);
	/** Letter shortcuts (B, S, P); off for people whose speech input or tremor fires them. */
	singleKeys = $state(true);
	reducedMotion =
		typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
	#stage: Stage;
	#address: SceneAddress;
	/** Whether this presentation put the window in fullscreen (and so takes it out again). */
	#fullscreen = false;
	#channel: BroadcastChannel | null = null;
	/**
	 * The running presentation, from `start` to `exit`: aborted on exit, so a start still waiting
	 * on the browser (fullscreen) or a scene still landing stops there instead of finishing
	 * after the presentation has ended.
	 */
	#run: AbortController | null = null;

	constructor(stage: Stage, briefingId: string, address: SceneAddress = sceneAddress) {
		this.#stage = stage;
		this.#address = address;
		if (typeof localStorage !== 'undefined') {
			this.singleKeys = localStorage.getItem(SINGLE_KEYS) !== 'off';
		}
		if (typeof BroadcastChannel !== 'undefined') {
			this.#channel = new BroadcastChannel(channelName(briefingId));
			this.#channel.onmessage = (e: MessageEvent) => this.#onMessage(e.data);
		}
	}

	setSingleKeys(on: boolean) {
		this.singleKeys = on;
		localStorage.setItem(SINGLE_KEYS, on ? 'on' : 'off');
	}

	/**
	 * Enters presentation at scene `index`; fullscreen where the browser grants it. An `exit`
	 * at any point (even before fullscreen is granted) cancels the rest: no scene is shown, the
	 * hash and the layers are left as the explore view had them, fullscreen is given back.
	 */
	async start(index = 1) {
		if (!this.count) return;
		if (this.presenting) return this.goTo(index);
		const run = new AbortController();
		this.#run = run;
		this.presenting = true;
		this.explored = false;
		this.#stage.enter();
		await this.#enterFullscreen(run.signal);
		if (run.signal.aborted) return;
		await this.goTo(index);
	}

	async #enterFullscreen(signal: AbortSignal) {
		if (typeof document === 'undefined') return;
		if (!document.fullscreenEnabled || document.fullscreenElement) return;
		try {
			await document.documentElement.requestFullscreen();
		} catch {
			// No user gesture (a link opened), or refused: presenting works without it.
			return;
		}
		if (signal.aborted && !this.presenting) {
			// Ended while the browser was granting it: give the window back as it was.
			void document.exitFullscreen().catch(() => {});
			return;
		}
		// Ours, or (ended and started again meanwhile) the new presentation's to give back.
		this.#fullscreen = true;
	}

	/**
	 * Shows scene `index` of the running presentation (nothing when none runs); `push` adds a
	 * history entry (not when Back or Forward brought it).
	 */
	async goTo(index: number, motion?: 'fly' | 'jump' | 'fade', push = true) {
		const run = this.#run;
		if (!this.presenting || !run) return;
		const n = clampScene(index, this.count);
		if (n < 1) return;
		const changed = n !== this.index || !this.#address.hasScene();
		this.index = n;
		this.explored = false;
		this.#address.showScene(n, push && changed);
		this.#post({ type: 'scene', scene: n, count: this.count });
		await this.#stage.show(n, motion ?? (this.reducedMotion ? 'fade' : 'fly'), run.signal);
	}

	step(action: SceneAction) {
		const target = stepScene(this.index, action, this.count);
		if (target !== this.index) void this.goTo(target);
	}

	/** Back to the scene's own camera and layers after the audience explored. */
	back() {
		void this.goTo(this.index, this.reducedMotion ? 'fade' : 'fly');
	}

	/** The window was resized (projectors change resolution): re-fit the scene. */
	refit() {
		if (this.presenting && !this.explored && this.#run) {
			void this.#stage.show(this.index, 'jump', this.#run.signal);
		}
	}

	/** Leaves the presentation; `push` adds a history entry, so Back returns to the scene. */
	exit(push = true) {
		if (!this.presenting) return;
		this.#run?.abort();
		this.#run = null;
		this.presenting = false;
		this.explored = false;
		this.#address.endScene(push);
		this.#post({ type: 'exit' });
		this.#stage.leave();
		if (this.#fullscreen && document.fullscreenElement) {
			void document.exitFullscreen().catch(() => {});
		}
		this.#fullscreen = false;
	}

	/**
	 * This window is closing or navigating away (pagehide) in the middle of a presentation: the
	 * speaker view is told it has ended, rather than keep showing a scene nobody sees. The hash
	 * keeps the scene, so a reload comes back to it.
	 */
	pageHidden() {
		if (this.presenting) this.#post({ type: 'exit' });
	}

	/** Leaving fullscreen by the browser's own means (Escape, F11) leaves the presentation too. */
	onFullscreenChange() {
		if (this.#fullscreen && !document.fullscreenElement) {
			this.#fullscreen = false;
			this.exit();
		}
	}

	/**
	 * The one capture-phase key handler: it sees the keys before MapLibre or a focused button
	 * does, so Space steps the scene instead of also clicking the button.
	 */
	onKeydown(e: KeyboardEvent) {
		if (isTextEntry(e.target) || ownsActivationKeys(e, e.target)) return;
		if (!this.presenting) {
			if (startsPresentation(e, this.singleKeys) && this.count) {
				e.preventDefault();
				void this.start(1);
			}
			return;
		}
		const action = presenterAction(e, this.singleKeys);
		if (!action) return;
		e.preventDefault();
		e.stopPropagation();
		if (action === 'exit') this.exit();
		else if (action === 'back') this.back();
		else if (action === 'speaker') this.#stage.openSpeakerView(this.index);
		else this.step(action);
	}

	openSpeaker() {
		this.#stage.openSpeakerView(this.index);
	}

	#post(message: ChannelMessage) {
		postMessage(this.#channel, message);
	}

	/** A message from the speaker view; anything that is not one (any page can post) is dropped. */
	#onMessage(data: unknown) {
		const m = readMessage(data);
		if (!m) return;
		if (m.type === 'hello') {
			if (this.presenting) this.#post({ type: 'scene', scene: this.index, count: this.count });
			else this.#post({ type: 'exit' });
		} else if (m.type === 'goto') {
			// Stepping the speaker view moves a running presentation; it never restarts one that
			// has ended (the speaker view says so, and offers 'start').
			if (this.presenting) void this.goTo(m.scene);
		} else if (m.type === 'start') {
			void this.start(m.scene);
		}
	}

	destroy() {
		this.#channel?.close();
	}
}
