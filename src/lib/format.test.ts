import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatPeriod } from './format.ts';
import { locales, overwriteGetLocale } from './paraglide/runtime.js';

describe('formatting in every language', () => {
	for (const locale of locales) {
		it(`formats dates, times, numbers and periods in ${locale}`, () => {
			overwriteGetLocale(() => locale);
			expect(formatDate('2018-11-07')).toMatch(/2018/);
			expect(formatDateTime(new Date('2026-11-24T09:05:00Z'))).toMatch(/2026/);
			expect(formatNumber(347678)).toMatch(/347/);
			expect(formatPeriod('2014')).toBe('2014');
			expect(formatPeriod('2018-11')).toMatch(/2018/);
		});
	}

	it('writes English dates the European way, with the time zone', () => {
		overwriteGetLocale(() => 'en');
		expect(formatDate('2018-11-07')).toBe('7 November 2018');
		expect(formatDateTime(new Date('2026-11-24T09:05:00Z'))).toBe('24 Nov 2026, 09:05 UTC');
		expect(formatPeriod('2018-11')).toBe('November 2018');
	});
});
