// The survey builder's SQL: surveys with their versions, drafts saved against their revision.
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { charterRole, commitment } from '../charter/schema.ts';
import type { Localized, SurveyDefinition } from './definition.ts';
import { campaign, survey, surveyVersion } from './schema.ts';

/** Every survey with its latest version and how many campaigns it had. */
export async function listSurveys(d: Db) {
	const surveys = await d.select().from(survey).orderBy(asc(survey.slug));
	const versions = await d
		.select({
			surveyId: surveyVersion.surveyId,
			number: surveyVersion.number,
			status: surveyVersion.status
		})
		.from(surveyVersion)
		.orderBy(desc(surveyVersion.number));
	const campaigns = await d
		.select({ surveyId: campaign.surveyId, n: count() })
		.from(campaign)
		.groupBy(campaign.surveyId);
	return surveys.map((s) => ({
		...s,
		latest: versions.find((v) => v.surveyId === s.id) ?? null,
		campaigns: Number(campaigns.find((c) => c.surveyId === s.id)?.n ?? 0)
	}));
}

export async function surveyBySlug(d: Db, slug: string) {
	const [row] = await d.select().from(survey).where(eq(survey.slug, slug));
	return row;
}

export async function slugTaken(d: Db, slug: string) {
	return !!(await surveyBySlug(d, slug));
}

export async function insertSurvey(d: Db, row: typeof survey.$inferInsert) {
	const [r] = await d.insert(survey).values(row).returning();
	return r!;
}

export async function updateSurveyTexts(
	d: Db,
	id: string,
	texts: { title: Localized; summary: Localized }
) {
	await d
		.update(survey)
		.set({ ...texts, updatedAt: new Date() })
		.where(eq(survey.id, id));
}

export async function versionsOf(d: Db, surveyId: string) {
	return d
		.select()
		.from(surveyVersion)
		.where(eq(surveyVersion.surveyId, surveyId))
		.orderBy(asc(surveyVersion.number));
}

export async function versionByNumber(d: Db, surveyId: string, number: number) {
	const [row] = await d
		.select()
		.from(surveyVersion)
		.where(and(eq(surveyVersion.surveyId, surveyId), eq(surveyVersion.number, number)));
	return row;
}

export async function insertVersion(d: Db, row: typeof surveyVersion.$inferInsert) {
	const [r] = await d.insert(surveyVersion).values(row).returning();
	return r!;
}

/** Saves a draft only if nobody saved it since `revision` was read; undefined otherwise. */
export async function saveDraft(d: Db, id: string, revision: number, definition: SurveyDefinition) {
	const [r] = await d
		.update(surveyVersion)
		.set({
			definition,
			revision: sql`${surveyVersion.revision} + 1`,
			updatedAt: new Date()
		})
		.where(
			and(
				eq(surveyVersion.id, id),
				eq(surveyVersion.status, 'draft'),
				eq(surveyVersion.revision, revision)
			)
		)
		.returning();
	return r;
}

/** Publishes a draft as read at `revision`; undefined when it changed or is published already. */
export async function publishDraft(d: Db, id: string, revision: number, note: string) {
	const [r] = await d
		.update(surveyVersion)
		.set({
			status: 'published',
			note,
			publishedAt: new Date(),
			revision: sql`${surveyVersion.revision} + 1`,
			updatedAt: new Date()
		})
		.where(
			and(
				eq(surveyVersion.id, id),
				eq(surveyVersion.status, 'draft'),
				eq(surveyVersion.revision, revision)
			)
		)
		.returning();
	return r;
}

/** The Charter's commitments in the Charter's order. */
export async function commitments(d: Db) {
	return d
		.select({ slug: commitment.slug, text: commitment.text })
		.from(commitment)
		.innerJoin(charterRole, eq(charterRole.id, commitment.roleId))
		.orderBy(asc(charterRole.position), asc(commitment.position));
}
