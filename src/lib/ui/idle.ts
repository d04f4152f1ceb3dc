/**
 * Idle time, twice over: `whenIdle` runs a task when the page has nothing more urgent to do, and
 * `afterShown` once what the page has just drawn is on screen as well (the two frames that
 * commit and show it come first), so that work meant for "after the first view" does not fetch
 * or compute while that view is still being put on screen.
 */

/** In idle time, or soon where there is no requestIdleCallback (Safari). */
export function whenIdle(run: () => void, timeout = 2_000): void {
	if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout });
	else setTimeout(run, 200);
}

/** In the idle time after the next two frames: what was drawn before the call is then shown. */
export function afterShown(run: () => void): void {
	requestAnimationFrame(() => requestAnimationFrame(() => whenIdle(run)));
}
