import { briefingIdOf, draftIdOf } from '$lib/content/address';
import { loadBriefing, loadDraftBriefing } from '$lib/content/load';
import { warmUpMap } from '$lib/map/briefing-map';
import type { PageLoad } from './$types';

// The promise is not awaited: the page (and the map, which waits on it) renders while it loads.
// Which briefing: the address's `briefing` parameter (read here, in the browser: the page is
// prerendered without server-side rendering, so this never runs at build time).
// A draft of the editor (`?draft=<id>`, from its Present) is read from this browser instead.
export const load: PageLoad = ({ fetch, url }) => {
	// The map's worker starts beside the briefing's fetch, before the page renders (MapView asks
	// again, for the editor's map): its thread then starts some 70 ms before the map is made, not
	// 20 ms after.
	warmUpMap();
	const draft = draftIdOf(url);
	if (draft !== null) return { id: draft, draft, briefing: loadDraftBriefing(fetch, draft) };
	const id = briefingIdOf(url);
	return { id, draft: null, briefing: loadBriefing(fetch, id) };
};
