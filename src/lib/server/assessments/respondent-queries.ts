// SQL of respondents: people invited by email to answer one assessment on their own
// (respondents.ts, respondent-links.ts, group-views.ts).
import { and, asc, count, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { answer, respondent, respondentFormerToken } from './schema.ts';

export type Respondent = typeof respondent.$inferSelect;

export function listRespondents(db: Db, assessmentId: string) {
	return db
		.select()
		.from(respondent)
		.where(eq(respondent.assessmentId, assessmentId))
		.orderBy(asc(respondent.createdAt));
}

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
