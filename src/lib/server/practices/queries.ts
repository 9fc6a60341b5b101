// SQL of the practice library; no rules here (see service.ts).
import { and, asc, desc, eq, inArray, max, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { city } from '../cities/schema.ts';
import { benchmark, keyFactor, theme } from '../benchmarks/schema.ts';
import { commitment } from '../charter/schema.ts';
import { practice, practiceIndex, practiceVersion } from './schema.ts';

export type Practice = typeof practice.$inferSelect;
export type PracticeVersion = typeof practiceVersion.$inferSelect;
export type NewVersion = Omit<typeof practiceVersion.$inferInsert, 'practiceId' | 'number'>;

export async function findById(db: Db, id: string) {
	const [row] = await db.select().from(practice).where(eq(practice.id, id));
	return row;
}

export async function findBySlug(db: Db, slug: string) {
	const [row] = await db.select().from(practice).where(eq(practice.slug, slug));
	return row;
}

export async function findVersion(db: Db, id: string) {
	const [row] = await db.select().from(practiceVersion).where(eq(practiceVersion.id, id));
	return row;
}

export async function latestVersion(db: Db, practiceId: string) {
	const [row] = await db
		.select()
		.from(practiceVersion)
		.where(eq(practiceVersion.practiceId, practiceId))
		.orderBy(desc(practiceVersion.number))
		.limit(1);
	return row;
}

export function listVersions(db: Db, practiceId: string) {
	return db
		.select({
			id: practiceVersion.id,
			number: practiceVersion.number,
			title: practiceVersion.title,
			createdAt: practiceVersion.createdAt
		})
		.from(practiceVersion)
		.where(eq(practiceVersion.practiceId, practiceId))
		.orderBy(desc(practiceVersion.number));
}

/** Practices with the title of their latest version. */
async function withLatestTitle(db: Db, rows: Practice[]) {
	if (rows.length === 0) return [];
	const latest = await db
		.select({ practiceId: practiceVersion.practiceId, number: max(practiceVersion.number) })
		.from(practiceVersion)
		.where(
			inArray(
				practiceVersion.practiceId,
				rows.map((r) => r.id)
			)
		)
		.groupBy(practiceVersion.practiceId);
	const titles = await db
		.select({
			practiceId: practiceVersion.practiceId,
			number: practiceVersion.number,
			title: practiceVersion.title
		})
		.from(practiceVersion)
		.where(
			inArray(
				practiceVersion.practiceId,
				rows.map((r) => r.id)
			)
		);
	return rows.map((r) => {
		const n = latest.find((l) => l.practiceId === r.id)?.number;
		return {
			...r,
			title: titles.find((t) => t.practiceId === r.id && t.number === n)?.title ?? ''
		};
	});
}

export async function listOfCity(db: Db, cityId: string) {
	const rows = await db
		.select()
		.from(practice)
		.where(eq(practice.cityId, cityId))
		.orderBy(desc(practice.updatedAt));
	return withLatestTitle(db, rows);
}

export async function listByStatus(db: Db, status: Practice['status']) {
	const rows = await db
		.select()
		.from(practice)
		.where(eq(practice.status, status))
		.orderBy(asc(practice.updatedAt));
	return withLatestTitle(db, rows);
}

/** Rows of a statement written in SQL (both drivers answer with `rows`). */
export async function rowsOf<T>(d: Db, statement: SQL): Promise<T[]> {
	const result = (await d.execute(statement)) as unknown as { rows: T[] };
	return result.rows;
}

export function listPublishedByIds(d: Db, ids: string[]) {
	if (ids.length === 0) return Promise.resolve([]);
	return d
		.select({
			id: practice.id,
			slug: practice.slug,
			publishedAt: practiceIndex.publishedAt,
			title: practiceVersion.title,
			summary: practiceVersion.summary,
			cities: practiceVersion.cities,
			periodFrom: practiceVersion.periodFrom,
			periodTo: practiceVersion.periodTo,
			language: practiceVersion.language
		})
		.from(practice)
		.innerJoin(practiceIndex, eq(practiceIndex.practiceId, practice.id))
		.innerJoin(practiceVersion, eq(practiceVersion.id, practice.publishedVersionId))
		.where(inArray(practice.id, ids));
}

/** A city's published practices (by the published version's cities), by title. */
export function listPublishedOfCity(db: Db, citySlug: string) {
	return db
		.select({
			slug: practice.slug,
			title: practiceVersion.title,
			summary: practiceVersion.summary,
			language: practiceVersion.language
		})
		.from(practice)
		.innerJoin(practiceVersion, eq(practiceVersion.id, practice.publishedVersionId))
		.where(sql`${practiceVersion.cities} @> ${JSON.stringify([citySlug])}::jsonb`)
		.orderBy(asc(practiceVersion.title));
}

/**
 * How many published practices each city takes part in, by the published version's cities
 * (one statement: the slugs of every published version, counted per slug). Cities in none
 * are absent; a practice counts once per city even if a slug were listed twice.
 */
export async function countPublishedByCity(db: Db): Promise<Map<string, number>> {
	// The search index holds exactly the published practices, their cities as an array.
	const rows = await rowsOf<{ slug: string; n: number }>(
		db,
		sql`select c.slug, count(distinct ${practiceIndex.practiceId})::int as n
			from ${practiceIndex}, unnest(${practiceIndex.cities}) as c(slug) group by c.slug`
	);
	return new Map(rows.map((r) => [r.slug, Number(r.n)]));
}

export async function insertPractice(db: Db, row: typeof practice.$inferInsert) {
	const [created] = await db.insert(practice).values(row).returning();
	return created!;
}

export async function updatePractice(
	db: Db,
	id: string,
	set: Partial<typeof practice.$inferInsert>
) {
	const [row] = await db
		.update(practice)
		.set({ ...set, updatedAt: new Date() })
		.where(eq(practice.id, id))
		.returning();
	return row!;
}

export async function insertVersion(db: Db, practiceId: string, row: NewVersion) {
	const last = await latestVersion(db, practiceId);
	const [created] = await db
		.insert(practiceVersion)
		.values({ ...row, practiceId, number: (last?.number ?? 0) + 1 })
		.returning();
	return created!;
}

export async function slugTaken(db: Db, slug: string) {
	return !!(await findBySlug(db, slug));
}

// What a practice can refer to: cities, themes, key factors of current benchmarks, commitments.

/** The published practices loaded from content/practices.json: their key factors and sources. */
export function listSeededPublished(db: Db) {
	return db
		.select({ keyFactors: practiceVersion.keyFactors, sources: practiceVersion.sources })
		.from(practice)
		.innerJoin(practiceVersion, eq(practiceVersion.id, practice.publishedVersionId))
		.where(eq(practice.fromSeed, true));
}

/** The names of the cities of these slugs. */
export function cityNames(db: Db, slugs: string[]) {
	if (slugs.length === 0) return Promise.resolve([]);
	return db
		.select({ slug: city.slug, name: city.name })
		.from(city)
		.where(inArray(city.slug, slugs));
}

export function listCityOptions(db: Db) {
	return db
		.select({ id: city.id, slug: city.slug, name: city.name })
		.from(city)
		.orderBy(asc(city.name));
}

export function listThemeOptions(db: Db) {
	return db
		.select({ slug: theme.slug, title: theme.title })
		.from(theme)
		.orderBy(asc(theme.position));
}

export function listKeyFactorOptions(db: Db) {
	return db
		.select({
			benchmark: benchmark.slug,
			slug: keyFactor.slug,
			number: keyFactor.number,
			title: keyFactor.title
		})
		.from(keyFactor)
		.innerJoin(
			benchmark,
			and(eq(benchmark.id, keyFactor.benchmarkId), eq(benchmark.isCurrent, true))
		)
		.orderBy(asc(benchmark.slug), asc(keyFactor.number));
}

export function listCommitmentOptions(db: Db) {
	return db
		.select({ slug: commitment.slug, text: commitment.text })
		.from(commitment)
		.orderBy(asc(commitment.position));
}
