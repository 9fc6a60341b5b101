// Demo assessments for a laptop (DEMO=1), from content/demo-assessments.json: Lublin's and
// Tampere's as the source documents describe them, and generated ones for other cities so
// that the network's distributions have data. All are marked demo. Idempotent: an assessment
// whose city, benchmark and cycle already exist is left alone, so a restart adds nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import * as v from 'valibot';
import type { Db } from '../db/index.ts';
import * as benchmarkQueries from '../benchmarks/queries.ts';
import * as cityQueries from '../cities/queries.ts';
import * as queries from '../assessments/queries.ts';
import { answer, contextNote } from '../assessments/schema.ts';
import { contentDir } from './files.ts';

const Response = v.union([
	v.picklist([0, 1, 2, 3, 4]),
	v.picklist(['dont_know', 'not_applicable'])
]);
const Visibility = v.picklist(['private', 'network', 'public']);
const Day = v.pipe(v.string(), v.isoDate());

const DemoAssessmentsFile = v.object({
	note: v.string(),
	benchmark: v.string(),
	assessments: v.array(
		v.object({
			city: v.string(),
			cycle: v.string(),
			submittedAt: Day,
			visibility: Visibility,
			source: v.string(),
			/** Per key factor slug, the answers by question position (1, 2, …). */
			answers: v.record(
				v.string(),
				v.array(
					v.object({
						question: v.pipe(v.number(), v.integer(), v.minValue(1)),
						response: Response,
						evidence: v.string()
					})
				)
			),
			contextNotes: v.array(
				v.object({
					factor: v.string(),
					limit: v.nullable(v.picklist(['not_at_all', 'somewhat', 'strongly'])),
					why: v.string()
				})
			)
		})
	),
	generated: v.object({
		seed: v.string(),
		evidence: v.string(),
		cycle: v.string(),
		submittedAt: Day,
		visibility: Visibility,
		cities: v.array(v.string())
	})
});

export type DemoAssessments = v.InferOutput<typeof DemoAssessmentsFile>;
export type DemoResponse = v.InferOutput<typeof Response>;

export function demoAssessments(dir = contentDir()): DemoAssessments {
	const file = join(dir, 'demo-assessments.json');
	return v.parse(DemoAssessmentsFile, JSON.parse(readFileSync(file, 'utf8')));
}

