/**
 * The briefing document, format version 1: everything needed to draw and present a briefing in
 * one JSON document. Two forms share it: the repository's (`src/content/<id>/briefing.json`, its
 * article in a .txt file and its overlays' features inline or in GeoJSON files beside it), and the
 * served and exported one (one file: the article's paragraphs and every feature inline).
 */
import { z } from './zod';
import { LIMITS } from '../limits';
import { countryEntrySchema, roleSchema } from './countries';
import {
	boundsSchema,
	characters,
	count,
	isoDate,
	listOf,
	name,
	slug,
	text,
	tooLong
} from './fields';
import { troopNoteSchema } from './notes';
import { distanceSchema, overlaySchema, overlaySourceSchema } from './overlays';
import { sceneSchema } from './scenes';

/** The version this app writes and reads; older documents are migrated first (see migrate.ts). */
export const FORMAT_VERSION = 1;

/** Where the JSON Schema of the format is served, relative to a served briefing. */
export const SCHEMA_URL = '../briefing.schema.json';

const articleFile = z
	.string()
	.max(LIMITS.idChars, tooLong('idChars'))
	.regex(/^[\w.-]+\.txt$/, { error: 'must be a .txt file name in the same folder' });

const articleMetaShape = {
	title: name,
	/** A date, or an ISO 8601 interval such as "2022-02-06/07" when the wire ran over midnight. */
	published: z.string().regex(/^\d{4}-\d{2}-\d{2}(?:\/(?:\d{2}|\d{2}-\d{2}|\d{4}-\d{2}-\d{2}))?$/, {
		error: 'must be a date, YYYY-MM-DD, or an interval such as 2022-02-06/07'
	}),
	note: text.optional()
};

// Paragraphs are kept verbatim (not trimmed) so that passage segments rebuild them exactly.
const paragraphText = z
	.string()
	.max(LIMITS.paragraphChars, tooLong('paragraphChars'))
	.regex(/\S/, { error: 'must not be blank' });

export const paragraphsSchema = listOf(paragraphText, 'paragraphs', 'paragraphs')
	.min(1, { error: 'the article needs at least one paragraph' })
	.superRefine((paragraphs, ctx) => {
		const total = paragraphs.reduce((n, p) => n + characters(p), 0);
		if (total > LIMITS.articleChars) {
			ctx.addIssue({
				code: 'custom',
				message: `too long in all: ${count(total)} characters, the limit is ${count(LIMITS.articleChars)} (articleChars)`
			});
		}
	});

/** A language tag (BCP 47), e.g. "en" or "fr-FR": it chooses the gazetteer that finds mentions. */
const language = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, {
	error: 'must be a language tag such as "en" or "fr"'
});

const commonShape = {
	/** The JSON Schema an editor checks the file against (see SCHEMA_URL). */
	$schema: z.string().max(LIMITS.urlChars, tooLong('urlChars')).optional(),
	version: z.literal(FORMAT_VERSION, {
		error: `must be ${FORMAT_VERSION}, the format version this app reads`
	}),
	id: slug,
	title: name,
	/** The date the story is told from: reports dated after it are flagged as later. */
	asOf: isoDate,
	language
};

const storyShape = {
	/** The story's first view, [west, south, east, north]: a fit of its countries is no frame. */
	frame: z.strictObject({ bounds: boundsSchema }),
	roles: listOf(roleSchema, 'roles', 'roles').min(1, { error: 'define at least one role' }),
	countries: listOf(countryEntrySchema, 'countries', 'countries').min(1, {
		error: 'list at least one country'
	}),
	troopNotes: listOf(troopNoteSchema, 'troopNotes', 'troop notes').default([])
};

const endShape = {
	distances: listOf(distanceSchema, 'distances', 'distances').default([]),
	/** Presentation mode, in the order the story is told. */
	scenes: listOf(sceneSchema, 'scenes', 'scenes').default([])
};

/** The repository's form: the article in a .txt file, features inline or in .geojson files. */
export const sourceObject = z.strictObject({
	...commonShape,
	article: z.strictObject({ ...articleMetaShape, file: articleFile }),
	...storyShape,
	overlays: listOf(overlaySourceSchema, 'overlays', 'overlays').default([]),
	...endShape
});

/** The served and exported form: one self-contained file. */
export const documentObject = z.strictObject({
	...commonShape,
	article: z.strictObject({ ...articleMetaShape, paragraphs: paragraphsSchema }),
	...storyShape,
	overlays: listOf(overlaySchema, 'overlays', 'overlays').default([]),
	...endShape
});
