/**
 * Marks just added to a briefing being edited, drawn in the next frame.
 *
 * The overlays' marks live in one GeoJSON source (see `DrawnMarks`). A mark added to it makes
 * MapLibre cut again, in its worker, every tile the mark touches, with all the other marks of
 * those tiles (hundreds of labels in a briefing of 2,000 notes): tens of milliseconds. And MapLibre
 * asks for a frame as soon as the source's data has changed, before those tiles are back, so the
 * mark shows only in the frame after: under a software renderer (a projector's laptop without a
 * GPU, the test machines) a frame of a large briefing costs about 100 ms.
 *
 * So a mark added goes first to a small source of its own, drawn by a twin of each overlay layer
 * (same filter, same look, right above its own): its tile is cut in a few milliseconds. The map's
 * next frame waits for that tile (at most `HOLD_MS`), so the mark is in the first frame drawn
 * after the edit. The overlays' source gets it once that tile is back; once the map is idle after
 * that (its tiles hold the mark), the small source lets it go. Meanwhile the mark is drawn twice,
 * on itself.
 */
import type {
	GeoJSONSource,
	GeoJSONSourceDiff,
	LayerSpecification,
	Map as MapLibreMap,
	MapSourceDataEvent
} from 'maplibre-gl';

/** The source of the marks just added, and the suffix of its layers' ids. */
export const FRESH_SOURCE = 'overlays-fresh';
export const FRESH_SUFFIX = '~fresh';
/**
 * The longest the map's next frame waits for the small source's tile (the page may be busy
 * meanwhile: the editor lays out the note it lists, before the map's worker is heard back).
 */
export const HOLD_MS = 150;

/** What `DrawnMarks.change` asks of the overlays' source. */
export type MarksChange = { diff: GeoJSONSourceDiff } | { data: GeoJSON.FeatureCollection };

/** The twin of an overlay layer, on the source of marks just added. */
export function twinLayer(layer: LayerSpecification): LayerSpecification {
	return { ...layer, id: layer.id + FRESH_SUFFIX, source: FRESH_SOURCE } as LayerSpecification;
}

export class FreshMarks {
	readonly #map: MapLibreMap;
	readonly #source: string;
	/** The ids the small source holds. */
	#held = new Set<string>();
	/** The map's `triggerRepaint` is held (see `#holdFrame`); its release. */
	#release: (() => void) | null = null;
	/** Resolves once a frame with the marks last added is drawn (or the hold gave up). */
	#drawn: Promise<void> = Promise.resolve();
	/** What the overlays' source is to be sent once the small source's tile is back, in order. */
	#waiting: GeoJSONSourceDiff[] = [];

	/** For the map `map` whose overlays' source is `source`. */
	constructor(map: MapLibreMap, source: string) {
		this.#map = map;
		this.#source = source;
	}

