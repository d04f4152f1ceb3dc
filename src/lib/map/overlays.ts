/**
 * The overlays of a briefing on the map: the layers of each look (see OVERLAY_STYLES), and what
 * the layers panel and the legend show of each overlay. The briefing says what an overlay is (its
 * name, legend captions, features); this module says how each look is drawn.
 */
import type {
	ExpressionSpecification,
	GeoJSONSourceDiff,
	LayerSpecification,
	SourceSpecification,
	SymbolLayerSpecification
} from 'maplibre-gl';
import {
	LABEL_FONTS as FONTS,
	LABEL_SPACE_IMAGE,
	LABEL_SPACE_SIZE,
	OCCUPIED_PATTERN_ID,
	OVERLAY_COLORS,
	TROOPS_PATTERN_ID
} from './theme';
import { OVERLAY_STYLES, type OverlayGroup, type OverlayStyle } from '$lib/briefing/overlay-styles';
import type { Overlay } from '$lib/briefing/schema';

export type { OverlayGroup };

/** How the legend draws an overlay's symbol (an SVG in the UI, from the same colours). */
export type LegendSymbol =
	| { kind: 'area'; color: string; pattern: 'hatch' | 'crosshatch'; dashed: boolean }
	| { kind: 'point'; fill: string; stroke: string; hollow?: boolean }
	| { kind: 'line'; color: string; dashed: boolean }
	| { kind: 'text' };

/** What the layers panel and the legend show of an overlay. */
export interface OverlayDefinition {
	/** Stable id: the checkbox, the hash (`hide=`) and the features' `overlay` tag all use it. */
	id: string;
	/** The layer's name: the checkbox's accessible name. */
	label: string;
	group: OverlayGroup;
	/** What the legend shows for it: one or more symbols with a caption each. */
	legend: { symbol: LegendSymbol; caption: string }[];
	/** Layers a click or a keyboard list opens as marks (points and lines). */
	markLayers: string[];
}

/** The overlays of a briefing as the map reads them: the document's own. */
export type MapOverlay = Pick<Overlay, 'id' | 'label' | 'group' | 'style' | 'legend' | 'features'>;

const c = OVERLAY_COLORS;

/** Each look's legend symbols, drawn in the map's own colours. */
const SYMBOLS: { [S in OverlayStyle]: Record<(typeof OVERLAY_STYLES)[S][number], LegendSymbol> } = {
	troops: {
		area: { kind: 'area', color: c.troops, pattern: 'crosshatch', dashed: true },
		point: { kind: 'point', fill: c.troops, stroke: '#ffffff' }
	},
	reports: {
		reported: { kind: 'point', fill: '#ffffff', stroke: c.reported, hollow: true },
		later: { kind: 'point', fill: '#ffffff', stroke: c.later, hollow: true }
	},
	occupied: { area: { kind: 'area', color: c.occupied, pattern: 'hatch', dashed: true } },
	'front-line': { line: { kind: 'line', color: c.contact, dashed: true } },
	route: { line: { kind: 'line', color: c.route, dashed: false } },
	places: {
		named: { kind: 'point', fill: c.place, stroke: '#ffffff' },
		unnamed: { kind: 'point', fill: '#ffffff', stroke: c.place, hollow: true }
	}
};

/** The layers of each look that a click opens as marks (their features have an `id`). */
const MARK_PARTS: Record<OverlayStyle, string[]> = {
	troops: ['points'],
	reports: ['points', 'later-points'],
	occupied: [],
	'front-line': ['line'],
	route: ['line'],
	places: ['points', 'unnamed-points']
};

/** Each overlay of a briefing as the layers panel and the legend show it. */
export function overlayDefinitions(overlays: readonly MapOverlay[]): OverlayDefinition[] {
	return overlays.map((o) => {
		const symbols = SYMBOLS[o.style] as Record<string, LegendSymbol>;
		return {
			id: o.id,
			label: o.label,
			group: o.group,
			legend: o.legend.map((item) => ({
				symbol: symbols[item.symbol] ?? { kind: 'text' },
				caption: item.caption
			})),
			markLayers: MARK_PARTS[o.style].map((part) => `${o.id}-${part}`)
		};
	});
}

/** The layers a click or the keyboard list opens as marks, for these overlays. */
export function markLayersOf(overlays: readonly MapOverlay[]): string[] {
	return overlayDefinitions(overlays).flatMap((o) => o.markLayers);
}

