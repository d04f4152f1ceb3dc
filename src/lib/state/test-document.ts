// For unit tests only: the embedded briefing as the page opens it, and the basemap it is drawn on.
import { embedded } from '$lib/briefing/test-briefing';
import { COUNTRY_NAMES } from '$lib/map/geodata';
import { BriefingDocument } from './document.svelte';

/** The embedded briefing, served (one document) and validated. */
export function servedBriefing() {
	return embedded();
}

/** A document store on the real basemap, with the embedded briefing loaded (unless `empty`). */
export function openDocument({ empty = false } = {}) {
	const doc = new BriefingDocument({ names: COUNTRY_NAMES });
	if (!empty) doc.load({ briefing: servedBriefing(), errors: [] });
	return doc;
}
