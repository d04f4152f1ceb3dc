/**
 * The page's side of working offline, as pure functions: where the service worker is, what the
 * notices say, and how what the page learns (the browser's online and offline events, a fetch of
 * the site that failed or came back, a new deployment waiting) changes what it knows. The state
 * owner (offline.svelte.ts) does the browser's part.
 */

/** The service worker's script and scope under the site's base path (`paths.relative`: any sub-path). */
export function workerAddress(base: string): { url: string; scope: string } {
	return { url: `${base}/service-worker.js`, scope: `${base}/` };
}

/** A small file of every build that the worker never saves: fetching it asks the site itself. */
export function probeAddress(base: string): string {
	return `${base}/_app/version.json`;
}

export interface OfflineState {
	/** The site cannot be reached (the browser says so, or a fetch of it failed). */
	offline: boolean;
	/** A service worker answers this page: what it shows is the copy saved in this browser. */
	controlled: boolean;
	/** A new deployment has been saved and waits for a reload. */
	updateReady: boolean;
}

export const INITIAL: OfflineState = { offline: false, controlled: false, updateReady: false };

export type OfflineEvent =
	/** The browser's `offline` event, or `navigator.onLine` false. */
	| { type: 'browser-offline' }
	/** The site answered (`ok: true`) or could not be reached (`ok: false`). */
	| { type: 'probe'; ok: boolean }
	/** A service worker answers the page now. */
	| { type: 'controlled' }
	/** A new deployment's worker is installed and waiting (only said when one is in use). */
	| { type: 'update-waiting' };

/**
 * What the page knows after `event`. The browser's `online` event is not a fact about the site
 * (the network may be back and the site still down), so it only asks for a probe, which decides.
 */
export function next(state: OfflineState, event: OfflineEvent): OfflineState {
	switch (event.type) {
		case 'browser-offline':
			return { ...state, offline: true };
		case 'probe':
			return { ...state, offline: !event.ok };
		case 'controlled':
			return { ...state, controlled: true };
		case 'update-waiting':
			return state.controlled ? { ...state, updateReady: true } : state;
	}
}

/** The polite status the page shows, or null when there is nothing to say. */
export function offlineText(state: OfflineState): string | null {
	if (!state.offline) return null;
	return state.controlled
		? 'Offline: showing the copy saved in this browser.'
		: 'Offline: the site cannot be reached. What this page has loaded still works.';
}

/** A failed fetch that means the site could not be reached (not an HTTP error, which is an answer). */
export function isNetworkFailure(err: unknown): boolean {
	return err instanceof TypeError;
}
