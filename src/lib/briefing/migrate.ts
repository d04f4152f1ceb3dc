/**
 * Brings a briefing document of an older format version up to the current one, one step per
 * version, before it is validated. A document without `version` is version 0: the format before
 * documents were self-contained, when the map's overlays lived in the app.
 */
import { FORMAT_VERSION } from './schema/document';

type Doc = Record<string, unknown>;

const isRecord = (x: unknown): x is Doc => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Version 0 to 1: the document says its version and its language (English: version 0 had no
 * other), carries its overlays and distances (version 0's lived in the app, so it has none), and
 * a served document no longer names its article's file (its paragraphs are inline).
 */
function v0ToV1(doc: Doc): Doc {
	const { article, ...rest } = doc;
	const next: Doc = { ...rest, version: 1, language: doc.language ?? 'en' };
	next.overlays = doc.overlays ?? [];
	next.distances = doc.distances ?? [];
	if (isRecord(article)) {
		const { file, ...kept } = article;
		next.article = 'paragraphs' in article ? kept : { ...kept, file };
	} else next.article = article;
	return next;
}

/** The step from each version to the next, by the version it starts from. */
export const MIGRATIONS: Readonly<Record<number, (doc: Doc) => Doc>> = { 0: v0ToV1 };

export type Migrated =
	{ ok: true; document: unknown; from: number } | { ok: false; errors: string[] };

/**
 * The document at FORMAT_VERSION: migrated step by step from its own version, or as it was when
 * it is current (or not an object at all: the schema then says what is wrong). A version this
 * app does not know is an error, never guessed at.
 */
export function migrate(raw: unknown): Migrated {
	if (!isRecord(raw)) return { ok: true, document: raw, from: FORMAT_VERSION };
	const version = raw.version ?? 0;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
		return { ok: false, errors: ['version: must be a whole number, e.g. 1'] };
	}
	if (version > FORMAT_VERSION) {
		return {
			ok: false,
			errors: [
				`version: ${version} is newer than this app reads (${FORMAT_VERSION}): open it with a newer version of the app`
			]
		};
	}
	let doc: Doc = raw;
	for (let v = version; v < FORMAT_VERSION; v++) doc = MIGRATIONS[v]!(doc);
	return { ok: true, document: doc, from: version };
}
