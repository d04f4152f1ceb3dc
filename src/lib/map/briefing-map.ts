/**
 * Every maplibre-gl call of the app lives under src/lib/map. Components talk to the map through the
 * verbs of `BriefingMap` (select, fit, jump) and its callbacks (country clicked, busy, view changed);
 * the map knows nothing of panels or of the URL.
 */
import {
	Map as MapLibreMap,
	setWorkerUrl,
	type MapGeoJSONFeature,
	type MapMouseEvent
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import {
	COLORS,
	OCCUPIED_PATTERN_ID,
	TROOPS_PATTERN_ID,
	WORLD_FILL,
	buildStyle,
	countryLayerIds,
	countrySourceId,
	type RoleLook,
	type StyledCountry
} from './style';
import { GEODATA_URLS, MAINLAND_BOUNDS, type Bounds } from './geodata';
import { patternImage, type PatternName } from './patterns';

setWorkerUrl(workerUrl);

export interface View {
	zoom: number;
	lat: number;
	lon: number;
}

export interface BriefingMapOptions {
	container: HTMLElement;
	countries: readonly StyledCountry[];
	looks: readonly RoleLook[];
	/** The story's first view, used when no view was given. */
	frame: Bounds;
	view?: View;
	/** A name for the map canvas, read by screen readers. */
	label: string;
	reducedMotion?: boolean;
}

export interface CountryHit {
	iso3: string;
	name: string;
}

type Padding = { top: number; right: number; bottom: number; left: number };

/** Whether this browser can draw the map at all (WebGL 2, which MapLibre 5+ needs). */
export function webglSupported(): boolean {
	try {
		const canvas = document.createElement('canvas');
		return !!canvas.getContext('webgl2');
	} catch {
		return false;
	}
}

function hexToRgba(hex: string, alpha: number): [number, number, number, number] {
	const n = parseInt(hex.slice(1), 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}

export class BriefingMap {
	readonly map: MapLibreMap;
	#countryFills: string[];
	#hovered: { source: string; id: string } | null = null;
	#selected: { iso3: string; sources: string[] } | null = null;
	#reducedMotion: boolean;
	#onCountry: ((hit: CountryHit) => void) | null = null;
	#onBusy: ((busy: boolean) => void) | null = null;
	#onView: ((view: View) => void) | null = null;
	#styled: readonly StyledCountry[];

	constructor(opts: BriefingMapOptions) {
		this.#reducedMotion = opts.reducedMotion ?? false;
		this.#styled = opts.countries;
		const style = buildStyle(opts.countries, opts.looks, GEODATA_URLS);
		this.#countryFills = opts.countries
			.filter((c) => style.layers.some((l) => l.id === countryLayerIds(c.iso3).fill))
			.map((c) => countryLayerIds(c.iso3).fill);

		const [w, s, e, n] = opts.frame;
		this.map = new MapLibreMap({
			container: opts.container,
			style,
			...(opts.view
				? { center: [opts.view.lon, opts.view.lat], zoom: opts.view.zoom }
				: {
						bounds: [
							[w, s],
							[e, n]
						],
						fitBoundsOptions: { padding: 24 }
					}),
			attributionControl: false,
			renderWorldCopies: false,
			dragRotate: false,
			pitchWithRotate: false,
			maxZoom: 9
		});
		this.map.touchZoomRotate.disableRotation();
		this.map.keyboard.disableRotation();
		this.map.getCanvas().setAttribute('aria-label', opts.label);

		for (const look of opts.looks) {
			if (look.pattern === 'solid' || look.pattern === 'none') continue;
			this.map.addImage(look.imageId, patternImage(look.pattern as PatternName), { pixelRatio: 2 });
		}
		this.map.addImage(OCCUPIED_PATTERN_ID, patternImage('hatch', hexToRgba(COLORS.occupied, 230)), {
			pixelRatio: 2
		});
		this.map.addImage(
			TROOPS_PATTERN_ID,
			patternImage('crosshatch', hexToRgba(COLORS.troops, 200)),
			{ pixelRatio: 2 }
		);

		this.map.on('click', (e) => this.#click(e));
		this.map.on('mousemove', (e) => this.#hover(e));
		this.map.on('mouseout', () => this.#setHover(null));
		for (const ev of ['movestart', 'dataloading'] as const) {
			this.map.on(ev, () => this.#onBusy?.(true));
		}
		this.map.on('idle', () => this.#onBusy?.(false));
		this.map.on('moveend', () => this.#onView?.(this.view()));
		// The first view (the story's frame) is reported too, so it can be shared before any move.
		this.map.once('load', () => this.#onView?.(this.view()));
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

	#click(e: MapMouseEvent) {
		const f = this.#countryAt(e);
		if (!f) return;
		this.#onCountry?.({ iso3: String(f.properties.iso3), name: String(f.properties.name ?? '') });
	}

	#hover(e: MapMouseEvent) {
		const f = this.#countryAt(e);
		this.#setHover(f ? { source: f.source, id: String(f.properties.iso3) } : null);
	}

	#setHover(next: { source: string; id: string } | null) {
		const prev = this.#hovered;
		if (prev && next && prev.source === next.source && prev.id === next.id) return;
		if (prev) this.map.setFeatureState(prev, { hover: false });
		if (next) this.map.setFeatureState(next, { hover: true });
		this.#hovered = next;
		this.map.getCanvas().style.cursor = next ? 'pointer' : '';
	}

	/** Outlines the country (or clears the outline with null). */
	select(iso3: string | null) {
		if (this.#selected) {
			for (const source of this.#selected.sources) {
				this.map.setFeatureState({ source, id: this.#selected.iso3 }, { selected: false });
			}
		}
		this.#selected = null;
		if (!iso3) return;
		const sources = ['world'];
		const own = countrySourceId(iso3, GEODATA_URLS);
		if (own !== 'world' && this.#styled.some((c) => c.iso3 === iso3)) sources.push(own);
		for (const source of sources)
			this.map.setFeatureState({ source, id: iso3 }, { selected: true });
		this.#selected = { iso3, sources };
	}

	/** Brings a country's mainland into view, leaving `padding` clear (e.g. for the side panel). */
	showCountry(iso3: string, padding: Partial<Padding> = {}) {
		const b = MAINLAND_BOUNDS[iso3];
		if (!b) return;
		const pad: Padding = { top: 40, right: 40, bottom: 40, left: 40, ...padding };
		const canvas = this.map.getCanvas();
		// A panel wider than the map leaves no room: fall back to even padding.
		if (pad.left + pad.right > canvas.clientWidth - 80) pad.left = pad.right = 20;
		if (pad.top + pad.bottom > canvas.clientHeight - 80) pad.top = pad.bottom = 20;
		this.map.fitBounds(
			[
				[b[0], b[1]],
				[b[2], b[3]]
			],
			{ padding: pad, maxZoom: 6, duration: this.#reducedMotion ? 0 : 900, essential: false }
		);
	}

	jumpTo(view: View) {
		this.map.jumpTo({ center: [view.lon, view.lat], zoom: view.zoom });
	}

	destroy() {
		this.map.remove();
	}
}
