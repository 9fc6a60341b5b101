// Surveys' SQL: surveys and their versions, campaigns, responses and their answers.
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { campaign, survey, surveyAnswer, surveyResponse, surveyVersion } from './schema.ts';

export async function findSurveyBySlug(db: Db, slug: string) {
	const [row] = await db.select().from(survey).where(eq(survey.slug, slug));
	return row;
}

export async function insertSurvey(db: Db, row: typeof survey.$inferInsert) {
	const [r] = await db.insert(survey).values(row).returning();
	return r!;
}

export async function insertVersion(db: Db, row: typeof surveyVersion.$inferInsert) {
	const [r] = await db.insert(surveyVersion).values(row).returning();
	return r!;
}

export async function insertCampaign(db: Db, row: typeof campaign.$inferInsert) {
	const [r] = await db.insert(campaign).values(row).returning();
	return r!;
}

export async function insertResponse(db: Db, row: typeof surveyResponse.$inferInsert) {
	const [r] = await db.insert(surveyResponse).values(row).returning();
	return r!;
}

export async function insertAnswers(db: Db, rows: (typeof surveyAnswer.$inferInsert)[]) {
	if (rows.length) await db.insert(surveyAnswer).values(rows);
}

export async function findCampaignBySlug(db: Db, slug: string) {
	const [row] = await db.select().from(campaign).where(eq(campaign.slug, slug));
	return row;
}

export async function findLatestPublishedVersion(db: Db, surveyId: string) {
	const [row] = await db
		.select()
		.from(surveyVersion)
		.where(and(eq(surveyVersion.surveyId, surveyId), eq(surveyVersion.status, 'published')))
		.orderBy(desc(surveyVersion.number))
		.limit(1);
	return row;
}
