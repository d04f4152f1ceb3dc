import { briefingIdOf, draftIdOf } from '$lib/content/address';
import { loadBriefing, loadDraftBriefing } from '$lib/content/load';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
	// A draft presented from the editor: its speaker view reads the same draft.
	const draft = draftIdOf(url);
	if (draft !== null) return { id: draft, ...(await loadDraftBriefing(fetch, draft)) };
	const id = briefingIdOf(url);
	return { id, ...(await loadBriefing(fetch, id)) };
};
