import { briefingIdOf } from '$lib/content/address';
import { loadBriefing } from '$lib/content/load';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
	const id = briefingIdOf(url);
	return { id, ...(await loadBriefing(fetch, id)) };
};
