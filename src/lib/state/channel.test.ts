import { describe, expect, it } from 'vitest';
import { readMessage } from './channel';

describe('readMessage', () => {
	it.each([
		[{ type: 'hello' }],
		[{ type: 'exit' }],
		[{ type: 'scene', scene: 3, count: 10 }],
		[{ type: 'scene', scene: 3 }],
		[{ type: 'goto', scene: 2 }],
		[{ type: 'start', scene: 1 }]
	])('reads %j', (message) => {
		expect(readMessage(message)).toEqual(message);
	});

	it('keeps whole numbers out of range: the receiver clamps them to its own scenes', () => {
		expect(readMessage({ type: 'scene', scene: 999, count: 10 })).toEqual({
			type: 'scene',
			scene: 999,
			count: 10
		});
		expect(readMessage({ type: 'goto', scene: -1 })).toEqual({ type: 'goto', scene: -1 });
	});

	it('drops extra fields', () => {
		expect(readMessage({ type: 'exit', extra: 'x'.repeat(1000) })).toEqual({ type: 'exit' });
	});

	it.each([
		null,
		undefined,
		42,
		'scene',
		[],
		{},
		{ type: null },
		{ type: 'unknown' },
		{ type: 'scene' },
		{ type: 'scene', scene: Number.NaN },
		{ type: 'scene', scene: 2.5 },
		{ type: 'scene', scene: '3' },
		{ type: 'scene', scene: Number.POSITIVE_INFINITY },
		{ type: 'scene', scene: 3, count: -1 },
		{ type: 'goto' },
		{ type: 'goto', scene: null },
		{ type: 'start', scene: Number.NaN },
		{ type: { toString: null } }
	])('drops %j', (data) => {
		expect(readMessage(data)).toBeNull();
	});
});
