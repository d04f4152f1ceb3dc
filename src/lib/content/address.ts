/**
 * A briefing's address. The map page and the speaker view are the same prerendered pages for every
 * briefing; the query parameter `briefing` names which one they show (`/?briefing=<id>#map=…`,
 * `/speaker?briefing=<id>`), and no parameter means the default briefing. The hash keeps its own
 * contract (map, country, hide, mark, scene: src/lib/state/hash.ts) beside it.
 */
import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';
import { defaultBriefingId } from './ids';

export const BRIEFING_PARAM = 'briefing';
/**
 * A draft of the editor, presented from it (`/?draft=<id>#scene=1`): the map page and the speaker
 * view then read the draft from this browser's drafts instead of a briefing.
 */
export const DRAFT_PARAM = 'draft';

/** The draft an address names (its `draft` parameter), or null. */
export function draftIdOf(url: URL): string | null {
	const id = url.searchParams.get(DRAFT_PARAM);
	return id === null || id === '' ? null : id;
}

/** The map page (`page` '') or speaker view of a draft, and the editor's page for it. */
export function draftHref(id: string, page: '' | 'speaker' | 'editor' = ''): ResolvedPathname {
	const path =
		page === 'speaker'
			? resolve('/speaker')
			: page === 'editor'
				? resolve('/editor')
				: resolve('/');
	return `${path}?${DRAFT_PARAM}=${encodeURIComponent(id)}` as ResolvedPathname;
}

/** A briefing id: lower-case words joined by hyphens, as the schema's `id` (at most 100). */
const BRIEFING_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const isBriefingId = (id: string): boolean => id.length <= 100 && BRIEFING_ID.test(id);

/** The briefing an address names: its `briefing` parameter, or the default one without it. */
export function briefingIdOf(url: URL, defaultId: string = defaultBriefingId()): string {
	return url.searchParams.get(BRIEFING_PARAM) ?? defaultId;
}

/**
 * The address of a briefing's map (`page` '') or speaker view (`page` 'speaker'), relative to the
 * site like every path of the build. The default briefing keeps its plain address.
 */
export function briefingHref(
	id: string,
	page: '' | 'speaker' = '',
	defaultId: string = defaultBriefingId()
): ResolvedPathname {
	const path = page === 'speaker' ? resolve('/speaker') : resolve('/');
	const query = id === defaultId ? '' : `?${BRIEFING_PARAM}=${encodeURIComponent(id)}`;
	return `${path}${query}` as ResolvedPathname;
}

/** Whether an address's query (`location.search`) names a briefing other than the default. */
export function namesAnotherBriefing(
	search: string,
	defaultId: string = defaultBriefingId()
): boolean {
	const id = new URLSearchParams(search).get(BRIEFING_PARAM);
	return id !== null && id !== defaultId;
}
