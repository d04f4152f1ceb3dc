/**
 * The building blocks of the briefing format: limited strings and lists, ids, dates, links and
 * positions. Every limit's error names the limit ("…, the limit is 5,000 (paragraphChars)").
 */
import { z } from './zod';
import { BASEMAP_COUNTRIES } from '../basemap';
import { LIMITS, type LimitName } from '../limits';
import { PARTIAL_DATE, formatNumber } from '../text.js';

// --- Limits -----------------------------------------------------------------------------------

export const count: (n: number) => string = formatNumber;

/** Characters as zod counts them, in code points: an emoji is one, not two. */
export function characters(s: string): number {
	let n = 0;
	// Every UTF-16 unit but the second half of a surrogate pair starts a code point.
	for (let i = 0; i < s.length; i++) {
		const unit = s.charCodeAt(i);
		if (unit < 0xdc00 || unit > 0xdfff) n++;
	}
	return n;
}

export const sizeOf = (input: unknown) =>
	typeof input === 'string' ? characters(input) : Array.isArray(input) ? input.length : NaN;

/** The error of a string over its limit: "too long: 5,001 characters, the limit is 5,000 (…)". */
export const tooLong = (limit: LimitName) => ({
	error: (issue: { input?: unknown }) =>
		`too long: ${count(sizeOf(issue.input))} characters, the limit is ${count(LIMITS[limit])} (${limit})`
});

/** The error of a list over its limit: "too many: 101 countries, the limit is 100 (countries)". */
export const tooMany = (limit: LimitName, what: string) => ({
	error: (issue: { input?: unknown }) =>
		`too many: ${count(sizeOf(issue.input))} ${what}, the limit is ${count(LIMITS[limit])} (${limit})`
});

/** Every limit's error ends so, which is how the list of errors puts them first. */
export const LIMIT_ERROR = /, the limit is [\d,]+(?: \w+)? \(\w+\)$/;

/** A list of at most `LIMITS[limit]` items. */
export const listOf = <T extends z.ZodType>(item: T, limit: LimitName, what: string) =>
	z.array(item).max(LIMITS[limit], tooMany(limit, what));

// --- Building blocks --------------------------------------------------------------------------

export const ISO3 = /^[A-Z]{3}$/;

/**
 * A country of the basemap: a code it does not know (a typo, a made-up "XYZ") would show as a
 * button named by its code, with no shape on the map and no bounds to fit.
 */
export const iso3 = z.string().superRefine((code, ctx) => {
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
export const regionId = z
	.string()
	.max(LIMITS.idChars, tooLong('idChars'))
	.regex(/^[A-Z][A-Z0-9_-]*$/, { error: 'must be a country code or region id in capitals' });

export const slug = z
	.string()
	.max(LIMITS.idChars, tooLong('idChars'))
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
		error: 'must be lower-case words joined by hyphens, e.g. "ru-buildup"'
	});

// Trimmed so that a stray space in a term cannot make it silently never match.
export const textOf = (limit: 'termChars' | 'nameChars' | 'textChars' | 'notesChars') =>
	z.string().trim().min(1, { error: 'must not be empty' }).max(LIMITS[limit], tooLong(limit));
/** A name or a title: a line at most. */
export const name = textOf('nameChars');
/** A name kept shorter than nameChars for where it is shown (one error, not two, past both). */
export const shortName = (max: number, error: string) =>
	z.string().trim().min(1, { error: 'must not be empty' }).max(max, { error });
/** A sentence or a paragraph of the briefing's own. */
export const text = textOf('textChars');

export const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });

