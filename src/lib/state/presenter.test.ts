import { describe, expect, it } from 'vitest';
import { ownsActivationKeys, presenterAction, startsPresentation } from './presenter';

describe('presenterAction', () => {
	it.each([
		['ArrowRight', 'next'],
		['PageDown', 'next'],
		[' ', 'next'],
		['Enter', 'next'],
		['ArrowLeft', 'prev'],
		['PageUp', 'prev'],
		['Backspace', 'prev'],
		['Home', 'first'],
		['End', 'last'],
		['Escape', 'exit'],
		['b', 'back'],
		['B', 'back'],
		['s', 'speaker']
	])('%j -> %s', (key, action) => {
		expect(presenterAction({ key }, true)).toBe(action);
	});

	it('lets keys with Ctrl, Meta or Alt pass through', () => {
		expect(presenterAction({ key: 'ArrowRight', ctrlKey: true }, true)).toBeNull();
		expect(presenterAction({ key: 'PageDown', metaKey: true }, true)).toBeNull();
		expect(presenterAction({ key: 'b', altKey: true }, true)).toBeNull();
	});

	it('ignores single-character shortcuts when they are switched off (WCAG 2.1.4)', () => {
		expect(presenterAction({ key: 'b' }, false)).toBeNull();
		expect(presenterAction({ key: 's' }, false)).toBeNull();
		expect(presenterAction({ key: 'PageDown' }, false)).toBe('next');
	});

	it('does nothing with other keys', () => {
		expect(presenterAction({ key: 'x' }, true)).toBeNull();
		expect(presenterAction({ key: 'Tab' }, true)).toBeNull();
	});
});

describe('startsPresentation', () => {
	it('starts on P and on F5 (clickers)', () => {
		expect(startsPresentation({ key: 'p' }, true)).toBe(true);
		expect(startsPresentation({ key: 'P' }, true)).toBe(true);
		expect(startsPresentation({ key: 'F5' }, false)).toBe(true);
		expect(startsPresentation({ key: 'p' }, false)).toBe(false);
		expect(startsPresentation({ key: 'r', ctrlKey: true }, true)).toBe(false);
		expect(startsPresentation({ key: 'F5', ctrlKey: true }, true)).toBe(false);
	});
});

describe('ownsActivationKeys', () => {
	const inOwn = { closest: (sel: string) => (sel === '[data-own-keys]' ? {} : null) };
	const elsewhere = { closest: () => null };
	it('leaves Enter and Space to a control marked data-own-keys, and only those keys', () => {
		expect(ownsActivationKeys({ key: 'Enter' }, inOwn as unknown as EventTarget)).toBe(true);
		expect(ownsActivationKeys({ key: ' ' }, inOwn as unknown as EventTarget)).toBe(true);
		expect(ownsActivationKeys({ key: 'ArrowRight' }, inOwn as unknown as EventTarget)).toBe(false);
		expect(ownsActivationKeys({ key: 'Enter' }, elsewhere as unknown as EventTarget)).toBe(false);
		expect(ownsActivationKeys({ key: 'Enter' }, null)).toBe(false);
	});
});
