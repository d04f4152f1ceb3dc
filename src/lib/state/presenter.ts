/**
 * Which key does what while presenting (issue: presentation mode). Clickers send PageDown/PageUp
 * (some send F5 to start and Escape or "." to stop); keyboards use the arrows, Space and Enter.
 * Keys with Ctrl, Meta or Alt pass through (browser shortcuts stay browser shortcuts). Single
 * character shortcuts (B, S, P) can be switched off, as WCAG 2.1.4 asks.
 */
export type PresenterAction = 'next' | 'prev' | 'first' | 'last' | 'exit' | 'back' | 'speaker';

export interface KeyLike {
	key: string;
	ctrlKey?: boolean;
	metaKey?: boolean;
	altKey?: boolean;
}

const NAMED: Record<string, PresenterAction> = {
	ArrowRight: 'next',
	ArrowDown: 'next',
	PageDown: 'next',
	' ': 'next',
	Enter: 'next',
	ArrowLeft: 'prev',
	ArrowUp: 'prev',
	PageUp: 'prev',
	Backspace: 'prev',
	Home: 'first',
	End: 'last',
	Escape: 'exit'
};

const SINGLE: Record<string, PresenterAction> = { b: 'back', s: 'speaker' };

/** What a key does while presenting, or null when it should do its usual thing. */
export function presenterAction(e: KeyLike, singleKeys: boolean): PresenterAction | null {
	if (e.ctrlKey || e.metaKey || e.altKey) return null;
	const named = NAMED[e.key];
	if (named) return named;
	return singleKeys ? (SINGLE[e.key.toLowerCase()] ?? null) : null;
}

/** Whether a key starts the presentation (outside it): P, or F5 as clickers send it. */
export function startsPresentation(e: KeyLike, singleKeys: boolean): boolean {
	if (e.ctrlKey || e.metaKey || e.altKey) return false;
	if (e.key === 'F5') return true;
	return singleKeys && e.key.toLowerCase() === 'p';
}

/** Whether the key's target is a text field, where single keys must type, not steer. */
export function isTextEntry(target: EventTarget | null): boolean {
	if (!target || typeof (target as Element).closest !== 'function') return false;
	const el = target as HTMLElement;
	return !!el.closest(
		'input:not([type=checkbox]):not([type=radio]):not([type=button]), textarea, select, [contenteditable=""], [contenteditable="true"]'
	);
}

/**
 * Whether Enter or Space on `target` belongs to it rather than to the presentation: the controls
 * marked `data-own-keys` (Save image in the toolbar), which a keyboard must be able to press.
 * Elsewhere, Enter and Space step the scenes even on a focused button (a clicker's habit).
 */
export function ownsActivationKeys(e: KeyLike, target: EventTarget | null): boolean {
	if (e.key !== 'Enter' && e.key !== ' ') return false;
	if (!target || typeof (target as Element).closest !== 'function') return false;
	return !!(target as Element).closest('[data-own-keys]');
}
