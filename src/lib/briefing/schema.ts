/**
 * The briefing's content format and its validation. A briefing is written by an editor, not a
 * developer, so every rule here exists to turn a likely slip (a typo in a field name or a role id,
 * a paragraph number off by one, a swapped latitude) into an error that names the field, at build
 * time and again when the page loads the served JSON.
 */
import { z } from 'zod';
import { BASEMAP_COUNTRIES, GAZETTEER } from './gazetteer';
import { LIMITS, MAX_ERRORS, type LimitName } from './limits';
import { PATTERNS, SWATCH_NAMES } from './palette';
import { LAYER_IDS } from './scenes';
import { PARTIAL_DATE, dayRange } from './text.js';

export { LIMITS, MAX_ERRORS, type LimitName } from './limits';

// A page validates one briefing, once: compiling zod's parsers first (its default) costs more
// than it saves, and it is on the way to the map's first view.
z.config({ jitless: true });

// --- Limits -----------------------------------------------------------------------------------

const count = (n: number) => n.toLocaleString('en-GB');

/** Characters as zod counts them, in code points: an emoji is one, not two. */
function characters(s: string): number {
	let n = 0;
	// Every UTF-16 unit but the second half of a surrogate pair starts a code point.
	for (let i = 0; i < s.length; i++) {
		const unit = s.charCodeAt(i);
		if (unit < 0xdc00 || unit > 0xdfff) n++;
	}
	return n;
}

const sizeOf = (input: unknown) =>
	typeof input === 'string' ? characters(input) : Array.isArray(input) ? input.length : NaN;

/** The error of a string over its limit: "too long: 5,001 characters, the limit is 5,000 (…)". */
const tooLong = (limit: LimitName) => ({
	error: (issue: { input?: unknown }) =>
		`too long: ${count(sizeOf(issue.input))} characters, the limit is ${count(LIMITS[limit])} (${limit})`
});

/** The error of a list over its limit: "too many: 101 countries, the limit is 100 (countries)". */
const tooMany = (limit: LimitName, what: string) => ({
	error: (issue: { input?: unknown }) =>
		`too many: ${count(sizeOf(issue.input))} ${what}, the limit is ${count(LIMITS[limit])} (${limit})`
});

/** Every limit's error ends so, which is how the list of errors puts them first. */
const LIMIT_ERROR = /, the limit is [\d,]+(?: \w+)? \(\w+\)$/;

/** A list of at most `LIMITS[limit]` items. */
const listOf = <T extends z.ZodType>(item: T, limit: LimitName, what: string) =>
	z.array(item).max(LIMITS[limit], tooMany(limit, what));

// --- Building blocks --------------------------------------------------------------------------

const ISO3 = /^[A-Z]{3}$/;

/**
 * A country of the basemap: a code it does not know (a typo, a made-up "XYZ") would show as a
 * button named by its code, with no shape on the map and no bounds to fit.
 */
const iso3 = z.string().superRefine((code, ctx) => {
	if (!ISO3.test(code)) {
		ctx.addIssue({ code: 'custom', message: 'must be an ISO 3166-1 alpha-3 code, e.g. "FRA"' });
	} else if (!BASEMAP_COUNTRIES.has(code)) {
		ctx.addIssue({
			code: 'custom',
			message: `"${code}" is not a country of the basemap (its codes are in geodata/names.json)`
		});
	}
});

/** Region ids name built overlays that are not countries, e.g. "CRIMEA" (see geodata/overlays). */
const regionId = z
	.string()
	.max(LIMITS.idChars, tooLong('idChars'))
	.regex(/^[A-Z][A-Z0-9_-]*$/, { error: 'must be a country code or region id in capitals' });

const slug = z
	.string()
	.max(LIMITS.idChars, tooLong('idChars'))
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
		error: 'must be lower-case words joined by hyphens, e.g. "ru-buildup"'
	});

// Trimmed so that a stray space in a term cannot make it silently never match.
const textOf = (limit: 'termChars' | 'nameChars' | 'textChars' | 'notesChars') =>
	z.string().trim().min(1, { error: 'must not be empty' }).max(LIMITS[limit], tooLong(limit));
