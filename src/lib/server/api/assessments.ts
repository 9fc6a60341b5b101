// Cities' self-assessments as the API gives them: a city's list, one assessment with its
// answers, its report. Fields are listed one by one, so nothing internal leaves: no user ids
// (who created, submitted or last saved), no row ids of questions, answers or context factors
// (a question is named by its position within its key factor, as GET /benchmarks/{slug} does),
// no answer revisions, nothing that depends on who asks (canManage, canAnswer).
import type { Actor } from '../access/index.ts';
import type * as assessments from '../assessments/service.ts';
import type { Report } from '../assessments/report.ts';
import { IN_PLACE } from '../assessments/scoring.ts';
import type { Visibility } from './http.ts';

type Summaries = Awaited<ReturnType<typeof assessments.listOfCity>>;
type View = assessments.AssessmentView;
type AnswerKind = 'rated' | 'dont_know' | 'not_applicable';

interface Stored {
	kind: AnswerKind | null;
	rating: number | null;
	evidence: string;
	links: string[];
}

function toAnswer(position: number, question: string, a: Stored) {
	return {
		position,
		question,
		kind: a.kind,
		rating: a.rating,
		evidence: a.evidence,
		links: [...a.links]
	};
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Published: readable by everyone, so the same answer for everyone (see canReadAssessment). */
export function isPublished(a: { visibility: string; status: string }) {
	return a.visibility === 'public' && a.status === 'submitted';
}

export function toAssessmentList(cityId: string, rows: Summaries) {
	return {
		cityId,
		assessments: rows.map((a) => ({
			id: a.id,
			benchmark: { slug: a.benchmarkSlug, version: a.benchmarkVersion, title: a.benchmarkTitle },
			cycle: a.cycle,
			status: a.status,
			visibility: a.visibility,
			isDemo: a.isDemo,
			submittedAt: iso(a.submittedAt),
			updatedAt: iso(a.updatedAt)!
		}))
	};
}

export function toAssessment(v: View) {
	return {
		id: v.id,
		cityId: v.cityId,
		benchmark: { slug: v.benchmark.slug, version: v.benchmark.version, title: v.benchmark.title },
		cycle: v.cycle,
		status: v.status,
		visibility: v.visibility,
		isDemo: v.isDemo,
		submittedAt: iso(v.submittedAt),
		updatedAt: iso(v.updatedAt)!,
		keyFactors: v.keyFactors.map((k) => {
			const questions = new Map(k.guideQuestions.map((q) => [q.id, q]));
			return {
				number: k.number,
				slug: k.slug,
				title: k.title,
				answers: k.answers.map((a) => {
					const q = questions.get(a.questionId)!;
					return toAnswer(q.position, q.text, a);
				})
			};
		}),
		contextNotes: v.contextNotes.map((c) => ({
			slug: c.slug,
			title: c.title,
			limit: c.limit,
			why: c.why
		}))
	};
}

export type AssessmentBody = ReturnType<typeof toAssessment>;

/** Public cache headers only for a published assessment, whose view is the same for all. */
export function assessmentVisibility(body: AssessmentBody): Visibility {
	return isPublished(body) ? 'public' : 'private';
}

type ApiAnswer = ReturnType<typeof toAnswer>;

/** The positions of the answers that `keep`, in order. */
function positions(answers: ApiAnswer[], keep: (a: ApiAnswer) => boolean) {
	return answers.filter(keep).map((a) => a.position);
}

export function toReport(r: Report) {
	if (!r.city) throw new Error(`The report of assessment ${r.assessment.id} has no city`);
	return {
		assessment: {
			id: r.assessment.id,
			cycle: r.assessment.cycle,
			status: r.assessment.status,
			visibility: r.assessment.visibility,
			isDemo: r.assessment.isDemo,
			submittedAt: iso(r.assessment.submittedAt),
			updatedAt: iso(r.assessment.updatedAt)!
		},
		city: { id: r.city.id, slug: r.city.slug, name: r.city.name, country: r.city.country },
		benchmark: {
			slug: r.benchmark.slug,
			version: r.benchmark.version,
			title: r.benchmark.title,
			language: r.benchmark.language,
			standard: r.benchmark.standard
		},
		summary: {
			score: r.summary.score,
			meeting: r.summary.meeting,
			judged: r.summary.judged,
			total: r.summary.total,
			belowInPlace: r.summary.belowInPlace,
			previousCycle: r.summary.previousCycle,
			previousScore: r.summary.previousScore
		},
		keyFactors: r.keyFactors.map((k) => {
			// report.ts lists a key factor's answers in the order of its guide questions, whose
			// positions are 1…n (the tests check them against GET /assessments/{id}).
			const answers = k.answers.map((a, i) => toAnswer(i + 1, a.question, a));
			return {
				number: k.number,
				slug: k.slug,
				title: k.title,
				score: k.score,
				meetsStandard: k.meetsStandard,
				rated: k.rated,
				questions: k.questions,
				change: k.change,
				answers,
				// The report's lists, as positions of the answers above (scoring.ts sorts them so).
				belowInPlace: positions(
					answers,
					(a) => a.kind === 'rated' && a.rating !== null && a.rating < IN_PLACE
				),
				dontKnow: positions(answers, (a) => a.kind === 'dont_know'),
				notApplicable: positions(answers, (a) => a.kind === 'not_applicable'),
				unanswered: positions(answers, (a) => a.kind === null)
			};
		}),
		contextFactors: r.contextFactors.map((c) => ({ title: c.title, limit: c.limit, why: c.why })),
		inspiration: r.inspiration.map((i) => ({
			number: i.number,
			slug: i.slug,
			title: i.title,
			suggestions: i.suggestions.map((s) => ({
				kind: s.kind,
				title: s.title,
				text: s.text,
				href: s.href,
				language: s.language,
				cities: s.cities.map((c) => ({ slug: c.slug, name: c.name, country: c.country })),
				likeness: {
					score: s.likeness.score,
					country: s.likeness.country,
					population: s.likeness.population,
					migrantShare: s.likeness.migrantShare
				}
			}))
		}))
	};
}

export type ReportBody = ReturnType<typeof toReport>;

/**
 * Public cache headers only for a published report that is the same for everyone: the
 * change since the previous cycle is shown to those who may read that cycle, so a reader
 * who signed in and sees a previous cycle gets a private answer.
 */
export function reportVisibility(actor: Actor | null) {
	return (body: ReportBody): Visibility =>
		isPublished(body.assessment) && (actor === null || body.summary.previousCycle === null)
			? 'public'
			: 'private';
}
