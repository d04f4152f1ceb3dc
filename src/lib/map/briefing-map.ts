/**
 * Every maplibre-gl call of the app lives under src/lib/map. Components talk to the map through the
 * verbs of `BriefingMap` (select, fit, jump) and its callbacks (country clicked, busy, view changed);
 * the map knows nothing of panels or of the URL.
 */
import {
	GPUInitializationError,
	Map as MapLibreMap,
	Popup,
	ScaleControl,
	prewarm,
	setWorkerUrl,
	type GeoJSONSource,
	type LayerSpecification,
	type StyleSpecification,
	type MapGeoJSONFeature,
	type MapMouseEvent
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import {
	FINE_FROM_ZOOM,
	OUTLINE_SOURCE,
	WORLD_FILL,
	buildStyle,
	outlineLayers,
	presentingScale,
	scaledProperties,
	type OutlineMark,
	splitFine,
	countriesFilter,
	countryLayerIds,
	countrySourceId,
	NO_ROLE,
	roleLayerIds,
	roleState,
	type RoleGroupMetadata,
	type RoleState,
	type RoleLook,
	type StyledCountry
} from './style';
import { GEODATA, MAINLAND_BOUNDS, type Bounds } from './geodata';
import { measure, type LonLat, type Measurement } from './measure';
import {
	MEASURE_SOURCE,
	markLayersOf,
	measureLayers,
	DrawnMarks,
	type MapOverlay
} from './overlays';
import { FreshMarks } from './fresh-marks';
import { hasTexture, patternImage } from './patterns';
import {
	COLORS,
	LABEL_SPACE_IMAGE,
	OCCUPIED_PATTERN_ID,
	OVERLAY_COLORS,
	TROOPS_PATTERN_ID,
	labelSpaceImage
} from './theme';

setWorkerUrl(workerUrl);

/** The resolution the page's map draws at until its first data are in (see #showWhenLoaded). */
const SKETCH_RATIO = 1 / 16;

/**
 * Starts MapLibre's web worker (fetching and compiling its script) before the map exists, so it
 * gets ready while the page boots and the briefing loads, rather than after. Call it as early as
 * the map is known to be wanted.
 */
export function warmUpMap(): void {
	prewarm();
}

/**
 * Whether an error thrown by `new BriefingMap` means this browser cannot draw maps at all (no
 * WebGL 2). Asking MapLibre is cheaper than probing first: each WebGL context costs time to make.
 */
export function isWebglMissing(err: unknown): boolean {
	return err instanceof GPUInitializationError;
}

export interface View {
	zoom: number;
	lat: number;
	lon: number;
}

export interface BriefingMapOptions {
	container: HTMLElement;
	/** A view to open on (from a shared link); it wins over the frame. */
	view?: View;
	/** The story's first view (from the briefing), when there is one. */
	frame?: Bounds;
	/** The countries styled by their primary role, and how each role looks. */
	countries: readonly StyledCountry[];
	looks: readonly RoleLook[];
	/** The briefing's overlays: its marks, lines and areas. */
	overlays: readonly MapOverlay[];
	/** A name for the map canvas, read by screen readers. */
	label: string;
	reducedMotion?: boolean;
	/** The countries' cameras, where the briefing sets them (see `#boundsOf`). */
	views?: Readonly<Record<string, Bounds>>;
	/**
	 * For a map drawn off screen to be saved as an image (see `snapshot.ts`): device pixels per
	 * CSS pixel (the image's resolution, drawn at that size rather than enlarged afterwards), and
	 * whether its pixels stay readable after each frame (`preserveDrawingBuffer`). The live map
	 * keeps MapLibre's defaults: preserving the buffer would cost every frame it draws.
	 */
	pixelRatio?: number;
	preserveDrawingBuffer?: boolean;
	/** False for a map nobody touches (off screen): no handlers, no scale control. */
	interactive?: boolean;
}

/**
 * Map data that could not be fetched (a file aborted, the server gone): the basemap's own files
 * (the land and its names: nothing useful is drawn without them), and the countries whose 1:50m
 * shapes are missing (drawn from the basemap's coarser shapes instead, in their role). `retrying`:
 * a retry is under way.
 */
export interface DataTrouble {
	base: string[];
	detail: string[];
	retrying: boolean;
}

export interface CountryHit {
	iso3: string;
	name: string;
}

/** A point or line of an overlay: which overlay, and its feature's `id`. */
export interface MarkHit {
	overlay: string;
	id: string;
}

/** What the map draws of a briefing; `update` takes it whole when the briefing changes. */
export interface MapContent {
	countries: readonly StyledCountry[];
	looks: readonly RoleLook[];
	overlays: readonly MapOverlay[];
	/** Where each country's story happens (see `setCountryViews`). */
	views: Readonly<Record<string, Bounds>>;
}

type Padding = { top: number; right: number; bottom: number; left: number };

function hexToRgba(hex: string, alpha: number): [number, number, number, number] {
	const n = parseInt(hex.slice(1), 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}

export class BriefingMap {
	readonly map: MapLibreMap;
	#countryFills: string[] = [];
	#hovered: { source: string; id: string } | null = null;
	#selected: { iso3: string; sources: string[] } | null = null;
	#reducedMotion: boolean;
	#onCountry: ((hit: CountryHit) => void) | null = null;
	#onBusy: ((busy: boolean) => void) | null = null;
	#onView: ((view: View) => void) | null = null;
	#onMark: ((hit: MarkHit) => void) | null = null;
	#onMeasure: ((m: Measurement) => void) | null = null;
	/**
	 * Layers in the full style's order, with the toggle (country or overlay) each belongs to, or,
	 * for a role layer of the basemap, the countries it draws (see `#applyVisibility`).
	 */
	#layers: { id: string; toggle?: string; countries?: string[] }[] = [];
	#hidden = new Set<string>();
	#measuring: LonLat[] | null = null;
	#highlighted: { iso3: string; sources: string[] }[] = [];
	/** The basemap's shapes by ISO alpha-3, for the outlines (see #drawOutlines). */
	#shapes: Promise<Map<string, GeoJSON.Geometry>> | null = null;
	#destroyed = false;
	/** The 1:50m part of the style (see `splitFine`), and the full style's layer order. */
	#fine: ReturnType<typeof splitFine>['fine'] = { sources: {}, layers: [] };
	#order: string[] = [];
	/** The basemap sources (`world`, `labels`) and the countries (ISO alpha-3) that failed to load. */
	#failedBase = new Set<string>();
	#failedFine = new Set<string>();
	#retrying = false;
	#onTrouble: ((t: DataTrouble) => void) | null = null;
	#onUserMove: (() => void) | null = null;
	#views: Record<string, Bounds> = {};
	/** Every layer the map may hold (the full style and the outlines), at the explore sizes. */
	#baseLayers: LayerSpecification[] = [];
	/** The presenting scale of text and marks (1 when exploring), and whether presenting. */
	#scale = 1;
	#presenting = false;
	/** The name of the mark under the pointer, shown beside it (its label may have had no room). */
	#tooltip: Popup | null = null;
	#tooltipFor = '';
	/** The layers of the briefing's marks (points and lines a click opens). */
	#markLayers: string[] = [];
	/** The map has drawn its first full view (MapLibre's `load`; see `whenReady`). */
	#loaded = false;
	/**
	 * The style itself has been read (MapLibre's `style.load`, a frame after the map starts, long
	 * before its data is in): layers can be added from then on (see `update`).
	 */
	#styled = false;
	/**
	 * What is under the pointer, as the last mousemove found it: a click at the same pixel (a
	 * pointer comes to rest, then clicks) reuses it instead of querying the tiles again, which
	 * costs a click most of its time on a large country. Cleared when what is drawn may differ.
	 */
	#lastHit: { x: number; y: number; mark?: MapGeoJSONFeature; country?: MapGeoJSONFeature } | null =
		null;
	/** The 1:50m part of the style is on the map (the view has been close enough). */
	#fineAdded = false;
	/** The feature-state each styled country has on the basemap's shapes (see `#applyRoles`). */
	#roleStates = new Map<string, RoleState>();
	/**
	 * What the overlays' source holds, so that an update sends only the marks that changed (by
	 * identity: a briefing edited in place keeps the objects it did not change). Sending 2,000
	 * marks again makes MapLibre cut every tile that uses them again; a note added cuts one.
	 */
	#drawnMarks: DrawnMarks;
	/** Marks just added, drawn in the next frame (see `FreshMarks`). */
	#freshMarks: FreshMarks;
	/** What `update` was last given before the style had loaded, applied on load. */
	#pending: MapContent | null = null;
	#pendingListener = false;
	#content: MapContent | null = null;

	/**
	 * The whole style is built at once: adding layers to a running map would make MapLibre cut the
	 * basemap's tiles again. With no countries (a briefing that failed to load) the map still works.
	 */
	constructor(opts: BriefingMapOptions) {
		this.#reducedMotion = opts.reducedMotion ?? false;
		this.#views = { ...opts.views };
		const f = opts.frame;
		const camera = opts.view
			? { center: [opts.view.lon, opts.view.lat] as [number, number], zoom: opts.view.zoom }
			: f
				? { bounds: [f[0], f[1], f[2], f[3]] as Bounds, fitBoundsOptions: { padding: 24 } }
				: { center: [20, 35] as [number, number], zoom: 2 };
		const full = buildStyle(opts.countries, opts.looks, opts.overlays, GEODATA);
		const { first, fine } = splitFine(full);
		this.#fine = fine;
		this.#adopt(full, {
			countries: opts.countries,
			looks: opts.looks,
			overlays: opts.overlays,
			views: this.#views
		});
		// Until its data are in, the page's map draws in a hidden canvas a sixteenth of its size (see
		// #showWhenLoaded); a map drawn off screen for an image keeps its resolution throughout.
		const sketch = opts.interactive !== false && !opts.pixelRatio;
		const pixelRatio = opts.pixelRatio ?? (sketch ? SKETCH_RATIO : undefined);
		// Marks on the page's timeline, read by `npm run bench` to split the load time.
		performance.mark('map-create');
		this.map = new MapLibreMap({
			container: opts.container,
			style: first,
			...camera,
			attributionControl: false,
			renderWorldCopies: false,
			dragRotate: false,
			pitchWithRotate: false,
			maxZoom: 9,
			// Labels appear at once: a fade adds nothing to a projected briefing, and each of its
			// frames is expensive under a software renderer (see npm run bench).
			fadeDuration: 0,
			...(pixelRatio ? { pixelRatio } : {}),
			...(opts.preserveDrawingBuffer
				? { canvasContextAttributes: { preserveDrawingBuffer: true } }
				: {}),
			...(opts.interactive === false ? { interactive: false } : {})
		});
		if (opts.interactive !== false) {
			this.map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 140 }), 'bottom-right');
		}
		if (sketch) this.#showWhenLoaded();
		this.map.touchZoomRotate.disableRotation();
		this.map.keyboard.disableRotation();
		this.map.getCanvas().setAttribute('aria-label', opts.label);
		// The end-to-end tests read what MapLibre placed (labels, outlines) from the container, as
		// `container.maplibreMap`: placement is not visible in the DOM, and pixels cannot say which
		// label is which.
		Object.defineProperty(opts.container, 'maplibreMap', { value: this.map, configurable: true });
		// And `container.briefingMap`, so that they can change the briefing in place (see `update`).
		Object.defineProperty(opts.container, 'briefingMap', { value: this, configurable: true });

		this.#addPatterns(opts.looks);
		this.#drawnMarks = new DrawnMarks(opts.overlays);
		this.#freshMarks = new FreshMarks(this.map, 'overlays');
		this.map.once('load', () => (this.#loaded = true));
		this.map.once('style.load', () => {
			this.#styled = true;
			// Before the first tiles are cut: each is drawn with its role from the start.
			this.#applyRoles();
		});
		// What a pixel shows changes with the camera, the style and the data of the drawn sources;
		// the outlines and the measure (drawn on hover and click) do not change what is hit.
		for (const ev of ['move', 'resize'] as const) this.map.on(ev, () => (this.#lastHit = null));
		this.map.on('styledata', () => (this.#lastHit = null));
		this.map.on('sourcedata', (e) => {
			if (e.sourceId !== OUTLINE_SOURCE && e.sourceId !== MEASURE_SOURCE) this.#lastHit = null;
		});
		this.#addFineWhenZoomed();
		this.map.addImage(
			OCCUPIED_PATTERN_ID,
			patternImage('hatch', hexToRgba(OVERLAY_COLORS.occupied, 230)),
			{
				pixelRatio: 2
			}
		);
		this.map.addImage(LABEL_SPACE_IMAGE, labelSpaceImage());
		this.map.addImage(
			TROOPS_PATTERN_ID,
			patternImage('crosshatch', hexToRgba(OVERLAY_COLORS.troops, 200)),
			{ pixelRatio: 2 }
		);

		this.map.on('click', (e) => this.#click(e));
		this.map.on('mousemove', (e) => this.#hover(e));
		this.map.on('mouseout', () => {
			this.#setHover(null);
			this.#showTooltip(null);
		});
		this.map.on('resize', () => {
			if (this.#presenting) this.#applyScale();
		});
		for (const ev of ['movestart', 'dataloading'] as const) {
			this.map.on(ev, () => this.#onBusy?.(true));
		}
		this.map.on('idle', () => {
			this.#onBusy?.(false);
			// A retry has settled: what failed again has said so by now (an error comes first).
			if (this.#retrying) {
				this.#retrying = false;
				this.#reportTrouble();
			}
		});
		this.map.on('error', (e) => this.#sourceFailed((e as { sourceId?: unknown }).sourceId));
		// Before the first full view, a move is the map opening on its first camera: the view is
		// reported at `load` instead.
		this.map.on('moveend', () => {
			if (this.#loaded) this.#onView?.(this.view());
		});
		// A pan or zoom by the person (not a scene's flight): presenting offers "Back to scene".
		this.map.on('movestart', (e) => {
			if ((e as { originalEvent?: unknown }).originalEvent) this.#onUserMove?.();
		});
		// The first view (the story's frame) is reported too, so it can be shared before any move.
		this.map.once('load', () => {
			performance.mark('map-load');
			this.#onView?.(this.view());
		});
	}

	/**
	 * Shows the map, at its full resolution, once its first data are in (or one of its files
	 * failed: what did load is shown). Before that the map draws an empty sea, then each source as
	 * it arrives, eight frames or so; under a software renderer (a projector's laptop without a
	 * graphics driver, headless Chromium) each full frame costs 30 to 100 ms of the processor that
	 * the map's worker is cutting tiles with. Drawn small and hidden, they cost next to nothing,
	 * and the sea with the loading sign over it says what is happening.
	 */
	#showWhenLoaded() {
		const canvas = this.map.getCanvas();
		const container = this.map.getContainer();
		canvas.style.visibility = 'hidden';
		container.style.backgroundColor = COLORS.sea;
		let shown = false;
		const show = () => {
			if (shown || this.#destroyed) return;
			shown = true;
			// null: the device's own ratio again (MapLibre's documented value, left out of its type).
			this.map.setPixelRatio(null as unknown as number);
			canvas.style.visibility = '';
			container.style.backgroundColor = '';
			this.map.triggerRepaint();
		};
		this.map.once('load', show);
		this.map.once('error', show);
	}

	/**
	 * Adds the 1:50m part of the style (see `splitFine`) the first time the view reaches
	 * FINE_FROM_ZOOM, each layer inserted where the full style puts it. The part is read when it
	 * is added, so a briefing updated before (see `update`) adds its own.
	 */
	#addFineWhenZoomed() {
		const add = () => {
			if (this.map.getZoom() < FINE_FROM_ZOOM - 0.15) return false;
			const fine = this.#fine;
			for (const [id, source] of Object.entries(fine.sources)) {
				if (!this.map.getSource(id)) this.map.addSource(id, source);
			}
			for (const layer of fine.layers) {
				if (this.map.getLayer(layer.id)) continue;
				this.map.addLayer(layer, this.#nextOnMap(layer.id));
			}
			this.#fineAdded = true;
			this.#applyVisibility();
			this.#applyScale(fine.layers.map((l) => l.id));
			if (this.#selected) this.select(this.#selected.iso3);
			if (this.#highlighted.length) this.highlight(this.#highlighted.map((h) => h.iso3));
			return true;
		};
		const onZoom = () => {
			if (add()) this.map.off('zoom', onZoom);
		};
		this.whenReady(() => {
			if (!add()) this.map.on('zoom', onZoom);
		});
	}

	/** The first layer on the map that the full style puts above `id`: where `id` goes. */
	#nextOnMap(id: string): string | undefined {
		return this.#order.slice(this.#order.indexOf(id) + 1).find((x) => this.map.getLayer(x));
	}

	/**
	 * Runs `fn` once the map's style has loaded (its sources and layers can then be changed): now,
	 * or on MapLibre's `load`. The one readiness check of this class.
	 */
	whenReady(fn: () => void) {
		if (this.#loaded) fn();
		else this.map.once('load', fn);
	}

	/**
	 * Draws the briefing as it is now, in place: its countries' roles, the roles' looks, its
	 * overlays and its countries' views. Only what changed is replaced (a layer whose definition
	 * changed, a source no longer needed), so the map is not rebuilt: the camera does not move,
	 * and what is selected, highlighted, hidden or being measured stays so.
	 */
	update(content: MapContent) {
		if (this.#destroyed) return;
		this.#pending = content;
		// The style's layers can change as soon as the style has been read, before its data is in:
		// a briefing that arrives while the basemap loads is drawn with it, not after it.
		if (!this.#styled) {
			if (!this.#pendingListener) {
				this.#pendingListener = true;
				this.map.once('style.load', () => this.#applyPending());
			}
			return;
		}
		this.#applyPending();
	}

	/**
	 * Calls `fn` once the map has drawn everything it has been given so far (a frame is asked
	 * for, so that a map with nothing left to load says so too).
	 */
	whenIdle(fn: () => void) {
		this.map.once('idle', () => fn());
		this.map.triggerRepaint();
	}

	/**
	 * The map's pixels now, as on screen (device pixels), without waiting (for `beforeprint`, which
	 * must answer at once): a frame drawn and copied into a 2D canvas in the same task, before the
	 * browser hands the frame to the screen and may clear it. Nothing of the map changes.
	 */
	readNow(): HTMLCanvasElement {
		this.map.redraw();
		const source = this.map.getCanvas();
		const copy = document.createElement('canvas');
		copy.width = source.width;
		copy.height = source.height;
		// A canvas kept in memory (willReadFrequently): drawn on and encoded by the CPU.
		copy.getContext('2d', { willReadFrequently: true })!.drawImage(source, 0, 0);
		return copy;
	}

	/**
	 * What the map shows now, for a copy of it drawn elsewhere (a saved image, a printed page):
	 * what it draws, what is hidden, chosen and highlighted, its camera and its size in CSS pixels.
	 */
	state(): {
		content: MapContent | null;
		hidden: string[];
		selected: string | null;
		highlighted: string[];
		presenting: boolean;
		view: View;
		bounds: Bounds;
		size: { width: number; height: number };
	} {
		const b = this.map.getBounds();
		const canvas = this.map.getCanvas();
		return {
			content: this.#content,
			hidden: [...this.#hidden],
			selected: this.#selected?.iso3 ?? null,
			highlighted: this.#highlighted.map((h) => h.iso3),
			presenting: this.#presenting,
			view: this.view(),
			bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
			size: { width: canvas.clientWidth, height: canvas.clientHeight }
		};
	}

	/**
	 * Resolves once everything asked of the map so far is drawn: the style loaded, the outlines'
	 * shapes (fetched on first use) added, every tile and image in, and a frame drawn after that
	 * (MapLibre's idle). A saved image read then is never blank or half drawn.
	 */
	async settled(): Promise<void> {
		await new Promise<void>((ok) => this.whenReady(ok));
		// The outlines are added when their shapes are in: wait for them before the idle.
		if (this.#shapes) await this.#shapes.catch(() => undefined);
		await new Promise<void>((ok) => this.whenIdle(ok));
	}

	/**
	 * Like `settled`, for a map that has just been asked to draw something (a camera moved): waits
	 * for that drawing's idle without asking for one more frame, which a map drawn off screen for an
	 * image cannot spare (under a software renderer every frame costs the whole view again).
	 */
	async settledAfterChange(): Promise<void> {
		const idle = new Promise<void>((ok) => this.map.once('idle', () => ok()));
		await new Promise<void>((ok) => this.whenReady(ok));
		if (this.#shapes) await this.#shapes.catch(() => undefined);
		await idle;
		// The outlines' source, added once their shapes were in, may still be loading.
		if (!this.map.loaded()) await new Promise<void>((ok) => this.map.once('idle', () => ok()));
	}

	#applyPending() {
		this.#pendingListener = false;
		const content = this.#pending;
		this.#pending = null;
		if (!content || this.#destroyed) return;
		this.#views = { ...content.views };
		this.#addPatterns(content.looks);
		const full = buildStyle(content.countries, content.looks, content.overlays, GEODATA);
		const { first, fine } = splitFine(full);
		const target = this.#fineAdded ? full : first;
		const previous = new Map(this.#baseLayers.map((l) => [l.id, JSON.stringify(l)]));
		const next = new Map(target.layers.map((l) => [l.id, l]));
		// Layers gone or changed leave; the others stay as they are drawn.
		for (const { id } of this.map.getStyle().layers) {
			const was = previous.get(id);
			if (was === undefined) continue; // not the style's: outlines, the measure tool
			const now = next.get(id);
			if (!now || JSON.stringify(now) !== was) this.map.removeLayer(id);
		}
		const change = this.map.getSource('overlays')
			? this.#drawnMarks.change(content.overlays)
			: null;
		for (const [id, source] of Object.entries(target.sources)) {
			if (!this.map.getSource(id)) this.map.addSource(id, source);
		}
		this.#fine = fine;
		this.#order = full.layers.map((l) => l.id);
		const added: string[] = [];
		// From the top down, so that each new layer goes under one already in place.
		for (let i = target.layers.length - 1; i >= 0; i--) {
			const layer = target.layers[i]!;
			if (this.map.getLayer(layer.id)) continue;
			const above = target.layers.slice(i + 1).find((l) => this.map.getLayer(l.id))?.id;
			this.map.addLayer(layer, above ?? this.#firstToolLayer());
			added.push(layer.id);
		}
		// Once the marks' layers are in place: a mark added is drawn by its layer's twin at once.
		if (change) this.#freshMarks.send(change);
		for (const id of Object.keys(this.map.getStyle().sources)) {
			if (id.startsWith('country-') && !target.sources[id]) this.map.removeSource(id);
		}
		const kept = new Set(content.countries.map((c) => c.iso3));
		for (const iso3 of [...this.#failedFine]) if (!kept.has(iso3)) this.#failedFine.delete(iso3);
		this.#adopt(full, content);
		this.#applyRoles();
		this.#applyVisibility();
		this.#applyScale(added);
		if (this.#selected) this.select(kept.has(this.#selected.iso3) ? this.#selected.iso3 : null);
		if (this.#highlighted.length) this.highlight(this.#highlighted.map((h) => h.iso3));
		else this.#drawOutlines();
		this.#freshMarks.syncLayers();
	}

	/**
	 * The textures the roles use, each one image whatever role draws it: an image is never
	 * replaced, so a role's new texture costs no tile anything (a replaced image makes MapLibre cut
	 * the tiles that use it again).
	 */
	#addPatterns(looks: readonly RoleLook[]) {
		for (const { pattern, imageId } of looks) {
			if (!hasTexture(pattern) || this.map.hasImage(imageId)) continue;
			this.map.addImage(imageId, patternImage(pattern), { pixelRatio: 2 });
		}
	}

	/**
	 * Gives each country of the story its role's look on the basemap's shapes, as feature-state
	 * (see `roleState`): a hidden country, or one that left the story, gets none. Only the states
	 * that changed are set; MapLibre draws them in the next frame, without cutting a tile.
	 */
	#applyRoles() {
		if (!this.#styled || !this.#content || !this.map.getSource('world')) return;
		const lookOf = new Map(this.#content.looks.map((l) => [l.id, l]));
		const next = new Map<string, RoleState>();
		for (const { iso3, role } of this.#content.countries) {
			next.set(iso3, this.#hidden.has(iso3) ? NO_ROLE : roleState(lookOf.get(role)));
		}
		const gone = [...this.#roleStates.keys()].filter((iso3) => !next.has(iso3));
		for (const iso3 of gone) next.set(iso3, NO_ROLE);
		for (const [iso3, state] of next) {
			const was = this.#roleStates.get(iso3);
			if (!was || JSON.stringify(was) !== JSON.stringify(state)) {
				this.map.setFeatureState({ source: 'world', id: iso3 }, { ...state });
			}
			this.#roleStates.set(iso3, state);
		}
		for (const iso3 of gone) this.#roleStates.delete(iso3);
	}

	/**
	 * For a map whose briefing is being edited (the editor's): once the map is idle, adds what
	 * draws the marks just added (see `FreshMarks.prepare`), so that the first note placed does not
	 * wait for it.
	 */
	prepareForEdits() {
		this.whenReady(() => this.whenIdle(() => !this.#destroyed && this.#freshMarks.prepare()));
	}

	/**
	 * Resolves once the marks last added are in a frame the map has drawn, or after `atMost`
	 * milliseconds (see `FreshMarks.drawn`).
	 */
	marksDrawn(atMost: number): Promise<void> {
		return this.#freshMarks.drawn(atMost);
	}

	/** What the map draws now (as last given to the constructor or to `update`). */
	get content(): MapContent | null {
		return this.#content;
	}

	/** The lowest layer that is not the style's (the outlines, the measure tool), if any. */
	#firstToolLayer(): string | undefined {
		const ours = new Set(this.#order);
		return this.map.getStyle().layers.find((l) => !ours.has(l.id) && !l.id.startsWith('outline'))
			?.id;
	}

	/** What the map keeps of a style it draws: its layers, their toggles, the countries' fills. */
	#adopt(full: StyleSpecification, content: MapContent) {
		this.#content = content;
		this.#order = full.layers.map((l) => l.id);
		this.#baseLayers = [...full.layers, ...outlineLayers()];
		this.#layers = full.layers.map((l) => {
			const meta = (l.metadata ?? {}) as {
				iso3?: string;
				overlay?: string;
			} & Partial<RoleGroupMetadata>;
			return { id: l.id, toggle: meta.iso3 ?? meta.overlay, countries: meta.countries };
		});
		// What a click hits: the roles' fills far out, each country's own close up.
		const fills = new Set([
			roleLayerIds().fill,
			roleLayerIds(true).fill,
			...content.countries.map((c) => countryLayerIds(c.iso3).fill)
		]);
		this.#countryFills = full.layers.map((l) => l.id).filter((id) => fills.has(id));
		this.#markLayers = markLayersOf(content.overlays);
	}

	/**
	 * A source could not load its file. The basemap's own (`world`, `labels`) are reported as lost;
	 * a country's 1:50m source gives way to the basemap's shape of it, in its role, at every zoom.
	 */
	#sourceFailed(sourceId: unknown) {
		if (typeof sourceId !== 'string' || this.#destroyed) return;
		if (sourceId === 'world' || sourceId === 'labels') {
			this.#failedBase.add(sourceId);
		} else if (this.#fine.sources[sourceId] && this.map.getSource(sourceId)) {
			const iso3 = sourceId.replace(/^country-/, '');
			this.#failedFine.add(iso3);
			this.#redrawCountry(sourceId, false);
		} else return;
		this.#reportTrouble();
	}

	/**
	 * Draws a country's 1:50m layers from its own source (`fine`), or from the basemap's coarse
	 * shapes in the same places, colours and zooms (its source then leaves the map). The layers keep
	 * their ids, so everything that finds them by id (clicks, visibility, the presenting scale)
	 * still does. The chosen-country outline is drawn from the basemap's shapes meanwhile (see
	 * #drawOutlines), so its layer on the 1:50m source is left out.
	 */
	#redrawCountry(sourceId: string, fine: boolean) {
		const layers = this.#fine.layers.filter((l) => 'source' in l && l.source === sourceId);
		for (const layer of layers) if (this.map.getLayer(layer.id)) this.map.removeLayer(layer.id);
		if (fine) this.map.addSource(sourceId, this.#fine.sources[sourceId]!);
		else if (this.map.getSource(sourceId)) this.map.removeSource(sourceId);
		for (const layer of layers) {
			if (!fine && layer.id.endsWith('-selected')) continue;
			const next = this.#order
				.slice(this.#order.indexOf(layer.id) + 1)
				.find((id) => this.map.getLayer(id));
			this.map.addLayer(fine ? layer : ({ ...layer, source: 'world' } as LayerSpecification), next);
		}
		// What pointed at the removed source no longer does.
		const gone = (sources: string[]) => sources.filter((s) => s !== sourceId);
		if (this.#selected) this.#selected.sources = gone(this.#selected.sources);
		for (const h of this.#highlighted) h.sources = gone(h.sources);
		if (this.#hovered?.source === sourceId) this.#hovered = null;
		this.#applyVisibility();
		this.#applyScale(layers.map((l) => l.id));
		if (this.#selected) this.select(this.#selected.iso3);
		if (this.#highlighted.length) this.highlight(this.#highlighted.map((h) => h.iso3));
		else this.#drawOutlines();
	}

	/** Whether a country is drawn from its own 1:50m shape when zoomed in (not fallen back). */
	#hasFine(iso3: string): boolean {
		// Every country has a 1:50m file, but only the styled ones are drawn from it.
		const source = countrySourceId(iso3, GEODATA);
		return source !== 'world' && source in this.#fine.sources && !this.#failedFine.has(iso3);
	}

	#reportTrouble() {
		this.#onTrouble?.({
			base: [...this.#failedBase],
			detail: [...this.#failedFine],
			retrying: this.#retrying
		});
	}

	/** Calls `cb` whenever what the map could not load changes (see `DataTrouble`). */
	onDataTrouble(cb: (t: DataTrouble) => void) {
		this.#onTrouble = cb;
	}

	/**
	 * Fetches again what failed: the basemap's files, and the countries' 1:50m shapes (each goes
	 * back to its own source; one that fails again falls back again). Nothing to do: nothing done.
	 */
	retryData() {
		if (this.#destroyed || (!this.#failedBase.size && !this.#failedFine.size)) return;
		const base = [...this.#failedBase];
		const fine = [...this.#failedFine];
		this.#failedBase.clear();
		this.#failedFine.clear();
		this.#retrying = true;
		this.#reportTrouble();
		for (const id of base) {
			const url = id === 'world' ? GEODATA.world : GEODATA.labels;
			this.map.getSource<GeoJSONSource>(id)?.setData(url);
		}
		for (const iso3 of fine) this.#redrawCountry(countrySourceId(iso3, GEODATA), true);
		// The outlines' own copy of the basemap's shapes, in case it failed too.
		this.#drawOutlines();
	}

	onCountryClick(cb: (hit: CountryHit) => void) {
		this.#onCountry = cb;
	}

	onBusyChange(cb: (busy: boolean) => void) {
		this.#onBusy = cb;
	}

	onViewChange(cb: (view: View) => void) {
		this.#onView = cb;
	}

	view(): View {
		const c = this.map.getCenter();
		return { zoom: this.map.getZoom(), lat: c.lat, lon: c.lng };
	}

	#countryAt(e: MapMouseEvent): MapGeoJSONFeature | undefined {
		const layers = [...this.#countryFills, WORLD_FILL].filter((id) => this.map.getLayer(id));
		// Styled countries are drawn above the basemap, so the first hit is the one a person sees.
		return this.map.queryRenderedFeatures(e.point, { layers }).find((f) => f.properties?.iso3);
	}

	/** A point or line under the pointer, with a few pixels of slack so small marks can be hit. */
	#markAt(e: MapMouseEvent): MapGeoJSONFeature | undefined {
		const layers = this.#markLayers.filter((id) => this.map.getLayer(id));
		const r = 7;
		const box: [[number, number], [number, number]] = [
			[e.point.x - r, e.point.y - r],
			[e.point.x + r, e.point.y + r]
		];
		return this.map.queryRenderedFeatures(box, { layers }).find((f) => f.properties?.id);
	}

	/** The mark, else the country, at the pointer (see `#lastHit`). */
	#hitAt(e: MapMouseEvent): { mark?: MapGeoJSONFeature; country?: MapGeoJSONFeature } {
		const last = this.#lastHit;
		if (last && last.x === e.point.x && last.y === e.point.y) return last;
		const mark = this.#markAt(e);
		const hit = {
			x: e.point.x,
			y: e.point.y,
			mark,
			country: mark ? undefined : this.#countryAt(e)
		};
		this.#lastHit = hit;
		return hit;
	}

	/**
	 * Set while a drawing tool (the editor's notes, terra-draw) owns the map's clicks: they place
	 * the drawing's points, and open no country nor mark.
	 */
	drawing = false;

	#click(e: MapMouseEvent) {
		if (this.drawing) return;
		if (this.#measuring) {
			const p: LonLat = [e.lngLat.lng, e.lngLat.lat];
			// A third click starts a new measurement from that point.
			this.#measuring = this.#measuring.length >= 2 ? [p] : [...this.#measuring, p];
			this.#drawMeasure();
			return;
		}
		const { mark, country: f } = this.#hitAt(e);
		if (mark) {
			this.#onMark?.({ overlay: String(mark.properties.overlay), id: String(mark.properties.id) });
			return;
		}
		if (!f) return;
		this.#onCountry?.({ iso3: String(f.properties.iso3), name: String(f.properties.name ?? '') });
	}

	onMarkClick(cb: (hit: MarkHit) => void) {
		this.#onMark = cb;
	}

	/** Hides the layers of these toggles (ISO alpha-3 of a country, or an overlay id). */
	setHidden(ids: Iterable<string>) {
		this.#hidden = new Set(ids);
		this.#applyRoles();
		this.#applyVisibility();
	}

	#applyVisibility() {
		if (!this.#loaded) {
			this.whenReady(() => this.#applyVisibility());
			return;
		}
		for (const { id, toggle, countries } of this.#layers) {
			if (!this.map.getLayer(id)) continue;
			// A role layer of the basemap draws several countries: the hidden ones leave its
			// filter (and when none is left, the layer is hidden).
			const shown = countries?.filter((iso3) => !this.#hidden.has(iso3));
			if (!toggle && !shown) continue;
			const visibility =
				(toggle && this.#hidden.has(toggle)) || shown?.length === 0 ? 'none' : 'visible';
			// Unset means visible: setting it anyway would make MapLibre lay out every tile again.
			const current = this.map.getLayoutProperty(id, 'visibility') ?? 'visible';
			if (current !== visibility) {
				this.map.setLayoutProperty(id, 'visibility', visibility);
			}
			if (!shown?.length) continue;
			// The same goes for the filter: a change makes MapLibre cut the source's tiles again.
			const filter = countriesFilter(shown);
			if (JSON.stringify(this.map.getFilter(id)) !== JSON.stringify(filter)) {
				this.map.setFilter(id, filter);
			}
		}
		this.#freshMarks.syncLayers();
	}

	/** Measure mode: clicks set points instead of opening panels; `cb` gets each measurement. */
	startMeasure(cb: (m: Measurement) => void) {
		this.#measuring = [];
		this.#onMeasure = cb;
		this.map.getCanvas().style.cursor = 'crosshair';
		this.#drawMeasure();
	}

	/** Leaves measure mode and clears its line. */
	stopMeasure() {
		this.#measuring = null;
		this.map.getCanvas().style.cursor = '';
		this.#drawMeasure();
	}

	get measuring(): boolean {
		return this.#measuring !== null;
	}

	#drawMeasure() {
		const m = measure(this.#measuring ?? []);
		const source = this.map.getSource<GeoJSONSource>(MEASURE_SOURCE);
		if (source) source.setData(m.features);
		else if (this.#measuring && this.#loaded) {
			// First use: the tool's source and layers go on top of the style.
			this.map.addSource(MEASURE_SOURCE, { type: 'geojson', data: m.features });
			for (const layer of measureLayers()) this.map.addLayer(layer);
		}
		if (this.#measuring) this.#onMeasure?.(m);
	}

	#hover(e: MapMouseEvent) {
		if (this.#measuring || this.drawing) return;
		const { mark, country: f } = this.#hitAt(e);
		this.#showTooltip(mark ?? null, [e.lngLat.lng, e.lngLat.lat]);
		if (mark) {
			this.#setHover(null);
			this.map.getCanvas().style.cursor = 'pointer';
			return;
		}
		this.#setHover(f ? { source: f.source, id: String(f.properties.iso3) } : null);
	}

	/**
	 * Names the mark under the pointer in a small tooltip beside it: a mark whose label had no room
	 * on the map still names itself (keyboard users have the marks list of the layers panel).
	 */
	#showTooltip(mark: MapGeoJSONFeature | null, pointer: [number, number] = [0, 0]) {
		const name = mark ? String(mark.properties.label ?? mark.properties.name ?? '') : '';
		const key = mark ? `${mark.properties.overlay}/${mark.properties.id}` : '';
		if (!name) {
			this.#tooltip?.remove();
			this.#tooltip = null;
			this.#tooltipFor = '';
			return;
		}
		if (key === this.#tooltipFor && this.#tooltip) return;
		const at =
			mark!.geometry.type === 'Point' ? (mark!.geometry.coordinates as [number, number]) : pointer;
		this.#tooltip ??= new Popup({
			closeButton: false,
			closeOnClick: false,
			focusAfterOpen: false,
			offset: 12,
			className: 'mark-tooltip'
		});
		this.#tooltip.setLngLat(at).setText(name).addTo(this.map);
		this.#tooltip.getElement().setAttribute('role', 'tooltip');
		this.#tooltipFor = key;
	}

	/**
	 * Presenting, text and marks are drawn for the screen (the projector theme; see
	 * `presentingScale`); exploring, at the style's own sizes. The page calls it with `true` when
	 * the presentation starts (or shows a scene: calling again is cheap) and `false` when it ends;
	 * the map follows its own size while presenting (window resizes, entering fullscreen).
	 */
	setPresenting(on: boolean) {
		this.#presenting = on;
		if (!on) this.keepControlsAbove(0);
		this.#applyScale();
	}

	/**
	 * Keeps the map's own controls in its bottom corner (the scale) above the `px` at the bottom
	 * of the map that something covers (the presentation's caption; 0: nothing): under it, the
	 * scale could not be read.
	 */
	keepControlsAbove(px: number) {
		const corner = this.map
			.getContainer()
			.querySelector<HTMLElement>('.maplibregl-ctrl-bottom-right');
		if (corner) corner.style.bottom = px > 0 ? `${Math.ceil(px)}px` : '';
	}

	/** Sets the scaled properties of the layers for the current mode (or of `only` these new ones). */
	#applyScale(only?: string[]) {
		if (!this.#loaded) {
			this.whenReady(() => this.#applyScale(only));
			return;
		}
		let k = this.#scale;
		if (!only) {
			const canvas = this.map.getCanvas();
			k = this.#presenting ? presentingScale(canvas.clientWidth, canvas.clientHeight) : 1;
			if (k === this.#scale) return;
			this.#scale = k;
		} else if (k === 1) return;
		const layers = only ? this.#baseLayers.filter((l) => only.includes(l.id)) : this.#baseLayers;
		for (const { layer, kind, name, value } of scaledProperties(layers, k)) {
			if (!this.map.getLayer(layer)) continue;
			// (Typed per property by MapLibre; the values come from the layer's own.)
			if (kind === 'layout') this.map.setLayoutProperty(layer, name as never, value as never);
			else this.map.setPaintProperty(layer, name as never, value as never);
		}
		this.#freshMarks.syncLayers();
	}

	#setHover(next: { source: string; id: string } | null) {
		const prev = this.#hovered;
		if (prev && next && prev.source === next.source && prev.id === next.id) return;
		// The 1:50m sources mark hover by feature-state; the basemap by its outline source.
		if (prev && prev.source !== 'world') this.map.setFeatureState(prev, { hover: false });
		if (next && next.source !== 'world') this.map.setFeatureState(next, { hover: true });
		this.#hovered = next;
		if (prev?.source === 'world' || next?.source === 'world') this.#drawOutlines();
		this.map.getCanvas().style.cursor = next ? 'pointer' : '';
	}

	/** The country's 1:50m source, once the map has zoomed in far enough to have added it. */
	#fineSources(iso3: string): string[] {
		const own = countrySourceId(iso3, GEODATA);
		return own !== 'world' && this.map.getSource(own) ? [own] : [];
	}

	/** Outlines the country (or clears the outline with null). */
	select(iso3: string | null) {
		// Before the style has loaded there is no source to mark yet: mark it on load.
		if (!this.#loaded) {
			this.whenReady(() => this.select(iso3));
			return;
		}
		for (const source of this.#selected?.sources ?? []) {
			this.map.setFeatureState({ source, id: this.#selected!.iso3 }, { selected: false });
		}
		// (#addFineWhenZoomed selects again once the 1:50m source exists.)
		this.#selected = iso3 ? { iso3, sources: this.#fineSources(iso3) } : null;
		for (const source of this.#selected?.sources ?? []) {
			this.map.setFeatureState({ source, id: iso3! }, { selected: true });
		}
		this.#drawOutlines();
	}

	/** Outlines these countries (a scene's highlights), clearing the previous ones. */
	highlight(iso3s: readonly string[]) {
		if (!this.#loaded) {
			this.whenReady(() => this.highlight(iso3s));
			return;
		}
		for (const h of this.#highlighted) {
			for (const source of h.sources) {
				this.map.setFeatureState({ source, id: h.iso3 }, { highlight: false });
			}
		}
		this.#highlighted = iso3s.map((iso3) => ({ iso3, sources: this.#fineSources(iso3) }));
		for (const h of this.#highlighted) {
			for (const source of h.sources) {
				this.map.setFeatureState({ source, id: h.iso3 }, { highlight: true });
			}
		}
		this.#drawOutlines();
	}

	/** The basemap countries to outline now: chosen (selected or highlighted), and hovered. */
	#outlineMarks(): [iso3: string, mark: OutlineMark][] {
		const chosen = new Set([
			...(this.#selected ? [this.#selected.iso3] : []),
			...this.#highlighted.map((h) => h.iso3)
		]);
		const hover = this.#hovered?.source === 'world' ? this.#hovered.id : null;
		return [
			...[...chosen].map((iso3): [string, OutlineMark] => [iso3, 'chosen']),
			...(hover && !chosen.has(hover) ? [[hover, 'hover'] as [string, OutlineMark]] : [])
		];
	}

	/**
	 * Draws the outlines of `#outlineMarks` from the basemap's shapes (read on first use; the
	 * browser has the file by then). The source and its layers are added the first time.
	 */
	#drawOutlines() {
		if (!this.#outlineMarks().length && !this.map.getSource(OUTLINE_SOURCE)) return;
		this.#shapes ??= fetch(GEODATA.world)
			.then((r) => r.json() as Promise<GeoJSON.FeatureCollection>)
			.then(
				({ features }) => new Map(features.map((f) => [String(f.properties?.iso3), f.geometry]))
			);
		this.#shapes.then(
			(shapes) => {
				if (this.#destroyed) return;
				// Read when the shapes are in, so the latest state wins.
				const data: GeoJSON.FeatureCollection = {
					type: 'FeatureCollection',
					features: this.#outlineMarks().flatMap(([iso3, mark]) => {
						const geometry = shapes.get(iso3);
						// `fine`: outlined from its own 1:50m source when zoomed in (see outlineLayers).
						const fine = this.#hasFine(iso3);
						return geometry
							? [{ type: 'Feature', geometry, properties: { iso3, mark, fine } }]
							: [];
					})
				};
				const source = this.map.getSource<GeoJSONSource>(OUTLINE_SOURCE);
				if (source) {
					source.setData(data);
					return;
				}
				this.map.addSource(OUTLINE_SOURCE, { type: 'geojson', data });
				const layers = outlineLayers();
				for (const layer of layers) {
					this.map.addLayer(layer, this.map.getLayer('labels') ? 'labels' : undefined);
				}
				this.#applyScale(layers.map((l) => l.id));
			},
			(err) => {
				// The next hover or selection tries again.
				this.#shapes = null;
				console.warn('map: the outlines could not be drawn:', err);
			}
		);
	}

	/**
	 * Moves to a scene's camera: a flight, or a jump (reduced motion, or a re-fit after a resize).
	 * Resolves when the camera has arrived. `padding` is the part of the screen that the caption
	 * and the toolbar cover: the scene fits into what they leave.
	 *
	 * The target depends only on the camera, the canvas and `padding`, never on where the map
	 * is now: MapLibre adds the map's own padding (set by any easeTo, flyTo or jumpTo given
	 * `padding`) to every later fit, so a scene reached after another used to land elsewhere.
	 * Nothing here sets the map's padding; a centred camera is shifted with `offset` instead.
	 */
	showCamera(
		camera: { fit: readonly string[] } | { center: readonly [number, number]; zoom: number },
		padding: Partial<Padding>,
		motion: 'fly' | 'jump'
	): Promise<void> {
		const target = this.cameraFor(camera, padding);
		if (!target) return Promise.resolve();
		const duration = motion === 'fly' ? 1600 : 0;
		// Resolves at moveend, or soon after the flight's time should a camera already there
		// fire none: nothing waits on it forever.
		const arrived = new Promise<void>((ok) => {
			this.map.once('moveend', () => ok());
			setTimeout(ok, duration + 1000);
		});
		// essential: a scene's flight is the content, not decoration (reduced motion jumps instead).
		if (motion === 'fly') this.map.flyTo({ ...target, duration, essential: true });
		else this.map.jumpTo(target);
		return arrived;
	}

	/**
	 * Where a scene's camera puts the map's centre and zoom on this canvas, with `padding` kept
	 * clear; undefined when there is nothing to fit. Pure in the map's current position.
	 */
	cameraFor(
		camera: { fit: readonly string[] } | { center: readonly [number, number]; zoom: number },
		padding: Partial<Padding>
	): { center: [number, number]; zoom: number; padding: Padding } | undefined {
		const pad: Padding = { top: 30, right: 30, bottom: 30, left: 30, ...padding };
		const none: Padding = { top: 0, right: 0, bottom: 0, left: 0 };
		const canvas = this.map.getCanvas();
		const w = canvas.clientWidth;
		const h = canvas.clientHeight;
		if ('fit' in camera) {
			const boxes = camera.fit.map((c) => this.#boundsOf(c)).filter((b) => !!b);
			if (!boxes.length) return undefined;
			const bounds: [[number, number], [number, number]] = [
				[Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1]))],
				[Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))]
			];
			const fitted = this.#fit(bounds, pad, w, h);
			return fitted ? { ...fitted, padding: none } : undefined;
		}
		// The scene's centre goes to the middle of the part of the screen left clear.
		const centre = this.#shifted(
			[camera.center[0], camera.center[1]],
			camera.zoom,
			(pad.left - pad.right) / 2,
			(pad.top - pad.bottom) / 2
		);
		return { center: centre, zoom: camera.zoom, padding: none };
	}

	/** A zoom and centre fitting `bounds` into the canvas less `pad`, with no map padding. */
	#fit(
		bounds: [[number, number], [number, number]],
		pad: Padding,
		w: number,
		h: number
	): { center: [number, number]; zoom: number } | undefined {
		// A small screen cannot keep every margin: shrink them so the box keeps half the screen.
		const fitPad = { ...pad };
		for (const [a, b, size] of [
			['left', 'right', w],
			['top', 'bottom', h]
		] as const) {
			const used = fitPad[a] + fitPad[b];
			if (used > size * 0.5) {
				fitPad[a] = (fitPad[a] / used) * size * 0.5;
				fitPad[b] = (fitPad[b] / used) * size * 0.5;
			}
		}
		const target = this.map.cameraForBounds(bounds, { padding: fitPad, maxZoom: 6 });
		if (!target?.center || target.zoom === undefined) return undefined;
		const c = target.center as { lng: number; lat: number } | [number, number];
		const center: [number, number] = Array.isArray(c) ? [c[0], c[1]] : [c.lng, c.lat];
		// cameraForBounds adds the map's own padding: there must be none (see showCamera).
		return { center, zoom: target.zoom };
	}

	/** The point that, put at the canvas centre at `zoom`, shows `lonLat` `dx`, `dy` px away. */
	#shifted(lonLat: [number, number], zoom: number, dx: number, dy: number): [number, number] {
		const world = 512 * Math.pow(2, zoom);
		const x = ((lonLat[0] + 180) / 360) * world - dx;
		const s = Math.sin((lonLat[1] * Math.PI) / 180);
		const y = (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * world - dy;
		const lon = (x / world) * 360 - 180;
		const n = Math.PI - (2 * Math.PI * y) / world;
		const lat = (180 / Math.PI) * Math.atan(0.5 * (Math.exp(n) - Math.exp(-n)));
		return [lon, lat];
	}

	/** MapLibre's own arrow-key panning is off while presenting: those keys step the scenes. */
	setKeyboard(enabled: boolean) {
		if (enabled) this.map.keyboard.enable();
		else this.map.keyboard.disable();
	}

	onUserMove(cb: (() => void) | null) {
		this.#onUserMove = cb;
	}

	/**
	 * Calls `cb` once the map has taken a new size (a window resized, a projector changing its
	 * resolution, a layout change): later fits measure the new canvas, unlike on `window` resize,
	 * which comes before the map has resized.
	 */
	onResize(cb: () => void) {
		this.map.on('resize', cb);
	}

	/**
	 * Brings a country into view where its story happens (its view in the briefing, else its
	 * mainland), leaving `padding` clear (e.g. for the side panel).
	 */
	showCountry(iso3: string, padding: Partial<Padding> = {}) {
		const b = this.#boundsOf(iso3);
		if (b) this.#fitInto(b, padding);
	}

	/** Fits the map to `bounds` (e.g. a briefing's frame), whatever it shows now. */
	fitTo(bounds: Bounds, padding: Partial<Padding> = {}) {
		this.#fitInto(bounds, padding);
	}

	/**
	 * Makes sure a country (by its story view) or a mark (by its bounds, a point or a line) can be
	 * seen beside whatever covers `padding` (the side panel): nothing moves when most of it is
	 * already in the clear part of the screen; otherwise the map fits it there.
	 */
	reveal(target: { iso3: string } | { bounds: Bounds }, padding: Partial<Padding> = {}) {
		const b = 'iso3' in target ? this.#boundsOf(target.iso3) : target.bounds;
		if (!b) return;
		const canvas = this.map.getCanvas();
		const w = canvas.clientWidth;
		const h = canvas.clientHeight;
		const pad: Padding = { top: 0, right: 0, bottom: 0, left: 0, ...padding };
		const sw = this.map.project([b[0], b[1]]);
		const ne = this.map.project([b[2], b[3]]);
		const box = { x0: sw.x, y0: ne.y, x1: ne.x, y1: sw.y };
		const clear = { x0: pad.left, y0: pad.top, x1: w - pad.right, y1: h - pad.bottom };
		const area = (r: typeof box) => Math.max(0, r.x1 - r.x0) * Math.max(0, r.y1 - r.y0);
		const cut = (r: typeof box, by: typeof box) => ({
			x0: Math.max(r.x0, by.x0),
			y0: Math.max(r.y0, by.y0),
			x1: Math.min(r.x1, by.x1),
			y1: Math.min(r.y1, by.y1)
		});
		const onScreen = area(cut(box, { x0: 0, y0: 0, x1: w, y1: h }));
		const inClear = area(cut(box, clear));
		const point = box.x1 - box.x0 < 2 && box.y1 - box.y0 < 2;
		const seen = point
			? box.x0 >= clear.x0 + 20 &&
				box.x0 <= clear.x1 - 20 &&
				box.y1 >= clear.y0 + 20 &&
				box.y1 <= clear.y1 - 20
			: onScreen > 0 && inClear / onScreen >= 0.6;
		if (!seen) this.#fitInto(b, padding, point ? Math.max(this.map.getZoom(), 5) : 6);
	}

	#fitInto(b: Bounds, padding: Partial<Padding>, maxZoom = 6) {
		const pad: Padding = { top: 40, right: 40, bottom: 40, left: 40, ...padding };
		const canvas = this.map.getCanvas();
		const target = this.#fit(
			[
				[b[0], b[1]],
				[b[2], b[3]]
			],
			pad,
			canvas.clientWidth,
			canvas.clientHeight
		);
		if (!target) return;
		const zoom = Math.min(target.zoom, maxZoom);
		// A lower zoom than the fit's keeps the box centred in the clear part of the screen.
		const center =
			zoom === target.zoom
				? target.center
				: this.#shifted(
						[(b[0] + b[2]) / 2, (b[1] + b[3]) / 2],
						zoom,
						(pad.left - pad.right) / 2,
						(pad.top - pad.bottom) / 2
					);
		this.map.easeTo({
			center,
			zoom,
			duration: this.#reducedMotion ? 0 : 900,
			essential: false
		});
	}

	/**
	 * Where each country's story happens, from the briefing (west, south, east, north): what
	 * choosing the country or fitting a scene to it shows. Countries without one are shown whole
	 * (their mainland).
	 */
	setCountryViews(views: Readonly<Record<string, Bounds>>) {
		this.#views = { ...views };
		if (this.#content) this.#content = { ...this.#content, views: this.#views };
	}

	#boundsOf(iso3: string): Bounds | undefined {
		return this.#views[iso3] ?? MAINLAND_BOUNDS[iso3];
	}

	jumpTo(view: View) {
		this.map.jumpTo({ center: [view.lon, view.lat], zoom: view.zoom });
	}

	destroy() {
		this.#destroyed = true;
		this.#freshMarks.destroy();
		this.#tooltip?.remove();
		this.map.remove();
	}
}
