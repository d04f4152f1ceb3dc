/** Colours and fonts of the map, shared by the style, the overlays and the legend. */

export const COLORS = {
	sea: '#cfdde8',
	land: '#f3f0e9',
	border: '#8f887e',
	text: '#1d1d1b',
	halo: '#ffffff',
	selected: '#000000'
} as const;

export const OVERLAY_COLORS = {
	troops: '#b3261e',
	reported: '#b3261e',
	later: '#6b6b6b',
	occupied: '#5b3a8c',
	contact: '#2b2b2b',
	route: '#0b5394',
	place: '#1d1d1b',
	measure: '#d81b60',
	halo: '#ffffff'
} as const;

/** Fonts the browser already has; MapLibre rasterises labels locally from the first it finds. */
export const LABEL_FONTS = [
	'Noto Sans Regular',
	'DejaVu Sans',
	'Liberation Sans',
	'Arial',
	'sans-serif'
];

export const OCCUPIED_PATTERN_ID = 'pattern-occupied';
export const TROOPS_PATTERN_ID = 'pattern-troops';

/** Country label sizes (px) when exploring; presenting scales them (see `presentingScale`). */
export const LABEL_SIZES = { story: 15, other: 11 } as const;

/**
 * A transparent square the map registers (see `labelSpaceImage`): symbols of it take space among
 * the labels without being drawn, around a mark and along a story country's border.
 */
export const LABEL_SPACE_IMAGE = 'label-space';
export const LABEL_SPACE_SIZE = 12;

/** The transparent pixels of LABEL_SPACE_IMAGE. */
export function labelSpaceImage() {
	const size = LABEL_SPACE_SIZE;
	return { width: size, height: size, data: new Uint8Array(size * size * 4) };
}
