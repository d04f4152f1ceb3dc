/**
 * The briefing that `/` opens. The site's pages name it in their HTML
 * (`<meta name="default-briefing" content="<id>">`, written when they are prerendered from
 * src/content/site.json by src/hooks.server.ts), so no briefing's id is compiled into the app's
 * code: a deployer changes the default by changing that file and rebuilding the pages only.
 */
export const DEFAULT_BRIEFING_META = 'default-briefing';

/**
 * The digest of the default briefing's file as the site was built (Subresource Integrity,
 * `sha256-…`): the build validated exactly those bytes (src/hooks.server.ts).
 */
export const DEFAULT_BRIEFING_INTEGRITY_META = 'default-briefing-integrity';

/** A `<meta>` of the page, by name; '' when the page has none (or there is no page). */
function pageMeta(name: string): string {
	if (typeof document === 'undefined') return '';
	return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';
}

/** The default briefing's id as the page names it; '' when the page names none. */
export const defaultBriefingId = (): string => pageMeta(DEFAULT_BRIEFING_META);

/** The digest of the default briefing's file as built (see above); '' when the page names none. */
export const defaultBriefingIntegrity = (): string => pageMeta(DEFAULT_BRIEFING_INTEGRITY_META);
