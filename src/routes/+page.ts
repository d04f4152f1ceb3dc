import { loadBriefing } from '$lib/content/load';
import type { PageLoad } from './$types';

// The promises are not awaited: the page renders while they load.
export const load: PageLoad = ({ fetch }) => ({
	briefing: loadBriefing(fetch),
	// MapLibre is most of the app's code: it loads beside the briefing, not before it.
	mapModule: import('$lib/map/briefing-map')
});
