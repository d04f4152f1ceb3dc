/** Roles and the countries a briefing styles: their roles, terms, passages and relations. */
import { z } from './zod';
import { PATTERNS, SWATCH_NAMES } from '../palette';
import { boundsSchema, iso3, listOf, name, paragraphNumber, slug, text, textOf } from './fields';

export const roleSchema = z.strictObject({
	id: slug,
	label: name,
	description: text,
	swatch: z.enum(SWATCH_NAMES),
	pattern: z.enum(PATTERNS)
});

export const roleAssignmentSchema = z.strictObject({
	/** A role id from the briefing's `roles`. */
	role: slug,
	/** One line, shown under the role in the country panel. */
	reason: text
});

const term = textOf('termChars');
const termsEditSchema = z.strictObject({
	add: listOf(term, 'termsPerCountry', 'terms').default([]),
	remove: listOf(term, 'termsPerCountry', 'terms').default([])
});

const passagesEditSchema = z.strictObject({
	add: listOf(paragraphNumber, 'passagesPerCountry', 'paragraphs').default([]),
	remove: listOf(paragraphNumber, 'passagesPerCountry', 'paragraphs').default([])
});

export const countryEntrySchema = z.strictObject({
	iso3,
	/** The first role is the primary one (it sets the fill); the others show as badges. */
	roles: listOf(roleAssignmentSchema, 'rolesPerCountry', 'roles'),
	/** Briefing-specific metonyms ("Macron", "the Kremlin") on top of the gazetteer's names. */
	terms: termsEditSchema.default({ add: [], remove: [] }),
	/** Paragraphs to show or hide by hand, where the gazetteer's reading is not the editor's. */
	passages: passagesEditSchema.default({ add: [], remove: [] }),
	/** Countries the panel links to; each must be listed in `countries`. */
	related: listOf(iso3, 'relatedPerCountry', 'countries').default([]),
	/**
	 * Where the country's story happens, [west, south, east, north]: what choosing the country
	 * shows (Russia's west, with Ukraine in view, rather than Siberia). Without it, the mainland.
	 */
	view: boundsSchema.optional()
});
