// SQL of assessments, the city's answers and its context notes. Files: attachment-queries.ts;
// respondents: respondent-queries.ts; the network's figures: distribution-queries.ts.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { benchmark } from '../benchmarks/schema.ts';
import { answer, assessment, contextNote } from './schema.ts';

export type Assessment = typeof assessment.$inferSelect;
export type Answer = typeof answer.$inferSelect;
export type ContextNote = typeof contextNote.$inferSelect;

export async function findAssessment(db: Db, id: string) {
	const [row] = await db.select().from(assessment).where(eq(assessment.id, id));
	return row;
}

export function listOfCity(db: Db, cityId: string) {
	return db
		.select({
			id: assessment.id,
			cycle: assessment.cycle,
			status: assessment.status,
			visibility: assessment.visibility,
			benchmarkSlug: assessment.benchmarkSlug,
			benchmarkTitle: benchmark.title,
			benchmarkVersion: benchmark.version,
			updatedAt: assessment.updatedAt,
			submittedAt: assessment.submittedAt,
			isDemo: assessment.isDemo
		})
		.from(assessment)
		.innerJoin(benchmark, eq(benchmark.id, assessment.benchmarkId))
		.where(eq(assessment.cityId, cityId))
		.orderBy(desc(assessment.createdAt));
}

export async function findOpen(db: Db, cityId: string, benchmarkSlug: string) {
	const [row] = await db
		.select()
		.from(assessment)
		.where(
			and(
				eq(assessment.cityId, cityId),
				eq(assessment.benchmarkSlug, benchmarkSlug),
				eq(assessment.status, 'in_progress')
			)
		);
	return row;
}

export async function findCycle(db: Db, cityId: string, benchmarkSlug: string, cycle: string) {
	const [row] = await db
		.select()
		.from(assessment)
		.where(
			and(
				eq(assessment.cityId, cityId),
				eq(assessment.benchmarkSlug, benchmarkSlug),
				eq(assessment.cycle, cycle)
			)
		);
	return row;
}

/** The city's latest submitted assessment of this benchmark, to start the next cycle from. */
export async function findLatestSubmitted(db: Db, cityId: string, benchmarkSlug: string) {
	const [row] = await db
		.select()
		.from(assessment)
		.where(
			and(
				eq(assessment.cityId, cityId),
				eq(assessment.benchmarkSlug, benchmarkSlug),
				eq(assessment.status, 'submitted')
			)
		)
		.orderBy(desc(assessment.submittedAt))
		.limit(1);
	return row;
}

export async function insertAssessment(db: Db, row: typeof assessment.$inferInsert) {
	const [a] = await db.insert(assessment).values(row).returning();
	return a!;
}

export async function updateAssessment(
	db: Db,
	id: string,
	set: Partial<Pick<Assessment, 'status' | 'visibility' | 'submittedAt' | 'submittedBy'>>
) {
	const [a] = await db
		.update(assessment)
		.set({ ...set, updatedAt: new Date() })
		.where(eq(assessment.id, id))
		.returning();
	return a!;
}

export async function touch(db: Db, id: string) {
	await db.update(assessment).set({ updatedAt: new Date() }).where(eq(assessment.id, id));
}

/** The city's own answers (no respondent). */
export function listConsolidated(db: Db, assessmentId: string) {
	return db
		.select()
		.from(answer)
		.where(and(eq(answer.assessmentId, assessmentId), isNull(answer.respondentId)));
}

export function listAllAnswers(db: Db, assessmentId: string) {
	return db.select().from(answer).where(eq(answer.assessmentId, assessmentId));
}

export async function findAnswer(
	db: Db,
	assessmentId: string,
	guideQuestionId: string,
	respondentId: string | null
) {
	const [row] = await db
		.select()
		.from(answer)
		.where(
			and(
				eq(answer.assessmentId, assessmentId),
				eq(answer.guideQuestionId, guideQuestionId),
				respondentId === null ? isNull(answer.respondentId) : eq(answer.respondentId, respondentId)
			)
		);
	return row;
}

export type AnswerValues = Pick<Answer, 'kind' | 'rating' | 'evidence' | 'links' | 'updatedBy'>;

export async function insertAnswer(
	db: Db,
	row: AnswerValues & { assessmentId: string; guideQuestionId: string; respondentId: string | null }
) {
	const [a] = await db.insert(answer).values(row).returning();
	return a!;
}

/** Updates only if nobody saved since `revision` was read; undefined means someone did. */
export async function updateAnswerIfRevision(
	db: Db,
	id: string,
	revision: number,
	values: AnswerValues
) {
	const [a] = await db
		.update(answer)
		.set({ ...values, revision: sql`${answer.revision} + 1`, updatedAt: new Date() })
		.where(and(eq(answer.id, id), eq(answer.revision, revision)))
		.returning();
	return a;
}

export function listContextNotes(db: Db, assessmentId: string) {
	return db.select().from(contextNote).where(eq(contextNote.assessmentId, assessmentId));
}

export async function upsertContextNote(
	db: Db,
	row: Pick<ContextNote, 'assessmentId' | 'contextFactorId' | 'limit' | 'why'>
) {
	await db
		.insert(contextNote)
		.values(row)
		.onConflictDoUpdate({
			target: [contextNote.assessmentId, contextNote.contextFactorId],
			set: { limit: row.limit, why: row.why, updatedAt: new Date() }
		});
}

/** Submitted assessments a city published on its public page. */
export function listPublishedOfCity(db: Db, cityId: string) {
	return db
		.select({
			id: assessment.id,
			cycle: assessment.cycle,
			benchmarkTitle: benchmark.title,
			benchmarkVersion: benchmark.version,
			submittedAt: assessment.submittedAt,
			isDemo: assessment.isDemo
		})
		.from(assessment)
		.innerJoin(benchmark, eq(benchmark.id, assessment.benchmarkId))
		.where(
			and(
				eq(assessment.cityId, cityId),
				eq(assessment.visibility, 'public'),
				eq(assessment.status, 'submitted')
			)
		)
		.orderBy(desc(assessment.submittedAt));
}
