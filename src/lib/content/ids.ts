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

/** The default briefing's id as the page names it; '' when the page names none. */
export function defaultBriefingId(): string {
	if (typeof document === 'undefined') return '';
	return (
		document.querySelector<HTMLMetaElement>(`meta[name="${DEFAULT_BRIEFING_META}"]`)?.content ?? ''
	);
}

/** The digest of the default briefing's file as built (see above); '' when the page names none. */
export function defaultBriefingIntegrity(): string {
	if (typeof document === 'undefined') return '';
	return (
		document.querySelector<HTMLMetaElement>(`meta[name="${DEFAULT_BRIEFING_INTEGRITY_META}"]`)
			?.content ?? ''
	);
}