/** A name or a title: a line at most. */
const name = textOf('nameChars');
/** A name kept shorter than nameChars for where it is shown (one error, not two, past both). */
const shortName = (max: number, error: string) =>
	z.string().trim().min(1, { error: 'must not be empty' }).max(max, { error });
/** A sentence or a paragraph of the briefing's own. */
const text = textOf('textChars');

const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });

/** Sources often date a report to the month only ("late December 2021"): YYYY, YYYY-MM or a day. */
const partialDate = z
	.string()
	.regex(PARTIAL_DATE, { error: 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD' })
	.refine((s) => s.length < 10 || z.iso.date().safeParse(s).success, {
		error: 'is not a calendar date'
	});

// `javascript:` and `data:` links would run in the panel; a citation is always a web page.
const httpUrl = z
	.url({
		protocol: /^https?$/,
		hostname: z.regexes.domain,
		error: 'must be an http(s) URL'
	})
	.max(LIMITS.urlChars, tooLong('urlChars'));

const longitude = z
	.number()
	.min(-180, { error: 'longitude must be within -180..180' })
	.max(180, { error: 'longitude must be within -180..180' });
const latitude = z
	.number()
	.min(-90, { error: 'latitude must be within -90..90' })
	.max(90, { error: 'latitude must be within -90..90' });

// Web Mercator cannot show beyond this latitude, so a camera fit to it would be clamped silently.
const MERCATOR_LAT = 85.051129;
const frameLatitude = z
	.number()
	.min(-MERCATOR_LAT, { error: `latitude must be within ±${MERCATOR_LAT} (Web Mercator)` })
	.max(MERCATOR_LAT, { error: `latitude must be within ±${MERCATOR_LAT} (Web Mercator)` });

/** GeoJSON order, [longitude, latitude] (RFC 7946 §3.1.1). */
const position = z.tuple([longitude, latitude]);

const paragraphNumber = z
	.number()
	.int({ error: 'paragraph numbers are whole numbers' })
	.min(1, { error: 'paragraphs are numbered from 1' });

// --- The format ---------------------------------------------------------------------------------

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

const boundsSchema = z
	.tuple([longitude, frameLatitude, longitude, frameLatitude])
	.superRefine(([west, south, east, north], ctx) => {
		// The antimeridian is refused: MapLibre's bounds would span the other way round the world.
		if (west >= east) ctx.addIssue({ code: 'custom', message: 'west must be less than east' });
		if (south >= north) ctx.addIssue({ code: 'custom', message: 'south must be less than north' });
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
 * An area the geodata build derives with Turf: the band `widthKm` wide along the border between
 * `along[0]` and `along[1]`, clipped to the `inside` regions. Buffering the shared border line,
 * not a whole country, is what gives a right shape (a buffer of all of Russia comes out wrong).
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

export const troopGeometrySchema = z.union([pointSchema, multiPointSchema, borderZoneSchema]);

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

// --- Scenes (presentation mode) -----------------------------------------------------------------

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
	 * by its ISO3 code, or an overlay id from LAYER_IDS.
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

const articleMetaShape = {
	title: name,
	/** The article's text file, beside briefing.json. */
	file: z
		.string()
		.max(LIMITS.idChars, tooLong('idChars'))
		.regex(/^[\w.-]+\.txt$/, { error: 'must be a .txt file name in the same folder' }),
	/** A date, or an ISO 8601 interval such as "2022-02-06/07" when the wire ran over midnight. */
	published: z.string().regex(/^\d{4}-\d{2}-\d{2}(?:\/(?:\d{2}|\d{2}-\d{2}|\d{4}-\d{2}-\d{2}))?$/, {
		error: 'must be a date, YYYY-MM-DD, or an interval such as 2022-02-06/07'
	}),
	note: text.optional()
};

const briefingShape = {
	id: slug,
	title: name,
	/** The date the story is told from: reports dated after it are flagged as later. */
	asOf: isoDate,
	article: z.strictObject(articleMetaShape),
	/** The story's first view, [west, south, east, north]: a fit of its countries is no frame. */
	frame: z.strictObject({ bounds: boundsSchema }),
	roles: listOf(roleSchema, 'roles', 'roles').min(1, { error: 'define at least one role' }),
	countries: listOf(countryEntrySchema, 'countries', 'countries').min(1, {
		error: 'list at least one country'
	}),
	troopNotes: listOf(troopNoteSchema, 'troopNotes', 'troop notes').default([]),
	/** Presentation mode, in the order the story is told. */
	scenes: listOf(sceneSchema, 'scenes', 'scenes').default([])
};

// Paragraphs are kept verbatim (not trimmed) so that passage segments rebuild them exactly.
const paragraphText = z
	.string()
	.max(LIMITS.paragraphChars, tooLong('paragraphChars'))
	.regex(/\S/, { error: 'must not be blank' });

const servedBriefingShape = {
	...briefingShape,
	article: z.strictObject({
		...articleMetaShape,
		paragraphs: listOf(paragraphText, 'paragraphs', 'paragraphs')
			.min(1, { error: 'the article needs at least one paragraph' })
			.superRefine((paragraphs, ctx) => {
				const total = paragraphs.reduce((n, p) => n + characters(p), 0);
				if (total > LIMITS.articleChars) {
					ctx.addIssue({
						code: 'custom',
						message: `too long in all: ${count(total)} characters, the limit is ${count(LIMITS.articleChars)} (articleChars)`
					});
				}
			})
	})
};

// --- Rules across fields ------------------------------------------------------------------------

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;
const briefingObject = z.strictObject(briefingShape);
const servedBriefingObject = z.strictObject(servedBriefingShape);
type BriefingShape = z.output<typeof briefingObject>;

/**
 * What the rules across fields read. From a file of the right shape, everything; from one with
 * shape errors, each entry that is right on its own (the others are holes, already reported), so
 * that a typo in one scene does not hide an unknown role in a country: every problem the schema
 * can find is reported in one pass, not one round of fixes at a time.
 */
interface View {
	roles: readonly (z.output<typeof roleSchema> | undefined)[];
	/** Every role id the file defines; undefined when one is malformed (roles go unchecked). */
	roleIds: ReadonlySet<string> | undefined;
	countries: readonly (z.output<typeof countryEntrySchema> | undefined)[];
	/** Every country the file lists; undefined when one is malformed (listing goes unchecked). */
	listed: ReadonlySet<string> | undefined;
	troopNotes: readonly (z.output<typeof troopNoteSchema> | undefined)[];
	scenes: readonly (z.output<typeof sceneSchema> | undefined)[];
}

function viewOf(b: BriefingShape): View {
	return {
		...b,
		roleIds: new Set(b.roles.map((r) => r.id)),
		listed: new Set(b.countries.map((c) => c.iso3))
	};
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

/** The view of a file that failed its shape: each entry that parses on its own, or a hole. */
function viewOfRaw(raw: unknown): View {
	const b = isRecord(raw) ? raw : {};
	const entries = <T>(list: unknown, schema: z.ZodType<T>, limit: LimitName) =>
		(Array.isArray(list) ? list.slice(0, LIMITS[limit]) : []).map((item) => {
			const result = schema.safeParse(item);
			return result.success ? result.data : undefined;
		});
	// A malformed id is reported by the shape, and then every reference to it would be reported
	// again as unknown: with one, the references are not checked this round.
	const ids = (list: unknown, key: string, schema: z.ZodType<string>) => {
		if (!Array.isArray(list)) return undefined;
		const found = new Set<string>();
		for (const item of list) {
			const id = schema.safeParse(isRecord(item) ? item[key] : undefined);
			if (!id.success) return undefined;
			found.add(id.data);
		}
		return found;
	};
	return {
		roles: entries(b.roles, roleSchema, 'roles'),
		roleIds: ids(b.roles, 'id', slug),
		countries: entries(b.countries, countryEntrySchema, 'countries'),
		listed: ids(b.countries, 'iso3', iso3),
		troopNotes: entries(b.troopNotes, troopNoteSchema, 'troopNotes'),
		scenes: entries(b.scenes, sceneSchema, 'scenes')
	};
}

/** Reports each repeat after the first, where the editor has to delete it; holes are skipped. */
function reportRepeats<T>(
	items: readonly (T | undefined)[],
	path: Path,
	what: string,
	report: Report
) {
	const seen = new Set<T>();
	items.forEach((item, i) => {
		if (item === undefined) return;
		if (seen.has(item)) report([...path, i], `${what} ${JSON.stringify(item)} is listed twice`);
		seen.add(item);
	});
}

function checkParagraphs(
	numbers: readonly number[],
	path: Path,
	paragraphCount: number | undefined,
	report: Report
) {
	if (paragraphCount === undefined) return;
	numbers.forEach((n, i) => {
		if (n > paragraphCount) {
			report(
				[...path, i],
				`paragraph ${n} is outside 1..${paragraphCount} (the article has ${paragraphCount})`
			);
		}
	});
}

function checkReferences(b: View, paragraphCount: number | undefined, report: Report) {
	const { roleIds, listed } = b;
	reportRepeats(
		b.roles.map((r) => r?.id),
		['roles'],
		'role id',
		(path, message) => report([...path, 'id'], message)
	);
	// The legend and the map must tell roles apart by more than their order.
	const looks = new Map<string, string>();
	b.roles.forEach((r, i) => {
		if (!r) return;
		const look = `${r.swatch}+${r.pattern}`;
		const first = looks.get(look);
		if (first !== undefined) {
			report(
				['roles', i],
				`role "${r.id}" looks the same as role "${first}" (${r.swatch}, ${r.pattern})`
			);
		} else looks.set(look, r.id);
	});

	reportRepeats(
		b.countries.map((c) => c?.iso3),
		['countries'],
		'country',
		(path, message) => report([...path, 'iso3'], message)
	);

	// A term may name only one country, or a mention could not say which country it names.
	const termOwner = new Map<string, string>();
	for (const [code, names] of Object.entries(GAZETTEER)) {
		const entry = b.countries.find((c) => c?.iso3 === code);
		for (const name of names) if (!entry?.terms.remove.includes(name)) termOwner.set(name, code);
	}

	b.countries.forEach((c, i) => {
		if (!c) return;
		const at = (...rest: Path): Path => ['countries', i, ...rest];
		c.roles.forEach((r, j) => {
			if (roleIds && !roleIds.has(r.role)) {
				report(
					at('roles', j, 'role'),
					`unknown role "${r.role}" (roles: ${[...roleIds].join(', ')})`
				);
			}
		});
		reportRepeats(
			c.roles.map((r) => r.role),
			at('roles'),
			'role',
			(path, message) => report([...path, 'role'], message)
		);

		c.related.forEach((code, j) => {
			if (code === c.iso3) report(at('related', j), `a country cannot be related to itself`);
			else if (listed && !listed.has(code)) {
				report(at('related', j), `"${code}" is not listed in countries`);
			}
		});
		reportRepeats(c.related, at('related'), 'country', report);

		const builtIns = GAZETTEER[c.iso3] ?? [];
		reportRepeats(c.terms.add, at('terms', 'add'), 'term', report);
		c.terms.add.forEach((term, j) => {
			const owner = termOwner.get(term);
			if (owner === c.iso3 && builtIns.includes(term)) {
				report(at('terms', 'add', j), `"${term}" is already a built-in name of ${c.iso3}`);
			} else if (owner !== undefined && owner !== c.iso3) {
				report(at('terms', 'add', j), `"${term}" already names ${owner}`);
			} else termOwner.set(term, c.iso3);
		});
		reportRepeats(c.terms.remove, at('terms', 'remove'), 'term', report);
		c.terms.remove.forEach((term, j) => {
			if (!builtIns.includes(term)) {
				report(
					at('terms', 'remove', j),
					`"${term}" is not a built-in name of ${c.iso3}, so there is nothing to remove`
				);
			}
		});

		reportRepeats(c.passages.add, at('passages', 'add'), 'paragraph', report);
		reportRepeats(c.passages.remove, at('passages', 'remove'), 'paragraph', report);
		checkParagraphs(c.passages.add, at('passages', 'add'), paragraphCount, report);
		checkParagraphs(c.passages.remove, at('passages', 'remove'), paragraphCount, report);
		const removed = new Set(c.passages.remove);
		c.passages.add.forEach((n, j) => {
			if (removed.has(n))
				report(at('passages', 'add', j), `paragraph ${n} is both added and removed`);
		});
	});

	reportRepeats(
		b.troopNotes.map((n) => n?.id),
		['troopNotes'],
		'note id',
		(path, message) => report([...path, 'id'], message)
	);
	b.troopNotes.forEach((note, i) => {
		if (!note) return;
		const at = (...rest: Path): Path => ['troopNotes', i, ...rest];
		note.concerns.forEach((code, j) => {
			if (listed && !listed.has(code)) {
				report(at('concerns', j), `"${code}" is not listed in countries`);
			}
		});
		reportRepeats(note.concerns, at('concerns'), 'country', report);
		if (note.provenance.kind === 'article') {
			reportRepeats(
				note.provenance.paragraphs,
				at('provenance', 'paragraphs'),
				'paragraph',
				report
			);
			checkParagraphs(
				note.provenance.paragraphs,
				at('provenance', 'paragraphs'),
				paragraphCount,
				report
			);
		}
		const { observed, geometry } = note;
		if (observed?.to !== undefined && dayRange(observed.to)[1] < dayRange(observed.from)[0]) {
			report(at('observed', 'to'), `ends (${observed.to}) before it starts (${observed.from})`);
		}
		if ('derive' in geometry) {
			if (geometry.along[0] === geometry.along[1]) {
				report(at('geometry', 'along', 1), 'a border needs two different countries');
			}
		} else {
			if (geometry.type === 'MultiPoint' && geometry.names !== undefined) {
				if (geometry.names.length !== geometry.coordinates.length) {
					report(
						at('geometry', 'names'),
						`${geometry.names.length} names for ${geometry.coordinates.length} positions`
					);
				}
			}
			const precisions = geometry.type === 'Point' ? [geometry.precision] : geometry.precision;
			if (geometry.type === 'MultiPoint' && precisions.length !== geometry.coordinates.length) {
				report(
					at('geometry', 'precision'),
					`${precisions.length} precisions for ${geometry.coordinates.length} positions`
				);
			}
			precisions.forEach((p, j) => {
				if (p.level !== 'site' && p.at === undefined) {
					report(
						geometry.type === 'Point'
							? at('geometry', 'precision', 'at')
							: at('geometry', 'precision', j, 'at'),
						'required when the level is "town" or "region": the town or region where the point is marked'
					);
				}
			});
		}
	});

	checkScenes(b, listed, paragraphCount, report);
}

const LAYER_LIST = LAYER_IDS.join(', ');

function checkScenes(
	b: View,
	listed: ReadonlySet<string> | undefined,
	paragraphCount: number | undefined,
	report: Report
) {
	reportRepeats(
		b.scenes.map((s) => s?.id),
		['scenes'],
		'scene id',
		(path, message) => report([...path, 'id'], message)
	);
	const overlays = new Set<string>(LAYER_IDS);
	b.scenes.forEach((scene, i) => {
		if (!scene) return;
		const at = (...rest: Path): Path => ['scenes', i, ...rest];
		reportRepeats(scene.paragraphs, at('paragraphs'), 'paragraph', report);
		checkParagraphs(scene.paragraphs, at('paragraphs'), paragraphCount, report);

		const shown = new Set(scene.layers);
		scene.countries.forEach((code, j) => {
			if (!listed) return;
			if (!listed.has(code)) report(at('countries', j), `"${code}" is not listed in countries`);
			else if (!shown.has(code)) {
				report(at('countries', j), `"${code}" is highlighted but hidden: add it to layers`);
			}
		});
		reportRepeats(scene.countries, at('countries'), 'country', report);

		scene.layers.forEach((id, j) => {
			if (!listed || overlays.has(id) || listed.has(id)) return;
			report(
				at('layers', j),
				ISO3.test(id)
					? `"${id}" is not listed in countries, so it has no layer`
					: `unknown layer "${id}" (layers: a country listed in countries, or ${LAYER_LIST})`
			);
		});
		reportRepeats(scene.layers, at('layers'), 'layer', report);

		if ('fit' in scene.camera) {
			reportRepeats(scene.camera.fit, at('camera', 'fit'), 'country', report);
		}
	});
}

function withReferences<S extends z.ZodType<BriefingShape>>(
	schema: S,
	paragraphCount: (b: z.output<S>) => number | undefined
): S {
	return schema.superRefine(
		(b, ctx) =>
			checkReferences(viewOf(b), paragraphCount(b), (path, message) =>
				ctx.addIssue({ code: 'custom', path, message })
			),
		// Here the rules need the whole briefing right, so a shape error hides them: the page and
		// the build go through `validate` instead, which runs them on each entry that is right on
		// its own and so reports every problem at once.
		{ when: (payload) => payload.issues.length === 0 }
	);
}

/** The authoring format, `src/content/<id>/briefing.json`, checked without its article. */
export const briefingSchema = withReferences(briefingObject, () => undefined);

/** The served form, `/briefings/<id>.json`: the briefing with its article's paragraphs inlined. */
export const servedBriefingSchema = withReferences(
	servedBriefingObject,
	(b) => b.article.paragraphs.length
);

export type Briefing = z.output<typeof briefingSchema>;
export type BriefingInput = z.input<typeof briefingSchema>;
export type ServedBriefing = z.output<typeof servedBriefingSchema>;
export type Role = z.output<typeof roleSchema>;
export type RoleAssignment = z.output<typeof roleAssignmentSchema>;
export type CountryEntry = z.output<typeof countryEntrySchema>;
export type TroopNote = z.output<typeof troopNoteSchema>;
export type TroopGeometry = z.output<typeof troopGeometrySchema>;
export type Provenance = z.output<typeof provenanceSchema>;
export type Precision = z.output<typeof precisionSchema>;
export type Scene = z.output<typeof sceneSchema>;

// --- Results and messages -----------------------------------------------------------------------

export type ParseResult<T> = { ok: true; briefing: T } | { ok: false; errors: string[] };

/** Field names are quoted from the file: a hostile one could be megabytes long. */
const KEY_CHARS = 60;

/** `['countries', 2, 'roles', 0]` -> `countries[2].roles[0]`: the path an editor can follow. */
export function formatPath(path: readonly PropertyKey[]): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else {
			const name = String(key);
			const shown =
				name.length > KEY_CHARS
					? `${name.slice(0, KEY_CHARS)}… (${count(characters(name))} characters)`
					: name;
			out += out ? `.${shown}` : shown;
		}
	}
	return out || '(root)';
}

/**
 * One line per problem, each starting with the field's path. A union's failure is reported from
 * the branch that came closest (fewest issues), because "Invalid input" on a whole geometry tells
 * an editor nothing about which field to fix.
 */
export function formatIssues(
	issues: readonly z.core.$ZodIssue[],
	prefix: PropertyKey[] = []
): string[] {
	const lines: string[] = [];
	for (const issue of issues) {
		const path = [...prefix, ...issue.path];
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) lines.push(`${formatPath([...path, key])}: unknown field`);
		} else if (issue.code === 'invalid_union' && issue.errors.length > 0) {
			const closest = issue.errors.reduce((a, b) => (b.length < a.length ? b : a));
			lines.push(...formatIssues(closest, path));
		} else if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
			lines.push(`${formatPath(path)}: required (${issue.expected})`);
		} else {
			lines.push(`${formatPath(path)}: ${issue.message}`);
		}
	}
	return lines;
}

