import { json } from '@sveltejs/kit';
import { briefingIds, servedBriefing } from '$lib/content/briefings';
import { summaryOf } from '$lib/library/library';
import type { RequestHandler } from './$types';

// Prerendered to build/briefings/index.json: the embedded briefings, one line each (id, title,
// as-of date, countries), which the library lists without loading every briefing.
export const prerender = true;

export const GET: RequestHandler = () =>
	json(briefingIds().map((id) => summaryOf(servedBriefing(id))));
