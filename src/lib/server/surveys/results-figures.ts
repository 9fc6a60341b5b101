// A version's figures from the maintained survey_figure rows and its table by city: pure reading, no access rules, shared by the results, the trend and the export.
import type { Db } from '../db/index.ts';
import { listCommitments } from '../charter/queries.ts';
import {
	allQuestions,
	commitmentAnswers,
	localized,
	type Question,
	type SurveyDefinition
} from './definition.ts';
import * as queries from './results-queries.ts';

/**
 * How each type's figures are read (from survey_figure, which the database keeps). Numbers and
 * table cells: count and sum, with the median and extremes from the answers' index. Choices,
 * scales and commitments: how many gave each answer; a scale's figures follow exactly from
 * those counts (its values are 1…5), so its answers are read once.
 */
const NUMBER_TYPES = new Set(['number', 'table']);
const COUNTED_TYPES = new Set(['single', 'multiple', 'scale', 'commitments']);

/** Count, sum, mean, median, minimum and maximum of a scale from how many gave each point. */
export function scaleFigures(counts: Map<string, number>) {
	const points = [1, 2, 3, 4, 5].map((p) => ({ p, n: counts.get(String(p)) ?? 0 }));
	const count = points.reduce((t, x) => t + x.n, 0);
	if (!count) return { count, sum: null, mean: null, median: null, min: null, max: null };
	const sum = points.reduce((t, x) => t + x.p * x.n, 0);
	/** The k-th smallest value (from 0). */
	const nth = (k: number) => {
		let seen = 0;
		for (const x of points) if ((seen += x.n) > k) return x.p;
		return 5;
	};
	const median = (nth(Math.floor((count - 1) / 2)) + nth(Math.ceil((count - 1) / 2))) / 2;
	const given = points.filter((x) => x.n > 0);
	return { count, sum, mean: sum / count, median, min: given[0]!.p, max: given.at(-1)!.p };
}

/** Splits keys into `parts` lists, so that their figures are read on as many connections at once. */
function split<T>(items: T[], parts: number): T[][] {
	const out: T[][] = Array.from({ length: parts }, () => []);
	items.forEach((x, i) => out[i % parts]!.push(x));
	return out.filter((x) => x.length);
}

export interface NumberFigures {
	cell: string;
	/** The table's row and column labels of the cell (empty for a number or scale). */
	row: string;
	column: string;
	count: number;
	sum: number | null;
	mean: number | null;
	median: number | null;
	min: number | null;
	max: number | null;
}

export interface Share {
	value: string;
	label: string;
	count: number;
	/** count / the responses that answered the question (0…1). */
	share: number;
}

export interface QuestionResult {
	key: string;
	type: Question['type'];
	label: string;
	unit: string;
	/** Submitted responses that answered it. */
	answered: number;
	numbers: NumberFigures[];
	distribution: Share[];
	commitments: { slug: string; label: string; distribution: Share[] }[];
}

