/**
 * Presentation mode: which scene is showing, whether the audience has explored away from it, and
 * the keys and channel that move it. The page supplies `stage`, which does the showing (map
 * camera, layers, highlights); this class only decides what to show and when.
 */
import { clampScene, stepScene, type SceneAction } from '$lib/briefing/scenes';
import { readHash, writeHash } from './hash';
import { presenterAction, startsPresentation, isTextEntry } from './presenter';

export interface Stage {
	/** Shows scene `index` (1-based); resolves when the camera has arrived. */
	show(index: number, motion: 'fly' | 'jump' | 'fade'): Promise<void>;
	/** Leaves the scene's layers and highlights, back to the explore view. */
	leave(): void;
	openSpeakerView(): void;
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
	#fullscreen = false;
	#channel: BroadcastChannel | null = null;

	/** The speaker view asked to start presenting again (the page decides how: `present`). */
	#onStartRequest: (scene: number) => void = (scene) => void this.start(scene);

	onStartRequest(cb: (scene: number) => void) {
		this.#onStartRequest = cb;
	}

	constructor(stage: Stage, channelName: string) {
		this.#stage = stage;
		if (typeof localStorage !== 'undefined') {
			this.singleKeys = localStorage.getItem(SINGLE_KEYS) !== 'off';
		}
		if (typeof BroadcastChannel !== 'undefined') {
			this.#channel = new BroadcastChannel(channelName);
			this.#channel.onmessage = (e: MessageEvent) => this.#onMessage(e.data);
		}
	}

	setSingleKeys(on: boolean) {
		this.singleKeys = on;
		localStorage.setItem(SINGLE_KEYS, on ? 'on' : 'off');
	}

	/** Enters presentation at scene `index`; fullscreen where the browser grants it. */
	async start(index = 1) {
		if (!this.count) return;
		if (!this.presenting) {
			this.presenting = true;
			try {
				if (document.fullscreenEnabled && !document.fullscreenElement) {
					await document.documentElement.requestFullscreen();
					this.#fullscreen = true;
				}
			} catch {
				// No user gesture (a link opened), or refused: presenting works without it.
				this.#fullscreen = false;
			}
		}
		await this.goTo(index);
	}

	/** Shows scene `index`; `push` adds a history entry (not when Back or Forward brought it). */
	async goTo(index: number, motion?: 'fly' | 'jump' | 'fade', push = true) {
		const n = clampScene(index, this.count);
		const changed = n !== this.index || !this.#hashHasScene();
		this.index = n;
		this.explored = false;
		writeHash({ scene: n }, { push: push && changed });
		this.#post({ type: 'scene', scene: n, count: this.count });
		await this.#stage.show(n, motion ?? (this.reducedMotion ? 'fade' : 'fly'));
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
		if (this.presenting && !this.explored) void this.#stage.show(this.index, 'jump');
	}

	#hashHasScene() {
		return typeof location !== 'undefined' && readHash().scene !== undefined;
	}

	/** Leaves the presentation; `push` adds a history entry, so Back returns to the scene. */
	exit(push = true) {
		if (!this.presenting) return;
		this.presenting = false;
		this.explored = false;
		writeHash({ scene: undefined }, { push });
		this.#post({ type: 'exit' });
		this.#stage.leave();
		if (this.#fullscreen && document.fullscreenElement) void document.exitFullscreen();
		this.#fullscreen = false;
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
		if (isTextEntry(e.target)) return;
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
		else if (action === 'speaker') this.#stage.openSpeakerView();
		else this.step(action);
	}

	openSpeaker() {
		this.#stage.openSpeakerView();
	}

	#post(message: unknown) {
		this.#channel?.postMessage(message);
	}

	#onMessage(data: unknown) {
		const m = data as { type?: string; scene?: number };
		if (m.type === 'hello') {
			if (this.presenting) this.#post({ type: 'scene', scene: this.index, count: this.count });
			else this.#post({ type: 'exit' });
		} else if (m.type === 'goto' && typeof m.scene === 'number') {
			// Stepping the speaker view moves a running presentation; it never restarts one that
			// has ended (the speaker view says so, and offers 'start').
			if (this.presenting) void this.goTo(m.scene);
		} else if (m.type === 'start' && typeof m.scene === 'number') {
			if (this.presenting) void this.goTo(m.scene);
			else this.#onStartRequest(m.scene);
		}
	}

	destroy() {
		this.#channel?.close();
	}
}
