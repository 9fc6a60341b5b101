import type { PageServerLoad } from './$types';
import {
	GROUP_DIFFERENCE,
	IN_PLACE,
	MAX_RATING,
	ratings,
	roundScore,
	scoreBenchmark,
	scoreKeyFactor,
	type KeyFactorInput,
	type Rating,
	type Response
} from '#lib/server/assessments/scoring.ts';

// The worked example. Its figures come from the scoring module itself, so the page cannot
// disagree with the scores the platform shows.
const rated = (...values: Rating[]): Response[] =>
	values.map((rating) => ({ kind: 'rated', rating }));
const questions = (...responses: Response[]) =>
	responses.map((response, i) => ({ id: String(i + 1), response }));

/** One key factor, worked through step by step. */
const KEY_FACTOR: KeyFactorInput = { id: '1', questions: questions(...rated(4, 4, 3, 2)) };
/** The benchmark: that key factor and two more, one of which cannot be scored or judged. */
const BENCHMARK: KeyFactorInput[] = [
	KEY_FACTOR,
	{ id: '2', questions: questions(...rated(3, 4)) },
	{ id: '3', questions: questions({ kind: 'not_applicable' }, { kind: 'not_applicable' }) }
];
/** A score that is exactly a half, to show how it is rounded. */
const HALF = 62.5;

/** How an answer shows in the example: a rating, or which other answer it is. */
type Answer = Rating | 'dont_know' | 'not_applicable' | 'unanswered';
const answerOf = (response: Response): Answer =>
	response === null ? 'unanswered' : response.kind === 'rated' ? response.rating : response.kind;

const ratingsOf = (kf: KeyFactorInput): Rating[] =>
	kf.questions.flatMap(({ response }) => (response?.kind === 'rated' ? [response.rating] : []));

export const load: PageServerLoad = () => {
	const one = scoreKeyFactor(KEY_FACTOR);
	const oneRatings = ratingsOf(KEY_FACTOR);
	const sum = oneRatings.reduce<number>((a, b) => a + b, 0);
	const all = scoreBenchmark(BENCHMARK);
	const answers = new Map(
		BENCHMARK.map((kf) => [kf.id, kf.questions.map(({ response }) => answerOf(response))])
	);
	return {
		scale: [...ratings],
		inPlace: IN_PLACE,
		max: MAX_RATING,
		groupDifference: GROUP_DIFFERENCE,
		rounding: { score: HALF, rounded: roundScore(HALF) },
		keyFactor: {
			questions: KEY_FACTOR.questions.map(({ id, response }) => ({
				id,
				answer: answerOf(response)
			})),
			ratings: oneRatings,
			sum,
			rated: one.rated,
			mean: one.rated ? sum / one.rated : null,
			score: one.score,
			rounded: roundScore(one.score),
			meetsStandard: one.meetsStandard,
			belowInPlace: one.belowInPlace
		},
		benchmark: {
			keyFactors: all.keyFactors.map((kf) => ({
				id: kf.id,
				answers: answers.get(kf.id) ?? [],
				score: kf.score,
				rounded: roundScore(kf.score),
				meetsStandard: kf.meetsStandard
			})),
			scores: all.keyFactors.flatMap((kf) => (kf.score === null ? [] : [kf.score])),
			unscored: all.keyFactors.filter((kf) => kf.score === null).map((kf) => kf.id),
			notJudged: all.keyFactors.filter((kf) => kf.meetsStandard === null).map((kf) => kf.id),
			score: all.score,
			rounded: roundScore(all.score),
			meeting: all.meeting,
			judged: all.judged,
			total: all.total,
			belowInPlace: all.keyFactors.flatMap((kf) =>
				kf.belowInPlace.map((question) => ({ keyFactor: kf.id, question }))
			)
		}
	};
};
