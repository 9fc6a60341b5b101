import { describe, expect, it } from 'vitest';
import { countChart, yearOf } from './count-chart.ts';

describe('the count-over-time chart', () => {
	it('places a year, a month and a day where they fall', () => {
		expect(yearOf('2014')).toBe(2014.5);
		expect(yearOf('2018-11')).toBeCloseTo(2018.875);
		expect(yearOf('2023-01-01')).toBe(2023);
	});

	it('draws later and larger counts to the right and higher, from a zero baseline', () => {
		const chart = countChart(
			[
				{ period: '2014', count: 33 },
				{ period: '2018-11', count: 39 },
				{ period: '2023-05-16', count: 40 }
			],
			{ width: 600, height: 240 }
		)!;
		const [a, b, c] = chart.points;
		expect(a!.x).toBeLessThan(b!.x);
		expect(b!.x).toBeLessThan(c!.x);
		expect(a!.y).toBeGreaterThan(b!.y);
		expect(chart.yTicks[0]).toEqual({ count: 0, y: chart.bottom });
		expect(chart.yTicks.at(-1)!.count).toBeGreaterThanOrEqual(40);
		expect(chart.xTicks.map((t) => t.year)).toEqual([
			2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024
		]);
		expect(chart.line.startsWith('M')).toBe(true);
		expect(chart.line.split('L')).toHaveLength(3);
	});

	it('thins the year labels on a narrow chart, and draws nothing without points', () => {
		const chart = countChart(
			[
				{ period: '2010', count: 1 },
				{ period: '2030', count: 2 }
			],
			{ width: 300, height: 120 }
		)!;
		expect(chart.xTicks.map((t) => t.year)).toEqual([2010, 2015, 2020, 2025, 2030]);
		expect(countChart([], { width: 300, height: 120 })).toBeNull();
	});
});