/** Sources often date a report to the month only ("late December 2021"): YYYY, YYYY-MM or a day. */
export const partialDate = z
	.string()
	.regex(PARTIAL_DATE, { error: 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD' })
	.refine((s) => s.length < 10 || z.iso.date().safeParse(s).success, {
		error: 'is not a calendar date'
	});

// `javascript:` and `data:` links would run in the panel; a citation is always a web page.
export const httpUrl = z
	.url({
		protocol: /^https?$/,
		hostname: z.regexes.domain,
		error: 'must be an http(s) URL'
	})
	.max(LIMITS.urlChars, tooLong('urlChars'));

export const longitude = z
	.number()
	.min(-180, { error: 'longitude must be within -180..180' })
	.max(180, { error: 'longitude must be within -180..180' });
export const latitude = z
	.number()
	.min(-90, { error: 'latitude must be within -90..90' })
	.max(90, { error: 'latitude must be within -90..90' });

// Web Mercator cannot show beyond this latitude, so a camera fit to it would be clamped silently.
export const MERCATOR_LAT = 85.051129;
export const frameLatitude = z
	.number()
	.min(-MERCATOR_LAT, { error: `latitude must be within ±${MERCATOR_LAT} (Web Mercator)` })
	.max(MERCATOR_LAT, { error: `latitude must be within ±${MERCATOR_LAT} (Web Mercator)` });

/** GeoJSON order, [longitude, latitude] (RFC 7946 §3.1.1). */
export const position = z.tuple([longitude, latitude]);

/** What `position` accepts, said in plain code. */
const isPosition = (p: unknown): boolean =>
	Array.isArray(p) &&
	p.length === 2 &&
	typeof p[0] === 'number' &&
	typeof p[1] === 'number' &&
	p[0] >= -180 &&
	p[0] <= 180 &&
	p[1] >= -90 &&
	p[1] <= 90;

/** Nested lists of positions, at least `mins[k]` items at depth k. */
function fitsPositions(value: unknown, mins: readonly number[], depth = 0): boolean {
	if (depth === mins.length) return isPosition(value);
	if (!Array.isArray(value) || value.length < mins[depth]!) return false;
	for (const item of value) if (!fitsPositions(item, mins, depth + 1)) return false;
	return true;
}

/**
 * The exact schema of each schema made by `fastPositions`: it words their errors, and it is what
 * the JSON Schema says of them (json-schema.ts).
 */
export const EXACT_SCHEMAS = new WeakMap<z.ZodType, z.ZodType>();

/**
 * A geometry's coordinates (lists of `position`, `mins` items at least at each depth), checked in
 * one pass of plain code when they are right, and by `exact` when they are not, which then words
 * every error at its path. The same rules either way: a position is a number in -180..180 and one
 * in -90..90, and `exact` has no limit the pass does not check. Why: checked by zod, position by
 * position, the hundreds of positions of a briefing's overlays were the costliest part of reading
 * it (with this pass, the map started 14 ms sooner; paired loads as in npm run bench).
 */
export function fastPositions<T extends z.ZodType>(
	exact: T,
	mins: readonly number[]
): z.ZodType<z.output<T>, z.input<T>> {
	const fast = z.custom<z.output<T>>().check((ctx) => {
		if (fitsPositions(ctx.value, mins)) return;
		const result = exact.safeParse(ctx.value);
		if (!result.success) {
			// Each as the exact schema words it, at its path inside these coordinates.
			for (const issue of result.error.issues) ctx.issues.push(issue as z.core.$ZodRawIssue);
		}
	}) as unknown as z.ZodType<z.output<T>, z.input<T>>;
	EXACT_SCHEMAS.set(fast, exact);
	return fast;
}

export const paragraphNumber = z
	.number()
	.int({ error: 'paragraph numbers are whole numbers' })
	.min(1, { error: 'paragraphs are numbered from 1' });

/** [west, south, east, north], as a camera frames it. */
export const boundsSchema = z
	.tuple([longitude, frameLatitude, longitude, frameLatitude])
	.superRefine(([west, south, east, north], ctx) => {
		// The antimeridian is refused: MapLibre's bounds would span the other way round the world.
		if (west >= east) ctx.addIssue({ code: 'custom', message: 'west must be less than east' });
		if (south >= north) ctx.addIssue({ code: 'custom', message: 'south must be less than north' });
	});
