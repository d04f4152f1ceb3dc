/**
 * Troop notes: whose forces, where (a point, several, or an area derived along a border), when,
 * and where the note comes from.
 */
import { z } from './zod';
import {
	httpUrl,
	iso3,
	listOf,
	name,
	paragraphNumber,
	partialDate,
	position,
	regionId,
	shortName,
	slug,
	text
} from './fields';

const articleProvenanceSchema = z.strictObject({
	kind: z.literal('article'),
	paragraphs: listOf(paragraphNumber, 'provenanceParagraphs', 'paragraphs').min(1, {
		error: 'name at least one paragraph'
	})
});

const sourceProvenanceSchema = z.strictObject({
	kind: z.literal('source'),
	publisher: name,
	title: name,
	/** Optional because some reports are known by title and date only (no address on record). */
	url: httpUrl.optional(),
	/** Publication date, when known. */
	date: partialDate.optional()
});

export const provenanceSchema = z.discriminatedUnion('kind', [
	articleProvenanceSchema,
	sourceProvenanceSchema
]);

/**
 * How precisely a point is placed: `site`, at the named site itself (an airfield, a range, an
 * airport); `town`, at a town near the site; `region`, only the region is known and the point
 * stands for it. `at` names the town or region where the point is drawn.
 */
export const PRECISION_LEVELS = ['site', 'town', 'region'] as const;
export type PrecisionLevel = (typeof PRECISION_LEVELS)[number];

export const precisionSchema = z.strictObject({
	level: z.enum(PRECISION_LEVELS, {
		error:
			'must be "site" (a named site), "town" (marked at a town near it) or "region" (only the region is known)'
	}),
	at: shortName(80, 'keep it under 80 characters').optional()
});

const pointSchema = z.strictObject({
	type: z.literal('Point'),
	coordinates: position,
	name: name.optional(),
	precision: precisionSchema
});

const multiPointSchema = z.strictObject({
	type: z.literal('MultiPoint'),
	coordinates: listOf(position, 'positions', 'positions').min(1, {
		error: 'needs at least one position'
	}),
	/** Labels for the positions, in the same order. */
	names: listOf(name, 'positions', 'names').optional(),
	/** How precisely each position is placed, in the same order. */
	precision: listOf(precisionSchema, 'positions', 'precisions')
});

/**
 * An area derived from the map's shapes (src/lib/geo/derive.js, run by `npm run notes`): the band
 * `widthKm` wide along the border between `along[0]` and `along[1]`, clipped to the `inside`
 * regions (countries of `along`, or regions of them such as CRIMEA; rules.ts checks that). Buffering
 * the shared border line, not a whole country, is what gives a right shape.
 */
const borderZoneSchema = z.strictObject({
	derive: z.literal('border-zone'),
	along: z.tuple([iso3, iso3]),
	inside: listOf(regionId, 'zoneRegions', 'regions').min(1, {
		error: 'name at least one region to clip to'
	}),
	widthKm: z
		.number()
		.gt(0, { error: 'widthKm must be more than 0' })
		.max(1000, { error: 'widthKm must be at most 1000' }),
	/** Why this width: the article gives no positions, so the area is an illustration. */
	reason: text
});

/**
 * A line (a front, an axis of advance) or an area (a region held) drawn by the author, as the
 * editor's drawing tools make them: plain GeoJSON, [longitude, latitude]. Added after the first
 * briefings; optional kinds, so every document valid before stays valid.
 */
const lineSchema = z.strictObject({
	type: z.literal('LineString'),
	coordinates: listOf(position, 'positions', 'positions').min(2, {
		error: 'needs at least 2 positions'
	})
});

const areaSchema = z.strictObject({
	type: z.literal('Polygon'),
	coordinates: z
		.array(
			listOf(position, 'positions', 'positions').min(4, {
				error: 'needs at least 4 positions (a closed ring)'
			})
		)
		.min(1, { error: 'needs one ring' })
		.max(1, { error: 'one ring: an area drawn has no holes' })
});

export const troopGeometrySchema = z.union([
	pointSchema,
	multiPointSchema,
	borderZoneSchema,
	lineSchema,
	areaSchema
]);

export const troopNoteSchema = z.strictObject({
	id: slug,
	/** The countries whose panels list this note. */
	concerns: listOf(iso3, 'concerns', 'countries').min(1, { error: 'name at least one country' }),
	/** Whose forces, in words ("Russian armed forces", "Wagner Group (Russian mercenaries)"). */
	forces: name,
	text,
	provenance: provenanceSchema,
	/** True when the position marks a town or an illustrative area, not a unit's exact place. */
	approximate: z.boolean(),
	/** When the forces were seen, so that reports from after the article can be told apart. */
	observed: z.strictObject({ from: partialDate, to: partialDate.optional() }).optional(),
	geometry: troopGeometrySchema
});
