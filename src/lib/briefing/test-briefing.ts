// For unit tests only: the embedded briefing as its files hold it, and the errors of a broken copy.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assembleDocument, inlineSources, validateBriefing, type BriefingDocument } from './schema';
import { splitParagraphs } from './text.js';

/** A file of the embedded briefing's content folder, as text. */
export const read = (path: string) =>
	readFileSync(fileURLToPath(new URL(`../../content/feb-2022/${path}`, import.meta.url)), 'utf8');

export const paragraphs = splitParagraphs(read('article.txt'));

/** A fresh copy of the embedded briefing.json, loose so a test can break it any way it likes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const fresh = (): any => JSON.parse(read('briefing.json'));

/** The errors of the embedded briefing after `mutate`; throws if it still validates. */
export function errorsOf(mutate: (b: ReturnType<typeof fresh>) => void): string[] {
	const b = fresh();
	mutate(b);
	const result = validateBriefing(b, paragraphs);
	if (result.ok) throw new Error('expected the broken briefing to be rejected');
	return result.errors;
}

/**
 * The embedded briefing as one document, as the site serves it: its article's paragraphs and its
 * overlays' GeoJSON files inline. From `raw` (a copy of briefing.json a test changed) when given.
 */
export function embedded(raw: unknown = fresh()): BriefingDocument {
	const result = assembleDocument(raw, { read: (name) => readOrUndefined(name) }, splitParagraphs);
	if (!result.ok) throw new Error(result.errors.join('\n'));
	return result.briefing;
}

/** The embedded briefing as one document before validation, loose so a test can break it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function servedRaw(raw: unknown = fresh()): any {
	const result = inlineSources(raw, { read: (name) => readOrUndefined(name) }, splitParagraphs);
	if (!result.ok) throw new Error(result.errors.join('\n'));
	return result.document;
}

function readOrUndefined(name: string): string | undefined {
	try {
		return read(name);
	} catch {
		return undefined;
	}
}
