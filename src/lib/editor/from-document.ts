/**
 * A briefing opened in the editor ("Edit a copy" in the library): the document becomes a draft's
 * document as it is, and the editor's own part is made from it (the article's text from its
 * paragraphs). Exported unchanged, the draft is the same briefing (from-document.test.ts), so an
 * author can correct a briefing and import it back in place of the old one.
 */
import type { BriefingDocument } from '$lib/briefing/schema';
import type { Draft, DocumentInput } from './draft-model';

export function draftFromDocument(doc: BriefingDocument): Draft {
	// A deep copy: the draft is edited by replacing its parts, never the briefing it came from.
	const document = structuredClone(doc) as DocumentInput;
	return {
		document,
		editor: {
			// Paragraphs are blank-line separated, as the editor splits a pasted article.
			articleText: doc.article.paragraphs.join('\n\n'),
			found: null,
			foundFrom: null,
			setAside: {},
			defaultRole: doc.roles[0]?.id ?? 'named',
			// Its frame was chosen for it: kept, where a new draft's is fitted to its countries.
			keepFrame: true
		}
	};
}
