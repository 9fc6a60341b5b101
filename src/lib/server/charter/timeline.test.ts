import { describe, expect, it } from 'vitest';
import { countOverTime } from './timeline.ts';

const seeds = [
	{ count: 39, asOf: '2018-11' },
	{ count: 33, asOf: '2014' }
];

describe('the number of signatories over time', () => {
	it('is the seeds’ statements in order when nothing was recorded since', () => {
		expect(countOverTime(seeds, []).map((p) => [p.period, p.count, p.kind])).toEqual([
			['2014', 33, 'statement'],
			['2018-11', 39, 'statement']
		]);
	});

	it('adds the signatures dated after the latest statement, one point per day', () => {
		const points = countOverTime(seeds, [
			{ signedOn: '2021-03-02', count: 1, cities: ['Lublin'] },
			{ signedOn: '2019-06-10', count: 2, cities: ['Ghent', 'Leeds'] }
		]);
		expect(points.slice(2)).toEqual([
			{ period: '2019-06-10', count: 41, kind: 'signature', cities: ['Ghent', 'Leeds'] },
			{ period: '2021-03-02', count: 42, kind: 'signature', cities: ['Lublin'] }
		]);
	});

	it('does not count twice a signature the latest statement already includes', () => {
		const points = countOverTime(seeds, [
			{ signedOn: '2018-11-07', count: 1 },
			{ signedOn: '2012-05-01', count: 1 }
		]);
		expect(points.map((p) => p.count)).toEqual([33, 39]);
	});

	it('counts from nothing without statements', () => {
		expect(countOverTime([], [{ signedOn: '2020-01-01', count: 1 }])).toEqual([
			{ period: '2020-01-01', count: 1, kind: 'signature', cities: [] }
		]);
	});
});