/**
 * A point label beside its mark: the text, in the mark's colour, with a wide white halo so it reads
 * over hatching and borders. `markRadius` (px, stroke included) keeps the text clear of the mark
 * it names: the offset is in ems, so it holds at any text size. The anchors are tried in order and
 * all touch the mark; a label with no room at any of them is dropped (the mark then names itself on
 * hover, and in the layers panel's list), never moved beside another mark.
 */
function text(
	field: ExpressionSpecification,
	color: string,
	size = 12,
	markRadius = 0
): Pick<SymbolLayerSpecification, 'layout' | 'paint'> {
	return {
		layout: {
			'text-field': field,
			'text-font': FONTS,
			'text-size': size,
			'text-max-width': 14,
			'text-variable-anchor': [
				'left',
				'right',
				'top',
				'bottom',
				'top-left',
				'top-right',
				'bottom-left',
				'bottom-right'
			],
			'text-radial-offset': markRadius
				? Math.round(((markRadius + MARK_MARGIN + 4) / size) * 100) / 100
				: 0.9,
			'text-justify': 'auto'
		},
		paint: { 'text-color': color, 'text-halo-color': OVERLAY_COLORS.halo, 'text-halo-width': 2.5 }
	};
}

/** A label that follows its line (`line`) or sits at its middle (`line-center`), above it. */
function lineText(
	placement: 'line' | 'line-center',
	field: ExpressionSpecification | string,
	color: string,
	size: number
): Pick<SymbolLayerSpecification, 'layout' | 'paint'> {
	return {
		layout: {
			'symbol-placement': placement,
			'text-field': field,
			'text-font': FONTS,
			'text-size': size,
			'text-offset': [0, -1]
		},
		paint: { 'text-color': color, 'text-halo-color': OVERLAY_COLORS.halo, 'text-halo-width': 2.5 }
	};
}

/** Each point mark's radius on the screen, its stroke included (px, before any presenting scale). */
export const MARK_RADIUS = { troops: 8, reports: 7.5, places: 5.5 } as const;
/** The clear space around a mark that no other label takes (px): a label sits by its own mark only. */
const MARK_MARGIN = 4;

const kindIs = (kind: string): ExpressionSpecification => ['==', ['get', 'kind'], kind];
/** The line or area of a note (drawn as an outline, labelled at its `zone-label` point). */
const NOTE_SHAPE: ExpressionSpecification = ['in', ['get', 'kind'], ['literal', ['zone', 'line']]];

/**
 * All overlays in one source: each feature tagged with its overlay's id, each layer filtered on
 * it. One source instead of six means one worker job and one set of tiles, so the map settles in
 * fewer frames (every frame is expensive under a software renderer).
 */
export function overlaySource(overlays: readonly MapOverlay[]): SourceSpecification {
	return { type: 'geojson', data: overlayData(overlays) };
}

/** A feature of the one source: its overlay's feature, tagged with the overlay's id (`overlay`). */
function sourceFeature(
	overlay: string,
	f: MapOverlay['features']['features'][number],
	id: string
): GeoJSON.Feature {
	return {
		type: 'Feature',
		id,
		geometry: f.geometry as GeoJSON.Geometry,
		properties: { ...f.properties, overlay }
	};
}

/** The id of an overlay's `n`th feature in the data the source starts with. */
const startId = (overlay: string, n: number) => `${overlay}/${n}`;

/**
 * The features of every overlay, each tagged with its overlay's id (`overlay`) and given an id
 * of its own in the source (see `DrawnMarks`).
 */
export function overlayData(overlays: readonly MapOverlay[]): GeoJSON.FeatureCollection {
	const features: GeoJSON.Feature[] = [];
	for (const o of overlays) {
		o.features.features.forEach((f, n) => features.push(sourceFeature(o.id, f, startId(o.id, n))));
	}
	return { type: 'FeatureCollection', features };
}

type Held = Map<string, Map<object, string>>;

/**
 * What the overlays' source holds, feature by feature, so that a briefing edited in place is sent
 * to the map as what changed (a note added: one feature), not as all its marks again: MapLibre
 * then cuts again only the tiles the change touches (GeoJSONSource.updateData). A feature is known
 * by identity; an edited briefing keeps the objects it did not change, and a changed feature is a
 * new object (the old one removed, the new one added).
 */
export class DrawnMarks {
	#held: Held;
	#serial = 0;

	/** For a source whose data is `overlayData(overlays)`. */
	constructor(overlays: readonly MapOverlay[]) {
		this.#held = DrawnMarks.#start(overlays) ?? new Map();
	}

