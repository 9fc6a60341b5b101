/**
 * How a city's answers to a benchmark become scores: pure functions, no database.
 * The public page /method explains this module in plain words and computes its worked
 * example with it, so keep the two in step.
 *
 * The scale, shared by the whole app: a guide question is rated 0–4, or answered
 * "Don't know" or "Not applicable" (both left out of scores and listed in the report), or is
 * still unanswered. The words for each level live in the messages (`scale_*`), not here.
 */

/** 0 Not in place · 1 Planned or starting · 2 Partly in place · 3 In place · 4 In place and evaluated */
export const ratings = [0, 1, 2, 3, 4] as const;
export type Rating = (typeof ratings)[number];

/** The lowest rating that reaches the standard. */
export const IN_PLACE: Rating = 3;
/** The highest rating: a score is the mean rating as a share of it. */
export const MAX_RATING: Rating = 4;
/** Two respondent groups whose mean ratings differ by this many levels or more are flagged. */
export const GROUP_DIFFERENCE = 2;

/** An answer; `null` is a question not answered yet. */
export type Response =
	{ kind: 'rated'; rating: Rating } | { kind: 'dont_know' } | { kind: 'not_applicable' } | null;

export interface QuestionInput {
	id: string;
	response: Response;
}

export interface KeyFactorInput {
	id: string;
	questions: QuestionInput[];
}

export interface KeyFactorResult {
	id: string;
	/** 0–100, unrounded; null when no question is rated. */
	score: number | null;
	/** How many questions are rated 0–4. */
	rated: number;
	/** Question ids, in the order given. */
	dontKnow: string[];
	notApplicable: string[];
	unanswered: string[];
	/** Question ids rated 0–2, in the order given. */
	belowInPlace: string[];
	/** Every rated question is In place or better; null when none is rated (cannot be judged). */
	meetsStandard: boolean | null;
}

export interface BenchmarkResult {
	/** Mean of the key factors' scores, 0–100, unrounded; key factors without one are left out. */
	score: number | null;
	keyFactors: KeyFactorResult[];
	/** Key factors that meet the standard: the k of "k of n". */
	meeting: number;
	/** Key factors with at least one rated question, so that they could be judged. */
	judged: number;
	/** All the key factors of the benchmark: the n of "k of n". */
	total: number;
	/** Question ids rated 0–2, key factor by key factor, in the order given. */
	belowInPlace: string[];
}

export function isRating(value: unknown): value is Rating {
	return typeof value === 'number' && (ratings as readonly number[]).includes(value);
}

/**
 * The answer of a stored row (`answer.kind`, `answer.rating`). A row without a kind is
 * unanswered; a rated row without a valid rating is an error in the data, not a silent 0.
 */
export function responseFrom(
	kind: 'rated' | 'dont_know' | 'not_applicable' | null,
	rating: number | null
): Response {
	if (kind === null) return null;
	if (kind !== 'rated') return { kind };
	if (!isRating(rating)) throw new RangeError(`Not a rating on the 0–4 scale: ${rating}`);
	return { kind: 'rated', rating };
}

/** A mean rating (0–4) as a percentage (0–100). */
function toPercent(sum: number, count: number): number {
	// sum × 25 ÷ count rather than (sum ÷ count) ÷ 4 × 100: one division, so that a score
	// that is exactly a half (62.5) stays exactly a half and rounds as people expect.
	return (sum * (100 / MAX_RATING)) / count;
}

export function scoreKeyFactor(kf: KeyFactorInput): KeyFactorResult {
	const result: KeyFactorResult = {
		id: kf.id,
		score: null,
		rated: 0,
		dontKnow: [],
		notApplicable: [],
		unanswered: [],
		belowInPlace: [],
		meetsStandard: null
	};
	let sum = 0;
	for (const { id, response } of kf.questions) {
		if (response === null) {
			result.unanswered.push(id);
		} else if (response.kind === 'dont_know') {
			result.dontKnow.push(id);
		} else if (response.kind === 'not_applicable') {
			result.notApplicable.push(id);
		} else {
			if (!isRating(response.rating)) {
				throw new RangeError(`Question ${id}: not a rating on the 0–4 scale`);
			}
			result.rated += 1;
			sum += response.rating;
			if (response.rating < IN_PLACE) result.belowInPlace.push(id);
		}
	}
	if (result.rated > 0) {
		result.score = toPercent(sum, result.rated);
		result.meetsStandard = result.belowInPlace.length === 0;
	}
	return result;
}

