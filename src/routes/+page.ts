import { base } from '$app/paths';
import { parseServedBriefing } from '$lib/briefing/schema';
import { DEFAULT_BRIEFING_ID } from '$lib/content/ids';
import type { PageLoad } from './$types';

async function getJson(fetcher: typeof fetch, url: string): Promise<unknown> {
	const res = await fetcher(url);
	if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
	try {
		return await res.json();
	} catch {
		throw new Error(`${url}: not valid JSON`);
	}
}

async function loadBriefing(fetcher: typeof fetch) {
	const url = `${base}/briefings/${DEFAULT_BRIEFING_ID}.json`;
	try {
		const parsed = parseServedBriefing(await getJson(fetcher, url));
		return parsed.ok
			? { briefing: parsed.briefing, errors: [] as string[] }
			: { briefing: null, errors: parsed.errors };
	} catch (err) {
		return { briefing: null, errors: [err instanceof Error ? err.message : String(err)] };
	}
}

// The briefing is fetched, not bundled, so a deployer can swap build/briefings/<id>.json without a
// rebuild; it is validated again here and its errors are shown on the page, never thrown. The
// promise is not awaited: the page renders while it loads.
export const load: PageLoad = ({ fetch }) => ({
	briefing: loadBriefing(fetch),
	// MapLibre is most of the app's code: it loads beside the briefing, not before it.
	mapModule: import('$lib/map/briefing-map')
});