	/** The ids `overlayData` gives, or null if a feature is there twice (it can't be told apart). */
	static #start(overlays: readonly MapOverlay[]): Held | null {
		const held: Held = new Map();
		for (const o of overlays) {
			const ids = new Map<object, string>();
			o.features.features.forEach((f, n) => ids.set(f, startId(o.id, n)));
			if (ids.size !== o.features.features.length || held.has(o.id)) return null;
			held.set(o.id, ids);
		}
		return held;
	}

	/**
	 * What to send the source so that it holds `overlays`: `null` when it already does, a diff
	 * for `updateData`, or the whole data for `setData` when more changed than stayed (another
	 * briefing) or a feature can't be told apart. From then on, `overlays` is what it holds.
	 */
	change(
		overlays: readonly MapOverlay[]
	): { diff: GeoJSONSourceDiff } | { data: GeoJSON.FeatureCollection } | null {
		const next: Held = new Map();
		const add: GeoJSON.Feature[] = [];
		let kept = 0;
		let twice = false;
		for (const o of overlays) {
			const before = this.#held.get(o.id);
			const ids = new Map<object, string>();
			for (const f of o.features.features) {
				if (ids.has(f)) twice = true;
				let id = before?.get(f);
				if (id === undefined) {
					id = `${o.id}/+${++this.#serial}`;
					add.push(sourceFeature(o.id, f, id));
				} else kept++;
				ids.set(f, id);
			}
			if (next.has(o.id)) twice = true;
			next.set(o.id, ids);
		}
		const remove: string[] = [];
		for (const [overlay, ids] of this.#held) {
			const now = next.get(overlay);
			for (const [f, id] of ids) if (now?.get(f) !== id) remove.push(id);
		}
		if (!twice && !add.length && !remove.length) return null;
		if (twice || add.length + remove.length > kept) {
			const start = DrawnMarks.#start(overlays);
			const data = overlayData(overlays);
			if (start) {
				this.#held = start;
				return { data };
			}
			// A feature there twice: held under ids no diff will name, so the next change sends all.
			this.#held = new Map();
			return { data };
		}
		this.#held = next;
		return { diff: { add, remove } };
	}
}

/**
 * A layer as written below: it names the overlay it draws (`overlay`) where a layer would name its
 * source, and the tier it belongs to; `overlayLayers` points it at the one 'overlays' source,
 * filtered on that overlay's features.
 */
type OverlayLayer = (LayerSpecification extends infer L
	? L extends { source: string }
		? Omit<L, 'source'>
		: never
	: never) & { tier: Tier };

/**
 * Where a layer goes in the drawing order, whichever overlay it draws: areas, their outlines,
 * lines, points, then labels and the marks' space (symbols, placed in a later part of the style).
 */
type Tier = 'area' | 'outline' | 'line' | 'point' | 'label' | 'space';
const TIERS: Tier[] = ['area', 'outline', 'line', 'point', 'label', 'space'];

/**
 * Invisible stand-ins for an overlay's point marks, placed before any label: no label (a
 * country's, another mark's) is placed over a mark. Never drawn (opacity 0 skips their draw call).
 */
function markSpace(id: string, radius: number): OverlayLayer {
	return {
		id: `${id}-mark-space`,
		tier: 'space',
		type: 'symbol',
		filter: [
			'all',
			['==', ['geometry-type'], 'Point'],
			['in', ['get', 'kind'], ['literal', ['position', 'place']]]
		],
		layout: {
			'icon-image': LABEL_SPACE_IMAGE,
			'icon-size': (2 * (radius + MARK_MARGIN)) / LABEL_SPACE_SIZE,
			'icon-allow-overlap': true,
			'icon-padding': 0
		},
		paint: { 'icon-opacity': 0 }
	};
}

