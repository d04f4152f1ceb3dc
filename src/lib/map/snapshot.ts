/**
 * Reading the map as pixels, for saved images and printed handouts. Two ways, each where it costs
 * least:
 *
 * - the live map at its own size: one frame drawn now (`redraw`) and copied in the same task,
 *   before the browser hands the frame to the screen and may clear it. The live map keeps
 *   `preserveDrawingBuffer` off: with it on, every frame it draws pays for a copy (measured in
 *   README, "Handouts and images"), whereas this costs one frame, when a person saves.
 * - any other size: a second map, off screen, of the same briefing (a BriefingMap too, so the same
 *   style, pattern images and outlines), drawn at the size asked with `preserveDrawingBuffer`, so
 *   its pixels can be read whenever it has settled. It is made once and moved from view to view
 *   (a handout's scenes), then removed.
 */
import { BriefingMap, type MapContent, type View } from './briefing-map';
import type { Bounds } from './geodata';

export interface Size {
	width: number;
	height: number;
}

/** Copies a canvas's pixels into a new 2D canvas (which prints, and can be read at any time). */
function copyOf(source: HTMLCanvasElement): HTMLCanvasElement {
	const copy = document.createElement('canvas');
	copy.width = source.width;
	copy.height = source.height;
	// A canvas kept in memory (willReadFrequently): it is drawn on and encoded by the CPU, with
	// no trip to the GPU and back.
	copy.getContext('2d', { willReadFrequently: true })!.drawImage(source, 0, 0);
	return copy;
}

/**
 * The live map's pixels as they are on screen (device pixels), once everything asked of it is
 * drawn. Nothing of the map changes.
 */
export async function readLiveMap(live: BriefingMap): Promise<HTMLCanvasElement> {
	await live.settled();
	return readLiveMapNow(live);
}

/**
 * The live map's pixels now, without waiting (for `beforeprint`, which must answer at once): a
 * frame drawn and copied in the same task.
 */
export function readLiveMapNow(live: BriefingMap): HTMLCanvasElement {
	return live.readNow();
}

/** What an off-screen shot shows: a camera (a view, or a scene's), and the map's state. */
export interface Shot {
	camera:
		| { view: View }
		| { bounds: Bounds }
		| { scene: { fit: readonly string[] } | { center: readonly [number, number]; zoom: number } };
	hidden: readonly string[];
	highlighted: readonly string[];
	selected?: string | null;
	presenting?: boolean;
}

/** The CSS size of an off-screen map `pixels` in size drawn at `pixelRatio` (whole pixels). */
export function offscreenCssSize(pixels: Size, pixelRatio: number): Size {
	return {
		width: Math.max(1, Math.round(pixels.width / pixelRatio)),
		height: Math.max(1, Math.round(pixels.height / pixelRatio))
	};
}

/** A map of the briefing drawn off screen, to read views of it at a given size. */
export class OffscreenMap {
	#container: HTMLDivElement;
	#map: BriefingMap;
	readonly pixelRatio: number;
	readonly cssSize: Size;

	/**
	 * A map `pixels` device pixels in size, drawn at `pixelRatio` (so `pixels / pixelRatio` CSS
	 * pixels: labels and marks keep their size against the map as on a screen that size). `start`:
	 * the view of the first shot, when known (the map then loads only its tiles).
	 */
	constructor(content: MapContent, pixels: Size, pixelRatio: number, start?: View) {
		const css = offscreenCssSize(pixels, pixelRatio);
		// The exact ratio that makes the canvas `pixels` wide.
		this.pixelRatio = pixels.width / css.width;
		this.cssSize = css;
		const el = document.createElement('div');
		// Laid out (WebGL needs a size) but never seen, never printed, never reached.
		Object.assign(el.style, {
			position: 'fixed',
			left: '-100000px',
			top: '0',
			width: `${css.width}px`,
			height: `${css.height}px`,
			visibility: 'hidden',
			pointerEvents: 'none'
		});
		el.setAttribute('aria-hidden', 'true');
		el.className = 'offscreen-map';
		document.body.append(el);
		this.#container = el;
		this.#map = new BriefingMap({
			container: el,
			view: start,
			countries: content.countries,
			looks: content.looks,
			overlays: content.overlays,
			views: content.views,
			label: 'Map drawn for an image',
			reducedMotion: true,
			// Drawn coarse while its tiles come in (each tile that arrives draws a frame, and under
			// a software renderer a frame at 4K costs most of a second), then once at full size.
			pixelRatio: this.pixelRatio / 4,
			preserveDrawingBuffer: true,
			interactive: false
		});
		this.#map.map.on('error', (e) => console.warn('offscreen map:', e.error?.message ?? e));
	}

	/** The view a shot of the camera shows (center and zoom), for its scale bar. */
	get view(): View {
		return this.#map.view();
	}

	/** The map's pixels showing `shot`, once every tile, image and outline of it is drawn. */
	async shoot(shot: Shot): Promise<HTMLCanvasElement> {
		await this.#show(shot);
		return copyOf(this.#map.map.getCanvas());
	}

	async #show(shot: Shot): Promise<void> {
		const m = this.#map;
		m.setHidden(shot.hidden);
		m.highlight(shot.highlighted);
		m.select(shot.selected ?? null);
		m.setPresenting(!!shot.presenting);
		await new Promise<void>((ok) => m.whenReady(ok));
		// Coarse again while this view's tiles come in (a handout moves one map scene to scene).
		const coarse = this.pixelRatio / 4;
		if (m.map.getPixelRatio() !== coarse) m.map.setPixelRatio(coarse);
		const drawn = m.settledAfterChange();
		if ('view' in shot.camera) m.jumpTo(shot.camera.view);
		// (No motion: the map was made with reduced motion, so the fit is a jump.)
		else if ('bounds' in shot.camera) m.fitTo(shot.camera.bounds);
		else await m.showCamera(shot.camera.scene, {}, 'jump');
		await drawn;
		// Now at full size: one frame (see the constructor). Setting the ratio resizes the canvas,
		// which draws a frame; its idle is the one to wait for (asking for another would make the
		// software renderer draw the whole view twice before it can be read).
		if (m.map.getPixelRatio() !== this.pixelRatio) {
			const drawn = new Promise<void>((ok) => m.map.once('idle', () => ok()));
			m.map.setPixelRatio(this.pixelRatio);
			await drawn;
		}
	}

	destroy() {
		this.#map.destroy();
		this.#container.remove();
	}
}
