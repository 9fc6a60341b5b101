// A city's responses to survey campaigns: the SQL only (rules in responses.ts and the response-*.ts and preview.ts beside it).
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { user } from '../auth/schema.ts';
import { city, membership } from '../cities/schema.ts';
import {
	campaign,
	responseSection,
	survey,
	surveyAnswer,
	surveyResponse,
	surveyVersion
} from './schema.ts';

const campaignColumns = {
	campaignId: campaign.id,
	slug: campaign.slug,
	edition: campaign.edition,
	status: campaign.status,
	opensOn: campaign.opensOn,
	closesOn: campaign.closesOn,
	message: campaign.message,
	surveySlug: survey.slug,
	surveyTitle: survey.title,
	definition: surveyVersion.definition,
	versionNumber: surveyVersion.number,
	responseId: surveyResponse.id,
	responseStatus: surveyResponse.status,
	revision: surveyResponse.revision,
	submittedAt: surveyResponse.submittedAt,
	submittedBy: surveyResponse.submittedBy,
	reopenRequestedAt: surveyResponse.reopenRequestedAt,
	reopenReason: surveyResponse.reopenReason,
	reopenedAt: surveyResponse.reopenedAt
};

/** The campaigns a city was sent (never drafts), the open ones first, with its response. */
export function listCampaignsOfCity(db: Db, cityId: string) {
	return db
		.select(campaignColumns)
		.from(surveyResponse)
		.innerJoin(campaign, eq(campaign.id, surveyResponse.campaignId))
		.innerJoin(survey, eq(survey.id, campaign.surveyId))
		.innerJoin(surveyVersion, eq(surveyVersion.id, campaign.versionId))
		.where(and(eq(surveyResponse.cityId, cityId), ne(campaign.status, 'draft')))
		.orderBy(
			sql`case when ${campaign.status} = 'sent' then 0 else 1 end`,
			desc(campaign.closesOn),
			asc(campaign.slug)
		);
}

export type CampaignOfCity = Awaited<ReturnType<typeof listCampaignsOfCity>>[number];

/** One campaign the city was sent, by its slug, with the city's response. */
export async function findCampaignOfCity(db: Db, cityId: string, slug: string) {
	const [row] = await db
		.select(campaignColumns)
		.from(surveyResponse)
		.innerJoin(campaign, eq(campaign.id, surveyResponse.campaignId))
		.innerJoin(survey, eq(survey.id, campaign.surveyId))
		.innerJoin(surveyVersion, eq(surveyVersion.id, campaign.versionId))
		.where(
			and(eq(surveyResponse.cityId, cityId), eq(campaign.slug, slug), ne(campaign.status, 'draft'))
		);
	return row;
}

export function listAnswers(db: Db, responseIds: string[]) {
	if (!responseIds.length) return Promise.resolve([]);
	return db
		.select({
			responseId: surveyAnswer.responseId,
			questionKey: surveyAnswer.questionKey,
			cell: surveyAnswer.cell,
			number: surveyAnswer.number,
			text: surveyAnswer.text
		})
		.from(surveyAnswer)
		.where(inArray(surveyAnswer.responseId, responseIds))
		.orderBy(asc(surveyAnswer.questionKey), asc(surveyAnswer.cell));
}

/** Replaces one question's rows of a response (none: the answer is cleared). */
export async function replaceAnswer(
	db: Db,
	p: {
		responseId: string;
		campaignId: string;
		questionKey: string;
		rows: { cell: string; number: number | null; text: string | null }[];
		userId: string;
	}
) {
	await db
		.delete(surveyAnswer)
		.where(
			and(eq(surveyAnswer.responseId, p.responseId), eq(surveyAnswer.questionKey, p.questionKey))
		);
	if (p.rows.length)
		await db.insert(surveyAnswer).values(
			p.rows.map((r) => ({
				responseId: p.responseId,
				campaignId: p.campaignId,
				questionKey: p.questionKey,
				cell: r.cell,
				number: r.number,
				text: r.text,
				updatedBy: p.userId
			}))
		);
}

