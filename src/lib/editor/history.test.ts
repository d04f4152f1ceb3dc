import { describe, expect, it } from 'vitest';
import { History } from './history';

/** A clock the test moves by hand. */
function clock() {
	let t = 0;
	return { now: () => t, wait: (ms: number) => (t += ms) };
}

describe('History', () => {
	it('undoes and redoes pushed states in order, with their labels', () => {
		const h = new History('a');
		expect([h.canUndo, h.canRedo, h.undoLabel, h.redoLabel]).toEqual([
			false,
			false,
			undefined,
			undefined
		]);
		h.push('b', { label: 'add b' });
		h.push('c', { label: 'add c' });
		expect([h.current, h.canUndo, h.undoLabel]).toEqual(['c', true, 'add c']);
		expect(h.undo()).toBe('b');
		expect([h.undoLabel, h.redoLabel, h.canRedo]).toEqual(['add b', 'add c', true]);
		expect(h.undo()).toBe('a');
		expect([h.canUndo, h.undoLabel, h.redoLabel]).toEqual([false, undefined, 'add b']);
		expect(h.undo()).toBeUndefined();
		expect(h.current).toBe('a');
		expect(h.redo()).toBe('b');
		expect(h.redo()).toBe('c');
		expect(h.redo()).toBeUndefined();
		expect([h.current, h.canRedo]).toEqual(['c', false]);
	});

	it('a push after an undo drops the redo branch', () => {
		const h = new History(0);
		h.push(1);
		h.push(2);
		h.undo();
		h.push(3, { label: 'three' });
		expect(h.canRedo).toBe(false);
		expect(h.redo()).toBeUndefined();
		expect(h.undo()).toBe(1);
		expect(h.undo()).toBe(0);
	});

	it('the same state again is not a step', () => {
		const state = { a: 1 };
		const h = new History(state);
		h.push(state);
		expect(h.canUndo).toBe(false);
	});

	it('coalesces edits of the same field within the pause, keeping the first label', () => {
		const c = clock();
		const h = new History('', { now: c.now, coalesceMs: 1000 });
		for (const text of ['N', 'Ne', 'New', 'New ', 'New n']) {
			c.wait(300);
			h.push(text, { label: 'edit title', coalesceKey: 'title' });
		}
		expect(h.undoDepth).toBe(1);
		expect(h.undoLabel).toBe('edit title');
		// A pause longer than the window starts a new step.
		c.wait(1500);
		h.push('New na', { label: 'edit title again', coalesceKey: 'title' });
		expect(h.undoDepth).toBe(2);
		expect(h.undo()).toBe('New n');
		expect(h.undo()).toBe('');
	});

	it('another field, an unkeyed edit, or an undo ends the run', () => {
		const c = clock();
		const h = new History(0, { now: c.now });
		h.push(1, { coalesceKey: 'a' });
		h.push(2, { coalesceKey: 'b' });
		h.push(3, { coalesceKey: 'b' });
		expect(h.undoDepth).toBe(2);
		h.push(4);
		h.push(5, { coalesceKey: 'b' });
		expect(h.undoDepth).toBe(4);
		h.undo();
		h.push(6, { coalesceKey: 'b' });
		expect(h.undoDepth).toBe(4);
		expect(h.undo()).toBe(4);
	});

	it('keeps at most `limit` steps, dropping the oldest', () => {
		const h = new History(0, { limit: 200 });
		for (let i = 1; i <= 250; i++) h.push(i);
		expect(h.undoDepth).toBe(200);
		let last: number | undefined;
		while (h.canUndo) last = h.undo();
		expect(last).toBe(50);
	});

	it('drops the oldest steps past the size budget, never the current state', () => {
		const h = new History('', { sizeOf: (s) => s.length, maxSize: 10 });
		h.push('aaaa');
		h.push('bbbbbbbbbbbbbbbbbbbb'); // past: '', 'aaaa' (4)
		expect(h.undoDepth).toBe(2);
		h.push('cccccccc'); // past weighs 24: the oldest go until it fits, here all
		expect(h.undoDepth).toBe(0);
		expect(h.current).toBe('cccccccc');
		h.push('dd');
		expect(h.undo()).toBe('cccccccc');
	});

	it('tells subscribers of every change, Svelte store style', () => {
		const h = new History(0);
		const seen: boolean[] = [];
		const stop = h.subscribe((x) => seen.push(x.canUndo));
		h.push(1);
		h.undo();
		h.redo();
		stop();
		h.push(2);
		expect(seen).toEqual([false, true, false, true]);
	});

	it('reset starts over with nothing to undo or redo', () => {
		const h = new History(0);
		h.push(1);
		h.push(2);
		h.undo();
		h.reset(9);
		expect([h.current, h.canUndo, h.canRedo]).toEqual([9, false, false]);
	});
});
