/**
 * The briefing's content format and its validation. A briefing is written by an editor, not a
 * developer, so every rule here exists to turn a likely slip (a typo in a field name or a role id,
 * a paragraph number off by one, a swapped latitude) into an error that names the field, at build
 * time and again when the page loads the served JSON.
 */
import { z } from 'zod';
import { GAZETTEER } from './gazetteer';
import { PATTERNS, SWATCH_NAMES } from './palette';
import { LAYER_IDS } from './scenes';

// A page validates one briefing, once: compiling zod's parsers first (its default) costs more
// than it saves, and it is on the way to the map's first view.
z.config({ jitless: true });

// --- Building blocks --------------------------------------------------------------------------

const ISO3 = /^[A-Z]{3}$/;

const iso3 = z.string().regex(ISO3, { error: 'must be an ISO 3166-1 alpha-3 code, e.g. "FRA"' });

/** Region ids name built overlays that are not countries, e.g. "CRIMEA" (see geodata/overlays). */
const regionId = z
	.string()
	.regex(/^[A-Z][A-Z0-9_-]*$/, { error: 'must be a country code or region id in capitals' });

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
	error: 'must be lower-case words joined by hyphens, e.g. "ru-buildup"'
});

// Trimmed so that a stray space in a term cannot make it silently never match.
const text = z.string().trim().min(1, { error: 'must not be empty' });

const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });

