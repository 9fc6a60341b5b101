// SQL of the evidence files kept for the city's answers (attachments.ts).
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { answer, attachment } from './schema.ts';

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
