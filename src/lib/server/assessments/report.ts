// The report of an assessment: how near the city is to the standard, what more to do, its
// context, the change since its previous cycle, and inspiration from other cities.
import { toCsvText } from '../csv.ts';
import { db } from '../db/index.ts';
import type { Actor } from '../access/index.ts';
import * as cityQueries from '../cities/queries.ts';
import * as service from './service.ts';
import { inspirationFor } from './inspiration.ts';
import {
	responseFrom,
	roundScore,
	scoreBenchmark,
	type BenchmarkResult,
	type KeyFactorInput
} from './scoring.ts';

function inputsOf(view: service.AssessmentView): KeyFactorInput[] {
	return view.keyFactors.map((k) => ({
		id: k.id,
		questions: k.answers.map((a) => ({
			id: a.questionId,
			response: responseFrom(a.kind, a.rating)
		}))
	}));
}

/** How many key factors to draw inspiration for: the weakest ones. */
const WEAKEST = 3;

export async function report(actor: Actor | null, id: string) {
	const view = await service.get(actor, id);
	const result: BenchmarkResult = scoreBenchmark(inputsOf(view));
	const previous = view.previousId ? await previousScores(actor, view.previousId) : null;
	const d = await db();
	const city = await cityQueries.findCityById(d, view.cityId);

	const keyFactors = view.keyFactors.map((k, i) => {
		const r = result.keyFactors[i]!;
		const before = previous?.keyFactors.find((p) => p.slug === k.slug)?.score ?? null;
		const now = roundScore(r.score);
		const questionText = (qid: string) => k.guideQuestions.find((q) => q.id === qid)!.text;
		return {
			number: k.number,
			slug: k.slug,
			title: k.title,
			score: now,
			meetsStandard: r.meetsStandard,
			rated: r.rated,
			questions: k.guideQuestions.length,
			change: now !== null && before !== null ? now - before : null,
			belowInPlace: r.belowInPlace.map((qid) => {
				const a = k.answers.find((x) => x.questionId === qid)!;
				return {
					id: qid,
					text: questionText(qid),
					rating: a.rating!,
					evidence: a.evidence,
					links: a.links
				};
			}),
			answers: k.guideQuestions.map((q) => {
				const a = k.answers.find((x) => x.questionId === q.id)!;
				return {
					question: q.text,
					kind: a.kind,
					rating: a.rating,
					evidence: a.evidence,
					links: a.links
				};
			}),
			dontKnow: r.dontKnow.map(questionText),
			notApplicable: r.notApplicable.map(questionText),
			unanswered: r.unanswered.map(questionText)
		};
	});

	// The weakest key factors with a score, lowest first, and suggestions from other cities
	// for them (inspiration.ts).
	const weakest = [...keyFactors]
		.filter((k) => k.score !== null && !k.meetsStandard)
		.sort((a, b) => a.score! - b.score! || a.number - b.number)
		.slice(0, WEAKEST)
		.map((k) => ({
			number: k.number,
			slug: k.slug,
			title: k.title,
			examples: view.keyFactors.find((x) => x.slug === k.slug)!.examples
		}));
	const inspiration = city ? await inspirationFor(actor, city, view.benchmark, weakest) : [];

	return {
		assessment: {
			id: view.id,
			cycle: view.cycle,
			status: view.status,
			visibility: view.visibility,
			submittedAt: view.submittedAt,
			updatedAt: view.updatedAt,
			isDemo: view.isDemo,
			canManage: view.canManage
		},
		city: city ? { id: city.id, slug: city.slug, name: city.name, country: city.country } : null,
		benchmark: {
			slug: view.benchmark.slug,
			title: view.benchmark.title,
			version: view.benchmark.version,
			language: view.benchmark.language,
			standard: view.benchmark.standard
		},
		summary: {
			score: roundScore(result.score),
			meeting: result.meeting,
			judged: result.judged,
			total: result.total,
			belowInPlace: result.belowInPlace.length,
			previousCycle: previous?.cycle ?? null,
			previousScore: previous?.score ?? null
		},
		keyFactors,
		contextFactors: view.contextNotes.map((c) => ({
			title: c.title,
			limit: c.limit,
			why: c.why
		})),
		inspiration
	};
}

export type Report = Awaited<ReturnType<typeof report>>;

/** The previous cycle's scores, when this actor may read it. */
async function previousScores(actor: Actor | null, previousId: string) {
	try {
		const view = await service.get(actor, previousId);
		const result = scoreBenchmark(inputsOf(view));
		return {
			cycle: view.cycle,
			score: roundScore(result.score),
			keyFactors: view.keyFactors.map((k, i) => ({
				slug: k.slug,
				score: roundScore(result.keyFactors[i]!.score)
			}))
		};
	} catch {
		// Not readable by this reader (e.g. a public report whose previous cycle is private).
		return null;
	}
}

/** The report as CSV: one row per guide question, for spreadsheets. */
export function toCsv(r: Report): string {
	const rows: string[][] = [
		[
			'key_factor_number',
			'key_factor',
			'key_factor_score',
			'meets_standard',
			'question',
			'answer',
			'rating',
			'evidence',
			'links'
		]
	];
	for (const k of r.keyFactors) {
		for (const a of k.answers) {
			rows.push([
				String(k.number),
				k.title,
				k.score === null ? '' : String(k.score),
				k.meetsStandard === null ? '' : k.meetsStandard ? 'yes' : 'no',
				a.question,
				a.kind ?? 'unanswered',
				a.rating === null ? '' : String(a.rating),
				a.evidence,
				a.links.join(' ')
			]);
		}
	}
	return toCsvText(rows);
}

export { csvCell } from '../csv.ts';