	/**
	 * Sends `change` to the overlays' source; the marks it adds go to the small source first, and
	 * the next frame waits for them.
	 */
	send(change: MarksChange) {
		const marks = this.#map.getSource<GeoJSONSource>(this.#source);
		if (!marks) return;
		if ('data' in change) {
			// Another briefing, or most of the marks changed: no twin is needed, and what waited
			// for the overlays' source is in this data.
			this.#waiting = [];
			if (this.#held.size) this.#fresh()?.setData({ type: 'FeatureCollection', features: [] });
			this.#held.clear();
			marks.setData(change.data);
			return;
		}
		const { diff } = change;
		const add = diff.add ?? [];
		const gone = (diff.remove ?? []).filter((id) => this.#held.has(String(id)));
		if (gone.length || add.length) {
			const fresh = this.#fresh() ?? this.#addFresh();
			fresh.updateData({ add, remove: gone });
			for (const id of gone) this.#held.delete(String(id));
			for (const f of add) this.#held.add(String(f.id));
		}
		// (A hold still on is let go first: what waited for it goes before this change.)
		if (add.length) this.#drawn = this.#holdFrame();
		this.#waiting.push(diff);
		if (!this.#release) this.#sendWaiting();
	}

	/**
	 * The overlays' source gets what waited, in order, once the small source's tile is back:
	 * MapLibre's worker takes its messages in turn, and the overlays' change (its whole index made
	 * again, then its tiles cut) would otherwise come before that tile. Once the map is idle after
	 * it, the overlays' tiles hold the marks, and the small source lets them go.
	 */
	#sendWaiting() {
		const marks = this.#map.getSource<GeoJSONSource>(this.#source);
		const waiting = this.#waiting;
		this.#waiting = [];
		if (!marks || !waiting.length) return;
		for (const diff of waiting) marks.updateData(diff);
		const ids = waiting.flatMap((d) => (d.add ?? []).map((f) => String(f.id)));
		if (ids.length) this.#map.once('idle', () => this.#letGo(ids));
	}

	/**
	 * Resolves once the marks last added are in a frame the map has drawn, or after `atMost`
	 * milliseconds: a caller with work of its own for the page (the editor moving the focus, which
	 * lays out the whole editor) does it after the map's frame, not before.
	 */
	drawn(atMost: number): Promise<void> {
		return Promise.race([this.#drawn, new Promise<void>((ok) => setTimeout(ok, atMost))]);
	}

	/**
	 * Gives each layer of the overlays' source its twin on the small source, as it is drawn now
	 * (its filter, look, visibility and presenting sizes), right above it; a twin whose layer left
	 * leaves too. Called after the style's layers changed; nothing to do before a mark was added.
	 */
	syncLayers() {
		if (!this.#fresh()) return;
		const map = this.#map;
		const order = map.getLayersOrder();
		const twins = new Set(order.filter((id) => id.endsWith(FRESH_SUFFIX)));
		for (const id of order) {
			const layer = map.getLayer(id);
			if (!layer || layer.source !== this.#source) continue;
			const want = twinLayer(layer.serialize() as LayerSpecification);
			twins.delete(want.id);
			const have = map.getLayer(want.id);
			const now = map.getLayersOrder();
			const above = now[now.indexOf(id) + 1];
			if (have && JSON.stringify(have.serialize()) === JSON.stringify(want)) {
				if (above !== want.id) map.moveLayer(want.id, above);
				continue;
			}
			if (have) map.removeLayer(want.id);
			map.addLayer(want, above === want.id ? now[now.indexOf(id) + 2] : above);
		}
		for (const id of twins) map.removeLayer(id);
	}

	/**
	 * Adds the small source and its layers now (a map being edited, once idle): added with the
	 * first mark, they would hold back its frame (MapLibre takes in new layers and a new source).
	 */
	prepare() {
		if (this.#map.getSource(this.#source) && !this.#fresh()) this.#addFresh();
	}

	/** Lets a held frame go (the map is being removed). */
	destroy() {
		this.#release?.();
	}

	#fresh() {
		return this.#map.getSource<GeoJSONSource>(FRESH_SOURCE);
	}

	#addFresh(): GeoJSONSource {
		this.#map.addSource(FRESH_SOURCE, {
			type: 'geojson',
			data: { type: 'FeatureCollection', features: [] }
		});
		this.syncLayers();
		return this.#fresh()!;
	}

	#letGo(ids: string[]) {
		const fresh = this.#fresh();
		const still = ids.filter((id) => this.#held.has(id));
		if (!fresh || !still.length) return;
		for (const id of still) this.#held.delete(id);
		fresh.updateData({ remove: still });
	}

	/**
	 * Holds the map's frames until the small source has a tile back (at most `HOLD_MS`); resolves
	 * at the first frame drawn after that. MapLibre asks for its frames through `triggerRepaint`
	 * (data changed, camera moved): asked meanwhile, one frame is drawn at the release.
	 */
	#holdFrame(): Promise<void> {
		this.#release?.();
		const map = this.#map;
		let asked = false;
		let release!: () => void;
		const drawn = new Promise<void>((ok) => {
			const onData = (e: MapSourceDataEvent) => {
				if (e.sourceId === FRESH_SOURCE && e.tile) release();
			};
			const timer = setTimeout(() => release(), HOLD_MS);
			release = () => {
				if (this.#release !== release) return;
				this.#release = null;
				clearTimeout(timer);
				map.off('sourcedata', onData);
				Reflect.deleteProperty(map, 'triggerRepaint');
				// After the task of that frame: what the caller does next comes after it is on screen.
				map.once('render', () => setTimeout(ok, 0));
				if (asked) map.triggerRepaint();
				this.#sendWaiting();
			};
			map.on('sourcedata', onData);
		});
		this.#release = release;
		map.triggerRepaint = () => {
			asked = true;
		};
		return drawn;
	}
}
