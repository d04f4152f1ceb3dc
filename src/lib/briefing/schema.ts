/**
 * The briefing document's format and its validation: the one validator of the app, the content
 * build and the import. A briefing is written by an editor, not a developer, so every rule exists
 * to turn a likely slip (a typo in a field name or a role id, a paragraph number off by one, a
 * swapped latitude) into an error that names the field, at build time and again when the page
 * loads or imports a document. The format is split by concern under ./schema/; this module puts
 * it together, migrates older versions (./migrate) and words the errors.
 */
import { z } from './schema/zod';
import { gazetteerFor, type Gazetteer } from './gazetteer';
import { LIMITS } from './limits';
import { migrate } from './migrate';
import { countryEntrySchema, roleAssignmentSchema, roleSchema } from './schema/countries';
import { documentObject, paragraphsSchema, sourceObject } from './schema/document';
import {
	precisionSchema,
	provenanceSchema,
	troopGeometrySchema,
	troopNoteSchema
} from './schema/notes';
import { distanceSchema, featureSchema, overlaySchema } from './schema/overlays';
import { checkSize, formatIssues, formatPath, listErrors, type ParseResult } from './schema/report';
import {
	checkReferences,
	viewOf,
	viewOfRaw,
	withReferences,
	type BriefingParts,
	type Report
} from './schema/rules';
import { sceneSchema } from './schema/scenes';

export { LIMITS, MAX_ERRORS, type LimitName } from './limits';
export { FORMAT_VERSION, SCHEMA_URL } from './schema/document';
export { PRECISION_LEVELS, type PrecisionLevel } from './schema/notes';
export { formatIssues, formatPath, type ParseResult } from './schema/report';
export type { SceneCamera } from './schema/scenes';
export {
	countryEntrySchema,
	provenanceSchema,
	roleAssignmentSchema,
	roleSchema,
	sceneSchema,
	troopGeometrySchema,
	troopNoteSchema
};

const isRecord = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

/** The repository's form, `src/content/<id>/briefing.json`, checked without its article. */
export const briefingSchema = withReferences(sourceObject, () => undefined);

/** The served and exported form: one self-contained document. */
export const documentSchema = withReferences(documentObject, (b) => b.article.paragraphs.length);

export type Briefing = z.output<typeof briefingSchema>;
export type BriefingInput = z.input<typeof briefingSchema>;
/** A briefing document as the app holds it: validated, at the current format version. */
export type BriefingDocument = z.output<typeof documentSchema>;
/** The same, under the name most of the app knows it by. */
export type ServedBriefing = BriefingDocument;
export type Role = z.output<typeof roleSchema>;
export type RoleAssignment = z.output<typeof roleAssignmentSchema>;
export type CountryEntry = z.output<typeof countryEntrySchema>;
export type TroopNote = z.output<typeof troopNoteSchema>;
export type TroopGeometry = z.output<typeof troopGeometrySchema>;
export type Provenance = z.output<typeof provenanceSchema>;
export type Precision = z.output<typeof precisionSchema>;
export type Scene = z.output<typeof sceneSchema>;
export type Overlay = z.output<typeof overlaySchema>;
export type OverlayFeature = z.output<typeof featureSchema>;
export type BorderDistance = z.output<typeof distanceSchema>;

/**
 * The shape, then the rules across fields, in one pass: with shape errors the rules still run on
 * every entry that is right on its own (see View), so an editor sees every problem at once.
 */
function validate<T extends BriefingParts>(
	schema: z.ZodType<T>,
	raw: unknown,
	paragraphCount: number | undefined,
	given: Gazetteer | undefined
): ParseResult<T> {
	const tooBig = checkSize(raw);
	if (tooBig.length > 0) return { ok: false, errors: tooBig };
	// Terms are checked against the built-in names of the document's language (English for any
	// language without a table of its own, or a language field that is itself wrong).
	const language = isRecord(raw) && typeof raw.language === 'string' ? raw.language : undefined;
	const gazetteer = given ?? gazetteerFor(language).names;
	const result = schema.safeParse(raw);
	const across: string[] = [];
	const report: Report = (path, message) => across.push(`${formatPath(path)}: ${message}`);
	if (result.success) {
		checkReferences(viewOf(result.data), paragraphCount, report, gazetteer);
		return across.length === 0
			? { ok: true, briefing: result.data }
			: { ok: false, errors: across };
	}
	checkReferences(viewOfRaw(raw), paragraphCount, report, gazetteer);
	return { ok: false, errors: [...formatIssues(result.error.issues), ...across] };
}

