// The dashboard's figures: each one aggregate query (counts, never rows of cities or
// practices), so the page stays quick with 10,000 cities and 100,000 practices.
import { and, asc, count, desc, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { city } from '../cities/schema.ts';
import { signatory } from '../charter/schema.ts';
import { assessment } from '../assessments/schema.ts';
import { benchmark } from '../benchmarks/schema.ts';
import { campaign, survey, surveyResponse } from '../surveys/schema.ts';
import { action, actionPlan, engagement } from '../mentoring/schema.ts';
import { practice } from '../practices/schema.ts';

export async function countCities(db: Db) {
	const [row] = await db.select({ n: count() }).from(city);
	return row?.n ?? 0;
}

/** Signatures by day signed (null: not known), with how many of the undated were recorded here. */
export function signaturesByDay(db: Db) {
	return db
		.select({
			signedOn: signatory.signedOn,
			count: count(),
			recorded: count(signatory.recordedAt)
		})
		.from(signatory)
		.groupBy(signatory.signedOn);
}

/** Per benchmark: assessments submitted, and of those shared with the network or published. */
export function assessmentsByBenchmark(db: Db) {
	return db
		.select({
			benchmarkSlug: assessment.benchmarkSlug,
			submitted: sql<number>`count(*) filter (where ${assessment.status} = 'submitted')`.mapWith(
				Number
			),
			shared:
				sql<number>`count(*) filter (where ${assessment.status} = 'submitted' and ${assessment.visibility} <> 'private')`.mapWith(
					Number
				)
		})
		.from(assessment)
		.groupBy(assessment.benchmarkSlug);
}

/** The current version's title of each benchmark. */
export function benchmarkTitles(db: Db) {
	return db
		.select({ slug: benchmark.slug, title: benchmark.title })
		.from(benchmark)
		.where(eq(benchmark.isCurrent, true))
		.orderBy(asc(benchmark.slug));
}

/** Each sent or closed campaign with its targets (one response row each) and submissions. */
export function campaignRates(db: Db) {
	return db
		.select({
			slug: campaign.slug,
			edition: campaign.edition,
			status: campaign.status,
			title: survey.title,
			targets: count(surveyResponse.id),
			submitted:
				sql<number>`count(*) filter (where ${surveyResponse.status} = 'submitted')`.mapWith(Number)
		})
		.from(campaign)
		.innerJoin(survey, eq(survey.id, campaign.surveyId))
		.leftJoin(surveyResponse, eq(surveyResponse.campaignId, campaign.id))
		.where(inArray(campaign.status, ['sent', 'closed']))
		.groupBy(campaign.id, survey.id)
		.orderBy(desc(sql`coalesce(${campaign.opensOn}, '0001-01-01')`), asc(campaign.slug));
}

export function engagementsByStatus(db: Db) {
	return db
		.select({ status: engagement.status, count: count() })
		.from(engagement)
		.groupBy(engagement.status);
}

/**
 * The actions of engagements' plans: done, and overdue (due before today, neither done nor
 * dropped) in engagements still under way.
 */
export async function engagementActions(db: Db, today: string) {
	const [row] = await db
		.select({
			done: sql<number>`count(*) filter (where ${action.status} = 'done')`.mapWith(Number),
			overdue: sql<number>`count(*) filter (where ${and(
				inArray(action.status, ['planned', 'in_progress']),
				lt(action.dueOn, today),
				inArray(engagement.status, ['active', 'follow_up'])
			)})`.mapWith(Number)
		})
		.from(action)
		.innerJoin(actionPlan, eq(actionPlan.id, action.planId))
		.innerJoin(engagement, eq(engagement.id, actionPlan.engagementId))
		.where(isNotNull(actionPlan.engagementId));
	return { done: row?.done ?? 0, overdue: row?.overdue ?? 0 };
}

export async function practiceCounts(db: Db) {
	const [row] = await db
		.select({
			published: sql<number>`count(*) filter (where ${practice.status} = 'published')`.mapWith(
				Number
			),
			awaitingReview: sql<number>`count(*) filter (where ${practice.status} = 'submitted')`.mapWith(
				Number
			)
		})
		.from(practice)
		.where(inArray(practice.status, ['published', 'submitted']));
	return { published: row?.published ?? 0, awaitingReview: row?.awaitingReview ?? 0 };
}