const PARTIAL_DATE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Sources often date a report to the month only ("late December 2021"): YYYY, YYYY-MM or a day. */
const partialDate = z
	.string()
	.regex(PARTIAL_DATE, { error: 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD' })
	.refine((s) => s.length < 10 || z.iso.date().safeParse(s).success, {
		error: 'is not a calendar date'
	});

// `javascript:` and `data:` links would run in the panel; a citation is always a web page.
const httpUrl = z.url({
	protocol: /^https?$/,
	hostname: z.regexes.domain,
	error: 'must be an http(s) URL'
});

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
	label: text,
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

const termsEditSchema = z.strictObject({
	add: z.array(text).default([]),
	remove: z.array(text).default([])
});

const passagesEditSchema = z.strictObject({
	add: z.array(paragraphNumber).default([]),
	remove: z.array(paragraphNumber).default([])
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
	roles: z.array(roleAssignmentSchema),
	/** Briefing-specific metonyms ("Macron", "the Kremlin") on top of the gazetteer's names. */
	terms: termsEditSchema.default({ add: [], remove: [] }),
	/** Paragraphs to show or hide by hand, where the gazetteer's reading is not the editor's. */
	passages: passagesEditSchema.default({ add: [], remove: [] }),
	/** Countries the panel links to; each must be listed in `countries`. */
	related: z.array(iso3).default([]),
	/**
	 * Where the country's story happens, [west, south, east, north]: what choosing the country
	 * shows (Russia's west, with Ukraine in view, rather than Siberia). Without it, the mainland.
	 */
	view: boundsSchema.optional()
});

const articleProvenanceSchema = z.strictObject({
	kind: z.literal('article'),
	paragraphs: z.array(paragraphNumber).min(1, { error: 'name at least one paragraph' })
});

const sourceProvenanceSchema = z.strictObject({
	kind: z.literal('source'),
	publisher: text,
	title: text,
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
	at: text.max(80, { error: 'keep it under 80 characters' }).optional()
});

const pointSchema = z.strictObject({
	type: z.literal('Point'),
	coordinates: position,
	name: text.optional(),
	precision: precisionSchema
});

const multiPointSchema = z.strictObject({
	type: z.literal('MultiPoint'),
	coordinates: z
		.array(position)
		.min(1, { error: 'needs at least one position' })
		.max(200, { error: 'at most 200 positions' }),
	/** Labels for the positions, in the same order. */
	names: z.array(text).optional(),
	/** How precisely each position is placed, in the same order. */
	precision: z.array(precisionSchema).max(200, { error: 'at most 200 precisions' })
});

/**
 * An area the geodata build derives with Turf: the band `widthKm` wide along the border between
 * `along[0]` and `along[1]`, clipped to the `inside` regions. Buffering the shared border line,
 * not a whole country, is what gives a right shape (a buffer of all of Russia comes out wrong).
 */
const borderZoneSchema = z.strictObject({
	derive: z.literal('border-zone'),
	along: z.tuple([iso3, iso3]),
	inside: z.array(regionId).min(1, { error: 'name at least one region to clip to' }),
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
	concerns: z.array(iso3).min(1, { error: 'name at least one country' }),
	/** Whose forces, in words ("Russian armed forces", "Wagner Group (Russian mercenaries)"). */
	forces: text,
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
		fit: z.array(iso3).min(1, { error: 'name at least one country to fit' }).optional(),
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
	title: text.max(100, { error: 'keep it under 100 characters: it is shown large' }),
	/** The article paragraphs the scene quotes, in the order shown. */
	paragraphs: z.array(paragraphNumber).min(1, { error: 'quote at least one paragraph' }),
	/** Countries to highlight; each must be listed in `countries`, and shown in `layers`. */
	countries: z.array(iso3).default([]),
	/**
	 * The layers visible in the scene (every other is hidden): a country listed in `countries`,
	 * by its ISO3 code, or an overlay id from LAYER_IDS.
	 */
	layers: z.array(z.string().min(1, { error: 'must not be empty' })),
	camera: sceneCameraSchema,
	/** Speaker notes: what to say, plain text. */
	notes: text
});

const articleMetaShape = {
	title: text,
	/** The article's text file, beside briefing.json. */
	file: z
		.string()
		.regex(/^[\w.-]+\.txt$/, { error: 'must be a .txt file name in the same folder' }),
	/** A date, or an ISO 8601 interval such as "2022-02-06/07" when the wire ran over midnight. */
	published: z.string().regex(/^\d{4}-\d{2}-\d{2}(?:\/(?:\d{2}|\d{2}-\d{2}|\d{4}-\d{2}-\d{2}))?$/, {
		error: 'must be a date, YYYY-MM-DD, or an interval such as 2022-02-06/07'
	}),
	note: text.optional()
};

const briefingShape = {
	id: slug,
	title: text,
	/** The date the story is told from: reports dated after it are flagged as later. */
	asOf: isoDate,
	article: z.strictObject(articleMetaShape),
	/** The story's first view, [west, south, east, north]: a fit of its countries is no frame. */
	frame: z.strictObject({ bounds: boundsSchema }),
	roles: z.array(roleSchema).min(1, { error: 'define at least one role' }),
	countries: z.array(countryEntrySchema).min(1, { error: 'list at least one country' }),
	troopNotes: z.array(troopNoteSchema).default([]),
	/** Presentation mode, in the order the story is told. */
	scenes: z.array(sceneSchema).default([])
};

// Paragraphs are kept verbatim (not trimmed) so that passage segments rebuild them exactly.
const paragraphText = z.string().regex(/\S/, { error: 'must not be blank' });

const servedBriefingShape = {
	...briefingShape,
	article: z.strictObject({
		...articleMetaShape,
		paragraphs: z
			.array(paragraphText)
			.min(1, { error: 'the article needs at least one paragraph' })
			.max(200, { error: 'at most 200 paragraphs' })
	})
};

// --- Rules across fields ------------------------------------------------------------------------

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;
type BriefingShape = z.output<z.ZodObject<typeof briefingShape>>;

/** Reports each repeat after the first, where the editor has to delete it. */
function reportRepeats<T>(items: readonly T[], path: Path, what: string, report: Report) {
	const seen = new Set<T>();
	items.forEach((item, i) => {
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

function dayRange(date: string): [string, string] {
	// A month or a year stands for its whole span, so "2021-12" is before "2022-01-06".
	if (date.length === 4) return [`${date}-01-01`, `${date}-12-31`];
	if (date.length === 7) return [`${date}-01`, `${date}-31`];
	return [date, date];
}

function checkReferences(b: BriefingShape, paragraphCount: number | undefined, report: Report) {
	const roleIds = new Set(b.roles.map((r) => r.id));
	reportRepeats(
		b.roles.map((r) => r.id),
		['roles'],
		'role id',
		(path, message) => report([...path, 'id'], message)
	);
	// The legend and the map must tell roles apart by more than their order.
	const looks = new Map<string, string>();
	b.roles.forEach((r, i) => {
		const look = `${r.swatch}+${r.pattern}`;
		const first = looks.get(look);
		if (first !== undefined) {
			report(
				['roles', i],
				`role "${r.id}" looks the same as role "${first}" (${r.swatch}, ${r.pattern})`
			);
		} else looks.set(look, r.id);
	});

	const listed = new Set(b.countries.map((c) => c.iso3));
	reportRepeats(
		b.countries.map((c) => c.iso3),
		['countries'],
		'country',
		(path, message) => report([...path, 'iso3'], message)
	);

	// A term may name only one country, or a mention could not say which country it names.
	const termOwner = new Map<string, string>();
	for (const [code, names] of Object.entries(GAZETTEER)) {
		const entry = b.countries.find((c) => c.iso3 === code);
		for (const name of names) if (!entry?.terms.remove.includes(name)) termOwner.set(name, code);
	}

	b.countries.forEach((c, i) => {
		const at = (...rest: Path): Path => ['countries', i, ...rest];
		c.roles.forEach((r, j) => {
			if (!roleIds.has(r.role)) {
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
			else if (!listed.has(code)) report(at('related', j), `"${code}" is not listed in countries`);
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
		b.troopNotes.map((n) => n.id),
		['troopNotes'],
		'note id',
		(path, message) => report([...path, 'id'], message)
	);
	b.troopNotes.forEach((note, i) => {
		const at = (...rest: Path): Path => ['troopNotes', i, ...rest];
		note.concerns.forEach((code, j) => {
			if (!listed.has(code)) report(at('concerns', j), `"${code}" is not listed in countries`);
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
	b: BriefingShape,
	listed: ReadonlySet<string>,
	paragraphCount: number | undefined,
	report: Report
) {
	reportRepeats(
		b.scenes.map((s) => s.id),
		['scenes'],
		'scene id',
		(path, message) => report([...path, 'id'], message)
	);
	const overlays = new Set<string>(LAYER_IDS);
	b.scenes.forEach((scene, i) => {
		const at = (...rest: Path): Path => ['scenes', i, ...rest];
		reportRepeats(scene.paragraphs, at('paragraphs'), 'paragraph', report);
		checkParagraphs(scene.paragraphs, at('paragraphs'), paragraphCount, report);

		const shown = new Set(scene.layers);
		scene.countries.forEach((code, j) => {
			if (!listed.has(code)) report(at('countries', j), `"${code}" is not listed in countries`);
			else if (!shown.has(code)) {
				report(at('countries', j), `"${code}" is highlighted but hidden: add it to layers`);
			}
		});
		reportRepeats(scene.countries, at('countries'), 'country', report);

		scene.layers.forEach((id, j) => {
			if (overlays.has(id) || listed.has(id)) return;
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
			checkReferences(b, paragraphCount(b), (path, message) =>
				ctx.addIssue({ code: 'custom', path, message })
			),
		// Cross-field rules assume the shape is right; on a malformed file they would only repeat
		// (or crash on) what the shape errors already say.
		{ when: (payload) => payload.issues.length === 0 }
	);
}

/** The authoring format, `src/content/<id>/briefing.json`, checked without its article. */
export const briefingSchema = withReferences(z.strictObject(briefingShape), () => undefined);

/** The served form, `/briefings/<id>.json`: the briefing with its article's paragraphs inlined. */
export const servedBriefingSchema = withReferences(
	z.strictObject(servedBriefingShape),
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

/** `['countries', 2, 'roles', 0]` -> `countries[2].roles[0]`: the path an editor can follow. */
export function formatPath(path: readonly PropertyKey[]): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else out += out ? `.${String(key)}` : String(key);
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

/** The article's paragraphs: blocks separated by blank lines, trimmed, empty ones dropped. */
export function splitParagraphs(text: string): string[] {
	return text
		.replace(/\r\n?/g, '\n')
		.split(/\n[ \t]*\n/)
		.map((p) => p.trim())
		.filter((p) => p.length > 0);
}

/**
 * Validates an authoring file against the article it belongs to, so that paragraph numbers are
 * checked against the real paragraph count.
 */
export function validateBriefing(raw: unknown, paragraphs: string[]): ParseResult<Briefing> {
	if (paragraphs.length === 0)
		return { ok: false, errors: ['article: the article has no paragraphs'] };
	const result = withReferences(z.strictObject(briefingShape), () => paragraphs.length).safeParse(
		raw
	);
	return result.success
		? { ok: true, briefing: result.data }
		: { ok: false, errors: formatIssues(result.error.issues) };
}

/** Validates the JSON the page fetches; errors are returned for the page to show, never thrown. */
export function parseServedBriefing(raw: unknown): ParseResult<ServedBriefing> {
	const result = servedBriefingSchema.safeParse(raw);
	return result.success
		? { ok: true, briefing: result.data }
		: { ok: false, errors: formatIssues(result.error.issues) };
}
