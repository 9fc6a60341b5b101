// Campaigns' SQL: the list with response counts, a draft's chosen cities, the target groups,
// sending (responses), reopen requests, and who to remind. Subqueries name their outer table
// in full: Drizzle leaves the columns of a one-table select unqualified, which a subquery
// would read as its own.
import { and, asc, count, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { user } from '../auth/schema.ts';
import { city, membership } from '../cities/schema.ts';
import { signatory } from '../charter/schema.ts';
import { campaign, campaignChosenCity, survey, surveyResponse, surveyVersion } from './schema.ts';

export type Campaign = typeof campaign.$inferSelect;

/** Every campaign with its survey's title and how many targets it has and have submitted. */
export function listCampaigns(db: Db) {
	return db
		.select({
			id: campaign.id,
			slug: campaign.slug,
			edition: campaign.edition,
			target: campaign.target,
			status: campaign.status,
			opensOn: campaign.opensOn,
			closesOn: campaign.closesOn,
			sentAt: campaign.sentAt,
			createdAt: campaign.createdAt,
			surveySlug: survey.slug,
			surveyTitle: survey.title,
			targets:
				sql<number>`(select count(*) from ${surveyResponse} r where r.campaign_id = "campaign"."id")`.mapWith(
					Number
				),
			submitted:
				sql<number>`(select count(*) from ${surveyResponse} r where r.campaign_id = "campaign"."id" and r.status = 'submitted')`.mapWith(
					Number
				)
		})
		.from(campaign)
		.innerJoin(survey, eq(survey.id, campaign.surveyId))
		.orderBy(desc(campaign.createdAt), asc(campaign.slug));
}

export async function findCampaignWithSurvey(db: Db, slug: string) {
	const [row] = await db
		.select({ campaign, survey, versionNumber: surveyVersion.number })
		.from(campaign)
		.innerJoin(survey, eq(survey.id, campaign.surveyId))
		.innerJoin(surveyVersion, eq(surveyVersion.id, campaign.versionId))
		.where(eq(campaign.slug, slug));
	return row;
}

export async function slugTaken(db: Db, slug: string, exceptId?: string) {
	const [row] = await db.select({ id: campaign.id }).from(campaign).where(eq(campaign.slug, slug));
	return !!row && row.id !== exceptId;
}

/** Another campaign of the survey with this edition name (case and spaces aside). */
export async function editionTaken(db: Db, surveyId: string, edition: string, exceptId?: string) {
	const rows = await db
		.select({ id: campaign.id })
		.from(campaign)
		.where(
			and(
				eq(campaign.surveyId, surveyId),
				sql`lower(trim(${campaign.edition})) = lower(trim(${edition}))`
			)
		);
	return rows.some((r) => r.id !== exceptId);
}

/** Surveys with their latest published version (null where none is published yet). */
export function listSurveysWithLatestPublished(db: Db) {
	return db
		.select({
			id: survey.id,
			slug: survey.slug,
			title: survey.title,
			summary: survey.summary,
			versionId: sql<
				string | null
			>`(select v.id from ${surveyVersion} v where v.survey_id = "survey"."id" and v.status = 'published' order by v.number desc limit 1)`,
			versionNumber: sql<
				number | null
			>`(select max(v.number) from ${surveyVersion} v where v.survey_id = "survey"."id" and v.status = 'published')`
		})
		.from(survey)
		.orderBy(asc(survey.slug));
}

export async function insertCampaign(db: Db, row: typeof campaign.$inferInsert) {
	const [r] = await db.insert(campaign).values(row).returning();
	return r!;
}

export async function updateCampaign(
	db: Db,
	id: string,
	set: Partial<typeof campaign.$inferInsert>,
	onlyStatus?: Campaign['status']
) {
	const rows = await db
		.update(campaign)
		.set({ ...set, updatedAt: new Date() })
		.where(
			onlyStatus ? and(eq(campaign.id, id), eq(campaign.status, onlyStatus)) : eq(campaign.id, id)
		)
		.returning();
	return rows[0];
}

export async function chosenCityIds(db: Db, campaignId: string) {
	const rows = await db
		.select({ cityId: campaignChosenCity.cityId })
		.from(campaignChosenCity)
		.where(eq(campaignChosenCity.campaignId, campaignId));
	return rows.map((r) => r.cityId);
}

export async function replaceChosenCities(db: Db, campaignId: string, cityIds: string[]) {
	await db.delete(campaignChosenCity).where(eq(campaignChosenCity.campaignId, campaignId));
	if (cityIds.length) {
		await db.insert(campaignChosenCity).values(cityIds.map((cityId) => ({ campaignId, cityId })));
	}
}

export function listAllCities(db: Db) {
	return db
		.select({ id: city.id, name: city.name, country: city.country })
		.from(city)
		.orderBy(asc(city.name));
}

export async function signatoryCityIds(db: Db) {
	const rows = await db.select({ cityId: signatory.cityId }).from(signatory);
	return rows.map((r) => r.cityId);
}

export async function insertResponses(db: Db, campaignId: string, cityIds: string[]) {
	if (!cityIds.length) return;
	await db
		.insert(surveyResponse)
		.values(cityIds.map((cityId) => ({ campaignId, cityId })))
		.onConflictDoNothing();
}

/** The target cities of a sent campaign with their response, by city name. */
export function listResponses(db: Db, campaignId: string) {
	return db
		.select({
			id: surveyResponse.id,
			cityId: city.id,
			cityName: city.name,
			country: city.country,
			status: surveyResponse.status,
			submittedAt: surveyResponse.submittedAt,
			reopenRequestedAt: surveyResponse.reopenRequestedAt,
			reopenReason: surveyResponse.reopenReason,
			reopenedAt: surveyResponse.reopenedAt,
			lastRemindedAt: surveyResponse.lastRemindedAt
		})
		.from(surveyResponse)
		.innerJoin(city, eq(city.id, surveyResponse.cityId))
		.where(eq(surveyResponse.campaignId, campaignId))
		.orderBy(asc(city.name));
}

export async function findResponse(db: Db, campaignId: string, responseId: string) {
	const [row] = await db
		.select({ response: surveyResponse, cityName: city.name })
		.from(surveyResponse)
		.innerJoin(city, eq(city.id, surveyResponse.cityId))
		.where(and(eq(surveyResponse.id, responseId), eq(surveyResponse.campaignId, campaignId)));
	return row;
}

export async function updateResponse(
	db: Db,
	id: string,
	set: Partial<typeof surveyResponse.$inferInsert>,
	onlyStatus?: (typeof surveyResponse.$inferSelect)['status']
) {
	const rows = await db
		.update(surveyResponse)
		.set({ ...set, updatedAt: new Date() })
		.where(
			onlyStatus
				? and(eq(surveyResponse.id, id), eq(surveyResponse.status, onlyStatus))
				: eq(surveyResponse.id, id)
		)
		.returning();
	return rows[0];
}

/** The coordinators of these cities, with the language each last used here. */
export function coordinatorsOf(db: Db, cityIds: string[]) {
	if (!cityIds.length) return Promise.resolve([]);
	return db
		.select({
			cityId: membership.cityId,
			userId: user.id,
			name: user.name,
			email: user.email,
			locale: user.locale
		})
		.from(membership)
		.innerJoin(user, eq(user.id, membership.userId))
		.where(and(inArray(membership.cityId, cityIds), eq(membership.role, 'city_coordinator')))
		.orderBy(asc(user.email));
}

/**
 * Sent campaigns open on `today` whose reminder window has begun (closing within reminderDays;
 * 0 means no reminders), with the target responses not submitted that were not reminded since
 * the window began.
 */
export function responsesToRemind(db: Db, today: string) {
	const windowStart = sql`(${campaign.closesOn} - ${campaign.reminderDays})`;
	return db
		.select({
			responseId: surveyResponse.id,
			cityId: surveyResponse.cityId,
			cityName: city.name,
			campaignId: campaign.id,
			campaignSlug: campaign.slug,
			edition: campaign.edition,
			closesOn: campaign.closesOn,
			surveyTitle: survey.title,
			windowStart: sql<string>`to_char(${windowStart}, 'YYYY-MM-DD')`
		})
		.from(surveyResponse)
		.innerJoin(campaign, eq(campaign.id, surveyResponse.campaignId))
		.innerJoin(survey, eq(survey.id, campaign.surveyId))
		.innerJoin(city, eq(city.id, surveyResponse.cityId))
		.where(
			and(
				eq(campaign.status, 'sent'),
				sql`${campaign.reminderDays} > 0`,
				sql`${campaign.opensOn} <= ${today}::date`,
				sql`${campaign.closesOn} >= ${today}::date`,
				sql`${windowStart} <= ${today}::date`,
				inArray(surveyResponse.status, ['not_started', 'in_progress']),
				or(
					isNull(surveyResponse.lastRemindedAt),
					lt(surveyResponse.lastRemindedAt, sql`(${windowStart})::timestamp at time zone 'UTC'`)
				)
			)
		)
		.orderBy(asc(campaign.slug), asc(city.name));
}

/** Counts of a campaign's responses by status. */
export async function responseCounts(db: Db, campaignId: string) {
	const rows = await db
		.select({ status: surveyResponse.status, n: count() })
		.from(surveyResponse)
		.where(eq(surveyResponse.campaignId, campaignId))
		.groupBy(surveyResponse.status);
	const targets = rows.reduce((s, r) => s + Number(r.n), 0);
	const submitted = Number(rows.find((r) => r.status === 'submitted')?.n ?? 0);
	return { targets, submitted };
}

/** A survey's latest published version, complete. */
export async function findLatestPublishedOf(db: Db, surveySlug: string) {
	const [row] = await db
		.select({ survey, version: surveyVersion })
		.from(survey)
		.innerJoin(surveyVersion, eq(surveyVersion.surveyId, survey.id))
		.where(and(eq(survey.slug, surveySlug), eq(surveyVersion.status, 'published')))
		.orderBy(desc(surveyVersion.number))
		.limit(1);
	return row;
}

/** Campaigns that went out (sent or closed), with their counts, for the public API. */
export function listSentCampaigns(db: Db, slug?: string) {
	return db
		.select({
			slug: campaign.slug,
			edition: campaign.edition,
			target: campaign.target,
			status: campaign.status,
			opensOn: campaign.opensOn,
			closesOn: campaign.closesOn,
			surveySlug: survey.slug,
			surveyTitle: survey.title,
			version: surveyVersion.number,
			targets:
				sql<number>`(select count(*) from ${surveyResponse} r where r.campaign_id = "campaign"."id")`.mapWith(
					Number
				),
			submitted:
				sql<number>`(select count(*) from ${surveyResponse} r where r.campaign_id = "campaign"."id" and r.status = 'submitted')`.mapWith(
					Number
				)
		})
		.from(campaign)
		.innerJoin(survey, eq(survey.id, campaign.surveyId))
		.innerJoin(surveyVersion, eq(surveyVersion.id, campaign.versionId))
		.where(
			and(
				inArray(campaign.status, ['sent', 'closed']),
				slug === undefined ? undefined : eq(campaign.slug, slug)
			)
		)
		.orderBy(desc(campaign.opensOn), asc(campaign.slug));
}
