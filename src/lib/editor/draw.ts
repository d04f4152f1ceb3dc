/**
 * Drawing a note's shape on the editor's map: terra-draw and its MapLibre adapter (no drawing code
 * of our own), loaded by a dynamic import when the author presses "Add note", so neither is in the
 * editor's first load. One drawing at a time: a point, a line or an area; when it is finished its
 * shape is handed back and terra-draw is cleared and stopped (its layers leave the map), so the
 * note is drawn by the map's own overlays like every other mark.
 */
import {
	TerraDraw,
	TerraDrawLineStringMode,
	TerraDrawPointMode,
	TerraDrawPolygonMode
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { BriefingMap } from '$lib/map/briefing-map';
import type { DrawnGeometry, DrawnKind } from './notes-model';

const MODES: Record<DrawnKind, string> = {
	Point: 'point',
	LineString: 'linestring',
	Polygon: 'polygon'
};

export interface Drawing {
	/** Settles when terra-draw listens to the map: clicks before that are not drawn. */
	readonly ready: Promise<void>;
	/** The shape drawn, or null when the drawing was cancelled (Escape, or `cancel`). */
	readonly done: Promise<DrawnGeometry | null>;
	/** Stops drawing with nothing drawn. */
	cancel(): void;
}

/** Starts drawing one shape of `kind` on the map; clicks place its points until it is finished. */
export function startDrawing(briefingMap: BriefingMap, kind: DrawnKind): Drawing {
	const map = briefingMap.map;
	const draw = new TerraDraw({
		adapter: new TerraDrawMapLibreGLAdapter({ map }),
		modes: [new TerraDrawPointMode(), new TerraDrawLineStringMode(), new TerraDrawPolygonMode()]
	});
	let settle: (g: DrawnGeometry | null) => void = () => {};
	const done = new Promise<DrawnGeometry | null>((resolve) => (settle = resolve));
	let over = false;
	const cursor = map.getCanvas().style.cursor;
	const finish = (g: DrawnGeometry | null) => {
		if (over) return;
		over = true;
		briefingMap.drawing = false;
		map.getCanvas().style.cursor = cursor;
		// Once the click that finished the drawing is over (terra-draw finishes on its pointerup;
		// the mouseup and click that follow would otherwise land after the note's focus is set):
		// cleared, then stopped (terra-draw's sources and layers leave the map), then handed back.
		setTimeout(() => {
			try {
				draw.clear();
				draw.stop();
			} catch {
				// A map removed meanwhile (the page left): nothing is left to clear.
			}
			settle(g);
		});
	};
	draw.on('finish', (id) => {
		const f = draw.getSnapshotFeature(id);
		const g = f?.geometry;
		if (g && (g.type === 'Point' || g.type === 'LineString' || g.type === 'Polygon'))
			finish({ type: g.type, coordinates: g.coordinates } as DrawnGeometry);
	});
	const ready = new Promise<void>((resolve) => draw.on('ready', () => resolve()));
	briefingMap.drawing = true;
	draw.start();
	draw.setMode(MODES[kind]);
	return { ready, done, cancel: () => finish(null) };
}