/**
 * The limits no field of the format can check: how deep the file nests and how many values it
 * holds, counted before zod reads it field by field (which, for millions of values, takes
 * seconds). Iterative, so that a file nested 100,000 deep cannot overflow the stack either.
 */
function checkSize(raw: unknown): string[] {
	interface Node {
		value: unknown;
		parent: Node | undefined;
		key: string | number;
		depth: number;
	}
	const pathOf = (node: Node) => {
		const keys: (string | number)[] = [];
		for (let n: Node | undefined = node; n?.parent; n = n.parent) keys.push(n.key);
		return formatPath(keys.reverse());
	};
	const stack: Node[] = [{ value: raw, parent: undefined, key: '', depth: 0 }];
	let values = 1;
	while (stack.length > 0) {
		const node = stack.pop()!;
		const { value } = node;
		if (typeof value !== 'object' || value === null) continue;
		const keys = Array.isArray(value) ? null : Object.keys(value);
		const size = keys ? keys.length : (value as unknown[]).length;
		if (size === 0) continue;
		if (node.depth >= LIMITS.depth) {
			return [`${pathOf(node)}: nested too deep: the limit is ${LIMITS.depth} levels (depth)`];
		}
		values += size;
		if (values > LIMITS.values) {
			return [
				`${pathOf(node)}: too many values in the file: more than ${count(LIMITS.values)}, the limit is ${count(LIMITS.values)} (values)`
			];
		}
		// Pushed last to first, so that the file is read in its own order.
		for (let i = size - 1; i >= 0; i--) {
			const key = keys ? keys[i]! : i;
			const child = keys ? (value as Record<string, unknown>)[key] : (value as unknown[])[i];
			stack.push({ value: child, parent: node, key, depth: node.depth + 1 });
		}
	}
	return [];
}

