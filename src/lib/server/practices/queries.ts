// SQL of the practice library; no rules here (see service.ts).
import { and, asc, desc, eq, inArray, max, sql, type Column, type SQL } from 'drizzle-orm';
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

/** What a search asks for: words, and facet values every result must have. */
export interface Criteria {
	q?: string;
	themes: string[];
	/** "benchmark/key-factor" */
	keyFactors: string[];
	commitments: string[];
	countries: string[];
	cities: string[];
	decades: number[];
}
export type Sort = 'relevance' | 'newest';

/**
 * The words asked for, in every language a practice can be written in: each practice's words
 * were stemmed in its own language (migration 0007), so the query is stemmed in each of them
 * and any one may match. Accents are removed on both sides.
 */
function tsquery(q: string): SQL {
	const configs = ['practice_en', 'practice_fr', 'practice_de', 'practice_it', 'practice_es'];
	const parts = [...configs, 'practice_ar', 'practice_search'].map(
		(c) => sql`websearch_to_tsquery(${sql.raw(`'${c}'`)}, ${q})`
	);
	return sql`(${sql.join(parts, sql` || `)})`;
}

function textArray(values: string[]): SQL {
	return sql`ARRAY[${sql.join(
		values.map((v) => sql`${v}`),
		sql`, `
	)}]::text[]`;
}

function where(c: Criteria): SQL | undefined {
	const i = practiceIndex;
	const all = (column: Column, values: string[]) =>
		values.length ? sql`${column} @> ${textArray(values)}` : undefined;
	return and(
		c.q ? sql`${i.document} @@ ${tsquery(c.q)}` : undefined,
		all(i.themes, c.themes),
		all(i.keyFactors, c.keyFactors),
		all(i.commitments, c.commitments),
		all(i.countries, c.countries),
		all(i.cities, c.cities),
		c.decades.length
			? sql`${i.decades} @> ARRAY[${sql.join(
					c.decades.map((d) => sql`${d}`),
					sql`, `
				)}]::integer[]`
			: undefined
	);
}

/** Rows of a statement written in SQL (both drivers answer with `rows`). */
async function rowsOf<T>(d: Db, statement: SQL): Promise<T[]> {
	const result = (await d.execute(statement)) as unknown as { rows: T[] };
	return result.rows;
}

export type Facet = 'theme' | 'keyFactor' | 'commitment' | 'country' | 'city' | 'decade';

/**
 * How many practices match, and for each facet value how many of them have it — in one pass
 * over the matching index rows.
 */
export function countFacets(d: Db, c: Criteria) {
	const m = sql.raw('m');
	const facet = (name: Facet, column: string) =>
		sql`select ${sql.raw(`'${name}'`)} as facet, v::text as value, count(*)::integer as n from ${m}, unnest(${m}.${sql.raw(column)}) v group by v`;
	return rowsOf<{ facet: Facet | 'total'; value: string; n: number }>(
		d,
		sql`with ${m} as materialized (
			select themes, key_factors, commitments, countries, cities, decades
			from ${practiceIndex} where ${where(c) ?? sql`true`}
		)
		select 'total' as facet, '' as value, count(*)::integer as n from ${m}
		union all ${facet('theme', 'themes')}
		union all ${facet('keyFactor', 'key_factors')}
		union all ${facet('commitment', 'commitments')}
		union all ${facet('country', 'countries')}
		union all ${facet('city', 'cities')}
		union all ${facet('decade', 'decades')}`
	);
}

/**
 * A page of matching published practices with their published text: by relevance (words in
 * the title weigh most, see migration 0007) or newest publication first.
 */
export function search(d: Db, c: Criteria, sort: Sort, limit: number, offset: number) {
	const i = practiceIndex;
	const rank = c.q ? sql`ts_rank_cd(${i.document}, ${tsquery(c.q)})` : sql`0`;
	return d
		.select({
			slug: practice.slug,
			publishedAt: i.publishedAt,
			title: practiceVersion.title,
			summary: practiceVersion.summary,
			cities: practiceVersion.cities,
			periodFrom: practiceVersion.periodFrom,
			periodTo: practiceVersion.periodTo,
			language: practiceVersion.language
		})
		.from(i)
		.innerJoin(practice, eq(practice.id, i.practiceId))
		.innerJoin(practiceVersion, eq(practiceVersion.id, practice.publishedVersionId))
		.where(where(c))
		.orderBy(
			...(sort === 'relevance' && c.q ? [desc(rank)] : []),
			desc(i.publishedAt),
			asc(i.practiceId)
		)
		.limit(limit)
		.offset(offset);
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
