/**
 * Print handout: the handout's text (handout-model.ts) and its images, the briefing's first view
 * and each scene drawn at print resolution on one map off screen (moved from view to view), each
 * with its legend (the roles' textures: a page printed in black and white still tells them apart).
 * Loaded with import() when a person asks for it. The live map is never touched: the view a
 * person was looking at is where they left it.
 */
import type { ServedBriefing } from '$lib/briefing/passages';
import type { Bounds } from '$lib/map/geodata';
import { OffscreenMap } from '$lib/map/snapshot';
import { mapUpdateOf } from '$lib/state/view-models';
import { canvasMeasure, drawComposition } from './draw';
import { composeImage, metresPerPixel, offscreenPixelRatio, type Size } from './layout';
import { handoutModel, type HandoutModel } from './handout-model';
import { imageText, sceneHidden } from './text';

/**
 * A printed image's size: 3:2, as wide as the printable width of A4 and US Letter (about 186 mm
 * between 12 mm margins) at about 200 dots per inch.
 */
export const PRINT_IMAGE: Size = { width: 1500, height: 1000 };
/** The images' type unit: their legend about 8 points high once printed 160 mm wide. */
const PRINT_UNIT = 34;
/**
 * The CSS width the print images are drawn at: a narrow view, so that few tiles are drawn (each
 * costs a software renderer its draw calls) and the map labels stay legible on paper.
 */
const PRINT_REFERENCE = 700;

export interface Handout {
	model: HandoutModel;
	/** The first view (the briefing's frame), then each scene, as canvases (they print). */
	cover: HTMLCanvasElement;
	scenes: HTMLCanvasElement[];
}

/** What is being drawn: "the cover", then "scene 3 of 10". */
export type Progress = (done: number, total: number, what: string) => void;

export async function makeHandout(
	briefing: ServedBriefing,
	nameOf: (iso3: string) => string,
	opts: { speakerNotes: boolean; progress: Progress; signal?: AbortSignal }
): Promise<Handout> {
	const model = handoutModel(briefing, nameOf, { speakerNotes: opts.speakerNotes });
	const measure = canvasMeasure();
	const total = briefing.scenes.length + 1;
	// The page prints the title and the credits as text: the images hold the map and its legend.
	const compose = (hidden: readonly string[]) =>
		composeImage(
			PRINT_IMAGE,
			{ ...imageText(briefing, hidden, nameOf), title: '', subtitle: '', credits: '' },
			measure,
			PRINT_UNIT
		);
	const first = compose([]);
	const off = new OffscreenMap(
		mapUpdateOf(briefing),
		first.map,
		offscreenPixelRatio(first.map, PRINT_REFERENCE)
	);
	const scale = () => metresPerPixel(off.view.lat, off.view.zoom) / off.pixelRatio;
	try {
		opts.progress(0, total, 'the cover');
		const coverPixels = await off.shoot({
			camera: { bounds: briefing.frame.bounds as Bounds },
			hidden: [],
			highlighted: []
		});
		const cover = drawComposition(first, coverPixels, scale());
		const scenes: HTMLCanvasElement[] = [];
		for (const [i, scene] of briefing.scenes.entries()) {
			opts.signal?.throwIfAborted();
			opts.progress(i + 1, total, `scene ${i + 1} of ${briefing.scenes.length}`);
			const hidden = sceneHidden(briefing, scene);
			const pixels = await off.shoot({
				camera: { scene: scene.camera },
				hidden,
				highlighted: scene.countries
			});
			scenes.push(drawComposition(compose(hidden), pixels, scale()));
		}
		opts.progress(total, total, 'done');
		return { model, cover, scenes };
	} finally {
		off.destroy();
	}
}
