// The network's figures over shared assessments, computed in SQL: a key factor's score is the
// mean of the rated answers (0–4) as a percentage, as scoring.ts computes it, so that only one
// row per city and key factor leaves the database, never the answers themselves.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { guideQuestion, keyFactor } from '../benchmarks/schema.ts';
import { city } from '../cities/schema.ts';
import { answer, assessment } from './schema.ts';
import { versionOf } from '../cache/queries.ts';
import { IN_PLACE, MAX_RATING } from './scoring.ts';

/** Visibilities that share an assessment beyond its city. */
export const SHARED = ['network', 'public'] as const;

/**
 * Each city's latest submitted assessment of the benchmark among those it shared (with the
 * network or the public): DISTINCT ON, newest submission first, which PostgreSQL 15 and
 * PGlite both plan as one pass over assessment_shared_latest_idx.
 */
function latestShared(d: Db, benchmarkSlug: string) {
	return d
		.selectDistinctOn([assessment.cityId], {
			id: assessment.id,
			cityId: assessment.cityId,
			visibility: assessment.visibility,
			cycle: assessment.cycle,
			isDemo: assessment.isDemo
		})
		.from(assessment)
		.where(
			and(
				eq(assessment.benchmarkSlug, benchmarkSlug),
				eq(assessment.status, 'submitted'),
				inArray(assessment.visibility, [...SHARED])
			)
		)
		.orderBy(
			asc(assessment.cityId),
			// As the index orders them (drizzle-kit writes NULLS LAST for every descending column).
			sql`${assessment.submittedAt} desc nulls last`,
			sql`${assessment.cycle} desc nulls last`,
			sql`${assessment.id} desc nulls last`
		)
		.as('latest');
}

/** The score (0–100, unrounded) and the lowest rating of one key factor's rated answers. */
const score = sql<number>`(sum(${answer.rating})::float8 * ${100 / MAX_RATING}) / count(*)`.mapWith(
	Number
);
const meets = sql<boolean>`min(${answer.rating}) >= ${IN_PLACE}`.mapWith(Boolean);

/** The city's own, consolidated answers that carry a rating (what a score is made of). */
const rated = and(isNull(answer.respondentId), eq(answer.kind, 'rated'));

export interface SharedCity {
	assessmentId: string;
	cityId: string;
	slug: string;
	name: string;
	country: string;
	population: number | null;
	migrantBackgroundShare: number | null;
	foreignNationalsShare: number | null;
	visibility: 'private' | 'network' | 'public';
	cycle: string;
	isDemo: boolean;
}

/** The cities whose latest shared assessment of the benchmark counts, with what ranks them. */
export function listSharedCities(d: Db, benchmarkSlug: string): Promise<SharedCity[]> {
	const latest = latestShared(d, benchmarkSlug);
	return d
		.select({
			assessmentId: latest.id,
			cityId: latest.cityId,
			slug: city.slug,
			name: city.name,
			country: city.country,
			population: city.population,
			migrantBackgroundShare: city.migrantBackgroundShare,
			foreignNationalsShare: city.foreignNationalsShare,
			visibility: latest.visibility,
			cycle: latest.cycle,
			isDemo: latest.isDemo
		})
		.from(latest)
		.innerJoin(city, eq(city.id, latest.cityId));
}

export interface KeyFactorScore {
	assessmentId: string;
	keyFactorSlug: string;
	score: number;
	meetsStandard: boolean;
}

/**
 * Every key factor score of those assessments: one row per assessment and key factor with at
 * least one rated answer. Key factors are matched by slug, so that cities that answered
 * different versions of the benchmark are compared key factor by key factor.
 */
export function listSharedScores(d: Db, benchmarkSlug: string): Promise<KeyFactorScore[]> {
	const latest = latestShared(d, benchmarkSlug);
	return d
		.select({
			assessmentId: latest.id,
			keyFactorSlug: keyFactor.slug,
			score,
			meetsStandard: meets
		})
		.from(latest)
		.innerJoin(answer, and(eq(answer.assessmentId, latest.id), rated))
		.innerJoin(guideQuestion, eq(guideQuestion.id, answer.guideQuestionId))
		.innerJoin(keyFactor, eq(keyFactor.id, guideQuestion.keyFactorId))
		.groupBy(latest.id, keyFactor.slug);
}

/** The key factor scores of one assessment, by the same SQL (shared or not). */
export function listScoresOfAssessment(d: Db, assessmentId: string): Promise<KeyFactorScore[]> {
	return d
		.select({
			assessmentId: answer.assessmentId,
			keyFactorSlug: keyFactor.slug,
			score,
			meetsStandard: meets
		})
		.from(answer)
		.innerJoin(guideQuestion, eq(guideQuestion.id, answer.guideQuestionId))
		.innerJoin(keyFactor, eq(keyFactor.id, guideQuestion.keyFactorId))
		.where(and(eq(answer.assessmentId, assessmentId), rated))
		.groupBy(answer.assessmentId, keyFactor.slug);
}

/**
 * What the network's figures are made of, as a value that changes whenever they would: the
 * 'figures' counter, which database triggers move when an assessment is submitted, reopened,
 * shared, published or deleted, or a city's facts change (cache/schema.ts). One key read.
 */
export async function sharedFingerprint(d: Db, benchmarkSlug: string): Promise<string> {
	return `${benchmarkSlug}|${await versionOf(d, 'figures')}`;
}

/**
 * The cities and their scores, read together in one snapshot of the database. The aggregate
 * groups about one row per city and key factor: it is given the memory to do so without
 * spilling to disk (about 30 MB for 10,000 cities).
 */
export function readShared(d: Db, benchmarkSlug: string) {
	return d.transaction(
		async (tx) => {
			await tx.execute(sql`set local work_mem = '64MB'`);
			const cities = await listSharedCities(tx, benchmarkSlug);
			const scores = await listSharedScores(tx, benchmarkSlug);
			return { cities, scores };
		},
		{ isolationLevel: 'repeatable read', accessMode: 'read only' }
	);
}

/**
 * Each city's latest published assessment (submitted and public, of any benchmark) and its
 * key factor scores: one row per city and key factor with at least one rated answer, no row
 * for a city whose latest published assessment rated nothing.
 */
export function listLatestPublishedScores(d: Db) {
	const latest = d
		.selectDistinctOn([assessment.cityId], {
			id: assessment.id,
			cityId: assessment.cityId
		})
		.from(assessment)
		.where(and(eq(assessment.status, 'submitted'), eq(assessment.visibility, 'public')))
		.orderBy(
			asc(assessment.cityId),
			sql`${assessment.submittedAt} desc nulls last`,
			sql`${assessment.cycle} desc nulls last`,
			sql`${assessment.id} desc nulls last`
		)
		.as('latest_published');
	return d
		.select({
			cityId: latest.cityId,
			assessmentId: latest.id,
			keyFactorSlug: keyFactor.slug,
			score
		})
		.from(latest)
		.innerJoin(answer, and(eq(answer.assessmentId, latest.id), rated))
		.innerJoin(guideQuestion, eq(guideQuestion.id, answer.guideQuestionId))
		.innerJoin(keyFactor, eq(keyFactor.id, guideQuestion.keyFactorId))
		.groupBy(latest.cityId, latest.id, keyFactor.slug);
}
