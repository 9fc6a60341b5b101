import { describe, expect, it } from 'vitest';
import {
	GROUP_DIFFERENCE,
	IN_PLACE,
	groupsDiffer,
	isRating,
	median,
	quartiles,
	ratings,
	responseFrom,
	roundScore,
	scoreBenchmark,
	scoreKeyFactor,
	spread,
	type KeyFactorInput,
	type Rating,
	type Response
} from './scoring.ts';

const rated = (rating: Rating): Response => ({ kind: 'rated', rating });
const DK: Response = { kind: 'dont_know' };
const NA: Response = { kind: 'not_applicable' };

/** A key factor whose questions are called `${id}.1`, `${id}.2`, … */
function kf(id: string, ...responses: Response[]): KeyFactorInput {
	return { id, questions: responses.map((response, i) => ({ id: `${id}.${i + 1}`, response })) };
}

describe('the scale', () => {
	it('runs 0–4, In place being 3', () => {
		expect(ratings).toEqual([0, 1, 2, 3, 4]);
		expect(IN_PLACE).toBe(3);
		expect(GROUP_DIFFERENCE).toBe(2);
		expect(isRating(4)).toBe(true);
		expect(isRating(5)).toBe(false);
		expect(isRating(1.5)).toBe(false);
		expect(isRating('3')).toBe(false);
	});

	it('reads stored answers, refusing a rated row without a valid rating', () => {
		expect(responseFrom(null, null)).toBeNull();
		expect(responseFrom('dont_know', null)).toEqual(DK);
		expect(responseFrom('not_applicable', 2)).toEqual(NA);
		expect(responseFrom('rated', 0)).toEqual(rated(0));
		expect(() => responseFrom('rated', null)).toThrow(RangeError);
		expect(() => responseFrom('rated', 7)).toThrow(RangeError);
	});
});

describe('scoreKeyFactor', () => {
	it('scores the mean rating as a percentage (normal case)', () => {
		const result = scoreKeyFactor(kf('a', rated(4), rated(3), rated(3), rated(4)));
		expect(result).toEqual({
			id: 'a',
			score: 87.5,
			rated: 4,
			dontKnow: [],
			notApplicable: [],
			unanswered: [],
			belowInPlace: [],
			meetsStandard: true
		});
	});

	it('scores 0 for all Not in place and 100 for all In place and evaluated', () => {
		expect(scoreKeyFactor(kf('a', rated(0), rated(0))).score).toBe(0);
		expect(scoreKeyFactor(kf('a', rated(4), rated(4))).score).toBe(100);
	});

	it('has no score and cannot be judged when all are Not applicable', () => {
		const result = scoreKeyFactor(kf('a', NA, NA, NA));
		expect(result.score).toBeNull();
		expect(result.meetsStandard).toBeNull();
		expect(result.rated).toBe(0);
		expect(result.notApplicable).toEqual(['a.1', 'a.2', 'a.3']);
	});

	it('has no score and cannot be judged when nothing is answered', () => {
		const result = scoreKeyFactor(kf('a', null, null));
		expect(result.score).toBeNull();
		expect(result.meetsStandard).toBeNull();
		expect(result.unanswered).toEqual(['a.1', 'a.2']);
		expect(result.belowInPlace).toEqual([]);
	});

	it('has no score and cannot be judged without questions', () => {
		expect(scoreKeyFactor({ id: 'empty', questions: [] })).toEqual({
			id: 'empty',
			score: null,
			rated: 0,
			dontKnow: [],
			notApplicable: [],
			unanswered: [],
			belowInPlace: [],
			meetsStandard: null
		});
	});

	it("leaves Don't know out of the mean but lists it", () => {
		const result = scoreKeyFactor(kf('a', rated(4), DK, rated(2), DK));
		expect(result.score).toBe(75); // (4 + 2) ÷ 2 = 3 → 75, not (4 + 2) ÷ 4
		expect(result.rated).toBe(2);
		expect(result.dontKnow).toEqual(['a.2', 'a.4']);
	});

	it('sorts every kind of answer into its list, in the order given', () => {
		const result = scoreKeyFactor(kf('a', null, rated(1), NA, DK, rated(3), rated(0)));
		expect(result.unanswered).toEqual(['a.1']);
		expect(result.notApplicable).toEqual(['a.3']);
		expect(result.dontKnow).toEqual(['a.4']);
		expect(result.belowInPlace).toEqual(['a.2', 'a.6']);
		expect(result.rated).toBe(3);
	});

	it('does not meet the standard with one question rated 2 among 4s', () => {
		const result = scoreKeyFactor(kf('a', rated(4), rated(4), rated(2), rated(4)));
		expect(result.score).toBe(87.5);
		expect(result.meetsStandard).toBe(false);
		expect(result.belowInPlace).toEqual(['a.3']);
	});

	it('meets the standard with every rated question In place or better', () => {
		expect(scoreKeyFactor(kf('a', rated(3), rated(3))).meetsStandard).toBe(true);
		// Only rated questions are judged: Don't know, Not applicable and unanswered do not count.
		expect(scoreKeyFactor(kf('a', rated(3), DK, NA, null)).meetsStandard).toBe(true);
	});

	it('refuses a rating off the scale', () => {
		const bad = { id: 'a', questions: [{ id: 'q', response: { kind: 'rated', rating: 5 } }] };
		expect(() => scoreKeyFactor(bad as KeyFactorInput)).toThrow(RangeError);
	});
});

