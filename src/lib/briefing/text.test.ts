import { describe, expect, it } from 'vitest';
import { dayRange, formatDate, formatNumber, formatProvenance } from './text.js';

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

describe('formatNumber', () => {
	it('groups thousands and keeps at most three decimals, as English prose writes a number', () => {
		expect(formatNumber(2487)).toBe('2,487');
		expect(formatNumber(755)).toBe('755');
		expect(formatNumber(0.5)).toBe('0.5');
		expect(formatNumber(1234567.891234)).toBe('1,234,567.891');
		expect(formatNumber(-20151)).toBe('-20,151');
	});

	it('writes every number of up to three decimals as Intl does for en-GB', () => {
		const samples = [
			0,
			1,
			9,
			10,
			999,
			1000,
			1001,
			99999.999,
			100000,
			123456789,
			0.001,
			2.5,
			-1234.567,
			1e15,
			987654321.123,
			Number.MAX_SAFE_INTEGER
		];
		for (let i = 0; i < 200; i++)
			samples.push(Math.round(Math.random() * 10 ** (i % 12)) / 10 ** (i % 4));
		for (const n of samples) expect(formatNumber(n), String(n)).toBe(n.toLocaleString('en-GB'));
	});

	it('rounds to three decimals, and never writes a minus sign before zero', () => {
		expect(formatNumber(0.0004)).toBe('0');
		expect(formatNumber(2.0006)).toBe('2.001');
		expect(formatNumber(-0)).toBe('0');
		expect(formatNumber(-0.0001)).toBe('0');
	});
});
