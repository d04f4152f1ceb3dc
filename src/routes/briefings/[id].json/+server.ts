import { json } from '@sveltejs/kit';
import { briefingIds, servedBriefing } from '$lib/content/briefings';
import type { EntryGenerator, RequestHandler } from './$types';

// Prerendered to build/briefings/<id>.json: the page fetches it at load, so a deployer can swap
// the file without rebuilding (it is validated again in the browser).
export const prerender = true;

export const entries: EntryGenerator = () => briefingIds().map((id) => ({ id }));

export const GET: RequestHandler = ({ params }) => json(servedBriefing(params.id));
