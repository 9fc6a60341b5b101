// SQL of the practice library; no rules here (see service.ts).
import { and, asc, desc, eq, inArray, max, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { city } from '../cities/schema.ts';
import { benchmark, keyFactor, theme } from '../benchmarks/schema.ts';
import { commitment } from '../charter/schema.ts';
import { practice, practiceIndex, practicePosting, practiceVersion } from './schema.ts';

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

/** The configurations practices are indexed with (migration 0007), one per language. */
const CONFIGS = [
	'practice_en',
	'practice_fr',
	'practice_de',
	'practice_it',
	'practice_es',
	'practice_ar',
	'practice_search'
] as const;

/**
 * The words asked for, in every language a practice can be written in: each practice's words
 * were stemmed in its own language (migration 0007), so the query is stemmed in each of them
 * and any one may match. Accents are removed on both sides.
 */
function tsquery(q: string): SQL {
	const parts = CONFIGS.map((c) => sql`websearch_to_tsquery(${sql.raw(`'${c}'`)}, ${q})`);
	return sql`(${sql.join(parts, sql` || `)})`;
}

/** Rows of a statement written in SQL (both drivers answer with `rows`). */
async function rowsOf<T>(d: Db, statement: SQL): Promise<T[]> {
	const result = (await d.execute(statement)) as unknown as { rows: T[] };
	return result.rows;
}

/**
 * The query as PostgreSQL understands it in each language: websearch_to_tsquery's text, e.g.
 * `'languag' & 'women'` ('' when every word is a stop word there).
 */
export async function parsedQueries(d: Db, q: string): Promise<string[]> {
	const [row] = await rowsOf<{ parsed: string[] }>(
		d,
		sql`select array[${sql.join(
			CONFIGS.map((c) => sql`websearch_to_tsquery(${sql.raw(`'${c}'`)}, ${q})::text`),
			sql`, `
		)}] as parsed`
	);
	return row?.parsed ?? [];
}

/** Each word's reading in each language, as parsedQueries gives a whole query's. */
export async function parsedWords(d: Db, words: string[]): Promise<Map<string, string[]>> {
	const rows = await rowsOf<{ word: string; parsed: string[] }>(
		d,
		sql`select w as word, array[${sql.join(
			CONFIGS.map((c) => sql`websearch_to_tsquery(${sql.raw(`'${c}'`)}, w)::text`),
			sql`, `
		)}] as parsed from unnest(${sql`array[${sql.join(
			words.map((w) => sql`${w}`),
			sql`, `
		)}]::text[]`}) w`
	);
	return new Map(rows.map((r) => [r.word, r.parsed]));
}

export interface Posting {
	lexeme: string;
	seqs: Int32Array;
	titleSeqs: Int32Array;
	summarySeqs: Int32Array;
}

/**
 * An int[]'s text ("{1,5,9}") as numbers. Written out because the driver's general array
 * parser took longer than the query for the lists of common words (60,000 numbers).
 */
export function parseIntArray(text: string): Int32Array {
	const out = new Int32Array(text.length >> 1);
	let n = 0;
	let value = 0;
	let digits = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c >= 48 && c <= 57) {
			value = value * 10 + (c - 48);
			digits = true;
		} else if (digits) {
			out[n++] = value;
			value = 0;
			digits = false;
		}
	}
	return out.slice(0, n);
}

/** The practices (index numbers, ascending) that have each of these words (migration 0009). */
export async function postings(d: Db, lexemes: string[]): Promise<Posting[]> {
	if (lexemes.length === 0) return [];
	const p = practicePosting;
	const rows = await rowsOf<{ lexeme: string; seqs: string; title: string; summary: string }>(
		d,
		sql`select ${p.lexeme} as lexeme, ${p.seqs}::text as seqs, ${p.titleSeqs}::text as title,
			${p.summarySeqs}::text as summary from ${p}
			where ${p.lexeme} in (${sql.join(
				lexemes.map((l) => sql`${l}`),
				sql`, `
			)})`
	);
	return rows.map((r) => ({
		lexeme: r.lexeme,
		seqs: parseIntArray(r.seqs),
		titleSeqs: parseIntArray(r.title),
		summarySeqs: parseIntArray(r.summary)
	}));
}

/**
 * The published practices whose words match, by PostgreSQL's own evaluation of the query
 * (GIN index, then each matching row): for what the postings alone cannot answer, e.g.
 * "quoted phrases", whose words must follow each other.
 */
export async function matchingRows(d: Db, q: string): Promise<number[]> {
	const [row] = await rowsOf<{ seqs: number[] }>(
		d,
		sql`select coalesce(array_agg(${practiceIndex.seq}), '{}') as seqs from ${practiceIndex}
			where ${practiceIndex.document} @@ ${tsquery(q)}`
	);
	return row?.seqs ?? [];
}

export interface IndexRow {
	seq: number;
	practiceId: string;
	themes: string[];
	keyFactors: string[];
	commitments: string[];
	countries: string[];
	cities: string[];
	decades: number[];
}

/**
 * What the library keeps in memory of each published practice, newest first: as one JSON
 * array, which is read ten times faster than 100,000 rows of six arrays each.
 */
export async function listIndex(d: Db): Promise<IndexRow[]> {
	const i = practiceIndex;
	const [row] = await rowsOf<{ rows: string | null }>(
		d,
		sql`select json_agg(json_build_array(${i.seq}, ${i.practiceId}, ${i.themes}, ${i.keyFactors},
			${i.commitments}, ${i.countries}, ${i.cities}, ${i.decades})
			order by ${i.publishedAt} desc, ${i.practiceId})::text as rows
			from ${i}`
	);
	const rows = JSON.parse(row?.rows ?? '[]') as [
		number,
		string,
		string[],
		string[],
		string[],
		string[],
		string[],
		number[]
	][];
	return rows.map(
		([seq, practiceId, themes, keyFactors, commitments, countries, cities, decades]) => ({
			seq,
			practiceId,
			themes,
			keyFactors,
			commitments,
			countries,
			cities,
			decades
		})
	);
}

/** Published practices by id, with the published version's text (in no particular order). */
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