/** The result with its errors listed for a reader (limits first, at most MAX_ERRORS). */
const listed = <T>(result: ParseResult<T>): ParseResult<T> =>
	result.ok ? result : { ok: false, errors: listErrors(result.errors) };

export interface ParseOptions {
	/** The built-in names that terms are checked against; by default the document's language's. */
	gazetteer?: Gazetteer;
}

/**
 * Validates a briefing document (served, imported, or exported): its size first, then its
 * version (older ones are migrated, see ./migrate), then its fields. Errors are returned for the
 * page to show, never thrown.
 */
export function parseDocument(
	raw: unknown,
	options: ParseOptions = {}
): ParseResult<BriefingDocument> {
	const migrated = migrate(raw);
	if (!migrated.ok) return migrated;
	const doc = migrated.document;
	// Paragraph numbers are checked against the article when its list of paragraphs is readable.
	const paragraphs = isRecord(doc) && isRecord(doc.article) ? doc.article.paragraphs : undefined;
	const readable =
		Array.isArray(paragraphs) && paragraphs.length >= 1 && paragraphs.length <= LIMITS.paragraphs;
	return listed(
		validate(documentObject, doc, readable ? paragraphs.length : undefined, options.gazetteer)
	);
}

/** The served form's parser, by its older name. */
export const parseServedBriefing = parseDocument;

/**
 * Validates the repository's form against the article it belongs to, so that paragraph numbers
 * are checked against the real paragraph count, and the article against its limits.
 */
export function validateBriefing(
	raw: unknown,
	paragraphs: string[],
	options: ParseOptions = {}
): ParseResult<Briefing> {
	if (paragraphs.length === 0)
		return { ok: false, errors: ['article: the article has no paragraphs'] };
	const migrated = migrate(raw);
	if (!migrated.ok) return migrated;
	const article = paragraphsSchema.safeParse(paragraphs);
	const result = validate(
		sourceObject,
		migrated.document,
		article.success ? paragraphs.length : undefined,
		options.gazetteer
	);
	if (article.success) return listed(result);
	const errors = formatIssues(article.error.issues, ['article', 'paragraphs']);
	return { ok: false, errors: listErrors([...errors, ...(result.ok ? [] : result.errors)]) };
}

/** What the repository's form names beside it: its article's text and its GeoJSON files. */
export interface SourceFiles {
	/** The text of a file of the briefing's folder, by its name there; undefined when missing. */
	read(name: string): string | undefined;
}

/**
 * A briefing in the repository's form made one file: its article's paragraphs and every named
 * GeoJSON file inline, not yet validated. A missing or unreadable file is an error naming the
 * field that names it.
 */
export function inlineSources(
	raw: unknown,
	files: SourceFiles,
	split: (text: string) => string[]
): { ok: true; document: unknown } | { ok: false; errors: string[] } {
	const migrated = migrate(raw);
	if (!migrated.ok) return migrated;
	const source = migrated.document;
	if (!isRecord(source)) return { ok: true, document: source };
	const errors: string[] = [];
	const { article, overlays } = source;
	let servedArticle: unknown = article;
	if (isRecord(article)) {
		const { file, ...rest } = article;
		const text = typeof file === 'string' ? files.read(file) : undefined;
		if (text === undefined) errors.push(`article.file: "${String(file)}" not found`);
		else servedArticle = { ...rest, paragraphs: split(text) };
	}
	const servedOverlays = Array.isArray(overlays)
		? overlays.map((o, i) => {
				if (!isRecord(o) || typeof o.features !== 'string') return o;
				const text = files.read(o.features);
				if (text === undefined) {
					errors.push(`overlays[${i}].features: "${o.features}" not found`);
					return o;
				}
				try {
					return { ...o, features: JSON.parse(text) as unknown };
				} catch (e) {
					errors.push(`overlays[${i}].features: "${o.features}" is not valid JSON (${String(e)})`);
					return o;
				}
			})
		: overlays;
	if (errors.length > 0) return { ok: false, errors };
	return { ok: true, document: { ...source, article: servedArticle, overlays: servedOverlays } };
}

/** The one-file document of a briefing in the repository's form, validated. */
export function assembleDocument(
	raw: unknown,
	files: SourceFiles,
	split: (text: string) => string[],
	options: ParseOptions = {}
): ParseResult<BriefingDocument> {
	const inlined = inlineSources(raw, files, split);
	return inlined.ok ? parseDocument(inlined.document, options) : inlined;
}