/** FNV-1a: a 32-bit number from a string, to seed the generator. */
function hash(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** Mulberry32: a small seeded generator of numbers in [0, 1), the same on every run. */
export function seededRandom(seed: string): () => number {
	let state = hash(seed);
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * A generated city's responses, key factor by key factor, question by question: a level for
 * the city, an offset for each key factor, a little noise for each question, and now and then
 * "Don't know". The same seed, city and benchmark always give the same responses.
 */
export function generatedResponses(
	seed: string,
	citySlug: string,
	keyFactors: { slug: string; questions: number }[]
): Map<string, DemoResponse[]> {
	const random = seededRandom(`${seed}:${citySlug}`);
	const level = 0.8 + random() * 2.6;
	const result = new Map<string, DemoResponse[]>();
	for (const k of keyFactors) {
		const offset = (random() - 0.5) * 1.6;
		const responses: DemoResponse[] = [];
		for (let i = 0; i < k.questions; i++) {
			if (random() < 0.06) {
				responses.push('dont_know');
				continue;
			}
			const value = Math.round(level + offset + (random() - 0.5) * 1.6);
			responses.push(Math.min(4, Math.max(0, value)) as DemoResponse);
		}
		result.set(k.slug, responses);
	}
	return result;
}

interface Plan {
	city: string;
	cycle: string;
	submittedAt: string;
	visibility: 'private' | 'network' | 'public';
	answers: { keyFactor: string; question: number; response: DemoResponse; evidence: string }[];
	contextNotes: DemoAssessments['assessments'][number]['contextNotes'];
}

function plans(file: DemoAssessments, keyFactors: { slug: string; questions: number }[]): Plan[] {
	const described: Plan[] = file.assessments.map((a) => ({
		city: a.city,
		cycle: a.cycle,
		submittedAt: a.submittedAt,
		visibility: a.visibility,
		answers: Object.entries(a.answers).flatMap(([keyFactor, list]) =>
			list.map((x) => ({ keyFactor, ...x }))
		),
		contextNotes: a.contextNotes
	}));
	const g = file.generated;
	const generated: Plan[] = g.cities.map((city) => ({
		city,
		cycle: g.cycle,
		submittedAt: g.submittedAt,
		visibility: g.visibility,
		answers: [...generatedResponses(g.seed, city, keyFactors)].flatMap(([keyFactor, list]) =>
			list.map((response, i) => ({ keyFactor, question: i + 1, response, evidence: g.evidence }))
		),
		contextNotes: []
	}));
	return [...described, ...generated];
}

export interface DemoAssessmentsReport {
	added: string[];
	/** Answers or context notes the file names that the benchmark does not have. */
	skipped: string[];
}

/** Seeds the demo assessments that are missing; those that exist are never touched. */
export async function seedDemoAssessments(
	d: Db,
	file: DemoAssessments = demoAssessments()
): Promise<DemoAssessmentsReport> {
	return d.transaction(async (tx) => {
		// Processes starting together on one PostgreSQL seed one after the other.
		await tx.execute(sql`select pg_advisory_xact_lock(7262003)`);
		const versions = await benchmarkQueries.listVersionRows(tx, file.benchmark);
		const b = versions.find((x) => x.isCurrent);
		if (!b) throw new Error(`Demo assessments name an unknown benchmark "${file.benchmark}"`);
		const kfs = await benchmarkQueries.listKeyFactors(tx, b.id);
		const questions = await benchmarkQueries.listGuideQuestions(
			tx,
			kfs.map((k) => k.id)
		);
		const questionId = new Map<string, string>();
		for (const k of kfs) {
			for (const q of questions.filter((x) => x.keyFactorId === k.id)) {
				questionId.set(`${k.slug}#${q.position}`, q.id);
			}
		}
		const contextFactorId = new Map(
			(await benchmarkQueries.listContextFactors(tx, b.id)).map((c) => [c.slug, c.id])
		);
		const shape = kfs.map((k) => ({
			slug: k.slug,
			questions: questions.filter((q) => q.keyFactorId === k.id).length
		}));

		const report: DemoAssessmentsReport = { added: [], skipped: [] };
		for (const plan of plans(file, shape)) {
			const city = await cityQueries.findCityBySlug(tx, plan.city);
			if (!city) throw new Error(`Demo assessments name an unknown city "${plan.city}"`);
			if (await queries.findCycle(tx, city.id, b.slug, plan.cycle)) continue;
			const at = new Date(`${plan.submittedAt}T12:00:00Z`);
			const a = await queries.insertAssessment(tx, {
				cityId: city.id,
				benchmarkId: b.id,
				benchmarkSlug: b.slug,
				cycle: plan.cycle,
				status: 'submitted',
				visibility: plan.visibility,
				isDemo: true,
				createdAt: at,
				submittedAt: at
			});
			const rows = plan.answers.flatMap((x) => {
				const id = questionId.get(`${x.keyFactor}#${x.question}`);
				if (!id) {
					report.skipped.push(`${plan.city}: ${x.keyFactor} question ${x.question}`);
					return [];
				}
				const rated = typeof x.response === 'number';
				return [
					{
						assessmentId: a.id,
						guideQuestionId: id,
						respondentId: null,
						kind: rated ? ('rated' as const) : (x.response as 'dont_know' | 'not_applicable'),
						rating: rated ? (x.response as number) : null,
						evidence: x.evidence,
						links: [],
						updatedAt: at
					}
				];
			});
			if (rows.length > 0) await tx.insert(answer).values(rows);
			const notes = plan.contextNotes.flatMap((n) => {
				const id = contextFactorId.get(n.factor);
				if (!id) {
					report.skipped.push(`${plan.city}: context factor ${n.factor}`);
					return [];
				}
				return [{ assessmentId: a.id, contextFactorId: id, limit: n.limit, why: n.why }];
			});
			if (notes.length > 0) await tx.insert(contextNote).values(notes);
			report.added.push(`${plan.city} ${plan.cycle}`);
		}
		return report;
	});
}