describe('roundScore', () => {
	it('rounds a half up: mean 2.5 → 62.5 → 63', () => {
		const score = scoreKeyFactor(kf('a', rated(4), rated(1))).score;
		expect(score).toBe(62.5);
		expect(roundScore(score)).toBe(63);
	});

	it('rounds to the nearest whole percentage otherwise', () => {
		expect(roundScore(0)).toBe(0);
		expect(roundScore(100)).toBe(100);
		expect(roundScore(12.5)).toBe(13);
		expect(roundScore(62.49)).toBe(62);
		expect(roundScore(200 / 3)).toBe(67); // 66.67
		expect(roundScore(100 / 3)).toBe(33); // 33.33
	});

	it('rounds up a half that floating point holds just below it', () => {
		expect(roundScore(62.49999999999999)).toBe(63);
	});

	it('keeps null for no score', () => {
		expect(roundScore(null)).toBeNull();
	});
});

describe('scoreBenchmark', () => {
	it('takes the mean of the key factors that have a score, ignoring the others', () => {
		const result = scoreBenchmark([
			kf('a', rated(4), rated(4)), // 100
			kf('b', NA, NA), // no score
			kf('c', rated(2), rated(2)), // 50
			{ id: 'd', questions: [] } // no score
		]);
		expect(result.keyFactors.map((k) => k.score)).toEqual([100, null, 50, null]);
		expect(result.score).toBe(75); // not (100 + 0 + 50 + 0) ÷ 4
	});

	it('has no score when no key factor has one', () => {
		expect(scoreBenchmark([kf('a', null), kf('b', DK)]).score).toBeNull();
		expect(scoreBenchmark([]).score).toBeNull();
	});

	it('counts k of n with n = every key factor, and those that could be judged', () => {
		const result = scoreBenchmark([
			kf('a', rated(3), rated(4)), // meets
			kf('b', rated(4), rated(1)), // does not meet
			kf('c', rated(4), DK), // meets
			kf('d', NA), // cannot be judged
			kf('e', null, null) // cannot be judged
		]);
		expect(result.meeting).toBe(2);
		expect(result.judged).toBe(3);
		expect(result.total).toBe(5);
		expect(result.keyFactors.filter((k) => k.meetsStandard === null).map((k) => k.id)).toEqual([
			'd',
			'e'
		]);
	});

	it('lists the questions below In place in key factor and question order', () => {
		const result = scoreBenchmark([
			kf('a', rated(2), rated(4), rated(0)),
			kf('b', NA, rated(3)),
			kf('c', rated(1), DK, rated(2))
		]);
		expect(result.belowInPlace).toEqual(['a.1', 'a.3', 'c.1', 'c.3']);
	});

	it('gives 0 of 0 for a benchmark without key factors', () => {
		const result = scoreBenchmark([]);
		expect([result.meeting, result.judged, result.total]).toEqual([0, 0, 0]);
		expect(result.belowInPlace).toEqual([]);
	});
});

