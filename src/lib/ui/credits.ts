/**
 * The credits line of the map (data sources and the renderer), in one place: the sidebar's
 * Credits component shows it, and saved images and printed handouts write it in the same words.
 * Each item is a list of parts, some of them a work's title (`cite`) or a package name (`code`).
 */
export type CreditPart = string | { cite: string } | { code: string };

export const CREDITS: readonly (readonly CreditPart[])[] = [
	[
		'Boundaries: ',
		{ cite: 'Natural Earth' },
		' 1:110m and 1:50m (public domain), via the ',
		{ code: 'world-atlas' },
		' 2.0.2 package (ISC). Crimea is drawn as part of Ukraine, under Russian occupation since 2014 (UN General Assembly resolution 68/262).'
	],
	['Place coordinates: ', { cite: 'GeoNames' }, ', CC BY 4.0.'],
	['Country names: Unicode CLDR short English names.'],
	['Map drawn with MapLibre GL JS (BSD 3-Clause), entirely from this site’s own files.']
];

/** The words of a credit item, without its markup. */
export function creditText(parts: readonly CreditPart[]): string {
	return parts.map((p) => (typeof p === 'string' ? p : 'cite' in p ? p.cite : p.code)).join('');
}

/** Every credit as one line of plain text, for an image's foot. */
export function creditsLine(): string {
	return `Sources: ${CREDITS.map(creditText).join(' ')}`;
}
