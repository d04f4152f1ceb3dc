import type { BriefingDocument } from '$lib/content/document';

/**
 * The file Export writes: the briefing document, pretty-printed, named after its id. On its own
 * (and re-exported by ./library.ts) so that the map page's Export button does not bring the
 * library's other rules into the map's first load.
 */
export function exportFile(briefing: BriefingDocument): { name: string; text: string } {
	return {
		name: `${briefing.id}.briefing.json`,
		text: `${JSON.stringify(briefing, null, '\t')}\n`
	};
}
