import { briefingIdOf } from '$lib/content/address';
import { loadBriefing } from '$lib/content/load';
import type { PageLoad } from './$types';

// The promise is not awaited: the page (and the map, which waits on it) renders while it loads.
// Which briefing: the address's `briefing` parameter (read here, in the browser: the page is
// prerendered without server-side rendering, so this never runs at build time).
export const load: PageLoad = ({ fetch, url }) => {
	const id = briefingIdOf(url);
	return { id, briefing: loadBriefing(fetch, id) };
};
