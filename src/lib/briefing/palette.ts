/**
 * The visual vocabulary a briefing may use for its roles: pure data, read by the schema (to reject
 * unknown names), the map style and the legend, so one table decides what a role looks like.
 */

/**
 * Okabe & Ito's colour-blind-safe palette ("Color Universal Design", 2008,
 * https://jfly.uni-koeln.de/color/): the eight colours stay distinguishable under the common
 * colour-vision deficiencies, which a projector in a bright room makes everyone share a little.
 */
export const SWATCHES = {
	blue: '#0072B2',
	orange: '#E69F00',
	vermillion: '#D55E00',
	skyblue: '#56B4E9',
	green: '#009E73',
	yellow: '#F0E442',
	purple: '#CC79A7',
	grey: '#999999'
} as const satisfies Record<string, `#${string}`>;

export type SwatchName = keyof typeof SWATCHES;

/** Kept as a tuple so zod's enum and the type come from the same list as the hex table. */
export const SWATCH_NAMES = Object.keys(SWATCHES) as [SwatchName, ...SwatchName[]];

/**
 * The second cue besides colour (WCAG 1.4.1, Use of Color): each role pairs a swatch with a
 * texture. "none" draws no fill at all, only the outline, for countries that are mere context.
 */
export const PATTERNS = [
	'solid',
	'hatch',
	'crosshatch',
	'dots',
	'stripes-vertical',
	'none'
] as const;

export type PatternName = (typeof PATTERNS)[number];
