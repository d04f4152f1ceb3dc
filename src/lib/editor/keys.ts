/**
 * The editor's undo and redo keys: Ctrl+Z / Cmd+Z undoes, Ctrl+Shift+Z / Cmd+Shift+Z and Ctrl+Y
 * redo.
 *
 * In a text field (input, textarea, contenteditable) the answer is null: the browser's own text
 * undo takes back the last letters typed there, which is what a person typing expects, and the
 * editor's history would otherwise undo a whole coalesced step (or an edit elsewhere on the page)
 * while the cursor sits in the text. The editor's history still records those edits, so its
 * buttons, and the keys once focus leaves the field, undo them.
 */

/** The parts of a KeyboardEvent read here (a plain object in tests). */
export type UndoRedoEvent = Pick<
	KeyboardEvent,
	'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'isComposing' | 'target'
>;

// Inputs that take no typed text: Ctrl+Z on a focused checkbox means the editor's undo.
const NOT_TEXT = new Set([
	'button',
	'checkbox',
	'color',
	'file',
	'hidden',
	'image',
	'radio',
	'range',
	'reset',
	'submit'
]);

/** Whether the browser's own text undo applies where the key was pressed. */
export function isTextTarget(target: EventTarget | null): boolean {
	const el = target as {
		tagName?: unknown;
		type?: unknown;
		isContentEditable?: unknown;
	} | null;
	if (!el || typeof el !== 'object') return false;
	if (el.isContentEditable === true) return true;
	const tag = typeof el.tagName === 'string' ? el.tagName.toUpperCase() : '';
	if (tag === 'TEXTAREA') return true;
	if (tag === 'INPUT') return !NOT_TEXT.has(String(el.type ?? 'text').toLowerCase());
	return false;
}

/** The letter pressed, on any layout: `key` when it is a Latin letter, else the key's position. */
function letter(event: UndoRedoEvent): string {
	const key = event.key ?? '';
	if (/^[a-z]$/i.test(key)) return key.toLowerCase();
	// A Cyrillic or Greek layout gives 'я' for the Z key: its code is still KeyZ.
	const code = /^Key([A-Z])$/.exec(event.code ?? '');
	return code ? code[1]!.toLowerCase() : '';
}

/** 'undo', 'redo', or null when the key is neither or belongs to a text field. */
export function undoRedoKey(event: UndoRedoEvent): 'undo' | 'redo' | null {
	// One modifier, Ctrl or Cmd, not both, and never Alt (AltGr+Z types a character on some layouts).
	if (event.ctrlKey === event.metaKey || event.altKey || event.isComposing) return null;
	const pressed = letter(event);
	let action: 'undo' | 'redo' | null = null;
	if (pressed === 'z') action = event.shiftKey ? 'redo' : 'undo';
	else if (pressed === 'y' && !event.shiftKey && event.ctrlKey) action = 'redo';
	if (!action || isTextTarget(event.target)) return null;
	return action;
}
