/**
 * The overlays: what each draws, from which source, under which name in the layers panel. One
 * table, read by the style (layers), the layers panel (names, groups) and the legend (symbols).
 */
import type {
	ExpressionSpecification,
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

export type OverlayGroup = 'military' | 'context';

/** How the legend draws an overlay's symbol (an SVG in the UI, from the same colours). */
export type LegendSymbol =
	| { kind: 'area'; color: string; pattern: 'hatch' | 'crosshatch'; dashed: boolean }
	| { kind: 'point'; fill: string; stroke: string; hollow?: boolean }
	| { kind: 'line'; color: string; dashed: boolean }
	| { kind: 'text' };

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
export const MARK_RADIUS = { 'troops-article': 8, 'troops-reported': 7.5, places: 5.5 } as const;
/** The clear space around a mark that no other label takes (px): a label sits by its own mark only. */
const MARK_MARGIN = 4;

const kindIs = (kind: string): ExpressionSpecification => ['==', ['get', 'kind'], kind];

/** The overlays in drawing order (bottom first) and in the layers panel's order. */
export const OVERLAYS: OverlayDefinition[] = [
	{
		id: 'troops-article',
		label: 'Troop positions (article)',
		group: 'military',
		legend: [
			{
				symbol: { kind: 'area', color: OVERLAY_COLORS.troops, pattern: 'crosshatch', dashed: true },
				caption: 'Troops massed near the border, illustrative area (article, para. 4)'
			},
			{
				symbol: { kind: 'point', fill: OVERLAY_COLORS.troops, stroke: '#ffffff' },
				caption: 'Forces the article places, marked at a town (approximate)'
			}
		],
		markLayers: ['troops-article-points']
	},
	{
		id: 'troops-reported',
		label: 'Reported concentrations',
		group: 'military',
		legend: [
			{
				symbol: { kind: 'point', fill: '#ffffff', stroke: OVERLAY_COLORS.reported, hollow: true },
				caption: 'Reported in public sources up to the article’s date (approximate)'
			},
			{
				symbol: { kind: 'point', fill: '#ffffff', stroke: OVERLAY_COLORS.later, hollow: true },
				caption: 'Reported after the article’s date: later knowledge'
			}
		],
		markLayers: ['troops-reported-points', 'troops-reported-later-points']
	},
	{
		id: 'crimea',
		label: 'Crimea (occupied since 2014)',
		group: 'context',
		legend: [
			{
				symbol: { kind: 'area', color: OVERLAY_COLORS.occupied, pattern: 'hatch', dashed: true },
				caption: 'Crimea: Ukraine, occupied by Russia since 2014'
			}
		],
		markLayers: []
	},
	{
		id: 'contact-line',
		label: 'Line of contact (approx.)',
		group: 'context',
		legend: [
			{
				symbol: { kind: 'line', color: OVERLAY_COLORS.contact, dashed: true },
				caption: 'Line of contact in Donbas before 24 Feb 2022 (approximate, ±5 km)'
			}
		],
		markLayers: ['contact-line-line']
	},
	{
		id: 'route',
		label: 'Diplomatic route',
		group: 'context',
		legend: [
			{
				symbol: { kind: 'line', color: OVERLAY_COLORS.route, dashed: false },
				caption: 'Macron’s route, Paris → Moscow (7 Feb) → Kyiv (8 Feb), great-circle arcs'
			}
		],
		markLayers: ['route-line']
	},
	{
		id: 'places',
		label: 'Places in the story',
		group: 'context',
		legend: [
			{
				symbol: { kind: 'point', fill: OVERLAY_COLORS.place, stroke: '#ffffff' },
				caption: 'Place named in the article'
			},
			{
				symbol: { kind: 'point', fill: '#ffffff', stroke: OVERLAY_COLORS.place, hollow: true },
				caption: 'Where the story happens, not named in the article'
			}
		],
		markLayers: ['places-points', 'places-unnamed-points']
	}
];

/**
 * All overlays in one source: each feature tagged with its overlay's id, each layer filtered on
 * it. One source instead of six means one worker job and one set of tiles, so the map settles in
 * fewer frames (every frame is expensive under a software renderer).
 */
export function overlaySource(
	data: Record<string, GeoJSON.FeatureCollection>
): SourceSpecification {
	const features: GeoJSON.Feature[] = [];
	for (const o of OVERLAYS) {
		for (const f of data[o.id]?.features ?? []) {
			features.push({ ...f, properties: { ...f.properties, overlay: o.id } });
		}
	}
	return { type: 'geojson', data: { type: 'FeatureCollection', features } };
}

/**
 * A layer as written below: it names the overlay it draws (`overlay`) where a layer would name its
 * source; `overlayLayers` points it at the one 'overlays' source, filtered on that overlay's features.
 */
type OverlayLayer = LayerSpecification extends infer L
	? L extends { source: string }
		? Omit<L, 'source'> & { overlay: string }
		: never
	: never;

/**
 * The map layers of each overlay, all drawn from the one 'overlays' source (`overlaySource`) and
 * filtered on their overlay's features, with `metadata.overlay` naming it (for toggling).
 */
export function overlayLayers(): LayerSpecification[] {
	const c = OVERLAY_COLORS;
	const layers: OverlayLayer[] = [
		// Troops from the article
		{
			id: 'troops-article-zone',
			type: 'fill',
			overlay: 'troops-article',
			filter: kindIs('zone'),
			paint: { 'fill-pattern': TROOPS_PATTERN_ID, 'fill-opacity': 0.9, 'fill-antialias': false }
		},
		{
			id: 'troops-article-zone-outline',
			type: 'line',
			overlay: 'troops-article',
			filter: kindIs('zone'),
			paint: { 'line-color': c.troops, 'line-width': 1.5, 'line-dasharray': [4, 2] }
		},
		// Crimea, over the troop band: its status stays readable where the band covers it.
		{
			id: 'crimea-occupied',
			type: 'fill',
			overlay: 'crimea',
			paint: { 'fill-pattern': OCCUPIED_PATTERN_ID, 'fill-antialias': false }
		},
		{
			id: 'crimea-outline',
			type: 'line',
			overlay: 'crimea',
			paint: { 'line-color': c.occupied, 'line-width': 1.4, 'line-dasharray': [2, 1.5] }
		},
		// Context lines
		{
			id: 'contact-line-line',
			type: 'line',
			overlay: 'contact-line',
			layout: { 'line-cap': 'round' },
			paint: { 'line-color': c.contact, 'line-width': 3, 'line-dasharray': [2, 1] }
		},
		{
			id: 'route-line',
			type: 'line',
			overlay: 'route',
			layout: { 'line-cap': 'round' },
			paint: { 'line-color': c.route, 'line-width': 3 }
		},
		// Points, over the lines
		// Reports from before and after the article, as two layers of one colour each: a colour
		// that varies by feature would need a shader of its own (a cost of the first view).
		...([false, true] as const).map((later): OverlayLayer => ({
			id: later ? 'troops-reported-later-points' : 'troops-reported-points',
			type: 'circle',
			overlay: 'troops-reported',
			filter: ['==', ['to-boolean', ['get', 'afterArticle']], later],
			paint: {
				'circle-radius': MARK_RADIUS['troops-reported'] - 2.5,
				'circle-color': '#ffffff',
				'circle-stroke-width': 2.5,
				'circle-stroke-color': later ? c.later : c.reported
			}
		})),
		{
			id: 'troops-article-points',
			type: 'circle',
			overlay: 'troops-article',
			filter: kindIs('position'),
			paint: {
				'circle-radius': MARK_RADIUS['troops-article'] - 2,
				'circle-color': c.troops,
				'circle-stroke-color': '#ffffff',
				'circle-stroke-width': 2
			}
		},
		// Places the article names (filled) and those it does not (hollow): two one-colour layers.
		...([true, false] as const).map((named): OverlayLayer => ({
			id: named ? 'places-points' : 'places-unnamed-points',
			type: 'circle',
			overlay: 'places',
			filter: ['==', ['to-boolean', ['get', 'namedInArticle']], named],
			paint: {
				'circle-radius': named ? MARK_RADIUS.places - 1.5 : MARK_RADIUS.places - 2,
				'circle-color': named ? c.place : '#ffffff',
				'circle-stroke-color': named ? '#ffffff' : c.place,
				'circle-stroke-width': named ? 1.5 : 2
			}
		})),
		// Labels: every mark says where it comes from, and approximate ones say so. The first of
		// them (the last in this list, drawn on top) is placed first and wins a crowded spot: the
		// article's troops, then the reports, Crimea, the lines, and the places.
		{
			id: 'places-labels',
			type: 'symbol',
			overlay: 'places',
			minzoom: 3,
			...text(['get', 'name'], c.place, 11, MARK_RADIUS.places)
		},
		{
			id: 'route-label',
			type: 'symbol',
			overlay: 'route',
			...lineText('line-center', ['get', 'label'], c.route, 12)
		},
		{
			id: 'contact-line-label',
			type: 'symbol',
			overlay: 'contact-line',
			minzoom: 4.5,
			...lineText('line', 'Line of contact (approx. ±5 km)', c.contact, 11)
		},
		{
			id: 'crimea-label',
			type: 'symbol',
			overlay: 'crimea',
			minzoom: 3.5,
			...text(['concat', ['get', 'name'], '\noccupied since 2014'], c.occupied, 11)
		},
		{
			id: 'troops-reported-labels',
			type: 'symbol',
			overlay: 'troops-reported',
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
				MARK_RADIUS['troops-reported']
			),
			paint: {
				'text-color': ['case', ['get', 'afterArticle'], c.later, c.reported],
				'text-halo-color': c.halo,
				'text-halo-width': 2.5
			}
		},
		{
			id: 'troops-article-labels',
			type: 'symbol',
			overlay: 'troops-article',
			filter: ['!=', ['get', 'kind'], 'zone'],
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
				MARK_RADIUS['troops-article']
			),
			// Over the red hatching of the band: a wider halo.
			paint: { 'text-color': c.troops, 'text-halo-color': c.halo, 'text-halo-width': 3.5 }
		},
		// Invisible stand-ins for the point marks, placed before any label: no label (a country's,
		// another mark's) is placed over a mark. Never drawn (opacity 0 skips their draw call).
		...(Object.keys(MARK_RADIUS) as (keyof typeof MARK_RADIUS)[]).map((overlay): OverlayLayer => ({
			id: `${overlay}-mark-space`,
			type: 'symbol',
			overlay,
			filter: [
				'all',
				['==', ['geometry-type'], 'Point'],
				['in', ['get', 'kind'], ['literal', ['position', 'place']]]
			],
			layout: {
				'icon-image': LABEL_SPACE_IMAGE,
				'icon-size': (2 * (MARK_RADIUS[overlay] + MARK_MARGIN)) / LABEL_SPACE_SIZE,
				'icon-allow-overlap': true,
				'icon-padding': 0
			},
			paint: { 'icon-opacity': 0 }
		}))
	];
	return layers.map(({ overlay, ...l }) => {
		const own: ExpressionSpecification = ['==', ['get', 'overlay'], overlay];
		const filter = (l as { filter?: ExpressionSpecification }).filter;
		return {
			...l,
			source: 'overlays',
			filter: filter ? ['all', own, filter] : own,
			metadata: { overlay }
		};
	}) as LayerSpecification[];
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

export const MARK_LAYERS = OVERLAYS.flatMap((o) => o.markLayers);
