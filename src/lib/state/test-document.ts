// For unit tests only: the embedded briefing as the page opens it, and the basemap it is drawn on.
import { parseServedBriefing } from '$lib/briefing/schema';
import { fresh, paragraphs } from '$lib/briefing/test-briefing';
import { BORDER_DISTANCES, COUNTRY_NAMES, OVERLAY_DATA } from '$lib/map/geodata';
import { BriefingDocument } from './document.svelte';

/** The embedded briefing, served (with its article's paragraphs) and validated. */
export function servedBriefing() {
	const raw = fresh();
	const parsed = parseServedBriefing({ ...raw, article: { ...raw.article, paragraphs } });
	if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
	return parsed.briefing;
}

/** A document store on the real basemap, with the embedded briefing loaded (unless `empty`). */
export function openDocument({ empty = false } = {}) {
	const doc = new BriefingDocument({
		names: COUNTRY_NAMES,
		overlays: OVERLAY_DATA,
		distances: BORDER_DISTANCES
	});
	if (!empty) doc.load({ briefing: servedBriefing(), errors: [] });
	return doc;
}