/**
 * The errors as listed: limits first (a file over one is likely not a briefing at all, and its
 * other errors follow from it), at most MAX_ERRORS, then how many more there are.
 */
function listErrors(lines: readonly string[]): string[] {
	const ordered = [
		...lines.filter((l) => LIMIT_ERROR.test(l)),
		...lines.filter((l) => !LIMIT_ERROR.test(l))
	];
	if (ordered.length <= MAX_ERRORS) return ordered;
	const more = ordered.length - MAX_ERRORS;
	return [...ordered.slice(0, MAX_ERRORS), `… and ${more} more problem${more === 1 ? '' : 's'}`];
}

/**
 * The shape, then the rules across fields, in one pass: with shape errors the rules still run on
 * every entry that is right on its own (see View), so an editor sees every problem at once.
 */
function validate<T extends BriefingShape>(
	schema: z.ZodType<T>,
	raw: unknown,
	paragraphCount: number | undefined
): ParseResult<T> {
	const tooBig = checkSize(raw);
	if (tooBig.length > 0) return { ok: false, errors: tooBig };
	const result = schema.safeParse(raw);
	const across: string[] = [];
	const report: Report = (path, message) => across.push(`${formatPath(path)}: ${message}`);
	if (result.success) {
		checkReferences(viewOf(result.data), paragraphCount, report);
		return across.length === 0
			? { ok: true, briefing: result.data }
			: { ok: false, errors: across };
	}
	checkReferences(viewOfRaw(raw), paragraphCount, report);
	return { ok: false, errors: [...formatIssues(result.error.issues), ...across] };
}