export interface SectionResult {
	key: string;
	title: string;
	questions: QuestionResult[];
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export function cellsOf(q: Question, locale: string) {
	if (q.type !== 'table') return [{ cell: '', row: '', column: '' }];
	return (q.rows ?? []).flatMap((r) =>
		(q.columns ?? []).map((c) => ({
			cell: `${r.key}/${c.key}`,
			row: localized(r.label, locale),
			column: localized(c.label, locale)
		}))
	);
}

/** Every question's figures for the campaign, in the definition's order. */
export async function figures(
	d: Db,
	campaignId: string,
	definition: SurveyDefinition,
	locale: string
): Promise<SectionResult[]> {
	const questions = allQuestions(definition);
	const keysOf = (f: (q: Question) => boolean) => questions.filter(f).map((q) => q.key);
	const numberKeys = keysOf((q) => NUMBER_TYPES.has(q.type));
	const countedKeys = keysOf((q) => COUNTED_TYPES.has(q.type));
	const hasCommitments = questions.some((q) => q.type === 'commitments');
	// The numbers in two lists: PostgreSQL reads their medians on two connections at once.
	const [numberRows, counts, answered, commitments] = await Promise.all([
		Promise.all(split(numberKeys, 2).map((k) => queries.numberFigures(d, campaignId, k))),
		queries.valueCounts(d, campaignId, countedKeys),
		queries.answeredCounts(
			d,
			campaignId,
			questions.map((q) => q.key)
		),
		hasCommitments ? listCommitments(d) : Promise.resolve([])
	]);
	const numbers = numberRows.flat();
	const numberOf = new Map(numbers.map((r) => [`${r.question_key}\u0000${r.cell}`, r]));
	const countsOf = new Map<string, Map<string, number>>();
	for (const r of counts) {
		const k = `${r.question_key}\u0000${r.cell}`;
		if (!countsOf.has(k)) countsOf.set(k, new Map());
		const value = r.text ?? (r.number === null ? '' : String(Number(r.number)));
		countsOf.get(k)!.set(value, (countsOf.get(k)!.get(value) ?? 0) + Number(r.count));
	}
	const answeredOf = new Map<string, number>(
		answered.map((r) => [r.question_key, Number(r.count)])
	);
	const commitmentText = new Map(commitments.map((c) => [c.slug, c.text]));

	const result = (q: Question): QuestionResult => {
		const total = answeredOf.get(q.key) ?? 0;
		const share = (value: string, label: string, count: number): Share => ({
			value,
			label,
			count,
			share: total ? count / total : 0
		});
		const at = (cell: string) => countsOf.get(`${q.key}\u0000${cell}`) ?? new Map<string, number>();
		let distribution: Share[] = [];
		if (q.type === 'single')
			distribution = (q.options ?? []).map((o) =>
				share(o.key, localized(o.label, locale), at('').get(o.key) ?? 0)
			);
		else if (q.type === 'scale')
			distribution = ['1', '2', '3', '4', '5'].map((p) => share(p, p, at('').get(p) ?? 0));
		else if (q.type === 'multiple')
			distribution = (q.options ?? []).map((o) =>
				share(o.key, localized(o.label, locale), at(o.key).get('1') ?? 0)
			);
		const perCommitment =
			q.type === 'commitments'
				? (
						q.commitments ?? [
							...new Set(counts.filter((r) => r.question_key === q.key).map((r) => r.cell))
						]
					).map((slug) => ({
						slug,
						label: commitmentText.get(slug) ?? slug,
						distribution: commitmentAnswers.map((a) => share(a, a, at(slug).get(a) ?? 0))
					}))
				: [];
		return {
			key: q.key,
			type: q.type,
			label: localized(q.label, locale),
			unit: localized(q.unit, locale),
			answered: total,
			numbers:
				q.type === 'scale'
					? [{ cell: '', row: '', column: '', ...scaleFigures(at('')) }]
					: NUMBER_TYPES.has(q.type)
						? cellsOf(q, locale).map(({ cell, row, column }) => {
								const f = numberOf.get(`${q.key}\u0000${cell}`);
								return {
									cell,
									row,
									column,
									count: f ? Number(f.count) : 0,
									sum: num(f?.sum),
									mean: f ? Number(f.sum) / Number(f.count) : null,
									median: num(f?.median),
									min: num(f?.min),
									max: num(f?.max)
								};
							})
						: [],
			distribution,
			commitments: perCommitment
		};
	};
	return definition.sections.map((s) => ({
		key: s.key,
		title: localized(s.title, locale),
		questions: s.questions.map(result)
	}));
}

export interface CityColumn {
	key: string;
	/** The cell of a table or the commitment; null for a question held in one value. */
	cell: string | null;
	type: Question['type'];
	label: string;
}

/** The columns of the table by city: one per question, one per cell of a table or a commitment. */
export function byCityColumns(definition: SurveyDefinition, locale: string): CityColumn[] {
	return allQuestions(definition).flatMap((q): CityColumn[] => {
		const label = localized(q.label, locale);
		if (q.type === 'table')
			return cellsOf(q, locale).map((c) => ({
				key: q.key,
				cell: c.cell,
				type: q.type,
				label: `${label}: ${c.row} – ${c.column}`
			}));
		if (q.type === 'commitments')
			return (q.commitments ?? []).map((slug) => ({
				key: q.key,
				cell: slug,
				type: q.type,
				label: q.commitments?.length === 1 ? label : `${label}: ${slug}`
			}));
		return [{ key: q.key, cell: null as string | null, type: q.type, label }];
	});
}

export type CityValue = string | number | null;

/**
 * One response's answers as the table by city shows them, one value per column: a number, a
 * text (an option's label, yes/partly/no, a date), several options joined, or null when
 * unknown (never 0).
 */
export function cityValues(
	columns: CityColumn[],
	definition: SurveyDefinition,
	answers: { questionKey: string; cell: string; number: number | null; text: string | null }[],
	locale: string
): CityValue[] {
	const questions = new Map(allQuestions(definition).map((q) => [q.key, q]));
	const of = new Map<string, typeof answers>();
	for (const a of answers) {
		if (!of.has(a.questionKey)) of.set(a.questionKey, []);
		of.get(a.questionKey)!.push(a);
	}
	return columns.map((col) => {
		const q = questions.get(col.key)!;
		const rows = of.get(col.key) ?? [];
		if (col.cell !== null) {
			const a = rows.find((r) => r.cell === col.cell);
			return a ? (a.number ?? a.text) : null;
		}
		if (!rows.length) return null;
		const optionLabel = (key: string) =>
			localized(q.options?.find((o) => o.key === key)?.label, locale) || key;
		if (q.type === 'multiple') {
			const chosen = new Set(rows.map((r) => r.cell));
			return (q.options ?? [])
				.filter((o) => chosen.has(o.key))
				.map((o) => optionLabel(o.key))
				.join('; ');
		}
		const a = rows[0]!;
		if (q.type === 'single') return a.text === null ? null : optionLabel(a.text);
		return a.number ?? a.text;
	});
}
