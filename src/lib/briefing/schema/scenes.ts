/** Presentation mode's scenes: what each shows (countries, layers, a camera) and says. */
import { z } from './zod';
import { LIMITS } from '../limits';
import {
	iso3,
	listOf,
	longitude,
	paragraphNumber,
	shortName,
	slug,
	textOf,
	tooLong
} from './fields';

const sceneLatitude = z
	.number()
	.min(-85, { error: 'latitude must be within -85..85' })
	.max(85, { error: 'latitude must be within -85..85' });

const sceneZoom = z
	.number()
	.min(0, { error: 'zoom must be within 0..9' })
	.max(9, { error: 'zoom must be within 0..9' });

/** Where a scene puts the camera: a fit to countries' mainland bounds, or a centre and a zoom. */
export type SceneCamera = { fit: string[] } | { center: [number, number]; zoom: number };

/**
 * Written as one object with optional fields, not as a union, so that a camera with both forms
 * (or with a centre and no zoom) gets a message saying so rather than "unknown field".
 */
export const sceneCameraSchema = z
	.strictObject({
		/** ISO3 codes; mainland bounds come from the geodata, so any country can be fitted. */
		fit: listOf(iso3, 'fitCountries', 'countries')
			.min(1, { error: 'name at least one country to fit' })
			.optional(),
		/** [longitude, latitude], GeoJSON order. */
		center: z.tuple([longitude, sceneLatitude]).optional(),
		zoom: sceneZoom.optional()
	})
	.superRefine((c, ctx) => {
		const issue = (message: string, path: string[] = []) =>
			ctx.addIssue({ code: 'custom', path, message });
		if (c.fit !== undefined) {
			if (c.center !== undefined || c.zoom !== undefined) {
				issue('give either "fit", or "center" and "zoom", not both');
			}
		} else if (c.center === undefined && c.zoom === undefined) {
			issue('needs "fit", or "center" and "zoom"');
		} else if (c.center === undefined) {
			issue('required with "zoom" (or use "fit")', ['center']);
		} else if (c.zoom === undefined) {
			issue('required with "center"', ['zoom']);
		}
	})
	.transform((c): SceneCamera =>
		c.fit !== undefined ? { fit: c.fit } : { center: c.center!, zoom: c.zoom! }
	);

export const sceneSchema = z.strictObject({
	id: slug,
	/** Shown large on the projector. */
	title: shortName(100, 'keep it under 100 characters: it is shown large'),
	/** The article paragraphs the scene quotes, in the order shown. */
	paragraphs: listOf(paragraphNumber, 'sceneParagraphs', 'paragraphs').min(1, {
		error: 'quote at least one paragraph'
	}),
	/** Countries to highlight; each must be listed in `countries`, and shown in `layers`. */
	countries: listOf(iso3, 'sceneCountries', 'countries').default([]),
	/**
	 * The layers visible in the scene (every other is hidden): a country listed in `countries`,
	 * by its ISO3 code, an overlay id of the briefing, or a layer of the basemap
	 * (BASEMAP_LAYERS: the country names).
	 */
	layers: listOf(
		z.string().min(1, { error: 'must not be empty' }).max(LIMITS.idChars, tooLong('idChars')),
		'sceneLayers',
		'layers'
	),
	camera: sceneCameraSchema,
	/** Speaker notes: what to say, plain text. */
	notes: textOf('notesChars')
});
