import { briefingIds, servedText } from '$lib/content/briefings';
import type { EntryGenerator, RequestHandler } from './$types';

// Prerendered to build/briefings/<id>.json: the page fetches it at load, so a deployer can swap
// the file without rebuilding (the page then validates it again: its bytes no longer match the
// digest the pages name, see servedIntegrity).
export const prerender = true;

export const entries: EntryGenerator = () => briefingIds().map((id) => ({ id }));

export const GET: RequestHandler = ({ params }) =>
	new Response(servedText(params.id), { headers: { 'content-type': 'application/json' } });
