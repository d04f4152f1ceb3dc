import { loadBriefing } from '$lib/content/load';
import type { PageLoad } from './$types';

// The promise is not awaited: the page (and the map, which waits on it) renders while it loads.
export const load: PageLoad = ({ fetch }) => ({ briefing: loadBriefing(fetch) });