/** The layers of one look, for the overlay `id`. Every mark says where it comes from. */
const LOOKS: Record<OverlayStyle, (id: string) => OverlayLayer[]> = {
	troops: (id) => [
		{
			id: `${id}-zone`,
			tier: 'area',
			type: 'fill',
			filter: kindIs('zone'),
			paint: { 'fill-pattern': TROOPS_PATTERN_ID, 'fill-opacity': 0.9, 'fill-antialias': false }
		},
		{
			id: `${id}-zone-outline`,
			tier: 'outline',
			type: 'line',
			// A line a note draws (kind "line") is dashed as an area's outline is.
			filter: NOTE_SHAPE,
			paint: { 'line-color': c.troops, 'line-width': 1.5, 'line-dasharray': [4, 2] }
		},
		{
			id: `${id}-points`,
			tier: 'point',
			type: 'circle',
			filter: kindIs('position'),
			paint: {
				'circle-radius': MARK_RADIUS.troops - 2,
				'circle-color': c.troops,
				'circle-stroke-color': '#ffffff',
				'circle-stroke-width': 2
			}
		},
		{
			id: `${id}-labels`,
			tier: 'label',
			type: 'symbol',
			// A line or an area is labelled once, at its label point.
			filter: ['!', NOTE_SHAPE],
			...text(
				[
					'case',
					kindIs('position'),
					[
						'concat',
						['get', 'forces'],
						', ',
						['get', 'label'],
						['case', ['get', 'approximate'], ' (approx.)', ''],
						'\n',
						['get', 'provenance']
					],
					['concat', ['get', 'label'], '\nIllustrative area · ', ['get', 'provenance']]
				],
				c.troops,
				12,
				MARK_RADIUS.troops
			),
			// Over the red hatching of the area: a wider halo.
			paint: { 'text-color': c.troops, 'text-halo-color': c.halo, 'text-halo-width': 3.5 }
		},
		markSpace(id, MARK_RADIUS.troops)
	],
	// Reports from before and after the story's date, as two layers of one colour each: a colour
	// that varies by feature would need a shader of its own (a cost of the first view).
	reports: (id) => [
		// A line or an area a reported note draws (the editor's notes): a dashed outline, labelled
		// at its label point; the circles are for positions only.
		{
			id: `${id}-zone-outline`,
			tier: 'outline',
			type: 'line',
			filter: NOTE_SHAPE,
			paint: { 'line-color': c.reported, 'line-width': 2, 'line-dasharray': [3, 2] }
		},
		...([false, true] as const).map((later): OverlayLayer => ({
			id: later ? `${id}-later-points` : `${id}-points`,
			tier: 'point',
			type: 'circle',
			filter: [
				'all',
				['!', ['in', ['get', 'kind'], ['literal', ['zone', 'line', 'zone-label']]]],
				['==', ['to-boolean', ['get', 'afterArticle']], later]
			],
			paint: {
				'circle-radius': MARK_RADIUS.reports - 2.5,
				'circle-color': '#ffffff',
				'circle-stroke-width': 2.5,
				'circle-stroke-color': later ? c.later : c.reported
			}
		})),
		{
			id: `${id}-labels`,
			tier: 'label',
			type: 'symbol',
			filter: ['!', NOTE_SHAPE],
			minzoom: 4,
			...text(
				[
					'concat',
					['get', 'label'],
					' (approx.)',
					['case', ['get', 'afterArticle'], '\nreported after the article', '']
				],
				c.reported,
				11,
				MARK_RADIUS.reports
			),
			paint: {
				'text-color': ['case', ['get', 'afterArticle'], c.later, c.reported],
				'text-halo-color': c.halo,
				'text-halo-width': 2.5
			}
		},
		markSpace(id, MARK_RADIUS.reports)
	],
	occupied: (id) => [
		{
			id: `${id}-occupied`,
			tier: 'area',
			type: 'fill',
			paint: { 'fill-pattern': OCCUPIED_PATTERN_ID, 'fill-antialias': false }
		},
		{
			id: `${id}-outline`,
			tier: 'outline',
			type: 'line',
			paint: { 'line-color': c.occupied, 'line-width': 1.4, 'line-dasharray': [2, 1.5] }
		},
		{
			id: `${id}-label`,
			tier: 'label',
			type: 'symbol',
			minzoom: 3.5,
			...text(['coalesce', ['get', 'mapLabel'], ['get', 'name']], c.occupied, 11)
		}
	],
	'front-line': (id) => [
		{
			id: `${id}-line`,
			tier: 'line',
			type: 'line',
			layout: { 'line-cap': 'round' },
			paint: { 'line-color': c.contact, 'line-width': 3, 'line-dasharray': [2, 1] }
		},
		{
			id: `${id}-label`,
			tier: 'label',
			type: 'symbol',
			minzoom: 4.5,
			...lineText('line', ['coalesce', ['get', 'mapLabel'], ['get', 'label']], c.contact, 11)
		}
	],
	route: (id) => [
		{
			id: `${id}-line`,
			tier: 'line',
			type: 'line',
			layout: { 'line-cap': 'round' },
			paint: { 'line-color': c.route, 'line-width': 3 }
		},
		{
			id: `${id}-label`,
			tier: 'label',
			type: 'symbol',
			...lineText('line-center', ['get', 'label'], c.route, 12)
		}
	],
	// Places the story names (filled) and those it does not (hollow): two one-colour layers.
	places: (id) => [
		...([true, false] as const).map((named): OverlayLayer => ({
			id: named ? `${id}-points` : `${id}-unnamed-points`,
			tier: 'point',
			type: 'circle',
			filter: ['==', ['to-boolean', ['get', 'namedInArticle']], named],
			paint: {
				'circle-radius': named ? MARK_RADIUS.places - 1.5 : MARK_RADIUS.places - 2,
				'circle-color': named ? c.place : '#ffffff',
				'circle-stroke-color': named ? '#ffffff' : c.place,
				'circle-stroke-width': named ? 1.5 : 2
			}
		})),
		{
			id: `${id}-labels`,
			tier: 'label',
			type: 'symbol',
			minzoom: 3,
			...text(['get', 'name'], c.place, 11, MARK_RADIUS.places)
		},
		markSpace(id, MARK_RADIUS.places)
	]
};

