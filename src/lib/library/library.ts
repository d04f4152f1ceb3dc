/**
 * The library's rules, without a browser: what a briefing's entry in the list says, which id an
 * imported briefing takes when its own is already used, and how a file becomes a briefing (or a
 * list of its problems). The IndexedDB store (./store.ts) and the library page do the rest.
 */
import { LIMITS } from '$lib/briefing/limits';
import { NotJson, readBriefingJson, type BriefingDocument } from '$lib/content/document';
import { countryLists, styledCountries } from '$lib/state/view-models';

/** One line of the library: enough to choose a briefing without loading it. */
export interface BriefingSummary {
	id: string;
	title: string;
	asOf: string;
	/**
	 * The countries of the story, as ISO 3166-1 alpha-3 codes: the list the map's sidebar shows
	 * under "Countries in the story" (those with a role), in its order.
	 */
	countries: string[];
}

export function summaryOf(briefing: BriefingDocument): BriefingSummary {
	// The sidebar's own functions, not a copy: a country the document holds only for a distance
	// or a troop note (no role) is in neither list.
	const { featured } = countryLists(styledCountries(briefing), [], (iso3) => iso3);
	return {
		id: briefing.id,
		title: briefing.title,
		asOf: briefing.asOf,
		countries: featured.map((c) => c.iso3)
	};
}

/**
 * What holds an id already: an embedded briefing (it cannot be replaced: the site serves it), an
 * imported one (it can), or nothing.
 */
export type Conflict = 'none' | 'embedded' | 'imported';

export function conflictOf(
	id: string,
	embedded: Iterable<string>,
	imported: Iterable<string>
): Conflict {
	if (new Set(embedded).has(id)) return 'embedded';
	if (new Set(imported).has(id)) return 'imported';
	return 'none';
}

/**
 * The id a second copy takes ("keep both"): `<id>-2`, `<id>-3`... the first one no briefing holds,
 * shortened if need be to stay within the schema's id length (so the copy still validates).
 */
export function freshId(id: string, taken: Iterable<string>): string {
	const used = new Set(taken);
	for (let n = 2; ; n++) {
		const suffix = `-${n}`;
		const stem = id.slice(0, LIMITS.idChars - suffix.length).replace(/-+$/, '');
		const candidate = `${stem}${suffix}`;
		if (!used.has(candidate)) return candidate;
	}
}

/** The briefing under another id: the id is the document's own, so an export carries it. */
export function withId(briefing: BriefingDocument, id: string): BriefingDocument {
	return { ...briefing, id };
}

/**
 * The largest file read. A briefing at every limit of the schema is a few megabytes; a larger file
 * is refused before it is read, so a wrong file (a video, a database dump) cannot freeze the page.
 */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export type FileReading =
	{ ok: true; briefing: BriefingDocument } | { ok: false; errors: string[] };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Checks a file's size before reading it: undefined when it may be read, or the error. */
export function sizeError(bytes: number): string | undefined {
	return bytes > MAX_FILE_BYTES
		? `the file is ${megabytes(bytes)}; a briefing file is at most ${megabytes(MAX_FILE_BYTES)}`
		: undefined;
}

/**
 * A file as a briefing, from its text or its bytes (UTF-8; a large file is then decoded off the
 * page's thread with the rest of its reading): JSON, then the briefing document's schema (errors
 * name the field).
 */
export async function readBriefingText(file: string | ArrayBuffer): Promise<FileReading> {
	const notJson = (): FileReading => {
		try {
			// Only for the message: a file that is not JSON is read again here.
			JSON.parse(typeof file === 'string' ? file : new TextDecoder().decode(file));
			return { ok: false, errors: ['the file is not JSON'] };
		} catch (err) {
			const why = err instanceof Error ? err.message : String(err);
			return { ok: false, errors: [`the file is not JSON: ${why}`] };
		}
	};
	let parsed;
	try {
		// A large file is decoded, parsed and checked off the page's thread.
		parsed = await readBriefingJson(file);
	} catch (err) {
		if (err instanceof NotJson) return notJson();
		throw err;
	}
	return parsed.ok ? { ok: true, briefing: parsed.briefing } : { ok: false, errors: parsed.errors };
}

export { exportFile } from './export-file';

/**
 * What importing a briefing does: store it under its id, or ask first, when that id is taken, to
 * replace the one there (an imported one only) or to keep both (the new one under `copyId`).
 */
export type ImportPlan =
	{ conflict: 'none' } | { conflict: 'embedded' | 'imported'; copyId: string };

export function planImport(
	id: string,
	embedded: readonly string[],
	imported: readonly string[]
): ImportPlan {
	const conflict = conflictOf(id, embedded, imported);
	return conflict === 'none'
		? { conflict }
		: { conflict, copyId: freshId(id, [...embedded, ...imported]) };
}
