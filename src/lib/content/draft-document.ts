/**
 * A draft of the editor as a briefing document, for the map page's Present (`/?draft=<id>`): read
 * from this browser's drafts (IndexedDB), checked as the editor checks a draft it opens, and
 * turned into the document Export would write (its notes' overlays derived, as Export does). The map page loads this module only for such an
 * address (a dynamic import in load.ts): the map of a briefing loads none of the editor's code.
 * The document is then validated like any other (readBriefingDocument).
 */
import { readDraft } from '$lib/editor/drafts';
import { draftToDocument, parseDraft } from '$lib/editor/draft-model';
import { exportedNoteOverlays, withNoteOverlays } from '$lib/editor/notes-model';
import { MAINLAND_BOUNDS } from '$lib/map/geodata';

/** The draft's document; throws an Error saying why there is none (one line per problem). */
export async function readDraftDocument(id: string): Promise<unknown> {
	const read = await readDraft(id);
	if (read === undefined) {
		throw new Error(`There is no draft "${id}" in this browser: open the editor to write one`);
	}
	if (!read.ok) throw new Error(`The draft "${id}" cannot be read: ${read.errors.join('; ')}`);
	const parsed = parseDraft(read.record.draft);
	if (!parsed.ok) throw new Error(`The draft "${id}" cannot be read: ${parsed.errors.join('; ')}`);
	// With its notes' overlays derived as Export derives them: the map draws the notes from these.
	return withNoteOverlays(
		draftToDocument(parsed.draft, (iso3) => MAINLAND_BOUNDS[iso3]),
		await exportedNoteOverlays(parsed.draft)
	);
}
