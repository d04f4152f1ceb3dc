import { namesAnotherBriefing } from './address';

/**
 * The page's start-up heading (src/app.html, #boot): the briefing's title as the site was built,
 * shown before any script has run. Read once, as the app's code loads (before the app removes
 * it): the app shows the same title until the briefing file has loaded, so the heading does not
 * change under the reader. The page's HTML holds the default briefing's title: an address naming
 * another briefing shows the app's name until that briefing has loaded.
 */
export const BUILT_TITLE: string =
	(typeof document !== 'undefined' &&
		!namesAnotherBriefing(location.search) &&
		document.getElementById('boot-title')?.textContent?.trim()) ||
	'Briefing map';

/** Takes away the start-up page: the app has started and shows its own. */
export function removeBootPage(): void {
	document.getElementById('boot')?.remove();
}