export async function deleteAnswers(db: Db, responseId: string, questionKeys: string[]) {
	if (!questionKeys.length) return;
	await db
		.delete(surveyAnswer)
		.where(
			and(eq(surveyAnswer.responseId, responseId), inArray(surveyAnswer.questionKey, questionKeys))
		);
}

/**
 * Counts a save: the revision moves on, a response not started is in progress. Only while it
 * is not submitted (a submission between reading and writing wins): false then.
 */
export async function touchResponse(db: Db, responseId: string) {
	const rows = await db
		.update(surveyResponse)
		.set({
			revision: sql`${surveyResponse.revision} + 1`,
			status: 'in_progress',
			updatedAt: new Date()
		})
		.where(and(eq(surveyResponse.id, responseId), ne(surveyResponse.status, 'submitted')))
		.returning({ revision: surveyResponse.revision });
	return rows.length > 0;
}

export function listSections(db: Db, responseId: string) {
	return db.select().from(responseSection).where(eq(responseSection.responseId, responseId));
}

export async function upsertSection(
	db: Db,
	responseId: string,
	sectionKey: string,
	set: { assigneeId?: string | null; completedAt?: Date | null }
) {
	await db
		.insert(responseSection)
		.values({ responseId, sectionKey, ...set })
		.onConflictDoUpdate({
			target: [responseSection.responseId, responseSection.sectionKey],
			set: { ...set, updatedAt: new Date() }
		});
}

export async function markSubmitted(db: Db, responseId: string, userId: string) {
	const rows = await db
		.update(surveyResponse)
		.set({
			status: 'submitted',
			submittedAt: new Date(),
			submittedBy: userId,
			reopenRequestedAt: null,
			reopenReason: null,
			revision: sql`${surveyResponse.revision} + 1`,
			updatedAt: new Date()
		})
		.where(and(eq(surveyResponse.id, responseId), ne(surveyResponse.status, 'submitted')))
		.returning({ id: surveyResponse.id });
	return rows.length > 0;
}

export async function markReopenRequested(db: Db, responseId: string, reason: string) {
	await db
		.update(surveyResponse)
		.set({ reopenRequestedAt: new Date(), reopenReason: reason, updatedAt: new Date() })
		.where(and(eq(surveyResponse.id, responseId), eq(surveyResponse.status, 'submitted')));
}

/** The people of a city who may answer its surveys (coordinators and contributors). */
export function listRespondents(db: Db, cityId: string) {
	return db
		.select({
			userId: user.id,
			name: user.name,
			email: user.email,
			locale: user.locale,
			role: membership.role
		})
		.from(membership)
		.innerJoin(user, eq(user.id, membership.userId))
		.where(
			and(
				eq(membership.cityId, cityId),
				inArray(membership.role, ['city_coordinator', 'city_contributor'])
			)
		)
		.orderBy(asc(user.name));
}

export async function findCityBySlug(db: Db, slug: string) {
	const [row] = await db
		.select({ id: city.id, name: city.name, slug: city.slug })
		.from(city)
		.where(eq(city.slug, slug));
	return row;
}

export async function findCityName(db: Db, cityId: string) {
	const [row] = await db.select({ name: city.name }).from(city).where(eq(city.id, cityId));
	return row?.name ?? '';
}

/** A survey's version by the survey's slug and the version's number (the builder's preview). */
export async function findVersion(db: Db, surveySlug: string, number: number) {
	const [row] = await db
		.select({
			surveySlug: survey.slug,
			surveyTitle: survey.title,
			number: surveyVersion.number,
			status: surveyVersion.status,
			definition: surveyVersion.definition
		})
		.from(surveyVersion)
		.innerJoin(survey, eq(survey.id, surveyVersion.surveyId))
		.where(and(eq(survey.slug, surveySlug), eq(surveyVersion.number, number)));
	return row;
}
