/**
 * The one place where a briefing document is read: the JSON that the site serves
 * (/briefings/<id>.json), that Export writes and that Import takes are the same form. Every reader
 * (the map page, the speaker view, the library's import) goes through this function, so a change
 * of the document format is a change here only.
 */
import { parseServedBriefing, type ParseResult, type ServedBriefing } from '$lib/briefing/schema';

export type BriefingDocument = ServedBriefing;

export function parseBriefingDocument(raw: unknown): ParseResult<BriefingDocument> {
	return parseServedBriefing(raw);
}
