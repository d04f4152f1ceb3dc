import { describe, expect, it } from 'vitest';
import { dayRange, formatDate, formatProvenance } from './text.js';

describe('formatDate', () => {
	it('words a full or partial date, long for panels and short for map labels', () => {
		expect(formatDate('2022-02-07')).toBe('7 February 2022');
		expect(formatDate('2022-02-07', 'short')).toBe('7 Feb 2022');
		expect(formatDate('2021-12', 'short')).toBe('Dec 2021');
		expect(formatDate('2021', 'short')).toBe('2021');
	});
});

describe('dayRange', () => {
	it('gives the first and last day a partial date stands for', () => {
		expect(dayRange('2021')).toEqual(['2021-01-01', '2021-12-31']);
		expect(dayRange('2021-12')).toEqual(['2021-12-01', '2021-12-31']);
		expect(dayRange('2022-01-06')).toEqual(['2022-01-06', '2022-01-06']);
	});
});

describe('formatProvenance', () => {
	it('names a source by its address when it has no publisher, and says a missing date', () => {
		expect(formatProvenance({ kind: 'source', url: 'https://example.org/a', title: 'A' })).toBe(
			'Source: example.org/a, “A” (date of publication not recorded)'
		);
	});
});
