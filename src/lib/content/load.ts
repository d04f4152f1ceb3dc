import { base } from '$app/paths';
import type { ServedBriefing } from '$lib/briefing/schema';
import { isBriefingId } from './address';
import { NotJson, readBriefingDocument, readBriefingJson } from './document';
import { loadGazetteer } from './gazetteer';
import { defaultBriefingId, defaultBriefingIntegrity } from './ids';

/** The served file was not there: the briefing may be one imported in this browser. */
class NotServed extends Error {}

/**
 * A served file's bytes: they are decoded and parsed where they are validated, which for a large
 * file is off the page's thread (decoding 5 MB here would be a 100 ms task).
 */
async function getBytes(fetcher: typeof fetch, url: string): Promise<ArrayBuffer> {
	const res = await fetcher(url);
	if (res.status === 404) throw new NotServed(`${url}: HTTP 404`);
	if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
	return res.arrayBuffer();
}

/**
 * The default briefing as the site built it, when the file fetched is byte for byte the one the
 * build validated: the page names that file's digest, and the browser checks the bytes against it
 * (Subresource Integrity) as they arrive. It is then read as it is, without loading and running
 * the validator on it a second time: both came before the map could start, which now starts some
 * 90 ms sooner (paired loads as in npm run bench). Null when the page names no digest or the file
 * is not that one (a deployer swapped it): it is then validated as any other file.
 */
async function readAsBuilt(fetcher: typeof fetch, url: string): Promise<ServedBriefing | null> {
	const integrity = defaultBriefingIntegrity();
	if (integrity === '') return null;
	let res: Response;
	try {
		res = await fetcher(url, { integrity });
	} catch {
		// Other bytes than the digest's (or no network: the next fetch says which).
		return null;
	}
	if (!res.ok) return null;
	const briefing = (await res.json()) as ServedBriefing;
	// As a validated briefing, it is read once the names of its language are here.
	await loadGazetteer(briefing.language, fetcher);
	return briefing;
}

/**
 * A briefing imported in this browser (src/lib/library/store.ts), read only when the site serves
 * no briefing of that id: the store, and IndexedDB's wrapper, are loaded only then.
 */
async function readImported(id: string): Promise<unknown> {
	const { readStored } = await import('$lib/library/store');
	const stored = await readStored(id);
	if (stored === undefined) {
		throw new Error(
			`There is no briefing "${id}": the site has none of that id, and none was imported in this browser`
		);
	}
	return stored;
}

/**
 * Fetches the briefing `id` and validates it: an embedded one from /briefings/<id>.json, else one
 * imported in this browser. The embedded ones are fetched, not bundled, so a deployer can swap
 * build/briefings/<id>.json without a rebuild; errors are returned to be shown on the page, never
 * thrown.
 */
export async function loadBriefing(
	fetcher: typeof fetch,
	id: string = defaultBriefingId()
): Promise<{ briefing: ServedBriefing | null; errors: string[] }> {
	try {
		if (id === '') throw new Error('This page names no briefing to open');
		if (!isBriefingId(id)) throw new Error(`"${id}" is not a briefing id`);
		// Most briefings are in English: its names are fetched beside the document, not after it.
		loadGazetteer('en', fetcher).catch(() => {});
		const url = `${base}/briefings/${id}.json`;
		const built = id === defaultBriefingId() ? await readAsBuilt(fetcher, url) : null;
		if (built) return { briefing: built, errors: [] };
		let parsed;
		try {
			parsed = await readBriefingJson(await getBytes(fetcher, url), fetcher);
		} catch (err) {
			if (err instanceof NotJson) throw new Error(`${url}: not valid JSON`, { cause: err });
			if (!(err instanceof NotServed) || id === defaultBriefingId()) throw err;
			parsed = await readBriefingDocument(await readImported(id), fetcher);
		}
		return parsed.ok
			? { briefing: parsed.briefing, errors: [] }
			: { briefing: null, errors: parsed.errors };
	} catch (err) {
		return { briefing: null, errors: [err instanceof Error ? err.message : String(err)] };
	}
}

/**
 * A draft of the editor, presented from the editor (`/?draft=<id>`): read from this browser's
 * drafts, turned into its document and validated as any document is. The drafts' store and the
 * editor's draft model are loaded only then. Errors are returned, never thrown.
 */
export async function loadDraftBriefing(
	fetcher: typeof fetch,
	draftId: string
): Promise<{ briefing: ServedBriefing | null; errors: string[] }> {
	try {
		loadGazetteer('en', fetcher).catch(() => {});
		const { readDraftDocument } = await import('./draft-document');
		const parsed = await readBriefingDocument(await readDraftDocument(draftId), fetcher);
		return parsed.ok
			? { briefing: parsed.briefing, errors: [] }
			: { briefing: null, errors: parsed.errors };
	} catch (err) {
		return { briefing: null, errors: [err instanceof Error ? err.message : String(err)] };
	}
}
