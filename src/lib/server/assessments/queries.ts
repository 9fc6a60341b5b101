import { and, asc, count, desc, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { benchmark } from '../benchmarks/schema.ts';
import {
	answer,
	assessment,
	attachment,
	contextNote,
	respondent,
	respondentFormerToken
} from './schema.ts';

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

export function listRespondents(db: Db, assessmentId: string) {
	return db
		.select()
		.from(respondent)
		.where(eq(respondent.assessmentId, assessmentId))
		.orderBy(asc(respondent.createdAt));
}

/** The files kept as evidence for the city's answers, oldest first. */
export function listAttachments(db: Db, assessmentId: string) {
	return db
		.select({
			id: attachment.id,
			answerId: attachment.answerId,
			questionId: answer.guideQuestionId,
			filename: attachment.filename,
			contentType: attachment.contentType,
			size: attachment.size,
			createdAt: attachment.createdAt
		})
		.from(attachment)
		.innerJoin(answer, eq(answer.id, attachment.answerId))
		.where(and(eq(answer.assessmentId, assessmentId), isNull(answer.respondentId)))
		.orderBy(asc(attachment.createdAt), asc(attachment.id));
}

/** One attachment, only if it belongs to this assessment. */
export async function findAttachment(db: Db, assessmentId: string, id: string) {
	const [row] = await db
		.select({
			id: attachment.id,
			answerId: attachment.answerId,
			questionId: answer.guideQuestionId,
			filename: attachment.filename,
			contentType: attachment.contentType,
			size: attachment.size,
			storageKey: attachment.storageKey
		})
		.from(attachment)
		.innerJoin(answer, eq(answer.id, attachment.answerId))
		.where(and(eq(attachment.id, id), eq(answer.assessmentId, assessmentId)));
	return row;
}

/**
 * The city's answer row of a question, created empty when there is none yet, and locked
 * until the transaction ends (so that two uploads count each other's files). An answer
 * created here has revision 0, as an unanswered question has in the form: a save from a page
 * loaded before still applies instead of being taken for a colleague's change.
 */
export async function lockAnswerForAttachment(
	db: Db,
	assessmentId: string,
	guideQuestionId: string,
	userId: string
) {
	await db
		.insert(answer)
		.values({ assessmentId, guideQuestionId, respondentId: null, revision: 0, updatedBy: userId })
		.onConflictDoNothing();
	const [row] = await db
		.select({ id: answer.id })
		.from(answer)
		.where(
			and(
				eq(answer.assessmentId, assessmentId),
				eq(answer.guideQuestionId, guideQuestionId),
				isNull(answer.respondentId)
			)
		)
		.for('update');
	return row!;
}

export async function countAttachments(db: Db, answerId: string) {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(attachment)
		.where(eq(attachment.answerId, answerId));
	return row?.n ?? 0;
}

export async function insertAttachment(db: Db, row: typeof attachment.$inferInsert) {
	const [a] = await db.insert(attachment).values(row).returning();
	return a!;
}

export async function deleteAttachment(db: Db, id: string) {
	await db.delete(attachment).where(eq(attachment.id, id));
}

/**
 * Copies an answer's files to another answer: new rows naming the same stored objects (a new
 * cycle pre-filled from the last keeps its evidence without copying bytes).
 */
export async function copyAttachments(db: Db, fromAnswerId: string, toAnswerId: string) {
	const files = await db.select().from(attachment).where(eq(attachment.answerId, fromAnswerId));
	if (files.length === 0) return 0;
	await db.insert(attachment).values(
		files.map((f) => ({
			answerId: toAnswerId,
			filename: f.filename,
			contentType: f.contentType,
			size: f.size,
			storageKey: f.storageKey,
			uploadedBy: f.uploadedBy,
			createdAt: f.createdAt
		}))
	);
	return files.length;
}

/** Whether any attachment still names this stored object (copies share it). */
export async function storageKeyInUse(db: Db, storageKey: string) {
	const [row] = await db
		.select({ id: attachment.id })
		.from(attachment)
		.where(eq(attachment.storageKey, storageKey))
		.limit(1);
	return row !== undefined;
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

// Respondents: people invited by email to answer one assessment on their own (respondents.ts,
// group-views.ts).

export type Respondent = typeof respondent.$inferSelect;

export async function findRespondentByTokenHash(db: Db, tokenHash: string) {
	const [row] = await db.select().from(respondent).where(eq(respondent.tokenHash, tokenHash));
	return row;
}

export async function findRespondentByEmail(db: Db, assessmentId: string, email: string) {
	const [row] = await db
		.select()
		.from(respondent)
		.where(and(eq(respondent.assessmentId, assessmentId), eq(respondent.email, email)));
	return row;
}

/** One respondent of the assessment; locked for update inside a transaction when asked. */
export async function findRespondent(
	db: Db,
	assessmentId: string,
	id: string,
	options: { forUpdate?: boolean } = {}
) {
	const q = db
		.select()
		.from(respondent)
		.where(and(eq(respondent.id, id), eq(respondent.assessmentId, assessmentId)));
	const [row] = options.forUpdate ? await q.for('update') : await q;
	return row;
}

/** The respondent whose link, since replaced by a newer one, had this token. */
export async function findFormerToken(db: Db, tokenHash: string) {
	const [row] = await db
		.select()
		.from(respondentFormerToken)
		.where(eq(respondentFormerToken.tokenHash, tokenHash));
	return row;
}

/** How many times a respondent's link was replaced since a moment. */
export async function countFormerTokensSince(db: Db, respondentId: string, since: Date) {
	const [row] = await db
		.select({ n: count() })
		.from(respondentFormerToken)
		.where(
			and(
				eq(respondentFormerToken.respondentId, respondentId),
				gt(respondentFormerToken.replacedAt, since)
			)
		);
	return Number(row?.n ?? 0);
}

/** Gives a respondent a new link; the old one is kept as former, so that it can say so. */
export async function replaceRespondentToken(
	db: Db,
	id: string,
	oldTokenHash: string,
	newTokenHash: string
) {
	await db.insert(respondentFormerToken).values({ tokenHash: oldTokenHash, respondentId: id });
	const [row] = await db
		.update(respondent)
		.set({ tokenHash: newTokenHash })
		.where(eq(respondent.id, id))
		.returning();
	return row!;
}

/** Withdraws a respondent's link; undefined when it was withdrawn already. */
export async function revokeRespondent(db: Db, id: string, by: string) {
	const [row] = await db
		.update(respondent)
		.set({ revokedAt: new Date(), revokedBy: by })
		.where(and(eq(respondent.id, id), isNull(respondent.revokedAt)))
		.returning();
	return row;
}

export async function insertRespondent(db: Db, row: typeof respondent.$inferInsert) {
	const [r] = await db.insert(respondent).values(row).returning();
	return r!;
}

export async function markRespondentAnswered(db: Db, id: string) {
	await db.update(respondent).set({ lastAnsweredAt: new Date() }).where(eq(respondent.id, id));
}

/** One respondent's own answers, and only theirs. */
export function listRespondentAnswers(db: Db, respondentId: string) {
	return db.select().from(answer).where(eq(answer.respondentId, respondentId));
}

/** How many questions each respondent of an assessment has answered. */
export function countRespondentAnswers(db: Db, assessmentId: string) {
	return db
		.select({
			respondentId: answer.respondentId,
			answered: sql<number>`count(*)::int`
		})
		.from(answer)
		.where(
			and(
				eq(answer.assessmentId, assessmentId),
				isNotNull(answer.respondentId),
				isNotNull(answer.kind)
			)
		)
		.groupBy(answer.respondentId);
}

/** The respondents' answers by group, without who gave them (no name, no email, no id). */
export function listGroupAnswers(db: Db, assessmentId: string) {
	return db
		.select({
			guideQuestionId: answer.guideQuestionId,
			group: respondent.group,
			kind: answer.kind,
			rating: answer.rating
		})
		.from(answer)
		.innerJoin(respondent, eq(respondent.id, answer.respondentId))
		.where(and(eq(answer.assessmentId, assessmentId), isNotNull(answer.kind)));
}
