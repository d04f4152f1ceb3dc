import { base } from '$app/paths';
import { parseServedBriefing, type ServedBriefing } from '$lib/briefing/schema';
import { DEFAULT_BRIEFING_ID } from './ids';

async function getJson(fetcher: typeof fetch, url: string): Promise<unknown> {
	const res = await fetcher(url);
	if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
	try {
		return await res.json();
	} catch {
		throw new Error(`${url}: not valid JSON`);
	}
}

/**
 * Fetches the briefing and validates it. The briefing is fetched, not bundled, so a deployer can
 * swap build/briefings/<id>.json without a rebuild; its errors are returned to be shown on the
 * page, never thrown.
 */
export async function loadBriefing(
	fetcher: typeof fetch
): Promise<{ briefing: ServedBriefing | null; errors: string[] }> {
	const url = `${base}/briefings/${DEFAULT_BRIEFING_ID}.json`;
	try {
		const parsed = parseServedBriefing(await getJson(fetcher, url));
		return parsed.ok
			? { briefing: parsed.briefing, errors: [] }
			: { briefing: null, errors: parsed.errors };
	} catch (err) {
		return { briefing: null, errors: [err instanceof Error ? err.message : String(err)] };
	}
}
