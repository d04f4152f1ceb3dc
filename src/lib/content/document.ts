/**
 * The one place where a briefing document is read: the JSON that the site serves
 * (/briefings/<id>.json), that Export writes and that Import takes are the same form. Every reader
 * (the map page, the speaker view, the library's import) goes through this function, so a change
 * of the document format is a change here only.
 */
import { parseServedBriefing, type ParseResult, type ServedBriefing } from '$lib/briefing/schema';
import { languageOf, loadGazetteer } from './gazetteer';

export type BriefingDocument = ServedBriefing;

/**
 * Validates a document, once the gazetteer of its language is here (its terms are checked
 * against the built-in names, and its passages found with them). A table that cannot be fetched
 * is an error to show, like any other.
 */
export async function readBriefingDocument(
	raw: unknown,
	fetcher: typeof fetch = fetch
): Promise<ParseResult<BriefingDocument>> {
	try {
		await loadGazetteer(languageOf(raw), fetcher);
	} catch (err) {
		return { ok: false, errors: [err instanceof Error ? err.message : String(err)] };
	}
	return parseServedBriefing(raw);
}
