/**
 * What a page tells the offline notices, and when they start. This is all of working offline
 * that a page's first load carries: the notices (./OfflineNotice.svelte) and the service worker's
 * registration (./offline.svelte.ts) are loaded by the layout only once they are due, so that
 * neither is fetched while the page, or the map page's first view, is still coming.
 *
 * Nothing is lost by the wait: the notices only ever say what the registration finds out (the
 * site cannot be reached, a new version waits), and it starts once they are in the page.
 */
import { afterShown } from '$lib/ui/idle';

class OfflineNotices {
	/**
	 * Set by a page that fills the screen with a map beside a column (the map page, the editor):
	 * where the map starts on a wide screen (a CSS length), so that the notices sit over the map,
	 * not the column. Null on a page that scrolls: the notices follow its content.
	 */
	overMap = $state<string | null>(null);
	/** A presentation is on the projector: the notices wait. */
	presenting = $state(false);
	/** The notices, and the registration after them, are loaded (read by the layout). */
	due = $state(false);
	#deferred = false;
	#started = false;

	/** A page that says itself when the time has come (the map page, after its first idle). */
	defer(): void {
		this.#deferred = true;
	}

	/**
	 * Starts the notices and the registration in idle time, once what is on screen has been
	 * shown: called by the layout once the page has started (unless a page deferred it), and by
	 * the deferring page when its time has come (`now`).
	 */
	start(now = false): void {
		if (this.#started || !(now || !this.#deferred)) return;
		this.#started = true;
		afterShown(() => (this.due = true));
	}
}

export const notices = new OfflineNotices();
