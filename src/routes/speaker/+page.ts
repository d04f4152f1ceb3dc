import { loadBriefing } from '$lib/content/load';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => loadBriefing(fetch);