describe('spread', () => {
	it('gives the lowest, the highest and the range', () => {
		expect(spread([2, 4, 1, 3])).toEqual({ min: 1, max: 4, range: 3 });
		expect(spread([3])).toEqual({ min: 3, max: 3, range: 0 });
	});

	it('is null without ratings', () => {
		expect(spread([])).toBeNull();
	});
});

describe('groupsDiffer', () => {
	it('flags a difference of two levels or more, not 1.9', () => {
		expect(groupsDiffer([1, 2.9])).toBe(false);
		expect(groupsDiffer([1, 3])).toBe(true);
		expect(groupsDiffer([0, 4])).toBe(true);
		expect(groupsDiffer([3, 1.5, 2])).toBe(false);
	});

	it('compares every pair of groups, in any order', () => {
		expect(groupsDiffer([2, 3.5, 1.5])).toBe(true); // 3.5 − 1.5
		expect(groupsDiffer([4, 2.1, 3])).toBe(false); // 1.9
	});

	it('is not fooled by floating point at exactly two levels', () => {
		// Means of three ratings: (4 + 4 + 3) ÷ 3 and (2 + 2 + 1) ÷ 3, exactly two levels apart.
		expect(11 / 3 - 5 / 3).toBeLessThan(2); // why the tolerance is there
		expect(groupsDiffer([11 / 3, 5 / 3])).toBe(true);
		expect(groupsDiffer([2.3, 0.3])).toBe(true);
	});

	it('leaves out groups without a mean and needs two groups', () => {
		expect(groupsDiffer([1, null, 3])).toBe(true);
		expect(groupsDiffer([1, null])).toBe(false);
		expect(groupsDiffer([4])).toBe(false);
		expect(groupsDiffer([])).toBe(false);
	});
});

describe('median and quartiles (linear interpolation)', () => {
	it('of one value', () => {
		expect(quartiles([42])).toEqual({ count: 1, min: 42, q1: 42, median: 42, q3: 42, max: 42 });
		expect(median([42])).toBe(42);
	});

	it('of two values', () => {
		expect(quartiles([80, 40])).toEqual({ count: 2, min: 40, q1: 50, median: 60, q3: 70, max: 80 });
		expect(median([80, 40])).toBe(60);
	});

	it('of four values', () => {
		expect(quartiles([4, 1, 3, 2])).toEqual({
			count: 4,
			min: 1,
			q1: 1.75,
			median: 2.5,
			q3: 3.25,
			max: 4
		});
	});

	it('of five values', () => {
		expect(quartiles([50, 10, 40, 20, 30])).toEqual({
			count: 5,
			min: 10,
			q1: 20,
			median: 30,
			q3: 40,
			max: 50
		});
		expect(median([50, 10, 40, 20, 30])).toBe(30);
	});

	it('is null for no values and does not reorder its input', () => {
		expect(quartiles([])).toBeNull();
		expect(median([])).toBeNull();
		const values = [3, 1, 2];
		quartiles(values);
		expect(values).toEqual([3, 1, 2]);
	});

	it('refuses a value that is not a finite number', () => {
		expect(() => quartiles([1, Number.NaN])).toThrow(RangeError);
		expect(() => median([Number.POSITIVE_INFINITY])).toThrow(RangeError);
	});
});
