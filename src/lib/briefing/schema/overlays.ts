/**
 * A briefing's overlays: what the map draws for its story besides the countries (troop areas and
 * points, reports, an occupied area, a line of contact, a route, places), each with its features
 * inline as GeoJSON (RFC 7946), each feature saying where it comes from. Also the distances the
 * country panel quotes (a city to the nearest point of a border), with the inputs that made them.
 */
import { z } from './zod';
import { LIMITS } from '../limits';
import { OVERLAY_GROUPS, OVERLAY_STYLE_NAMES } from '../overlay-styles';
import { fastPositions, iso3, listOf, name, position, slug, text, tooLong } from './fields';

const coordinates = <T extends z.ZodType>(item: T, min: number, what: string) =>
	z.array(item).min(min, { error: `needs at least ${min} ${what}` });

const line = coordinates(position, 2, 'positions');
const ring = coordinates(position, 4, 'positions (a closed ring)');
const polygon = coordinates(ring, 1, 'ring');

/** GeoJSON geometries, positions in [longitude, latitude] order (RFC 7946 §3.1.1). */
export const geometrySchema = z.discriminatedUnion('type', [
	z.strictObject({ type: z.literal('Point'), coordinates: position }),
	z.strictObject({
		type: z.literal('MultiPoint'),
		coordinates: fastPositions(coordinates(position, 1, 'position'), [1])
	}),
	z.strictObject({ type: z.literal('LineString'), coordinates: fastPositions(line, [2]) }),
	z.strictObject({
		type: z.literal('MultiLineString'),
		coordinates: fastPositions(coordinates(line, 1, 'line'), [1, 2])
	}),
	z.strictObject({ type: z.literal('Polygon'), coordinates: fastPositions(polygon, [1, 4]) }),
	z.strictObject({
		type: z.literal('MultiPolygon'),
		coordinates: fastPositions(coordinates(polygon, 1, 'polygon'), [1, 1, 4])
	})
]);

const propertyText = z.string().max(LIMITS.textChars, tooLong('textChars'));
const propertyValue = z.union([
	propertyText,
	z.number(),
	z.boolean(),
	z.null(),
	z.array(z.union([propertyText, z.number()])),
	// The inputs of a derived geometry (e.g. a great-circle arc's ends), kept beside the result.
	z.record(z.string(), z.unknown())
]);

const terms = z.array(propertyText).min(1, { error: 'give at least one term' });

/**
 * A feature's properties: its `id` (the mark's key in the address, `overlay/id`), where it comes
 * from (`provenance`, in words, e.g. "Article, para. 4" or "Source: …"), and whether its geometry
 * is `approximate`. The rest is what its overlay's look reads (`label`, `name`, `kind`…).
 *
 * Two optional properties are the inputs of what the content build derives (src/lib/geo/derive.js,
 * deriveFeature; `npm run notes`), kept beside the result: `greatCircle` (the geometry is the arc
 * from `from` to `to`, in `npoints` points, and `distanceKm` its length) and `terms` /
 * `relatedTerms` (the words naming a place, searched in the article for `namedInArticle`,
 * `paragraphs` and `provenance`).
 */
export const featurePropertiesSchema = z
	.looseObject({
		id: z.string().min(1, { error: 'must not be empty' }).max(LIMITS.idChars, tooLong('idChars')),
		provenance: text,
		approximate: z.boolean(),
		greatCircle: z
			.strictObject({
				from: position,
				to: position,
				npoints: z
					.number()
					.int({ error: 'must be a whole number' })
					.min(2, { error: 'needs at least 2 points' })
					.max(1000, { error: 'at most 1000 points' })
			})
			.optional(),
		terms: terms.optional(),
		relatedTerms: terms.optional()
	})
	.catchall(propertyValue);

export const featureSchema = z.strictObject({
	type: z.literal('Feature'),
	properties: featurePropertiesSchema,
	geometry: geometrySchema
});

export const featureCollectionSchema = z.strictObject({
	type: z.literal('FeatureCollection'),
	features: listOf(featureSchema, 'features', 'features')
});

/** In the repository, an overlay's features may live in a GeoJSON file beside briefing.json. */
export const featureFileSchema = z
	.string()
	.max(LIMITS.idChars, tooLong('idChars'))
	.regex(/^(?:[\w-]+\/)*[\w.-]+\.geojson$/, {
		error: 'must be a .geojson file in the briefing’s folder, e.g. "overlays/route.geojson"'
	});

const overlayShape = {
	/** Lower-case: never a country's code. The layers panel, the hash's `hide=` and scenes use it. */
	id: slug,
	/** The layer's name in the layers panel. */
	label: name,
	group: z.enum(OVERLAY_GROUPS),
	/** How the map draws it (see OVERLAY_STYLES). */
	style: z.enum(OVERLAY_STYLE_NAMES),
	/** What the legend says for each symbol the look draws. */
	legend: listOf(
		z.strictObject({ symbol: slug, caption: text }),
		'legendItems',
		'legend items'
	).min(1, { error: 'give the legend at least one caption' }),
	/**
	 * Made from other parts of the document: `troopNotes` draws the notes citing `provenance`
	 * ("article" or "source"); the content build writes them, and the app keys each note's marks
	 * by this overlay's id.
	 */
	derived: z
		.strictObject({
			from: z.literal('troopNotes'),
			provenance: z.enum(['article', 'source'])
		})
		.optional()
};

/** An overlay as served and exported: its features inline. */
export const overlaySchema = z.strictObject({
	...overlayShape,
	features: featureCollectionSchema
});

/** An overlay as the repository holds it: its features inline or in a named GeoJSON file. */
export const overlaySourceSchema = z.strictObject({
	...overlayShape,
	features: z.union([featureFileSchema, featureCollectionSchema])
});

/**
 * A distance from a place to the nearest point of a country's border. `at` and `to` are the
 * inputs; `km` and `nearest` are derived from them (by the content build, on the 1:50m shapes).
 */
export const distanceSchema = z.strictObject({
	from: name,
	fromIso3: iso3,
	at: position,
	to: iso3,
	toName: name,
	km: z.number().min(0, { error: 'must not be negative' }),
	nearest: position,
	provenance: text,
	approximate: z.boolean()
});
