import { base } from '$app/paths';
import type { BriefingSummary } from './library';

/**
 * The embedded briefings' list, /briefings/index.json (prerendered from src/content). Written by
 * the build, so it is trusted to be a list of summaries; anything else is read as an error.
 */
export async function loadEmbedded(fetcher: typeof fetch): Promise<BriefingSummary[]> {
	const url = `${base}/briefings/index.json`;
	const res = await fetcher(url);
	if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
	const list: unknown = await res.json();
	if (!Array.isArray(list)) throw new Error(`${url}: not a list of briefings`);
	return list as BriefingSummary[];
}
