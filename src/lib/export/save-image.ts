/**
 * Save image: the map as it is now (or a scene of the briefing), composed for a slide, as a PNG
 * file. Loaded with import() when a person asks for it: none of this is in the map page's first
 * load. The composition is layout.ts's, the drawing draw.ts's, the map's pixels snapshot.ts's.
 */
import type { ServedBriefing } from '$lib/briefing/passages';
import type { Scene } from '$lib/briefing/scenes';
import type { BriefingMap } from '$lib/map/briefing-map';
import { COUNTRY_NAMES } from '$lib/map/geodata';
import { OffscreenMap, offscreenCssSize, readLiveMap } from '$lib/map/snapshot';
import { mapUpdateOf } from '$lib/state/view-models';
import { downloadBlob } from '$lib/ui/download';
import { canvasMeasure, drawComposition, toPng } from './draw';
import {
	IMAGE_SIZES,
	adaptZoom,
	composeAroundMap,
	composeImage,
	imageFileName,
	metresPerPixel,
	offscreenPixelRatio,
	type Composition,
	type ImageSizeId,
	type ImageText,
	type Size
} from './layout';
import { imageText, sceneHidden, sceneLabel } from './text';

/** What was saved: the file's name and the image's size. */
export interface Saved {
	name: string;
	width: number;
	height: number;
}

/**
 * The CSS width a scene is drawn at when no live map says (the speaker view): a laptop's map,
 * sharper; text stays legible on a slide.
 */
export const REFERENCE_WIDTH = 1000;

function fixedSize(id: ImageSizeId): Size | null {
	const s = IMAGE_SIZES.find((x) => x.id === id);
	return s && 'width' in s ? { width: s.width, height: s.height } : null;
}

/** The composed image of the live map's view, as a canvas. */
export async function composeLiveView(
	live: BriefingMap,
	sizeId: ImageSizeId,
	text: ImageText
): Promise<HTMLCanvasElement> {
	const measure = canvasMeasure();
	const state = live.state();
	const size = fixedSize(sizeId);
	if (!size || !state.content) {
		// The screen: the live map's own pixels, with the rest composed around them.
		const pixels = await readLiveMap(live);
		const c = composeAroundMap({ width: pixels.width, height: pixels.height }, text, measure);
		const ratio = pixels.width / Math.max(1, state.size.width);
		return drawComposition(c, pixels, metresPerPixel(state.view.lat, state.view.zoom) / ratio);
	}
	const c = composeImage(size, text, measure);
	const ratio = offscreenPixelRatio(c.map, state.size.width);
	// The same centre, at the zoom that shows at least the area the screen shows.
	const zoom = adaptZoom(state.view.zoom, state.size, offscreenCssSize(c.map, ratio));
	const off = new OffscreenMap(state.content, c.map, ratio, { ...state.view, zoom });
	try {
		const pixels = await off.shoot({
			camera: { view: { ...state.view, zoom } },
			hidden: state.hidden,
			highlighted: state.highlighted,
			selected: state.selected,
			presenting: state.presenting
		});
		return drawComposition(c, pixels, metresPerPixel(state.view.lat, zoom) / off.pixelRatio);
	} finally {
		off.destroy();
	}
}

/** A scene of the briefing composed as `c` lays it out, drawn on `off` (made for `c.map`). */
export async function composeScene(
	briefing: ServedBriefing,
	scene: Scene,
	c: Composition,
	off: OffscreenMap
): Promise<HTMLCanvasElement> {
	const pixels = await off.shoot({
		camera: { scene: scene.camera },
		hidden: sceneHidden(briefing, scene),
		highlighted: scene.countries,
		// A scene is for a slide: text and marks as the projector theme draws them.
		presenting: true
	});
	const v = off.view;
	return drawComposition(c, pixels, metresPerPixel(v.lat, v.zoom) / off.pixelRatio);
}

/** A map off screen for `briefing`, sized for `c`'s map, at the reference width's scale. */
export function offscreenFor(
	briefing: ServedBriefing,
	c: Composition,
	reference = REFERENCE_WIDTH
) {
	return new OffscreenMap(mapUpdateOf(briefing), c.map, offscreenPixelRatio(c.map, reference));
}

/** Saves the live map's view at `sizeId` as `<briefing-id>-<view>-<size>.png`. */
export async function saveLiveView(opts: {
	live: BriefingMap;
	briefing: ServedBriefing;
	briefingId: string;
	sizeId: ImageSizeId;
	hidden: readonly string[];
	nameOf: (iso3: string) => string;
	/** What the view is: a scene, a country, or the map. */
	what?: string;
	view: string;
}): Promise<Saved> {
	const text = imageText(opts.briefing, opts.hidden, opts.nameOf, opts.what);
	const canvas = await composeLiveView(opts.live, opts.sizeId, text);
	const name = imageFileName(opts.briefingId, opts.view, `${canvas.width}x${canvas.height}`);
	downloadBlob(name, await toPng(canvas));
	return { name, width: canvas.width, height: canvas.height };
}

/** A country's name on the basemap (where no page's document names it: the speaker view). */
export function basemapNameOf(iso3: string): string {
	return COUNTRY_NAMES.find((c) => c.iso3 === iso3)?.name ?? iso3;
}

/** Saves scene `index` (1-based) of the briefing at `sizeId` (the speaker view's Save image). */
export async function saveScene(opts: {
	briefing: ServedBriefing;
	briefingId: string;
	index: number;
	sizeId: ImageSizeId;
	nameOf?: (iso3: string) => string;
}): Promise<Saved> {
	const nameOf = opts.nameOf ?? basemapNameOf;
	const scene = opts.briefing.scenes[opts.index - 1];
	if (!scene) throw new Error(`There is no scene ${opts.index}`);
	const size = fixedSize(opts.sizeId) ?? {
		width: Math.round(window.innerWidth * devicePixelRatio),
		height: Math.round(window.innerHeight * devicePixelRatio)
	};
	const label = sceneLabel(scene, opts.index);
	const text = imageText(opts.briefing, sceneHidden(opts.briefing, scene), nameOf, label.what);
	const c = composeImage(size, text, canvasMeasure());
	const off = offscreenFor(opts.briefing, c);
	try {
		const canvas = await composeScene(opts.briefing, scene, c, off);
		const name = imageFileName(opts.briefingId, label.view, `${canvas.width}x${canvas.height}`);
		downloadBlob(name, await toPng(canvas));
		return { name, width: canvas.width, height: canvas.height };
	} finally {
		off.destroy();
	}
}