/** The result with its errors listed for a reader (limits first, at most MAX_ERRORS). */
const listed = <T>(result: ParseResult<T>): ParseResult<T> =>
	result.ok ? result : { ok: false, errors: listErrors(result.errors) };

const articleParagraphs = servedBriefingShape.article.shape.paragraphs;

/**
 * Validates an authoring file against the article it belongs to, so that paragraph numbers are
 * checked against the real paragraph count, and the article against its limits.
 */
export function validateBriefing(raw: unknown, paragraphs: string[]): ParseResult<Briefing> {
	if (paragraphs.length === 0)
		return { ok: false, errors: ['article: the article has no paragraphs'] };
	const article = articleParagraphs.safeParse(paragraphs);
	const result = validate(briefingObject, raw, article.success ? paragraphs.length : undefined);
	if (article.success) return listed(result);
	const errors = formatIssues(article.error.issues, ['article', 'paragraphs']);
	return { ok: false, errors: listErrors([...errors, ...(result.ok ? [] : result.errors)]) };
}

/** Validates the JSON the page fetches; errors are returned for the page to show, never thrown. */
export function parseServedBriefing(raw: unknown): ParseResult<ServedBriefing> {
	// Paragraph numbers are checked against the article when its list of paragraphs is readable.
	const paragraphs = isRecord(raw) && isRecord(raw.article) ? raw.article.paragraphs : undefined;
	const readable =
		Array.isArray(paragraphs) && paragraphs.length >= 1 && paragraphs.length <= LIMITS.paragraphs;
	return listed(validate(servedBriefingObject, raw, readable ? paragraphs.length : undefined));
}
