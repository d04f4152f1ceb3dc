/**
 * Presentation mode's scenes: pure helpers that
 * turn a scene number and a key press into the next scene, a scene into its quotes and into the
 * layers to hide. No DOM and no map here, so the presenter only renders and the rules are pinned
 * by unit tests.
 *
 * The layers a scene can name are the briefing's own (its countries and overlays, see
 * BASEMAP_LAYERS for the basemap's): this module holds no vocabulary of its own.
 */
import type { Scene, ServedBriefing } from './schema';

export type { Scene, SceneCamera } from './schema';

export type SceneAction = 'next' | 'prev' | 'first' | 'last';

export interface SceneQuote {
	/** 1-based, as in the briefing ("para. 4"). */
	paragraph: number;
	text: string;
}

/**
 * The paragraphs a scene quotes, in the order the scene lists them (the editor's order). A number
 * outside the article is skipped: the schema rejects it, so only a hand-built scene can have one.
 */
export function sceneQuote(briefing: ServedBriefing, scene: Scene): SceneQuote[] {
	const quotes: SceneQuote[] = [];
	for (const paragraph of scene.paragraphs) {
		const text = briefing.article.paragraphs[paragraph - 1];
		if (Number.isInteger(paragraph) && paragraph >= 1 && text !== undefined) {
			quotes.push({ paragraph, text });
		}
	}
	return quotes;
}

/**
 * A scene number (1-based) brought into 1..count: a fraction is truncated, NaN gives 1, anything
 * below 1 gives 1, anything past the end (Infinity too) gives the last scene. With no scenes
 * (count < 1) there is nothing to show and the answer is 0.
 */
export function clampScene(n: number, count: number): number {
	const last = Number.isFinite(count) ? Math.floor(count) : 0;
	if (last < 1) return 0;
	if (Number.isNaN(n)) return 1;
	return Math.min(Math.max(Math.trunc(n), 1), last);
}

/**
 * The scene after a step from `current` (1-based, clamped first, so a stale number from the URL
 * still steps sensibly). Next at the last scene stays there and prev at the first stays at 1:
 * a presenter who presses once too often does not wrap round to the start of the story.
 */
export function stepScene(current: number, action: SceneAction, count: number): number {
	const at = clampScene(current, count);
	if (at === 0) return 0;
	const last = Math.floor(count);
	switch (action) {
		case 'next':
			return Math.min(at + 1, last);
		case 'prev':
			return Math.max(at - 1, 1);
		case 'first':
			return 1;
		case 'last':
			return last;
		default:
			return at;
	}
}

/** Every id in `allLayerIds` that the scene does not show, in `allLayerIds`' order. */
export function hiddenLayers(scene: Scene, allLayerIds: readonly string[]): string[] {
	const shown = new Set<string>(scene.layers);
	return allLayerIds.filter((id) => !shown.has(id));
}
