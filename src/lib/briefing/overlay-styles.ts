/**
 * The looks an overlay of a briefing may take, and the legend symbols each one draws: pure data,
 * read by the schema (to reject an unknown look or symbol), the map style and the legend, so that
 * one table decides what a kind of mark looks like while the briefing says what it is.
 *
 * - `troops`: forces a text places: an illustrative area (`kind: "zone"`, labelled at a
 *   `kind: "zone-label"` point) and filled points (`kind: "position"`).
 * - `reports`: concentrations reported by sources: hollow points, in another colour when the
 *   feature is `afterArticle` (later knowledge).
 * - `occupied`: an occupied or disputed area, hatched, labelled with its `mapLabel`.
 * - `front-line`: a front or line of contact, dashed.
 * - `route`: a journey, solid lines labelled with their `label`.
 * - `places`: places of the story: filled when `namedInArticle`, hollow when not.
 */
export const OVERLAY_STYLES = {
	troops: ['area', 'point'],
	reports: ['reported', 'later'],
	occupied: ['area'],
	'front-line': ['line'],
	route: ['line'],
	places: ['named', 'unnamed']
} as const satisfies Record<string, readonly string[]>;

export type OverlayStyle = keyof typeof OVERLAY_STYLES;
export type LegendSymbolName = (typeof OVERLAY_STYLES)[OverlayStyle][number];

export const OVERLAY_STYLE_NAMES = Object.keys(OVERLAY_STYLES) as [OverlayStyle, ...OverlayStyle[]];

/** The groups of the layers panel, in its order. */
export const OVERLAY_GROUPS = ['military', 'context'] as const;
export type OverlayGroup = (typeof OVERLAY_GROUPS)[number];

/**
 * Layers of the basemap that a scene may show or hide besides the briefing's countries and
 * overlays: the country names.
 */
export const BASEMAP_LAYERS = ['labels'] as const;
