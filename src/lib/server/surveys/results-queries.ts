// Survey results' SQL: response rates, and figures aggregated over (campaign, question, cell)
// from the answers of submitted responses only (a response in progress may still change).
import { and, asc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { city } from '../cities/schema.ts';
import { campaign, survey, surveyAnswer, surveyResponse, surveyVersion } from './schema.ts';

/** Rows of a statement written in SQL (both drivers answer with `rows`). */
async function rowsOf<T>(d: Db, statement: SQL): Promise<T[]> {
	const result = (await d.execute(statement)) as unknown as { rows: T[] };
	return result.rows;
}

/**
 * A figure query in a transaction of its own: without JIT compilation (which costs more than
 * it saves on these short scans, a few hundred ms per statement) and with the memory to hash
 * its groups without spilling to disk.
 */
function figureRows<T>(d: Db, statement: SQL): Promise<T[]> {
	return d.transaction(async (tx) => {
		await tx.execute(sql`set local jit = off`);
		await tx.execute(sql`set local work_mem = '64MB'`);
		return rowsOf<T>(tx, statement);
	});
}

/** A text[] parameter (drizzle would spread a JS array into a list of parameters). */
const textArray = (values: string[]) =>
	values.length
		? sql`array[${sql.join(
				values.map((v) => sql`${v}`),
				sql`, `
			)}]::text[]`
		: sql`'{}'::text[]`;

/**
 * Answers of responses that are not submitted, excluded with NOT IN rather than joined: NOT IN
 * stays a filter (a hashed subplan over the few unsubmitted responses), so the answers are
 * read in the order of survey_answer_campaign_question_idx and grouped without a sort.
 */
const submittedOnly = (campaignId: string) => sql`a.response_id not in (
	select r.id from survey_response r where r.campaign_id = ${campaignId} and r.status <> 'submitted'
)`;

export async function findCampaignWithSurvey(d: Db, slug: string) {
	const [row] = await d
		.select({ campaign, survey, definition: surveyVersion.definition })
		.from(campaign)
		.innerJoin(survey, eq(survey.id, campaign.surveyId))
		.innerJoin(surveyVersion, eq(surveyVersion.id, campaign.versionId))
		.where(eq(campaign.slug, slug));
	return row;
}

/** The published campaigns, newest first, with their surveys' titles. */
export function listPublishedCampaigns(d: Db) {
	return d
		.select({
			slug: campaign.slug,
			edition: campaign.edition,
			resultsPublishedAt: campaign.resultsPublishedAt,
			surveySlug: survey.slug,
			surveyTitle: survey.title
		})
		.from(campaign)
		.innerJoin(survey, eq(survey.id, campaign.surveyId))
		.where(isNotNull(campaign.resultsPublishedAt))
		.orderBy(sql`${campaign.resultsPublishedAt} desc`, asc(campaign.slug));
}

export async function findSurveyBySlug(d: Db, slug: string) {
	const [row] = await d.select().from(survey).where(eq(survey.slug, slug));
	return row;
}

/** A survey's editions (sent or closed; drafts have no answers), oldest first, with definitions. */
export function listEditions(d: Db, surveyId: string) {
	return d
		.select({
			id: campaign.id,
			slug: campaign.slug,
			edition: campaign.edition,
			opensOn: campaign.opensOn,
			status: campaign.status,
			resultsPublishedAt: campaign.resultsPublishedAt,
			publicQuestions: campaign.publicQuestions,
			definition: surveyVersion.definition
		})
		.from(campaign)
		.innerJoin(surveyVersion, eq(surveyVersion.id, campaign.versionId))
		.where(and(eq(campaign.surveyId, surveyId), sql`${campaign.status} <> 'draft'`))
		.orderBy(asc(campaign.opensOn), asc(campaign.edition), asc(campaign.createdAt));
}

/** Targets and submitted responses of each campaign. */
export async function responseRates(d: Db, campaignIds: string[]) {
	if (!campaignIds.length) return [];
	return d
		.select({
			campaignId: surveyResponse.campaignId,
			targets: sql<number>`count(*)::int`,
			submitted: sql<number>`(count(*) filter (where ${surveyResponse.status} = 'submitted'))::int`
		})
		.from(surveyResponse)
		.where(inArray(surveyResponse.campaignId, campaignIds))
		.groupBy(surveyResponse.campaignId);
}

/** Which city answered which edition: one row per city and campaign it was sent. */
export function responsesByCity(d: Db, campaignIds: string[]) {
	if (!campaignIds.length) return Promise.resolve([]);
	return d
		.select({
			campaignId: surveyResponse.campaignId,
			cityId: city.id,
			cityName: city.name,
			citySlug: city.slug,
			status: surveyResponse.status
		})
		.from(surveyResponse)
		.innerJoin(city, eq(city.id, surveyResponse.cityId))
		.where(inArray(surveyResponse.campaignId, campaignIds))
		.orderBy(asc(city.name), asc(city.id));
}

export interface NumberFigureRow {
	question_key: string;
	cell: string;
	count: number;
	sum: number;
	median: number;
	min: number;
	max: number;
}

/**
 * Count, sum, mean, median, minimum and maximum of every number (number questions, each table
 * cell) of the campaign's submitted responses. Count and sum come from survey_figure; the
 * minimum, maximum and median are read from survey_answer_campaign_question_idx in number
 * order (the first, the last, and the middle one or two: the count is known), in the same
 * statement, so that they describe the same answers. An unknown cell has no row, so it is never
 * counted as 0.
 */
export function numberFigures(d: Db, campaignId: string, keys: string[]) {
	if (!keys.length) return Promise.resolve([]);
	const numbersOf = sql`from survey_answer a
		  where a.campaign_id = ${campaignId} and a.question_key = f.question_key and a.cell = f.cell
		    and a.number is not null and ${submittedOnly(campaignId)}`;
	// The median as percentile_cont(0.5): the middle value, or the mean of the two middle ones.
	return figureRows<NumberFigureRow>(
		d,
		sql`select f.question_key, f.cell, f.numbers::int as count, f.sum::float8 as sum,
		  lo.number as min, hi.number as max, mid.median
		from survey_figure f
		cross join lateral (select a.number ${numbersOf} order by a.number limit 1) lo
		cross join lateral (select a.number ${numbersOf} order by a.number desc limit 1) hi
		cross join lateral (
		  select avg(m.number) as median from (
		    select a.number ${numbersOf} order by a.number
		    offset (f.numbers - 1) / 2 limit 2 - f.numbers % 2
		  ) m
		) mid
		where f.campaign_id = ${campaignId} and f.question_key = any(${textArray(keys)})
		  and f.value = '' and f.numbers > 0`
	);
}

export interface ValueCountRow {
	question_key: string;
	cell: string;
	text: string | null;
	number: number | null;
	count: number;
}

/**
 * How many submitted responses gave each answer, from survey_figure: the option of a
 * one-choice question, the yes/partly/no of each commitment (cell), the point of a scale, the
 * options of a several-choices question (cell; '' for "none of these").
 */
export function valueCounts(d: Db, campaignId: string, keys: string[]) {
	if (!keys.length) return Promise.resolve([]);
	return rowsOf<ValueCountRow>(
		d,
		sql`select f.question_key, f.cell,
		  case when f.value like 't:%' then substr(f.value, 3) end as text,
		  case when f.value like 'n:%' then substr(f.value, 3)::float8 end as number,
		  f.rows::int as count
		from survey_figure f
		where f.campaign_id = ${campaignId} and f.question_key = any(${textArray(keys)})
		  and (f.value like 't:%' or f.value like 'n:%')`
	);
}

/** How many submitted responses answered each of these questions (at least one row each). */
export function answeredCounts(d: Db, campaignId: string, keys: string[]) {
	if (!keys.length) return Promise.resolve([]);
	return rowsOf<{ question_key: string; count: number }>(
		d,
		sql`select f.question_key, f.rows::int as count from survey_figure f
		where f.campaign_id = ${campaignId} and f.question_key = any(${textArray(keys)})
		  and f.cell = '' and f.value = '*'`
	);
}

export interface CityRow {
	responseId: string;
	cityId: string;
	cityName: string;
	citySlug: string;
	country: string;
}

/**
 * The next `limit` submitted responses in the order of their cities' names after
 * (afterName, afterId): keyset pagination, so that an export of 100,000 cities reads them in
 * batches of constant size.
 */
export function submittedCitiesAfter(
	d: Db,
	campaignId: string,
	after: { name: string; id: string } | null,
	limit: number
) {
	return d
		.select({
			responseId: surveyResponse.id,
			cityId: city.id,
			cityName: city.name,
			citySlug: city.slug,
			country: city.country
		})
		.from(surveyResponse)
		.innerJoin(city, eq(city.id, surveyResponse.cityId))
		.where(
			and(
				eq(surveyResponse.campaignId, campaignId),
				eq(surveyResponse.status, 'submitted'),
				after ? sql`(${city.name}, ${city.id}) > (${after.name}, ${after.id})` : undefined
			)
		)
		.orderBy(asc(city.name), asc(city.id))
		.limit(limit);
}

/** The answers of these responses (one batch of the table by city). */
export function answersOf(d: Db, responseIds: string[], keys?: string[]) {
	if (!responseIds.length) return Promise.resolve([]);
	return d
		.select({
			responseId: surveyAnswer.responseId,
			questionKey: surveyAnswer.questionKey,
			cell: surveyAnswer.cell,
			number: surveyAnswer.number,
			text: surveyAnswer.text
		})
		.from(surveyAnswer)
		.where(
			and(
				inArray(surveyAnswer.responseId, responseIds),
				keys ? inArray(surveyAnswer.questionKey, keys) : undefined
			)
		);
}

export async function setPublication(
	d: Db,
	campaignId: string,
	values: { resultsPublishedAt: Date | null; publicQuestions: string[] }
) {
	await d
		.update(campaign)
		.set({ ...values, updatedAt: new Date() })
		.where(eq(campaign.id, campaignId));
}
