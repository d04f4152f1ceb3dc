import { describe, expect, it } from 'vitest';
import { undoRedoKey, type UndoRedoEvent } from './keys';

const body = { tagName: 'BODY', isContentEditable: false };

function key(init: Partial<UndoRedoEvent>): UndoRedoEvent {
	return {
		key: '',
		code: '',
		ctrlKey: false,
		metaKey: false,
		shiftKey: false,
		altKey: false,
		isComposing: false,
		target: body as unknown as EventTarget,
		...init
	};
}

describe('undoRedoKey', () => {
	it.each([
		[{ key: 'z', code: 'KeyZ', ctrlKey: true }, 'undo'],
		[{ key: 'z', code: 'KeyZ', metaKey: true }, 'undo'],
		[{ key: 'Z', code: 'KeyZ', ctrlKey: true, shiftKey: true }, 'redo'],
		[{ key: 'Z', code: 'KeyZ', metaKey: true, shiftKey: true }, 'redo'],
		[{ key: 'y', code: 'KeyY', ctrlKey: true }, 'redo'],
		// AZERTY: the letter z sits where QWERTY has w; the letter counts, not the position.
		[{ key: 'z', code: 'KeyW', ctrlKey: true }, 'undo'],
		[{ key: 'w', code: 'KeyZ', ctrlKey: true }, null],
		// Russian layout: no Latin letter, the position counts.
		[{ key: 'я', code: 'KeyZ', ctrlKey: true }, 'undo'],
		[{ key: 'z', code: 'KeyZ' }, null],
		[{ key: 'z', code: 'KeyZ', ctrlKey: true, altKey: true }, null],
		[{ key: 'z', code: 'KeyZ', ctrlKey: true, metaKey: true }, null],
		[{ key: 'z', code: 'KeyZ', ctrlKey: true, isComposing: true }, null],
		[{ key: 'y', code: 'KeyY', metaKey: true }, null],
		[{ key: 'Y', code: 'KeyY', ctrlKey: true, shiftKey: true }, null],
		[{ key: 'a', code: 'KeyA', ctrlKey: true }, null]
	] as const)('%j -> %s', (init, expected) => {
		expect(undoRedoKey(key(init))).toBe(expected);
	});

	it.each([
		[{ tagName: 'TEXTAREA' }, null],
		[{ tagName: 'INPUT', type: 'text' }, null],
		[{ tagName: 'INPUT', type: 'search' }, null],
		[{ tagName: 'input' }, null],
		[{ tagName: 'DIV', isContentEditable: true }, null],
		[{ tagName: 'INPUT', type: 'checkbox' }, 'undo'],
		[{ tagName: 'BUTTON' }, 'undo'],
		[{ tagName: 'SELECT' }, 'undo'],
		[null, 'undo']
	])('in %j -> %s', (target, expected) => {
		const event = key({
			key: 'z',
			code: 'KeyZ',
			ctrlKey: true,
			target: target as EventTarget | null
		});
		expect(undoRedoKey(event)).toBe(expected);
	});
});