/**
 * "How near" a city is: the score, k of n key factors meeting the standard, and the
 * questions still below In place. n is every key factor of the benchmark (`total`): one that
 * could not be judged (nothing rated) counts in n but not in k, and shows as
 * `total - judged`, so a city cannot look nearer by leaving questions unanswered.
 */
export function scoreBenchmark(kfs: KeyFactorInput[]): BenchmarkResult {
	const keyFactors = kfs.map(scoreKeyFactor);
	const scores = keyFactors.flatMap((kf) => (kf.score === null ? [] : [kf.score]));
	return {
		score: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
		keyFactors,
		meeting: keyFactors.filter((kf) => kf.meetsStandard === true).length,
		judged: keyFactors.filter((kf) => kf.meetsStandard !== null).length,
		total: keyFactors.length,
		belowInPlace: keyFactors.flatMap((kf) => kf.belowInPlace)
	};
}

/**
 * A score as a whole percentage, a half rounded up (62.5 → 63). The score is first cut to
 * six decimals, so that a half that floating point holds as 62.4999999999 still rounds up.
 * Display (the "%" sign, the reader's digits) is left to the UI.
 */
export function roundScore(score: number | null): number | null {
	if (score === null) return null;
	return Math.floor(Number(score.toFixed(6)) + 0.5);
}

/** The lowest and highest of some ratings (e.g. one group's), and how far apart they are. */
export function spread(values: Rating[]): { min: Rating; max: Rating; range: number } | null {
	if (values.length === 0) return null;
	const min = Math.min(...values) as Rating;
	const max = Math.max(...values) as Rating;
	return { min, max, range: max - min };
}

/**
 * Whether respondent groups see a question very differently: true when the mean ratings of
 * two of them differ by GROUP_DIFFERENCE (2) levels or more. Groups without a mean (null: no
 * rating from them) are left out; with fewer than two means there is nothing to compare.
 */
export function groupsDiffer(groupMeans: (number | null)[]): boolean {
	const means = groupMeans.filter((mean): mean is number => mean !== null);
	if (means.length < 2) return false;
	// A small tolerance: means such as 11/3 and 5/3 differ by 1.9999999999999998 in floating point.
	return Math.max(...means) - Math.min(...means) >= GROUP_DIFFERENCE - 1e-9;
}

function sortedFinite(values: number[]): number[] {
	for (const value of values) {
		if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
	}
	return [...values].sort((a, b) => a - b);
}

/**
 * The value at proportion p (0–1) of sorted values, by linear interpolation between the two
 * nearest ranks: position h = (count − 1) × p, counted from 0; the value is
 * x[⌊h⌋] + (h − ⌊h⌋) × (x[⌊h⌋ + 1] − x[⌊h⌋]). This is Hyndman and Fan's type 7, the default
 * of R, NumPy and spreadsheets' QUARTILE.INC, so that figures can be checked there.
 */
function quantileOfSorted(sorted: number[], p: number): number {
	const h = (sorted.length - 1) * p;
	const lower = Math.floor(h);
	const below = valueAt(sorted, lower);
	return below + (h - lower) * (valueAt(sorted, Math.min(lower + 1, sorted.length - 1)) - below);
}

function valueAt(values: number[], index: number): number {
	const value = values[index];
	if (value === undefined) throw new RangeError(`No value at ${index} of ${values.length}`);
	return value;
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: number[]): number | null {
	const sorted = sortedFinite(values);
	return sorted.length ? quantileOfSorted(sorted, 0.5) : null;
}

export interface Quartiles {
	count: number;
	min: number;
	q1: number;
	median: number;
	q3: number;
	max: number;
}

/**
 * The five-number summary of a distribution (e.g. the network's scores for a key factor),
 * quartiles by linear interpolation (see quantileOfSorted); null for no values.
 */
export function quartiles(values: number[]): Quartiles | null {
	const sorted = sortedFinite(values);
	if (sorted.length === 0) return null;
	return {
		count: sorted.length,
		min: valueAt(sorted, 0),
		q1: quantileOfSorted(sorted, 0.25),
		median: quantileOfSorted(sorted, 0.5),
		q3: quantileOfSorted(sorted, 0.75),
		max: valueAt(sorted, sorted.length - 1)
	};
}