/**
 * Past this many points in one overlay, its labels start at CROWDED_LABELS_FROM. At a continent's
 * zoom a thousand labels would mostly hide each other (a label with no room is dropped), and
 * laying them all out costs the first view most of a second under a software renderer (npm run
 * bench, the large briefing). Below that zoom each mark still names itself on hover and in the
 * layers panel's list.
 */
export const CROWDED_POINTS = 100;
/** The zoom from which a crowded overlay's points are labelled: a region, a few countries wide. */
export const CROWDED_LABELS_FROM = 5;

/** `layer`, its labels starting later when `overlay` has more points than fit. */
function roomFor(layer: OverlayLayer, overlay: MapOverlay): OverlayLayer {
	if (layer.tier !== 'label') return layer;
	const points = overlay.features.features.filter((f) => f.geometry.type === 'Point').length;
	if (points <= CROWDED_POINTS) return layer;
	return { ...layer, minzoom: Math.max(layer.minzoom ?? 0, CROWDED_LABELS_FROM) };
}

/**
 * The map layers of a briefing's overlays (those with features), all drawn from the one
 * 'overlays' source (`overlaySource`), each filtered on its overlay's features and naming it in
 * `metadata.overlay` (for toggling). Ordered by tier, then by the briefing's order of overlays,
 * except the labels: MapLibre places symbols from the top layer down, so the first overlay's
 * labels go last, on top, and win a crowded spot (in the embedded briefing: the article's
 * troops, then the reports, the occupied area, the lines, and the places).
 */
export function overlayLayers(overlays: readonly MapOverlay[]): LayerSpecification[] {
	const drawn = overlays.filter((o) => o.features.features.length > 0);
	const all = drawn.flatMap((o) =>
		LOOKS[o.style](o.id).map((layer) => ({ overlay: o.id, layer: roomFor(layer, o) }))
	);
	const ordered = TIERS.flatMap((tier) => {
		const inTier = all.filter((x) => x.layer.tier === tier);
		return tier === 'label' ? inTier.reverse() : inTier;
	});
	return ordered.map(({ overlay, layer }) => {
		const l: Omit<OverlayLayer, 'tier'> & { tier?: Tier } = { ...layer };
		delete l.tier;
		const own: ExpressionSpecification = ['==', ['get', 'overlay'], overlay];
		const filter = (l as { filter?: ExpressionSpecification }).filter;
		return {
			...l,
			source: 'overlays',
			filter: filter ? ['all', own, filter] : own,
			metadata: { overlay }
		} as LayerSpecification;
	});
}

/**
 * The measure tool's source: added when the tool is first used, not with the style (an empty
 * source still costs the first view a frame of its own).
 */
export const MEASURE_SOURCE = 'measure';

/** The measure tool's line and points, drawn from an inline source the map updates. */
export function measureLayers(): LayerSpecification[] {
	return [
		{
			id: 'measure-line',
			type: 'line',
			source: MEASURE_SOURCE,
			filter: ['==', ['geometry-type'], 'LineString'],
			paint: { 'line-color': OVERLAY_COLORS.measure, 'line-width': 2.5, 'line-dasharray': [3, 2] }
		},
		{
			id: 'measure-points',
			type: 'circle',
			source: MEASURE_SOURCE,
			filter: ['==', ['geometry-type'], 'Point'],
			paint: {
				'circle-radius': 5,
				'circle-color': OVERLAY_COLORS.measure,
				'circle-stroke-color': '#ffffff',
				'circle-stroke-width': 2
			}
		}
	];
}
